// Marsad's service worker. It replaces go-app's default worker, which fails
// offline in four ways (see the project notes): remote icons sinking the whole
// precache, query strings missing the cache, a path prefix cached without its
// trailing slash, and install/activate racing ahead of caching.
const cacheName = "marsad-" + "{{.Version}}";
// Corpora the visitor chose to keep offline live in caches of their own,
// named after the bundle's root file. The page fills them and removes stale
// ones; the worker only reads them, and never deletes them on activation.
const keptPrefix = "marsad-corpus-";
// The pieces of document packs the page read with range requests, so that
// articles opened once open again offline. The browser's HTTP cache keeps the
// bundle's whole files (they are immutable), but does not answer range
// requests offline. This cache goes with the version.
const rangesName = "marsad-ranges-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

// The app shell is the scope's root page: every navigation inside the scope is
// the same single-page app, whatever its path or query string.
const scopeURL = new URL(self.registration.scope);
const appShell = scopeURL.pathname;

function precacheURL(resource) {
  const url = new URL(resource, scopeURL);
  // Trap 3: under a prefix go-app lists "/repo" for the root page, while the
  // browser navigates to "/repo/".
  if (url.pathname + "/" === appShell) {
    url.pathname = appShell;
  }
  return url.href;
}

self.addEventListener("install", (event) => {
  // Trap 4: waitUntil keeps the worker installing until every file is cached.
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    // Trap 1: only same-origin files are precached, so a remote resource can
    // never make addAll fail and leave nothing offline.
    const urls = resourcesToCache
      .map(precacheURL)
      .filter((href) => new URL(href).origin === scopeURL.origin);
    await cache.addAll(urls.map((href) => new Request(href, { cache: "reload" })));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    const stale = keys.filter((key) => key !== cacheName && key !== rangesName && !key.startsWith(keptPrefix));
    await Promise.all(stale.map((key) => caches.delete(key)));
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== scopeURL.origin) {
    return;
  }
  event.respondWith(respond(request, event));
});

async function respond(request, event) {
  const cache = await caches.open(cacheName);
  if (request.mode === "navigate") {
    // Trap 2: /?q=داعش is the app shell with a query; ignore the search part
    // and fall back to the shell for any in-scope page.
    const page = (await cache.match(request, { ignoreSearch: true })) || (await cache.match(appShell));
    if (page) {
      return page;
    }
    return fetch(request);
  }
  // A range request answered from a cache gets the whole file (status 200):
  // the page slices it.
  const cached = (await cache.match(request)) || (await matchKept(request));
  if (cached) {
    return cached;
  }
  const range = request.headers.get("range");
  if (range && new URL(request.url).pathname.includes("/web/bundle/")) {
    return respondRange(request, range, event);
  }
  return fetch(request);
}

// respondRange answers a range request for a bundle file (a document in a
// pack) from the pieces read before, or from the network, keeping the piece.
// The Cache API refuses partial (206) responses: a piece is stored as a 200
// response under a key naming the range, and answered as a 206 again.
async function respondRange(request, range, event) {
  const key = new URL(request.url);
  key.searchParams.set("marsad-range", range);
  const pieces = await caches.open(rangesName);
  const piece = await pieces.match(key.href);
  if (piece) {
    return new Response(await piece.arrayBuffer(), {
      status: 206,
      headers: { "Content-Range": piece.headers.get("Content-Range") || "", "Content-Type": "application/octet-stream" },
    });
  }
  const response = await fetch(request);
  if (response.status === 206) {
    // Keep the piece after answering: the page waits for its document,
    // not for the cache.
    const copy = response.clone();
    event.waitUntil((async () => {
      const body = await copy.arrayBuffer();
      const headers = { "Content-Range": copy.headers.get("Content-Range") || "", "Content-Type": "application/octet-stream" };
      try {
        await pieces.put(key.href, new Response(body, { status: 200, headers }));
      } catch (err) {
        // Out of storage: the page got its answer anyway.
      }
    })());
  }
  return response;
}

// matchKept looks the request up in the corpora kept offline.
async function matchKept(request) {
  const keys = await caches.keys();
  for (const key of keys) {
    if (!key.startsWith(keptPrefix)) {
      continue;
    }
    // caches.match with a cacheName, unlike caches.open, never creates the
    // cache: the page may be deleting a stale one at this very moment.
    const kept = await caches.match(request, { cacheName: key });
    if (kept) {
      return kept;
    }
  }
  return undefined;
}
