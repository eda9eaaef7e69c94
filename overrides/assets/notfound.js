/* The 404 page in the language of the requested path (overrides/404.html).

   GitHub Pages serves the root 404.html for every missing path: /en/… and /zh-Hant/… too.
   This script reads the path's language from its prefix under the site root, puts that
   language's strings in the page (message, header, navigation, search box, switcher), makes
   the switcher lead to the same path in each language, and, when the path names a day (or
   undated/), fetches that day's article list (na-articles/<day>.json, [url, title] pairs,
   written by the site stage) and suggests the articles whose slug is closest to the one
   asked for. It runs before search.js, which reads the search box's language when it starts.
   Titles are put into the page as text only. */
(function () {
  "use strict";
  var box = document.querySelector(".na-404");
  var data = document.getElementById("na-404-strings");
  if (!box || !data) return;
  var strings = JSON.parse(data.textContent);
  var root = new URL(box.getAttribute("data-na-root"), location.href).pathname;

  /* The requested path's language and the rest of the path, below that language's root. */
  function requested() {
    var path = location.pathname;
    try { path = decodeURI(path); } catch (e) { /* keep it encoded */ }
    var rest = path.indexOf(root) === 0 ? path.slice(root.length) : path.replace(/^\/+/, "");
    var lang = Object.keys(strings).filter(function (code) { return !strings[code].prefix; })[0];
    Object.keys(strings).forEach(function (code) {
      var prefix = strings[code].prefix;
      if (prefix && (rest + "/").indexOf(prefix) === 0) { lang = code; rest = rest.slice(prefix.length); }
    });
    return { lang: lang, rest: rest, path: path };
  }

  function setText(el, text) {
    if (!el || text == null) return;
    /* keep child elements (an icon), replace the text */
    var node = Array.from(el.childNodes).filter(function (n) { return n.nodeType === 3 && n.nodeValue.trim(); }).pop();
    if (node) node.nodeValue = " " + text + " ";
    else el.appendChild(document.createTextNode(text));
  }

  function setAttr(selector, name, value) {
    document.querySelectorAll(selector).forEach(function (el) { el.setAttribute(name, value); });
  }

  var NAV = { "": "home", "archive/": "archive", "authors/": "authors", "about/": "about" };

  function localize(lang, rest) {
    var L = strings[lang], M = L.material, home = root + L.prefix;
    document.documentElement.lang = lang;
    document.title = L.not_found_title + " - " + L.site_name;
    box.querySelectorAll("[data-na-t]").forEach(function (el) { el.textContent = L[el.getAttribute("data-na-t")]; });
    box.querySelector(".na-404-home").href = home;
    box.querySelector(".na-404-path code").textContent = where.path;
    /* header and navigation: the site name, links to this language's pages */
    document.querySelectorAll(".md-header__topic:first-child .md-ellipsis").forEach(function (el) { el.textContent = L.site_name; });
    document.querySelectorAll("a.md-logo").forEach(function (a) {
      a.href = home; a.title = L.site_name; a.setAttribute("aria-label", L.site_name);
    });
    setText(document.querySelector(".md-nav--primary > .md-nav__title"), L.site_name);
    document.querySelectorAll(".md-nav--primary a.md-nav__link").forEach(function (a) {
      var path = new URL(a.href, location.href).pathname, key = NAV[path.slice(root.length).replace(/^\.$/, "")];
      if (path.indexOf(root) !== 0 || !key) return;
      a.href = home + path.slice(root.length).replace(/^\.$/, "");
      (a.querySelector(".md-ellipsis") || a).textContent = L[key];
    });
    setAttr(".md-header__inner", "aria-label", M.header);
    setAttr(".md-nav--primary", "aria-label", M.nav);
    setAttr(".md-nav--secondary", "aria-label", M.toc);
    setText(document.querySelector(".md-top"), M.top);
    /* the footer's line (partials/copyright.html): the words around the generator's name */
    var madeWith = L.made_with.split("{generator}");
    document.querySelectorAll(".na-made-with-before").forEach(function (el) { el.textContent = madeWith[0]; });
    document.querySelectorAll(".na-made-with-after").forEach(function (el) { el.textContent = madeWith[1] || ""; });
    /* the switcher: the same path in every language */
    document.querySelectorAll(".na-langs a[hreflang]").forEach(function (a) {
      var code = a.getAttribute("hreflang"), current = code === lang;
      a.href = root + strings[code].prefix + rest + location.search + location.hash;
      if (current) a.setAttribute("aria-current", "true"); else a.removeAttribute("aria-current");
    });
    setAttr(".na-langs button", "aria-label", M["select.language"]);
    setAttr(".na-langs button", "title", L.language);
    localizeSearch(lang, L, M, home);
  }

  /* The search box searches the requested language's index, in its words (partials/search.html:
     search.js makes the box's inside from these attributes after this file has run). */
  function localizeSearch(lang, L, M, home) {
    var search = document.querySelector(".na-search");
    if (!search) return;
    var attrs = Object.assign({ "data-na-lang": lang, "data-na-pagefind": home + "pagefind/shards.json",
                                "data-na-search-page": home + "search/", "aria-label": L.search_placeholder,
                                "data-options": M.search, "data-reset": M["search.reset"] },
                              L.search_box);   /* labels.SEARCH_BOX_WORDS, as md-scope.js sets them */
    Object.keys(attrs).forEach(function (name) { search.setAttribute(name, attrs[name]); });
    if (lang === "en") search.setAttribute("data-na-zh-search", root + "search/");
    else search.removeAttribute("data-na-zh-search");
    setAttr('label.md-header__button[for="__search"]', "title", L.search_placeholder);
  }

  /* ------------------------------------------------------------ suggestions */
  /* The day's list a path names: "2025-12-15" for …/2025/12/15/…, "undated" for undated/…. */
  function listOf(rest) {
    var m = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})(?:\/|$)/.exec(rest);
    if (m) return m[1] + "-" + m[2] + "-" + m[3];
    return /(?:^|\/)undated\//.test(rest) ? "undated" : null;
  }

  function lastPart(path) {
    var parts = path.split("/").filter(Boolean);
    return parts.length ? parts[parts.length - 1].toLowerCase() : "";
  }

  function pairs(text) {
    var out = [];
    for (var i = 0; i + 1 < text.length; i++) out.push(text.slice(i, i + 2));
    return out;
  }

  /* How alike two slugs are: the Dice coefficient of their letter pairs (1: the same). */
  function likeness(a, b) {
    if (a === b) return 1;
    var pa = pairs(a), pb = pairs(b), shared = 0, left = pb.slice();
    pa.forEach(function (p) { var i = left.indexOf(p); if (i >= 0) { shared++; left.splice(i, 1); } });
    return pa.length + pb.length ? 2 * shared / (pa.length + pb.length) : 0;
  }

  var ENOUGH = 0.5;   /* below this a slug shares too little with the one asked for to be meant */
  var SHOWN = 3;

  function closest(articles, rest) {
    var wanted = lastPart(rest);
    if (!wanted || /^\d+$/.test(wanted)) return [];     /* a day or page folder, not an article */
    return articles.map(function (item) { return { url: item[0], title: item[1], score: likeness(wanted, lastPart(item[0])) }; })
      .filter(function (s) { return s.score >= ENOUGH; })
      .sort(function (x, y) { return y.score - x.score; })
      .slice(0, SHOWN);
  }

  function suggest(lang, rest) {
    var day = listOf(rest), home = root + strings[lang].prefix;
    if (!day) return Promise.resolve();
    return fetch(home + box.getAttribute("data-na-lists") + day + ".json").then(function (r) {
      return r.ok ? r.json() : [];
    }).then(function (articles) {
      var found = closest(articles, rest);
      if (!found.length) return;
      var list = box.querySelector(".na-404-suggest ul");
      found.forEach(function (s) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = home + s.url;
        a.textContent = s.title;
        li.appendChild(a);
        list.appendChild(li);
      });
      box.querySelector(".na-404-suggest").hidden = false;
    });
  }

  var where = requested();
  localize(where.lang, where.rest);
  /* the footer and what Material's bundle draws come after this script */
  document.addEventListener("DOMContentLoaded", function () { localize(where.lang, where.rest); });
  suggest(where.lang, where.rest).catch(function (err) { console.warn("404 suggestions:", err); })
    .then(function () { box.setAttribute("data-na-state", "done"); });
})();
