// marsadFetchRanges fetches several byte ranges of bundle files at once, for
// the engine in app.wasm. A page of results needs ten articles, each a range
// of a document pack: fetched one by one from Go, every response would wake
// the Go program on its own; here they are all awaited in JavaScript, and Go
// wakes once, to copy their bytes in one call.
//
// requests: [[url, offset, length], ...]. The promise resolves to
// {bytes: Uint8Array (every answer, one after another), sizes: [n, ...],
// errors: [message or "", ...]}; it never rejects.
window.marsadFetchRanges = async function (requests) {
  const answers = await Promise.all(requests.map(async ([url, off, length]) => {
    try {
      const response = await fetch(url, { headers: { Range: "bytes=" + off + "-" + (off + length - 1) } });
      if (!response.ok) {
        return "HTTP " + response.status + " " + response.statusText;
      }
      let bytes = new Uint8Array(await response.arrayBuffer());
      if (response.status !== 206) {
        // A server or cache that ignores ranges answers with the whole file.
        if (off + length > bytes.length) {
          return "range " + off + "+" + length + " beyond the end of the file";
        }
        bytes = bytes.subarray(off, off + length);
      }
      if (bytes.length !== length) {
        return "short range: " + bytes.length + " of " + length + " bytes";
      }
      return bytes;
    } catch (err) {
      return String(err);
    }
  }));
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
