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
    // "no-cache" asks the server whether the browser's copy is current,
    // rather than "reload", which downloaded every file again: on a first
    // visit app.wasm (8 MB) came twice, once for the page and once here.
    // Now the server answers 304 for what the page has just read.
    await cache.addAll(urls.map((href) => new Request(href, { cache: "no-cache" })));
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
  if (straightToNetwork(request)) {
    return;
  }
  event.respondWith(respond(request));
});

// keepPiecesMessage is the page (web/ranges.js) handing over the pieces of
// bundle files it read by range from the network, for the pieces cache.
const keepPiecesMessage = "marsad-keep-pieces";

self.addEventListener("message", (event) => {
  const data = event.data;
  if (data && data.type === keepPiecesMessage && Array.isArray(data.pieces)) {
    event.waitUntil(keepPieces(data.pieces));
  }
});

// keeping holds the pieces handed over until they are written, so that a
// page going offline at once still reads them.
const keeping = new Map();

async function keepPieces(pieces) {
  const mine = [];
  for (const p of pieces) {
    if (new URL(p.url).origin !== scopeURL.origin || !new URL(p.url).pathname.includes("/web/bundle/")) {
      continue;
    }
    const key = rangeKey(p.url, p.range);
    keeping.set(key, p);
    mine.push(key);
  }
  try {
    const found = await storedFiles();
    const cache = await caches.open(rangesName);
    for (const key of mine) {
      const p = keeping.get(key);
      const headers = { "Content-Range": String(p.contentRange || ""), "Content-Type": "application/octet-stream" };
      await cache.put(key, new Response(p.bytes, { status: 200, headers }));
      found.set(key, rangesName);
    }
  } catch (err) {
    // Out of storage: the page has its answer anyway.
  } finally {
    for (const key of mine) {
      keeping.delete(key);
    }
  }
}

// fromCachesHeader marks a range request the page (web/ranges.js) makes
// again after the network failed: it is answered from the caches only.
const fromCachesHeader = "X-Marsad-From-Caches";

// straightToNetwork tells the range reads of bundle files that no cache of
// this worker holds, whole or in pieces: the browser sends them to the
// network itself, without a round through the worker, which on a slow
// machine costs a fifth of a query. The page keeps the pieces it reads in
// the pieces cache, and asks again with fromCachesHeader when the network
// fails. Until the worker knows what its caches hold, it answers everything.
function straightToNetwork(request) {
  if (!storedNow) {
    storedFiles();
    return false;
  }
  const range = request.headers.get("range");
  if (!range || request.headers.has(fromCachesHeader) || !new URL(request.url).pathname.includes("/web/bundle/")) {
    return false;
  }
  return !storedNow.has(request.url) && !storedNow.has(rangeKey(request.url, range));
}

async function respond(request) {
  if (request.mode === "navigate") {
    const cache = await caches.open(cacheName);
    // Trap 2: /?q=داعش is the app shell with a query; ignore the search part
    // and fall back to the shell for any in-scope page.
    const page = (await cache.match(request, { ignoreSearch: true })) || (await cache.match(appShell));
    if (page) {
      return page;
    }
    return fetch(request);
  }
  if (new URL(request.url).pathname.includes("/web/bundle/")) {
    return respondBundle(request);
  }
  const cached = (await (await caches.open(cacheName)).match(request)) || (await matchKept(request));
  if (cached) {
    return cached;
  }
  return fetch(request);
}

// stored maps the URL of every bundle file this worker's caches hold (the
// precache, the corpora kept offline, the pieces read before) to the cache
// holding it. A query reads a dozen pieces of the bundle at once; looking
// each up in every cache costs more than the network on a fast line, so
// the lookups are done once per worker start and kept up to date here. A
// miss goes to the network; only if that fails are the caches searched
// again (a corpus kept, or pieces read, after this worker started).
// storedNow is the same map once it is built, for the fetch handler, which
// must decide at once.
let stored;
let storedNow;

function storedFiles() {
  if (!stored) {
    stored = (async () => {
      const found = new Map();
      for (const name of await caches.keys()) {
        if (name !== cacheName && name !== rangesName && !name.startsWith(keptPrefix)) {
          continue;
        }
        const cache = await caches.open(name);
        for (const req of await cache.keys()) {
          if (req.url.includes("/web/bundle/")) {
            found.set(req.url, name);
          }
        }
      }
      storedNow = found;
      return found;
    })().catch(() => new Map());
  }
  return stored;
}

// respondBundle answers a request for a bundle file, whole or byte ranges.
async function respondBundle(request) {
  const found = await storedFiles();
  const range = request.headers.get("range");
  const pieceURL = range ? rangeKey(request.url, range) : "";
  const where = found.get(request.url) || (range && found.get(pieceURL) ? rangesName : "");
  if (where) {
    const hit = await caches.match(where === rangesName && range ? pieceURL : request.url, { cacheName: where });
    if (hit) {
      if (!range) {
        return hit;
      }
      return where === rangesName ? asPartial(hit) : sliceRanges(hit, range);
    }
  }
  try {
    if (request.headers.has(fromCachesHeader)) {
      throw new Error("the network failed for " + request.url);
    }
    // The pieces the page reads it hands over to keepPieces.
    return await fetch(request);
  } catch (err) {
    // Offline, or the network failed: the caches may hold what the map
    // does not know yet.
    const cached = (await (await caches.open(cacheName)).match(request)) || (await matchKept(request));
    if (cached) {
      return range ? sliceRanges(cached, range) : cached;
    }
    if (range) {
      const piece = await caches.match(pieceURL, { cacheName: rangesName });
      if (piece) {
        return asPartial(piece);
      }
      const handed = keeping.get(pieceURL);
      if (handed) {
        return asPartial(new Response(handed.bytes, { headers: { "Content-Range": String(handed.contentRange || "") } }));
      }
    }
    throw err;
  }
}

// rangeKey is the key a piece of a file is kept under: the Cache API keys
// by URL and refuses partial responses.
function rangeKey(url, range) {
  const key = new URL(url);
  key.searchParams.set("marsad-range", range);
  return key.href;
}

// asPartial turns a kept piece back into the 206 answer it was.
async function asPartial(piece) {
  return new Response(await piece.arrayBuffer(), {
    status: 206,
    headers: {
      "Content-Range": piece.headers.get("Content-Range") || "",
      "Content-Type": "application/octet-stream",
      [keptPieceHeader]: "1",
    },
  });
}

// keptPieceHeader marks a piece answered from the worker's caches, which the
// page need not keep again.
const keptPieceHeader = "X-Marsad-Kept-Piece";

// sliceRanges answers a range request from a whole cached file with just the
// ranges asked for: one as a 206 of its bytes, several as
// multipart/byteranges, as a server would. Blob slices read only what they
// cover, so a page's articles do not each read a 24 MB pack. A range it
// cannot read gets the whole file (status 200), which the page slices.
async function sliceRanges(whole, range) {
  const blob = await whole.blob();
  const specs = (/^bytes=(.+)$/.exec(range) || ["", ""])[1].split(",").map((s) => /^\s*(\d+)-(\d+)\s*$/.exec(s));
  const parts = specs.map((m) => (m ? [Number(m[1]), Number(m[2])] : null));
  if (parts.some((p) => !p || p[0] > p[1] || p[1] >= blob.size)) {
    return new Response(blob, { status: 200, headers: { "Content-Type": "application/octet-stream" } });
  }
  const contentRange = ([a, b]) => "bytes " + a + "-" + b + "/" + blob.size;
  if (parts.length === 1) {
    return new Response(blob.slice(parts[0][0], parts[0][1] + 1), {
      status: 206,
      headers: { "Content-Range": contentRange(parts[0]), "Content-Type": "application/octet-stream", [keptPieceHeader]: "1" },
    });
  }
  const boundary = "marsad-" + Math.random().toString(16).slice(2);
  const body = [];
  for (const p of parts) {
    body.push("\r\n--" + boundary + "\r\nContent-Type: application/octet-stream\r\nContent-Range: " + contentRange(p) + "\r\n\r\n");
    body.push(blob.slice(p[0], p[1] + 1));
  }
  body.push("\r\n--" + boundary + "--\r\n");
  return new Response(new Blob(body), {
    status: 206,
    headers: { "Content-Type": "multipart/byteranges; boundary=" + boundary, [keptPieceHeader]: "1" },
  });
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
