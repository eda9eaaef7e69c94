/* Newspaper archive: the bilingual view of an article (its head, body and captions part by
   part beside the other language's) and line highlighting in source views (the search box:
   search.js). Dump text is only ever put into the page as text nodes, never as HTML. */
(function () {
  "use strict";

  /* ------------------------------------------------------------- bilingual */
  var button = document.querySelector(".na-bilingual-toggle");
  var HEAD = ["kicker", "title", "subtitle", "byline"];

  /* An article's parts in reading order, each with the key its counterpart has on the other
     side: the head's parts by name, body blocks by number, figures by position. */
  function parts(root) {
    var found = [];
    HEAD.forEach(function (name) {
      var el = root.querySelector('.na-head [data-na-part="' + name + '"]');
      if (el) found.push({ key: name, el: el });
    });
    var figures = 0;
    root.querySelectorAll(".na-text [data-block], .na-body figure").forEach(function (el) {
      if (el.tagName === "FIGURE") found.push({ key: "figure-" + (++figures), el: el, figure: true });
      else if (!el.closest("figure")) found.push({ key: "block-" + el.getAttribute("data-block"), el: el });
    });
    return found;
  }

  /* The keys of both sides in one order: this page's, with the other's own keys after the
     key they follow there. */
  function mergedKeys(here, there) {
    var keys = here.map(function (p) { return p.key; }), last = -1;
    there.forEach(function (p) {
      var at = keys.indexOf(p.key);
      if (at >= 0) last = at; else keys.splice(++last, 0, p.key);
    });
    return keys;
  }

  /* A copy for the view: no ids (they stay unique), no heading anchors, links and pictures
     of the fetched page resolved against its own address. */
  function copyOf(el, base, without) {
    var copy = document.importNode(el, true);
    [copy].concat(Array.from(copy.querySelectorAll("*"))).forEach(function (node) {
      node.removeAttribute("id");
      ["href", "src"].forEach(function (name) {
        if (base && node.hasAttribute(name)) node.setAttribute(name, new URL(node.getAttribute(name), base).href);
      });
    });
    copy.querySelectorAll("a.headerlink" + (without ? ", " + without : "")).forEach(function (n) { n.remove(); });
    return copy;
  }

  function cell(part, side, lang, base, text) {
    var div = document.createElement("div");
    div.className = "na-bilingual-cell";
    div.setAttribute("data-side", side);
    if (part) {
      div.setAttribute("lang", lang);
      div.appendChild(copyOf(part.el, base, part.figure ? ":scope > :not(figcaption)" : ""));
    } else {                      // said in the page's language
      div.setAttribute("lang", document.documentElement.lang);
      div.classList.add("na-empty");
      div.textContent = text.missing;
    }
    return div;
  }

  /* A picture is shown once, across both columns, above its two captions. */
  function picture(part, base) {
    var media = part && part.figure && part.el.querySelector(":scope > :not(figcaption)");
    if (!media) return null;
    var div = document.createElement("div");
    div.className = "na-bilingual-picture";
    div.appendChild(copyOf(part.el, base, ":scope > figcaption"));
    return div;
  }

  function notice(text) {
    var p = document.createElement("p");
    p.className = "na-bilingual-notice";
    p.setAttribute("role", "note");
    p.textContent = text;
    return p;
  }

  function buildBilingual(here, there, langs, base, text) {
    var zhFirst = langs.here !== "en";
    var byKey = function (list) {
      var map = {};
      list.forEach(function (p) { map[p.key] = p; });
      return map;
    };
    var mine = byKey(here), theirs = byKey(there);
    var zh = zhFirst ? mine : theirs, en = zhFirst ? theirs : mine;
    var zhLang = zhFirst ? langs.here : langs.there, enLang = zhFirst ? langs.there : langs.here;
    var zhBase = zhFirst ? null : base, enBase = zhFirst ? base : null;
    var box = document.createElement("div");
    var count = function (map) { return Object.keys(map).filter(function (k) { return /^block-/.test(k); }).length; };
    if (count(zh) !== count(en)) {
      box.appendChild(notice(text.misaligned.replace("{a}", count(zh)).replace("{b}", count(en))));
    }
    var grid = document.createElement("div");
    grid.className = "na-bilingual-grid";
    mergedKeys(here, there).forEach(function (key) {
      var row = document.createElement("div");
      row.className = "na-bilingual-row";
      row.setAttribute("data-pair", key);
      var l = zh[key], r = en[key];
      if (!l || !r || l.el.tagName !== r.el.tagName) row.classList.add("na-misaligned");
      var pic = picture(mine[key], null) || picture(theirs[key], base);
      if (pic) row.appendChild(pic);
      row.appendChild(cell(l, "zh", zhLang, zhBase, text));
      row.appendChild(cell(r, "en", enLang, enBase, text));
      grid.appendChild(row);
    });
    box.appendChild(grid);
    return box;
  }

  /* The other side's page, parsed; a missing page (404) and any other failure are told apart. */
  function fetchPair(url) {
    return fetch(url).then(function (r) {
      if (r.status === 404) throw { missing: true };
      if (!r.ok) throw new Error(r.status + " " + r.url);
      return r.text().then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        if (!doc.querySelector(".na-article")) throw { missing: true };
        return { doc: doc, base: r.url };
      });
    });
  }

  if (button) {
    var article = document.querySelector(".na-article");
    var view = document.querySelector(".na-bilingual");
    var status = document.querySelector(".na-bilingual-status");
    var data = function (name) { return button.getAttribute("data-" + name); };
    var text = { missing: data("missing"), misaligned: data("misaligned") };
    var langs = { here: document.documentElement.lang, there: data("na-pair-lang") };
    var show = function (on) {
      view.hidden = !on;
      article.classList.toggle("na-bilingual-on", on);
      button.setAttribute("aria-pressed", String(on));
      button.textContent = data(on ? "label-off" : "label-on");
    };
    button.addEventListener("click", function () {
      if (button.getAttribute("aria-pressed") === "true") return show(false);
      var ready = view.firstChild ? Promise.resolve() :
        // the other page: the header's link to the pair's language (partials/alternate.html)
        fetchPair(document.querySelector('.na-langs a[hreflang="' + langs.there + '"]').href).then(function (pair) {
          view.appendChild(buildBilingual(parts(document), parts(pair.doc), langs, pair.base, text));
        });
      ready.then(function () {
        status.textContent = "";
        show(true);
      }, function (err) {
        status.textContent = data(err && err.missing ? "pair-missing" : "pair-failed");
      });
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
    // a line's number (its ::before, newsarchive.css) links the line: a click left of its text
    document.querySelectorAll(".na-source").forEach(function (list) {
      list.addEventListener("click", function (e) {
        var li = e.target;
        if (li.tagName !== "LI" || !li.id) return;
        var text = li.firstChild && li.firstChild.nodeType === 3 ? document.createRange() : null;
        if (text) text.selectNodeContents(li.firstChild);
        if (text && e.clientX >= text.getBoundingClientRect().left) return;
        location.hash = li.id;
      });
    });
  }
})();
