// Marsad's service worker. It replaces go-app's default worker, which fails
// offline in four ways (see the project notes): remote icons sinking the whole
// precache, query strings missing the cache, a path prefix cached without its
// trailing slash, and install/activate racing ahead of caching.
const cacheName = "marsad-" + "{{.Version}}";
// Corpora the visitor chose to keep offline live in caches of their own,
// named after the bundle's root file. The page fills them and removes stale
// ones; the worker only reads them, and never deletes them on activation.
const keptPrefix = "marsad-corpus-";
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
    const stale = keys.filter((key) => key !== cacheName && !key.startsWith(keptPrefix));
    await Promise.all(stale.map((key) => caches.delete(key)));
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== scopeURL.origin) {
    return;
  }
  event.respondWith(respond(request));
});

async function respond(request) {
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
  // the page slices it. Nothing here ever stores a response, so a partial
  // (206) answer from the network is never cached.
  const cached = (await cache.match(request)) || (await matchKept(request));
  if (cached) {
    return cached;
  }
  return fetch(request);
}

// matchKept looks the request up in the corpora kept offline.
async function matchKept(request) {
  const keys = await caches.keys();
  for (const key of keys) {
    if (!key.startsWith(keptPrefix)) {
      continue;
    }
    const kept = await (await caches.open(key)).match(request);
    if (kept) {
      return kept;
    }
  }
  return undefined;
}
