// marsadFetchRanges fetches several byte ranges of bundle files at once, for
// the engine in app.wasm. A page of results needs ten articles, each a range
// of a document pack. Fetched one by one from Go, every response would wake
// the Go program on its own; here they are all awaited in JavaScript, and Go
// wakes once, to copy their bytes in one call. The ranges of one file go in
// one request (Range: bytes=a-b,c-d), which the server answers with
// multipart/byteranges: on a busy machine every request costs milliseconds.
//
// requests: [[url, offset, length], ...]. The service worker lets range
// requests for what it does not hold go to the network without passing
// through it; the pieces read are handed to it to keep once the visitor
// pauses, so that they read again offline. When the network fails, a range
// is asked again with fromCachesHeader, and the worker answers it from its
// caches.
//
// The promise resolves to {bytes: Uint8Array (every answer, one after
// another), sizes: [n, ...], errors: [message or "", ...]}; it never rejects.
(() => {
  const fromCachesHeader = "X-Marsad-From-Caches";
  const keptPieceHeader = "X-Marsad-Kept-Piece";
  const keepPiecesMessage = "marsad-keep-pieces"; // as in app-worker.js

  // multiRange: whether the server answers several ranges with just those
  // ranges. A server that cannot answers with the whole file (or refuses):
  // that answer is dropped at its headers, and from then on ranges are
  // asked one by one.
  let multiRange = true;

  function rangeHeader(off, length) {
    return "bytes=" + off + "-" + (off + length - 1);
  }

  async function fetchRange(url, off, length, toKeep) {
    const range = rangeHeader(off, length);
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

  // fetchRanges asks for several ranges of one file in one request. It
  // returns their bytes in the order of parts, or null when the answer is
  // not the ranges asked for (the caller then asks them one by one).
  async function fetchRanges(url, parts, toKeep) {
    const wanted = [...new Set(parts.map((p) => p.off + "-" + (p.off + p.length - 1)))];
    const abort = new AbortController();
    const response = await fetch(url, { headers: { Range: "bytes=" + wanted.join(",") }, signal: abort.signal });
    if (response.status !== 206) {
      abort.abort();
      // The whole file, or "range not satisfiable" for ranges a single
      // one of which would do: the server does not serve several.
      if (response.status === 200 || response.status === 416) {
        multiRange = false;
      }
      return null;
    }
    const kept = response.headers.has(keptPieceHeader);
    const type = response.headers.get("Content-Type") || "";
    const body = new Uint8Array(await response.arrayBuffer());
    const got = []; // {start, end, total, bytes}
    const boundary = /^multipart\/byteranges;.*boundary="?([^";]+)"?/i.exec(type);
    if (boundary) {
      parseParts(body, boundary[1], got);
    } else {
      // A server may merge ranges into one.
      const r = parseContentRange(response.headers.get("Content-Range"));
      if (r && r.end - r.start + 1 === body.length) {
        got.push({ ...r, bytes: body });
      }
    }
    const out = [];
    for (const p of parts) {
      const g = got.find((g) => g.start <= p.off && p.off + p.length - 1 <= g.end);
      if (!g) {
        return null;
      }
      const bytes = g.bytes.subarray(p.off - g.start, p.off - g.start + p.length);
      if (!kept) {
        toKeep.push({ url, range: rangeHeader(p.off, p.length), bytes, contentRange: "bytes " + p.off + "-" + (p.off + p.length - 1) + "/" + g.total });
      }
      out.push(bytes);
    }
    return out;
  }

  function parseContentRange(value) {
    const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec((value || "").trim());
    return m ? { start: Number(m[1]), end: Number(m[2]), total: m[3] } : null;
  }

  // parseParts reads a multipart/byteranges body: each part is a boundary
  // line, headers, an empty line, then as many bytes as its Content-Range
  // says (the bytes are not searched for the boundary, which they may hold).
  function parseParts(body, boundary, got) {
    const ascii = new TextDecoder("latin1");
    const mark = new TextEncoder().encode("--" + boundary);
    let at = 0;
    for (;;) {
      at = indexOf(body, mark, at);
      if (at < 0 || body[at + mark.length] === 45 /* "-": the closing boundary */) {
        return;
      }
      const headersEnd = indexOf(body, new Uint8Array([13, 10, 13, 10]), at);
      if (headersEnd < 0) {
        return;
      }
      const headers = ascii.decode(body.subarray(at + mark.length, headersEnd));
      const line = /content-range:\s*([^\r\n]+)/i.exec(headers);
      const r = line && parseContentRange(line[1]);
      if (!r) {
        return;
      }
      const start = headersEnd + 4;
      const end = start + (r.end - r.start + 1);
      if (end > body.length) {
        return;
      }
      got.push({ ...r, bytes: body.subarray(start, end) });
      at = end;
    }
  }

  function indexOf(hay, needle, from) {
    outer: for (let i = from; i <= hay.length - needle.length; i++) {
      for (let j = 0; j < needle.length; j++) {
        if (hay[i + j] !== needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  // The pieces read from the network wait here until the visitor pauses,
  // then go to the service worker, which keeps them (see keepPiecesMessage
  // in app-worker.js). Handed over at once, every query's pieces were
  // written to disk while the next query's requests were in flight, which
  // cost each query a tenth of its time on a 2-core machine. A page that
  // is left or hidden hands them over at once: a worker's work outlives the
  // page, which may be left the moment its results are shown.
  const keepAfterPauseMs = 1500;
  const keepAtMostBytes = 4 << 20;
  let waiting = [];
  let waitingBytes = 0;
  let keepTimer = 0;

  function keepPieces(pieces) {
    for (const p of pieces) {
      // slice: a piece of a multipart answer is a view of the whole body,
      // which would be kept, and copied to the worker, with it.
      waiting.push({ url: new URL(p.url, location.href).href, range: p.range, contentRange: p.contentRange, bytes: p.bytes.slice() });
      waitingBytes += p.bytes.length;
    }
    clearTimeout(keepTimer);
    if (waitingBytes >= keepAtMostBytes) {
      handOver();
    } else {
      keepTimer = setTimeout(handOver, keepAfterPauseMs);
    }
  }

  function handOver() {
    clearTimeout(keepTimer);
    const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (worker && waiting.length > 0) {
      worker.postMessage({ type: keepPiecesMessage, pieces: waiting });
    }
    waiting = [];
    waitingBytes = 0;
  }

  addEventListener("pagehide", handOver);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") {
      handOver();
    }
  });

  window.marsadFetchRanges = async function (requests) {
    const toKeep = [];
    const answers = new Array(requests.length);
    const byURL = new Map();
    requests.forEach(([url, off, length], i) => {
      if (!byURL.has(url)) {
        byURL.set(url, []);
      }
      byURL.get(url).push({ i, off, length });
    });
    await Promise.all([...byURL].map(async ([url, parts]) => {
      if (parts.length > 1 && multiRange) {
        try {
          const got = await fetchRanges(url, parts, toKeep);
          if (got) {
            got.forEach((bytes, k) => { answers[parts[k].i] = bytes; });
            return;
          }
        } catch (err) {
          // The network failed: the ranges are asked one by one, and then
          // from the service worker's caches.
        }
      }
      await Promise.all(parts.map(async (p) => {
        answers[p.i] = await fetchRange(url, p.off, p.length, toKeep).catch((err) => String(err));
      }));
    }));
    if (toKeep.length > 0) {
      keepPieces(toKeep);
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
