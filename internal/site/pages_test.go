package site

import (
	"strings"
	"testing"
)

func TestCleanBase(t *testing.T) {
	for in, want := range map[string]string{"": "/", "/": "/", "marsad": "/marsad/", "/marsad": "/marsad/", "/a/b/": "/a/b/"} {
		if got, err := CleanBase(in); err != nil || got != want {
			t.Errorf("CleanBase(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"/a//b/", "/a/../b", "/a?x=1", "/a#top", "/a/./b"} {
		if _, err := CleanBase(bad); err == nil {
			t.Errorf("CleanBase(%q) accepted", bad)
		}
	}
}

func TestGenerateUnderABasePath(t *testing.T) {
	dir := siteDir(t)
	bundle := testBundle(t)
	if err := Generate(Options{Dir: dir, Bundle: bundle, Assets: testAssets, Base: "/marsad/"}); err != nil {
		t.Fatal(err)
	}
	index := readFile(t, dir, "index.html")
	for _, want := range []string{`src="/marsad/app.js"`, `href="/marsad/web/marsad.css"`, `href="/marsad/manifest.webmanifest"`} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	for _, wrong := range []string{`"/app.js"`, `"/web/`} {
		if strings.Contains(index, wrong) {
			t.Errorf("index.html still asks for %s at the host's root", wrong)
		}
	}
	worker := readFile(t, dir, "app-worker.js")
	if !strings.Contains(worker, `"/marsad/web/bundle/`+bundle.Root+`"`) || strings.Contains(worker, `,"/web/`) || strings.Contains(worker, `["/web/`) {
		t.Error("the worker does not precache the bundle under /marsad/")
	}
	if m := readFile(t, dir, "manifest.webmanifest"); !strings.Contains(m, `"scope":"/marsad/"`) {
		t.Errorf("manifest scope is not /marsad/: %s", m)
	}
	if js := readFile(t, dir, "app.js"); !strings.Contains(js, `"GOAPP_ROOT_PREFIX":"/marsad"`) || !strings.Contains(js, `register(
        "/marsad/app-worker.js"`) {
		t.Error("app.js does not register the worker and route under /marsad")
	}
}

func TestPagesHaveAPolicyAndNoBareOpenGraphURLs(t *testing.T) {
	for _, tc := range []struct {
		url  string
		want []string
	}{
		{"", nil},
		{"https://example.org/marsad", []string{
			`<meta property="og:url" content="https://example.org/marsad/">`,
			`<meta property="og:image" content="https://example.org/marsad/web/icons/icon-512.png">`}},
	} {
		dir := siteDir(t)
		if err := Generate(Options{Dir: dir, Bundle: testBundle(t), Assets: testAssets, URL: tc.url}); err != nil {
			t.Fatal(err)
		}
		index := readFile(t, dir, "index.html")
		if !strings.Contains(index, `<meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="`+ContentSecurityPolicy+`">`) {
			t.Error("the policy is not the first thing after the charset")
		}
		if strings.Contains(index, `content="https://"`) {
			t.Errorf("-url %q: a bare https:// is left in the page", tc.url)
		}
		if n := strings.Count(index, `property="og:url"`) + strings.Count(index, `property="og:image"`); n != len(tc.want) {
			t.Errorf("-url %q: %d og:url/og:image tags, want %d", tc.url, n, len(tc.want))
		}
		for _, w := range tc.want {
			if !strings.Contains(index, w) {
				t.Errorf("-url %q: page lacks %s", tc.url, w)
			}
		}
	}
	if err := Generate(Options{Dir: siteDir(t), Bundle: testBundle(t), Assets: testAssets, URL: "example.org"}); err == nil || !strings.Contains(err.Error(), "-url") {
		t.Errorf("a URL without scheme gave %v", err)
	}
}

func TestAppJSStartsMarsadsLoader(t *testing.T) {
	dir := siteDir(t)
	if err := Generate(Options{Dir: dir, Bundle: testBundle(t), Assets: testAssets}); err != nil {
		t.Fatal(err)
	}
	js := readFile(t, dir, "app.js")
	if strings.Contains(js, "\ngoappInitWebAssembly();") || !strings.HasSuffix(js, "\nmarsadLoadWebAssembly();\n") {
		t.Error("app.js still starts go-app's loader, or not Marsad's last")
	}
	if !strings.Contains(js, `const goappWasmContentLength = "4"`) {
		t.Error("the loader is not told app.wasm's own size")
	}
	for _, want := range []string{`"loading":"Loading Marsad… {progress}%"`, `"loading":"جارٍ تحميل مرصد… {progress}%"`} {
		if !strings.Contains(js, want) {
			t.Errorf("app.js lacks the loader text %s", want)
		}
	}
}
