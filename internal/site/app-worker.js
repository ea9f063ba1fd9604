// Marsad's service worker. It replaces go-app's default worker, which fails
// offline in four ways (see the project notes): remote icons sinking the whole
// precache, query strings missing the cache, a path prefix cached without its
// trailing slash, and install/activate racing ahead of caching.
const cacheName = "marsad-" + "{{.Version}}";
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
    await Promise.all(keys.filter((key) => key !== cacheName).map((key) => caches.delete(key)));
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
  const cached = await cache.match(request);
  if (cached) {
    return cached;
  }
  return fetch(request);
}
