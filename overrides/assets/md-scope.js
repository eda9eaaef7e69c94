{#- A theme static template (config/base.yml): rendered once per language build, with its
    strings. Loaded on every page just before Material's bundle (main.html). -#}
{%- import "partials/language.html" as lang -%}
{%- set L = config.extra.na_labels -%}
/* What every page of this language would otherwise carry, in one file (main.html).
   Material's storage helpers, as its partials/javascripts/base.html writes them inline, with
   the scope it gives: the language's root, this file's folder's parent (assets/..).
   The page's <link rel=alternate>s renamed: Material fetches <alternate>/sitemap.xml for
   each to keep readers on the same page; our header's language links are exact already,
   and the rel keeps the "alternate" token for any reader of the DOM.
   The words and places the search box (partials/search.html, search.js) and the bilingual
   button (partials/article.html, newsarchive.js) read from their attributes, set on each
   element that has none of them (the 404 page sets the requested language's: notfound.js). */
__md_scope=new URL("..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
document.querySelectorAll("link[rel=alternate]").forEach(function (l) { l.setAttribute("rel", "alternate na-alternate"); });
(function () {
  "use strict";
  var root = __md_scope.href;
  var at = function (path) { return new URL(path, root).href; };
  var given = {{ {
    ".na-search": dict(config.extra.na_search_words, **{"data-options": lang.t("search"),
                                                         "data-reset": lang.t("search.reset")}),
    ".na-bilingual-toggle": {
      "data-label-on": L.bilingual, "data-label-off": L.bilingual_off, "data-misaligned": L.misaligned,
      "data-missing": L.missing, "data-pair-missing": L.pair_missing, "data-pair-failed": L.pair_failed
    }
  } | na_json }};
  /* each element's words, unless the page has set them (then it has set its places too) */
  function fill(el, attrs) {
    var names = Object.keys(attrs);
    if (!el || names.some(function (name) { return el.hasAttribute(name); })) return false;
    names.forEach(function (name) { el.setAttribute(name, attrs[name]); });
    return true;
  }
  document.querySelectorAll(".na-bilingual-toggle").forEach(function (el) { fill(el, given[".na-bilingual-toggle"]); });
  var box = document.querySelector(".na-search");
  if (fill(box, given[".na-search"])) {
    fill(box, { "data-na-search-page": at("search/"), "data-na-pagefind": at("pagefind/shards.json") });
    {%- if config.extra.na_lang == "en" %}
    box.setAttribute("data-na-zh-search", at("../search/"));
    {%- endif %}
  }
  if (box) fill(box, { "data-na-t2s": at("assets/vendor/opencc-js/t2s.json") }), fill(box, { "data-na-icons": at("assets/na-icons.svg") });
})();
