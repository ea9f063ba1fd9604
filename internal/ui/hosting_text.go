package ui

// The loader's text: it runs before Go, so its messages are written into
// app.js by the site generator, each an Arabic and English pair, and the
// loader picks one by the language the page will have. The page's own
// messages, once Go runs, are in the catalogue (i18n.go).

// hostingText is one message in both of the page's languages.
type hostingText struct{ ar, en string }

// In returns the message in lang ("en" for English; Arabic otherwise).
func (t hostingText) In(lang string) string {
	if lang == "en" {
		return t.en
	}
	return t.ar
}

// The loader's messages. {progress} is the percentage downloaded.
var (
	msgLoaderLoading = hostingText{
		ar: "جارٍ تحميل مرصد… {progress}%",
		en: "Loading Marsad… {progress}%",
	}
	msgLoaderUnsupported = hostingText{
		ar: "لا يشغّل هذا المتصفح WebAssembly، ومرصد يحتاج إليه. افتح الصفحة في إصدار حديث من Chrome أو Firefox أو Safari أو Edge.",
		en: "This browser does not run WebAssembly, which Marsad needs. Open the page in a recent Chrome, Firefox, Safari or Edge.",
	}
	msgLoaderOffline = hostingText{
		ar: "تعذّر تنزيل مرصد ({file}): لا اتصال بالشبكة، ولم يُحفظ التطبيق بعد على هذا الجهاز. اتصل بالشبكة ثم أعد تحميل الصفحة.",
		en: "Marsad could not be downloaded ({file}): there is no network connection and the app is not kept on this device yet. Connect, then reload the page.",
	}
	msgLoaderHTTP = hostingText{
		ar: "تعذّر تنزيل مرصد: أجاب الخادم عن {file} بالرمز {status}. أعد تحميل الصفحة بعد قليل؛ وإن تكرر ذلك فأبلغ من ينشر الموقع أن هذا الملف ناقص.",
		en: "Marsad could not be downloaded: the server answered {status} for {file}. Reload the page in a while; if it happens again, tell whoever publishes the site that this file is missing.",
	}
	msgLoaderCompile = hostingText{
		ar: "نُزّل مرصد ({file}) لكن المتصفح لم يستطع تشغيله: {error}. أعد تحميل الصفحة؛ وإن تكرر ذلك فحدّث المتصفح، أو أبلغ من ينشر الموقع أن الملف تالف.",
		en: "Marsad ({file}) was downloaded but the browser could not run it: {error}. Reload the page; if it happens again, update the browser, or tell whoever publishes the site that the file is damaged.",
	}
	msgLoaderRun = hostingText{
		ar: "توقف مرصد عن العمل أثناء بدئه: {error}. أعد تحميل الصفحة.",
		en: "Marsad stopped while starting: {error}. Reload the page.",
	}
	msgLoaderRetry = hostingText{
		ar: "أعد التحميل",
		en: "Reload",
	}
)

// LoaderText is the loader's messages in both languages, keyed by
// language and then by message, for the loader script in app.js.
func LoaderText() map[string]map[string]string {
	msgs := map[string]hostingText{
		"loading":     msgLoaderLoading,
		"unsupported": msgLoaderUnsupported,
		"offline":     msgLoaderOffline,
		"http":        msgLoaderHTTP,
		"compile":     msgLoaderCompile,
		"run":         msgLoaderRun,
		"retry":       msgLoaderRetry,
	}
	out := map[string]map[string]string{"ar": {}, "en": {}}
	for key, m := range msgs {
		out["ar"][key] = m.In("ar")
		out["en"][key] = m.In("en")
	}
	return out
}
