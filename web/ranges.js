// marsadFetchRanges fetches several byte ranges of bundle files at once, for
// the engine in app.wasm. A page of results needs ten articles, each a range
// of a document pack: fetched one by one from Go, every response would wake
// the Go program on its own; here they are all awaited in JavaScript, and Go
// wakes once, to copy their bytes in one call.
//
// requests: [[url, offset, length], ...]; piecesCache: the name of the
// service worker's cache of pieces (marsad-ranges-<version>), where the
// pieces read from the network are kept so that they read again offline.
// The service worker lets range requests for what it does not hold go to
// the network without passing through it; when the network fails, the
// request is made again with fromCachesHeader, and the worker answers it
// from its caches.
//
// The promise resolves to {bytes: Uint8Array (every answer, one after
// another), sizes: [n, ...], errors: [message or "", ...]}; it never rejects.
(() => {
  const fromCachesHeader = "X-Marsad-From-Caches";
  const keptPieceHeader = "X-Marsad-Kept-Piece";

  async function fetchRange(url, off, length, toKeep) {
    const range = "bytes=" + off + "-" + (off + length - 1);
    let response;
    try {
      response = await fetch(url, { headers: { Range: range } });
    } catch (err) {
      if (!navigator.serviceWorker || !navigator.serviceWorker.controller) {
        throw err;
      }
      response = await fetch(url, { headers: { Range: range, [fromCachesHeader]: "1" } });
    }
    if (!response.ok) {
      return "HTTP " + response.status + " " + response.statusText;
    }
    let bytes = new Uint8Array(await response.arrayBuffer());
    if (response.status !== 206) {
      // A server or cache that ignores ranges answers with the whole file.
      if (off + length > bytes.length) {
        return "range " + off + "+" + length + " beyond the end of the file";
      }
      return bytes.subarray(off, off + length);
    }
    if (bytes.length !== length) {
      return "short range: " + bytes.length + " of " + length + " bytes";
    }
    if (!response.headers.has(keptPieceHeader)) {
      toKeep.push({ url, range, bytes, contentRange: response.headers.get("Content-Range") || "" });
    }
    return bytes;
  }

  // keepPieces stores pieces under the keys the service worker looks them up
  // by: the Cache API keys by URL and refuses partial (206) responses.
  async function keepPieces(pieces, cacheName) {
    try {
      const cache = await caches.open(cacheName);
      for (const p of pieces) {
        const key = new URL(p.url, location.href);
        key.searchParams.set("marsad-range", p.range);
        await cache.put(key.href, new Response(p.bytes, {
          status: 200,
          headers: { "Content-Range": p.contentRange, "Content-Type": "application/octet-stream" },
        }));
      }
    } catch (err) {
      // No Cache API here, or no room left: the page has its answer anyway.
    }
  }

  window.marsadFetchRanges = async function (requests, piecesCache) {
    const toKeep = [];
    const answers = await Promise.all(requests.map(([url, off, length]) =>
      fetchRange(url, off, length, toKeep).catch((err) => String(err))));
    if (toKeep.length > 0 && piecesCache && self.caches) {
      // After the answer: the page waits for its articles, not for the cache.
      setTimeout(() => keepPieces(toKeep, piecesCache), 0);
    }
    const sizes = answers.map((a) => (typeof a === "string" ? 0 : a.length));
    const bytes = new Uint8Array(sizes.reduce((sum, n) => sum + n, 0));
    let at = 0;
    for (const a of answers) {
      if (typeof a !== "string") {
        bytes.set(a, at);
        at += a.length;
      }
    }
    return { bytes, sizes, errors: answers.map((a) => (typeof a === "string" ? a : "")) };
  };
})();
