/* Newspaper archive: Pagefind search in Material's header box, the bilingual
   (paragraph by paragraph) view of an article, and line highlighting in source views.
   Dump text is only ever put into the page as text nodes, never as HTML. */
(function () {
  "use strict";

  /* ---------------------------------------------------------------- search */
  var search = document.querySelector(".na-search");
  var state = { pagefind: null, loading: null, seq: 0, shards: [], recent: [], all: null, merged: false,
                convert: null, converting: null, triggers: null };
  var FEW = 10;       /* fewer results than this in the recent shards: search all years at once */
  var RECENT = 1000;  /* pages the first search covers at least (a month of a daily paper: ~1,800) */

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src; s.async = true;
      s.onload = resolve; s.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(s);
    });
  }

  function getJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + r.url);
      return r.json();
    });
  }

  /* The index is cut into month shards (build_scripts/site/search.py), listed newest first
     in pagefind/shards.json. The newest shard's bundle is the Pagefind instance, with the
     next ones merged in (mergeIndex) until it covers RECENT pages, so early in a month the
     first search still sees the month before; the others are merged on "search all years",
     or at once when the recent shards find fewer than FEW articles. */
  function initSearch() {
    if (state.loading) return state.loading;
    var lang = search.getAttribute("data-na-lang");
    var list = new URL(search.getAttribute("data-na-pagefind"), location.href);
    var base = new URL("../", list);
    var steps = [getJSON(list.href).then(function (data) {
      state.shards = data.shards || [];
      if (!state.shards.length) throw new Error("no search index");
      var bundle = new URL(state.shards[0].name + "/pagefind.js", list);
      return import(bundle.href).then(function (pf) {
        return pf.options({ baseUrl: base.pathname, excerptLength: 40 }).then(function () {
          return pf.init();
        }).then(function () {
          var merge = function (shards) {
            return shards.reduce(function (p, shard) {
              return p.then(function () {
                return pf.mergeIndex(new URL(shard.name + "/", list).pathname,
                                     { baseUrl: base.pathname, excerptLength: 40 });
              });
            }, Promise.resolve());
          };
          var recent = 1, pages = state.shards[0].pages || 0;
          while (recent < state.shards.length && pages < RECENT) pages += state.shards[recent++].pages || 0;
          state.recent = state.shards.slice(0, recent);
          state.pagefind = pf;
          state.merged = recent >= state.shards.length;
          state.all = function () {   /* merges the other shards, once */
            if (!state.allLoading) {
              state.allLoading = merge(state.shards.slice(recent)).then(function () { state.merged = true; });
            }
            return state.allLoading;
          };
          return merge(state.recent.slice(1));
        });
      });
    })];
    if (lang.indexOf("zh") === 0) {
      /* The zh-Hans and zh-Hant indexes hold Simplified text; readers type either script.
         opencc-js (t2cn.js, ~107 KB) is loaded only for a query holding a character or phrase
         its conversion changes (t2cn-triggers.json, made by build_scripts/site/t2cn_triggers.js). */
      steps.push(getJSON(new URL(search.getAttribute("data-na-opencc-triggers"), location.href).href)
        .then(function (t) { state.triggers = { chars: new Set(Array.from(t.chars)), phrases: t.phrases }; }));
    }
    state.loading = Promise.all(steps);
    return state.loading;
  }

  function needsConversion(q) {
    if (!state.triggers) return false;
    for (var ch of q) if (state.triggers.chars.has(ch)) return true;
    return state.triggers.phrases.some(function (p) { return q.indexOf(p) >= 0; });
  }

  function prepared(query) {
    if (!needsConversion(query)) return Promise.resolve(query);
    if (!state.converting) {
      state.converting = loadScript(new URL(search.getAttribute("data-na-opencc"), location.href).href).then(function () {
        var toCn = window.OpenCC.Converter({ from: "twp", to: "cn" });
        var tToCn = window.OpenCC.Converter({ from: "t", to: "cn" });
        state.convert = function (q) { return toCn(tToCn(q)); };
      });
    }
    return state.converting.then(function () { return state.convert(query); });
  }

  /* Pagefind's excerpt is text with <mark> around hits; keep the text and the marks only. */
  function excerptNodes(excerpt, map) {
    var frag = document.createDocumentFragment();
    var doc = new DOMParser().parseFromString("<body>" + excerpt + "</body>", "text/html");
    function walk(node, into) {
      node.childNodes.forEach(function (child) {
        if (child.nodeType === 3) {
          into.appendChild(document.createTextNode(convertBack(child.textContent, map)));
        } else if (child.nodeType === 1 && child.tagName === "MARK") {
          var m = document.createElement("mark");
          walk(child, m);
          into.appendChild(m);
        } else if (child.nodeType === 1) {
          walk(child, into);
        }
      });
    }
    walk(doc.body, frag);
    return frag;
  }

  /* zh-Hant pages are indexed as Simplified text; each page carries its own
     Simplified→Traditional character pairs (meta "s2t") to show excerpts as printed. */
  function convertBack(text, map) {
    if (!map) return text;
    var out = "";
    for (var ch of text) out += map[ch] || ch;
    return out;
  }

  function pairs(s) {
    if (!s) return null;
    var map = {}, chars = Array.from(s);
    for (var i = 0; i + 1 < chars.length; i += 2) map[chars[i]] = chars[i + 1];
    return map;
  }

  function label(name, n) {
    return (search.getAttribute("data-" + name) || "").replace("{n}", n);
  }

  function runSearch(query, everything) {
    var meta = search.querySelector(".na-search-meta");
    var list = search.querySelector(".na-search-list");
    var more = search.querySelector(".na-search-more");
    var seq = ++state.seq;
    if (!query.trim()) { meta.textContent = label("idle"); list.replaceChildren(); more.hidden = true; return; }
    var q;
    initSearch().then(function () {
      return prepared(query);
    }).then(function (converted) {
      q = converted;
      return (everything && !state.merged ? state.all() : null);
    }).then(function () {
      return state.pagefind.search(q);
    }).then(function (res) {
      if (seq !== state.seq || !res) return null;
      if (!state.merged && res.results.length < FEW) {   /* few here: look in every year */
        return state.all().then(function () { return state.pagefind.search(q); });
      }
      return res;
    }).then(function (res) {
      if (seq !== state.seq || !res) return null;
      return Promise.all(res.results.slice(0, 10).map(function (r) { return r.data(); })).then(function (items) {
        if (seq !== state.seq) return;
        var newest = state.recent[0] || {}, oldest = state.recent[state.recent.length - 1] || {};
        meta.textContent = (res.results.length ? label("count", res.results.length) : label("none")) +
          (state.merged ? "" : (search.getAttribute("data-recent") || "")
            .replace("{from}", oldest.from || "").replace("{to}", newest.to || ""));
        more.hidden = state.merged;
        list.replaceChildren();
        items.forEach(function (d) {
          var map = pairs(d.meta && d.meta.s2t);
          var li = document.createElement("li"); li.className = "md-search-result__item";
          var a = document.createElement("a"); a.className = "md-search-result__link"; a.href = d.url;
          var art = document.createElement("article"); art.className = "md-search-result__article md-typeset";
          var h = document.createElement("h1"); h.textContent = (d.meta && d.meta.title) || d.url;
          var p = document.createElement("p"); p.appendChild(excerptNodes(d.excerpt || "", map));
          art.appendChild(h); art.appendChild(p); a.appendChild(art); li.appendChild(a); list.appendChild(li);
        });
      });
    }).catch(function (err) {
      meta.textContent = label("error");
      console.warn("search:", err);
    });
  }

  if (search) {
    var input = search.querySelector(".na-search-input");
    var toggle = document.getElementById("__search");
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { runSearch(input.value); }, 120);
    });
    input.addEventListener("focus", function () {
      if (toggle && !toggle.checked) toggle.checked = true;   /* opens Material's search panel */
      initSearch().catch(function () {});
    });
    search.querySelector(".na-search-all").addEventListener("click", function () {
      runSearch(input.value, true);
    });
    search.querySelector("form").addEventListener("reset", function () {
      setTimeout(function () { runSearch(""); }, 0);
    });
    search.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); });
    if (toggle) toggle.addEventListener("change", function () {
      if (toggle.checked) { setTimeout(function () { input.focus(); }, 50); }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && toggle && toggle.checked) { toggle.checked = false; input.blur(); }
    });
  }

  /* ------------------------------------------------------------- bilingual */
  var button = document.querySelector(".na-bilingual-toggle");
  function blocks(root) { return Array.from(root.querySelectorAll(".na-text [data-block]")); }

  function cell(block, side, lang, emptyText) {
    var div = document.createElement("div");
    div.className = "na-bilingual-cell";
    div.setAttribute("data-side", side);
    div.setAttribute("lang", lang);
    if (block) {
      var copy = document.importNode(block, true);
      copy.removeAttribute("id");
      copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
      copy.querySelectorAll("a.headerlink").forEach(function (el) { el.remove(); });
      div.setAttribute("data-block", block.getAttribute("data-block"));
      div.appendChild(copy);
    } else {
      div.classList.add("na-empty");
      div.textContent = emptyText;
    }
    return div;
  }

  function buildBilingual(here, there, hereLang, thereLang) {
    var zhFirst = hereLang !== "en";
    var left = zhFirst ? here : there, right = zhFirst ? there : here;
    var leftLang = zhFirst ? hereLang : thereLang, rightLang = zhFirst ? thereLang : hereLang;
    var box = document.createElement("div");
    var n = Math.max(left.length, right.length);
    if (left.length !== right.length) {
      var notice = document.createElement("p");
      notice.className = "na-bilingual-notice";
      notice.setAttribute("role", "note");
      notice.textContent = button.getAttribute("data-misaligned")
        .replace("{a}", left.length).replace("{b}", right.length);
      box.appendChild(notice);
    }
    var grid = document.createElement("div");
    grid.className = "na-bilingual-grid";
    for (var i = 0; i < n; i++) {
      var row = document.createElement("div");
      row.className = "na-bilingual-row";
      row.setAttribute("data-block", String(i + 1));
      var l = left[i], r = right[i];
      if (!l || !r || l.tagName !== r.tagName) row.classList.add("na-misaligned");
      row.appendChild(cell(l, "zh", leftLang, button.getAttribute("data-missing")));
      row.appendChild(cell(r, "en", rightLang, button.getAttribute("data-missing")));
      grid.appendChild(row);
    }
    box.appendChild(grid);
    return box;
  }

  if (button) {
    var view = document.querySelector(".na-bilingual");
    var body = document.querySelector(".na-body");
    var hereLang = document.documentElement.lang;
    button.addEventListener("click", function () {
      var on = button.getAttribute("aria-pressed") === "true";
      if (on) {
        view.hidden = true; body.hidden = false;
        button.setAttribute("aria-pressed", "false");
        button.textContent = button.getAttribute("data-label-on");
        return;
      }
      var ready = view.firstChild ? Promise.resolve() :
        fetch(button.getAttribute("data-na-pair")).then(function (r) {
          if (!r.ok) throw new Error(r.status + " " + r.url);
          return r.text();
        }).then(function (text) {
          var doc = new DOMParser().parseFromString(text, "text/html");
          view.appendChild(buildBilingual(blocks(document), blocks(doc), hereLang,
            button.getAttribute("data-na-pair-lang")));
        });
      ready.then(function () {
        view.hidden = false; body.hidden = true;
        button.setAttribute("aria-pressed", "true");
        button.textContent = button.getAttribute("data-label-off");
      }).catch(function (err) { console.warn("bilingual view:", err); });
    });
  }

  /* ---------------------------------------------------------- source view */
  function highlight() {
    var m = /^#L(\d+)(?:-L(\d+))?$/.exec(location.hash);
    document.querySelectorAll(".na-source .na-hl").forEach(function (el) { el.classList.remove("na-hl"); });
    if (!m) return;
    var a = +m[1], b = +(m[2] || m[1]);
    for (var i = a; i <= b; i++) {
      var li = document.getElementById("L" + i);
      if (li) li.classList.add("na-hl");
    }
    var first = document.getElementById("L" + a);
    if (first) first.scrollIntoView({ block: "center" });
  }
  if (document.querySelector(".na-source")) {
    highlight();
    window.addEventListener("hashchange", highlight);
  }
})();
