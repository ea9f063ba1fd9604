// Marsad's page helpers: the keyboard, the document's language and theme,
// focus and scroll. They run before Go has loaded (the theme must not flash)
// and need no round trip into WebAssembly for a key press. The Go side
// calls window.marsadPage.* (internal/ui/browser_wasm.go).
(function () {
  "use strict";

  var root = document.documentElement;

  // The theme the visitor chose ("light", "dark"), or none: the system's.
  function applyTheme(theme) {
    if (theme === "light" || theme === "dark") {
      root.setAttribute("data-theme", theme);
    } else {
      root.removeAttribute("data-theme");
    }
  }

  // Preferences are plain strings in localStorage ("en", "dark"), read by
  // the loader before Go runs as well as by Go.
  function stored(key) {
    try {
      return localStorage.getItem(key) || "";
    } catch (e) {
      return "";
    }
  }

  applyTheme(stored("marsad.theme"));

  function typingIn(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  function resultLinks() {
    return Array.prototype.slice.call(document.querySelectorAll("ol.hits > li.hit .hit-title a"));
  }

  function click(selector) {
    var el = document.querySelector(selector);
    if (el) {
      el.click();
      return true;
    }
    return false;
  }

  // Moves the focus by step through the results; from the search box, down
  // goes to the first.
  function moveThroughResults(step) {
    var links = resultLinks();
    if (links.length === 0) return false;
    var at = links.indexOf(document.activeElement);
    var next = at < 0 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + step));
    links[next].focus();
    links[next].scrollIntoView({ block: "nearest" });
    return true;
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    var active = document.activeElement;
    var inBox = active && active.id === "q";
    var reader = document.querySelector("article.reader");
    var drawer = document.querySelector("#facets.open");

    if (e.key === "Escape") {
      // The save panel ("احفظ هذا البحث") open around the focus closes,
      // and the focus goes back to its summary. (Not the facet groups,
      // also disclosures: Esc in the phone's drawer closes the drawer.)
      var disclosure = active && active.closest ? active.closest("details.save-query[open]") : null;
      if (disclosure) {
        disclosure.open = false;
        var summary = disclosure.querySelector("summary");
        if (summary) summary.focus();
        e.preventDefault();
      } else if (drawer && click("#facets-close")) {
        e.preventDefault();
      } else if (reader && click("article.reader a.back")) {
        e.preventDefault();
      } else if (document.querySelector("article.help") && click("article.help a.back")) {
        e.preventDefault();
      }
      return;
    }
    // The workbench's view links are one Tab stop: the arrow keys move
    // between them, in reading order (← is next in Arabic), Home and End
    // to the ends.
    if (active && active.classList && active.classList.contains("tool-tab")) {
      var tabs = Array.prototype.slice.call(document.querySelectorAll(".tool-tabs a.tool-tab"));
      var at = tabs.indexOf(active);
      var forward = root.dir === "rtl" ? "ArrowLeft" : "ArrowRight";
      var back = root.dir === "rtl" ? "ArrowRight" : "ArrowLeft";
      var to = -1;
      if (e.key === forward) to = (at + 1) % tabs.length;
      else if (e.key === back) to = (at - 1 + tabs.length) % tabs.length;
      else if (e.key === "Home") to = 0;
      else if (e.key === "End") to = tabs.length - 1;
      if (to >= 0) {
        e.preventDefault();
        tabs[at].setAttribute("tabindex", "-1");
        tabs[to].setAttribute("tabindex", "0");
        tabs[to].focus();
        return;
      }
    }
    if (inBox) {
      if (e.key === "ArrowDown" && moveThroughResults(1)) e.preventDefault();
      return;
    }
    if (typingIn(active)) return;

    switch (e.key) {
      case "/":
        var box = document.getElementById("q");
        if (box) {
          e.preventDefault();
          box.focus();
          box.select();
        }
        return;
      case "v":
        var current = document.querySelector('.tool-tabs a[aria-current="page"]');
        if (current) {
          e.preventDefault();
          current.focus();
        }
        return;
      case "n":
        if (reader && click("article.reader .next-hit")) e.preventDefault();
        return;
      case "p":
        if (reader && click("article.reader .prev-hit")) e.preventDefault();
        return;
      case "j":
      case "ArrowDown":
        if (!reader && moveThroughResults(1)) e.preventDefault();
        return;
      case "k":
      case "ArrowUp":
        if (!reader && moveThroughResults(-1)) e.preventDefault();
        return;
    }
  });

  function scrollKey(address) {
    return "marsad.scroll:" + address;
  }

  // Copies text to the clipboard; done(true) once it is there, done(false)
  // when the browser refuses (no permission, an insecure origin).
  function copyText(text, done) {
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (e) {}
      document.body.removeChild(area);
      done(ok);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        done(true);
      }, fallback);
    } else {
      fallback();
    }
  }

  window.marsadPage = {
    get: stored,
    copy: copyText,
    // Saves bytes (a Uint8Array) as a file the browser downloads: the
    // export of a view.
    download: function (name, type, bytes) {
      var url = URL.createObjectURL(new Blob([bytes], { type: type }));
      var a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      setTimeout(function () {
        URL.revokeObjectURL(url);
      }, 10000);
    },
    // Reads the file a visitor picked in an <input type=file> as text:
    // done(text, "") or done("", the browser's error).
    readFile: function (input, done) {
      var file = input && input.files && input.files[0];
      if (!file) {
        done("", "no file");
        return;
      }
      file.text().then(
        function (text) {
          input.value = "";
          done(text, "");
        },
        function (e) {
          input.value = "";
          done("", String(e));
        }
      );
    },
    set: function (key, value) {
      try {
        localStorage.setItem(key, value);
      } catch (e) {}
    },
    setDocument: function (lang, dir, theme) {
      root.lang = lang;
      root.dir = dir;
      applyTheme(theme);
    },
    // focus focuses the element with that id, waiting a few frames for it
    // when a change of state has yet to draw it (a parent component's
    // update can come after the child's that asked).
    focus: function (id, tries) {
      var el = document.getElementById(id);
      if (el) {
        el.focus({ preventScroll: id === "reader-title" ? false : true });
      } else if ((tries || 0) < 10) {
        requestAnimationFrame(function () { window.marsadPage.focus(id, (tries || 0) + 1); });
      }
    },
    // focusResult focuses the link the reader was opened from: a result's
    // title, or a concordance line's hit (the article's hit-th highlight).
    focusResult: function (docID, hit) {
      var links = resultLinks();
      for (var i = 0; i < links.length; i++) {
        var li = links[i].closest("li.hit");
        if (li && li.getAttribute("data-doc-id") === docID) {
          links[i].focus({ preventScroll: true });
          return;
        }
      }
      // The line of that hit (the address's hit= counts from 1, and is
      // left out for the first), else the article's first line: the
      // reader may have stepped to another hit.
      var lines = document.querySelectorAll(".kwic .match a");
      var first = null;
      for (var j = 0; j < lines.length; j++) {
        var params = new URL(lines[j].href, location.href).searchParams;
        if (params.get("doc") !== docID) continue;
        if (Number(params.get("hit") || 1) - 1 === hit) {
          lines[j].focus({ preventScroll: true });
          return;
        }
        first = first || lines[j];
      }
      if (first) first.focus({ preventScroll: true });
    },
    rememberScroll: function (address) {
      try {
        sessionStorage.setItem(scrollKey(address), String(window.scrollY));
      } catch (e) {}
    },
    restoreScroll: function (address) {
      var y = null;
      try {
        y = sessionStorage.getItem(scrollKey(address));
      } catch (e) {}
      if (y !== null) window.scrollTo(0, parseFloat(y) || 0);
    },
  };
})();
