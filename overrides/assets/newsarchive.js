/* Newspaper archive: the bilingual (paragraph by paragraph) view of an article and line
   highlighting in source views (the search box: search.js).
   Dump text is only ever put into the page as text nodes, never as HTML. */
(function () {
  "use strict";

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
