
// -----------------------------------------------------------------------------
// Marsad's loader: it replaces go-app's goappInitWebAssembly, which hung at
// "100%" when a host served app.wasm with a type other than
// application/wasm, and showed failures only in the console. This one
// instantiates from the bytes when the type is wrong, and says in the page's
// language what failed and what to try.
// -----------------------------------------------------------------------------
const marsadLoaderText = {{.LoaderText}};

// marsadLang is the page's language before Go runs: ?lang=en or ?lang=ar,
// else what the visitor chose before (localStorage "marsad.lang"), else
// Arabic.
function marsadLang() {
  const asked = new URLSearchParams(window.location.search).get("lang");
  if (asked === "ar" || asked === "en") {
    return asked;
  }
  try {
    const kept = window.localStorage.getItem("marsad.lang");
    if (kept === "ar" || kept === "en") {
      return kept;
    }
  } catch (err) {
    // Storage refused (a private window): Arabic.
  }
  return "ar";
}

// MarsadLoadError is a failure with the message that explains it.
class MarsadLoadError extends Error {
  constructor(kind, details) {
    super(kind + ": " + JSON.stringify(details));
    this.kind = kind;
    this.details = details;
  }
}

async function marsadLoadWebAssembly() {
  const loader = document.getElementById("app-wasm-loader");
  if (!goappCanLoadWebAssembly()) {
    loader.remove();
    return;
  }
  const lang = marsadLang();
  const text = marsadLoaderText[lang];
  const label = document.getElementById("app-wasm-loader-label");
  const icon = document.getElementById("app-wasm-loader-icon");
  // Only the loader's own text: the page's language is the page's to set.
  label.lang = lang;
  label.dir = lang === "en" ? "ltr" : "rtl";
  const showProgress = (percent) => {
    label.textContent = text.loading.replace("{progress}", String(Math.min(100, percent)));
  };
  showProgress(0);

  const wasmURL = goappEnv.GOAPP_STATIC_RESOURCES_URL + "/app.wasm";
  const file = "app.wasm";
  try {
    if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
      throw new MarsadLoadError("unsupported", {});
    }
    const go = new Go();
    let response;
    try {
      response = await fetch(wasmURL);
    } catch (err) {
      throw new MarsadLoadError("offline", { file });
    }
    if (!response.ok) {
      throw new MarsadLoadError("http", { file, status: String(response.status) });
    }
    // goappWasmContentLength is app.wasm's own size, written at build
    // time: the Content-Length of a compressed answer is smaller.
    const total = parseInt(goappWasmContentLength, 10) || parseInt(response.headers.get("Content-Length"), 10) || 0;
    const counted = marsadCountProgress(response, total, showProgress);
    const type = (response.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
    let wasm;
    try {
      if (type === "application/wasm" && WebAssembly.instantiateStreaming) {
        wasm = await WebAssembly.instantiateStreaming(counted, go.importObject);
      } else {
        // A host that sends another type (application/octet-stream):
        // streaming compilation refuses it, compiling the bytes does not.
        const bytes = await (await counted).arrayBuffer();
        wasm = await WebAssembly.instantiate(bytes, go.importObject);
      }
    } catch (err) {
      if (err instanceof MarsadLoadError) {
        throw err;
      }
      if (err instanceof TypeError && !navigator.onLine) {
        throw new MarsadLoadError("offline", { file });
      }
      throw new MarsadLoadError("compile", { file, error: String(err && err.message ? err.message : err) });
    }
    showProgress(100);
    performance.mark("marsad:wasm-compiled");
    try {
      go.run(wasm.instance);
    } catch (err) {
      throw new MarsadLoadError("run", { error: String(err && err.message ? err.message : err) });
    }
    loader.remove();
  } catch (err) {
    const kind = err instanceof MarsadLoadError ? err.kind : "run";
    const details = err instanceof MarsadLoadError ? err.details : { error: String(err) };
    let message = text[kind] || text.run;
    for (const [key, value] of Object.entries(details)) {
      message = message.split("{" + key + "}").join(value);
    }
    icon.className = "goapp-logo";
    label.textContent = message;
    label.setAttribute("role", "alert");
    loader.dataset.failed = kind;
    const retry = document.createElement("button");
    retry.type = "button";
    retry.className = "marsad-loader-retry";
    retry.textContent = text.retry;
    retry.addEventListener("click", () => window.location.reload());
    label.after(retry);
    console.error("loading Marsad failed:", err);
  }
}

// marsadCountProgress reports the bytes read so far against total
// (app.wasm's size) from a copy of the response, and returns the response
// itself: the compiler gets the browser's own response, with its URL, so
// that the browser can keep the compiled code in its cache and skip
// compiling on the next visit (a response made in JavaScript has no URL,
// and its code is never cached).
async function marsadCountProgress(response, total, progress) {
  if (!response.body || !total) {
    return response;
  }
  const reader = response.clone().body.getReader();
  let loaded = 0;
  let shown = -1;
  (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          break;
        }
        loaded += value.byteLength;
        // The body comes in thousands of small chunks: the label changes
        // only when its number does, not a thousand times a second while
        // the compiler wants the same thread.
        const percent = Math.round((loaded * 100) / total);
        if (percent !== shown) {
          shown = percent;
          progress(percent);
        }
      }
      progress(100);
    } catch (err) {
      // The compiler sees the same failure and says it.
    }
  })();
  return response;
}
