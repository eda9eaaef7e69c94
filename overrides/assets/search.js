/* Newspaper archive search: Pagefind in Material's header search box.

   The index holds our own tokens (build_scripts/site/search_tokens.py): Chinese as overlapping
   character pairs plus each run's last character, everything else as written; this file cuts
   the query the same way (queryParts), so no two segmenters have to agree. A result must hold
   every part of the query: each Chinese run of two or more characters as a phrase of its pairs
   (Pagefind's exact search: the pairs in a row), one character as a prefix of the pairs, any
   other word exactly (English: stemmed). The article of exactly the typed headline comes first
   (exactTitlesFirst), then Pagefind's ranking (title weight 10, kicker and subtitle 5, body 1), then
   the newest. Results come 10 at a time ("more results"), with filters by year and page.
   Dump text is only ever put into the page as text nodes. */
(function () {
  "use strict";
  var box = document.querySelector(".na-search");
  if (!box) return;
  if (!box.querySelector("form")) box.innerHTML = boxMarkup();

  /* The box's inside, Material's search markup, made here from the box's data attributes
     (partials/search.html): the same on every page, so no page carries it. */
  function boxMarkup() {
    function a(name) {
      return (box.getAttribute(name) || "").replace(/&/g, "&amp;").replace(/"/g, "&quot;")
        .replace(/</g, "&lt;").replace(/>/g, "&gt;");
    }
    function icon(name) { return '<svg viewBox="0 0 24 24"><use href="' + a("data-na-icons") + "#" + name + '"/></svg>'; }
    function filter(name) {
      return "<label>" + a("data-" + name) + ' <select data-na-filter="' + name + '"><option value="">' +
        a("data-any") + "</option></select></label>";
    }
    var ph = a("aria-label"), reset = a("data-reset");
    return '<label class="md-search__overlay" for="__search"></label><div class="md-search__inner" role="search">' +
      '<form class="md-search__form" name="na-search" action="javascript:void(0)">' +
      '<input type="text" class="md-search__input na-search-input" name="query" aria-label="' + ph +
      '" placeholder="' + ph + '" autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false" required>' +
      '<label class="md-search__icon md-icon" for="__search">' + icon("search") + icon("previous") + "</label>" +
      '<nav class="md-search__options" aria-label="' + a("data-options") + '"><button type="reset" class="md-search__icon md-icon" title="' +
      reset + '" aria-label="' + reset + '" tabindex="-1">' + icon("close") + "</button></nav></form>" +
      '<div class="md-search__output"><div class="md-search__scrollwrap" tabindex="0">' +
      '<div class="md-search-result na-search-result" aria-live="polite">' +
      '<div class="md-search-result__meta na-search-meta">' + a("data-idle") + "</div>" +
      '<p class="na-search-other" hidden><a href=""></a></p>' +
      '<details class="na-search-filters" hidden><summary>' + a("data-filter") + "</summary>" + filter("year") + filter("page") + "</details>" +
      '<ol class="md-search-result__list na-search-list" role="presentation"></ol>' +
      '<div class="md-search-result__meta na-search-next" hidden><button type="button" class="md-button">' + a("data-more") + "</button></div>" +
      '<div class="md-search-result__meta na-search-more" hidden><button type="button" class="md-button na-search-all">' + a("data-all") + "</button></div>" +
      "</div></div></div></div>";
  }

  /* ------------------------------------------------------------ tokens */
  var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
  var CHUNK = new RegExp("[" + HAN + "]+|[^\\s" + HAN + "]+", "gu");
  var IS_HAN = new RegExp("^[" + HAN + "]", "u");
  var HAS_HAN = new RegExp("[" + HAN + "]", "u");
  var KEY_CHARS = new RegExp("[" + HAN + "0-9a-z]", "gu");
  var WORD = /[\p{L}\p{N}]/u;
  var PIECE = /[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu;
  var BLOCK_END = "\u00b6", TAIL = "\u241e", GLUE = "\u2060";

  function hanTokens(run) {
    var cs = Array.from(run);
    if (cs.length === 1) return cs;
    var out = [];
    for (var i = 0; i + 1 < cs.length; i++) out.push(cs[i] + cs[i + 1]);
    out.push(cs[cs.length - 1]);
    return out;
  }

  /* The index tokens of a text (search_tokens.tokens). */
  function tokens(text) {
    var out = [];
    (text.match(CHUNK) || []).forEach(function (chunk) {
      if (IS_HAN.test(chunk)) { out.push.apply(out, hanTokens(chunk)); return; }
      (chunk.match(PIECE) || []).forEach(function (piece, i) {
        if (i) out.push(GLUE);
        out.push(WORD.test(piece) ? piece.normalize("NFKC") : piece);
      });
    });
    return out;
  }

  /* A headline as compared with the query: its Han characters, letters and digits, NFKC,
     lower case (spacing, punctuation and case aside). */
  function titleKey(title) {
    return (title.normalize("NFKC").toLowerCase().match(KEY_CHARS) || []).join("");
  }

  /* What a result must hold: phrases (runs of two or more Han characters, as their pairs),
     single Han characters (prefixes), other words (exact). */
  /* English words in nearly every article: their index chunks are the largest, and a result
     holds them anyway, so a query of other words too is not searched for them. */
  var COMMON_EN = new Set(("a an and are as at be by for from in is it its of on or that the this to was " +
                           "were with").split(" "));

  function queryParts(q) {
    var parts = { phrases: [], chars: [], words: [], all: [] };
    (q.match(CHUNK) || []).forEach(function (chunk) {
      if (IS_HAN.test(chunk)) {
        var t = hanTokens(chunk);
        if (t.length === 1) { parts.chars.push(t[0]); parts.all.push(t[0]); }
        else { t.pop(); parts.phrases.push(t.join(" ")); parts.all.push.apply(parts.all, t); }
      } else {                             /* its words, as the index holds them */
        (chunk.normalize("NFKC").match(/[\p{L}\p{N}]+/gu) || []).forEach(function (w) {
          w = w.toLowerCase(); parts.words.push(w); parts.all.push(w);
        });
      }
    });
    var rare = parts.words.filter(function (w) { return !COMMON_EN.has(w); });
    if (lang === "en" && rare.length && rare.length < parts.words.length) {
      parts.all = parts.all.filter(function (w) { return !COMMON_EN.has(w); });
      parts.words = rare;
    }
    return parts;
  }

  /* ------------------------------------------------------------ loading */
  var lang = box.getAttribute("data-na-lang");
  var state = { pagefind: null, loading: null, seq: 0, shards: [], recent: [], all: null, merged: false,
                convert: null, results: [], shown: 0, query: "",
                filters: {} };
  var FEW = 10;       /* fewer results than this in the recent shards: search all years at once */
  var RECENT = 400;   /* pages the first search covers at least (a week of a daily paper: ~420;
                         each shard merged costs its own index chunk, the newest month's are weeks:
                         search.py recent_pages reads this, folding a smaller newest week into the
                         one before, so the first search loads one bundle) */
  var PAGE = 10;      /* results shown at a time */

  function getJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + r.url);
      return r.json();
    });
  }

  /* The language Pagefind's bundles were made with (search.py FORCE_LANGUAGE). Pagefind takes
     the language it searches in from the page's <html lang>, and for zh it would cut the query
     with the browser's Intl.Segmenter (年以 → 年 以): for the Chinese bundles it is told "und",
     a language it leaves whole, by showing it that lang while it starts. */
  var INDEX_LANGUAGE = { "zh-Hans": "und", "zh-Hant": "und", en: "en" };

  function initIn(pf, language) {
    var html = document.documentElement, was = html.getAttribute("lang");
    html.setAttribute("lang", language);
    try { return pf.init(); } finally { html.setAttribute("lang", was); }   /* read when init starts */
  }

  /* The index is cut into month shards, the newest month into weeks (build_scripts/site/search.py
     shard_of), listed newest first in pagefind/shards.json. The newest shard's bundle is the Pagefind instance, with the
     next ones merged in (mergeIndex) until it covers RECENT pages; the others are merged on
     "search all years", or at once when the recent shards find fewer than FEW articles
     (a long query is spared most of their chunks: see headlineFirst). */
  function initSearch() {
    if (state.loading) return state.loading;
    var list = new URL(box.getAttribute("data-na-pagefind"), location.href);
    var base = new URL("../", list), bundles = list;   /* results' URLs: this language's pages */
    var opts = { baseUrl: base.pathname, excerptLength: 0 };
    /* A shard's tag (search.py: a digest of what it indexes) names its pagefind-entry.json
       for the browser's cache, which Pagefind otherwise fetches anew every time. */
    var tagged = function (shard, o) { return shard.tag ? Object.assign({ metaCacheTag: shard.tag }, o) : o; };
    var steps = [getJSON(list.href).then(function (data) {
      state.shards = data.shards || [];
      if (!state.shards.length) throw new Error("no search index");
      /* zh-Hant reads the zh-Hans bundles (search.py SEARCHED_IN): "bundles" says where they are,
         "labels" how the papers' and pages' names read here */
      if (data.bundles) bundles = new URL(data.bundles, list);
      state.labels = data.labels || {};
      state.chars = new Map();
      var cs = Array.from(data.chars || "");
      for (var i = 0; i + 1 < cs.length; i += 2) state.chars.set(cs[i], cs[i + 1]);
      return import(new URL(state.shards[0].name + "/pagefind.js", bundles).href).then(function (pf) {
        /* noWorker: Pagefind searches in this page, not in a web worker of its own, which
           would fetch pagefind-worker.js (12 KB gzip) and start and compile the wasm once
           more before the first result; a search of our index takes a few ms. */
        var first = tagged(state.shards[0], Object.assign({ noWorker: true }, opts));
        return pf.options(first).then(function () { return initIn(pf, INDEX_LANGUAGE[lang]); }).then(function () {
          var merge = function (shards) {
            return shards.reduce(function (p, shard) {
              return p.then(function () {
                return pf.mergeIndex(new URL(shard.name + "/", bundles).pathname,
                                     tagged(shard, Object.assign({ language: INDEX_LANGUAGE[lang] }, opts)));
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
              state.allLoading = merge(state.shards.slice(recent))
                .then(function () { return state.filtersLoading && pf.filters(); })
                .then(function () { state.merged = true; });
            }
            return state.allLoading;
          };
          return merge(state.recent.slice(1));
        });
      });
    })];
    if (lang.indexOf("zh") === 0) {
      /* The one Chinese index holds Simplified text (with the zh-Hant text's own runs, simplified:
         search_page.py); readers type either script. The query is converted with t2s.json
         (build_scripts/site/t2s_table.js: opencc-js's t→cn table, ~18 KB gzip): Traditional →
         Simplified characters, the same as OpenCC t2s that simplifies the zh-Hant runs, no
         vocabulary changes. */
      steps.push(getJSON(new URL(box.getAttribute("data-na-t2s"), location.href).href).then(function (t) {
        var chars = new Map(), cs = Array.from(t.chars), longest = 1;
        for (var i = 0; i + 1 < cs.length; i += 2) chars.set(cs[i], cs[i + 1]);
        Object.keys(t.phrases).forEach(function (p) { longest = Math.max(longest, Array.from(p).length); });
        state.convert = function (q) { return toSimplified(q, chars, t.phrases, longest); };
      }));
    }
    state.loading = Promise.all(steps);
    return state.loading;
  }

  /* Longest phrase first, else character by character (OpenCC's maximum forward match). */
  function toSimplified(q, chars, phrases, longest) {
    var cs = Array.from(q), out = "";
    for (var i = 0; i < cs.length;) {
      var n = Math.min(longest, cs.length - i), hit = null;
      for (; n > 1; n--) {
        hit = phrases[cs.slice(i, i + n).join("")];
        if (hit) break;
      }
      if (hit) { out += hit; i += n; } else { out += chars.get(cs[i]) || cs[i]; i++; }
    }
    return out;
  }

  function prepared(query) {
    return Promise.resolve(state.convert ? state.convert(query) : query);
  }

  /* ------------------------------------------------------------ searching */
  function ids(res) { return new Set(res.results.map(function (r) { return r.id; })); }

  /* Pagefind answers one search at a time (a newer search makes an older one return null),
     so the searches of a query run one after another. */
  function inTurn(jobs) {
    var out = [];
    return jobs.reduce(function (p, job) {
      return p.then(job).then(function (res) {
        if (!res) throw new Error("search superseded");
        out.push(res);
      });
    }, Promise.resolve()).then(function () { return out; });
  }

  /* What a result must hold, as Pagefind terms: each phrase and word quoted (exact), each character. */
  function mustsOf(parts) {
    return parts.phrases.map(function (p) { return '"' + p + '"'; })
      .concat(parts.chars)
      .concat(parts.words.map(function (w) { return '"' + w + '"'; }));
  }

  function searcher(filters) {
    return function (term, sorted) {
      return function () {
        return state.pagefind.search(term, sorted ? { filters: filters, sort: { date: "desc" } } : { filters: filters });
      };
    };
  }

  /* The results holding every part of q, best first: exact headline, then score, then newest.
     A query of one Chinese part is searched once, with its scores; any other query for all
     its parts (the scores) and once per part, a result having to be in each. Only when results tie on score is it searched
     again by date. The answer also lists the parts (musts) and the results of each (found). */
  function find(q, filters) {
    var parts = queryParts(q), search = searcher(filters);
    if (!parts.all.length) return Promise.resolve({ results: [], filters: {}, musts: [], found: [] });
    var musts = mustsOf(parts);
    /* one Chinese part: its own search ranks it; a word's exact search alone would rank its
       stem's other words (organized: organization) above it */
    var single = musts.length === 1 && !parts.words.length;
    var all = single ? musts[0] : parts.all.join(" ");
    var jobs = [search(all)].concat(single ? [] : musts.map(function (m) { return search(m); }));
    var scores, keep, found;
    return inTurn(jobs).then(function (r) {
      found = single ? [ids(r[0])] : r.slice(1).map(ids);
      scores = r[0];
      keep = scores.results.filter(function (x) { return found.every(function (s) { return s.has(x.id); }); });
      return tied(keep) ? inTurn([search(all, true)]) : [null];
    }).then(function (r) {
      var rank = new Map();
      if (r[0]) r[0].results.forEach(function (x, i) { rank.set(x.id, i); });
      keep.sort(function (a, b) { return (b.score - a.score) || ((rank.get(a.id) || 0) - (rank.get(b.id) || 0)); });
      return exactTitlesFirst(keep, q);
    }).then(function (ranked) {
      return { results: ranked.results, exact: ranked.exact, filters: scores.filters || {}, musts: musts,
               found: found };
    });
  }

  /* A query of LONG parts or more, which the recent shards answered with few results (res, by
     find): in the other shards (merged), every part costs an index chunk of each, so only its
     RARE rarest parts (fewest results in the recent shards) are searched there first. Among
     the articles found (not in the recent shards: res.found lists theirs), those whose
     headline is exactly the query hold every part: they come first, before the recent
     shards' results, and the search of every part in every shard waits for "search all
     years". Null when none is the headline (then every part is searched). */
  var LONG = 4, RARE = 2;
  function headlineFirst(q, filters, res) {
    if (res.musts.length < LONG) return Promise.resolve(null);
    var order = res.musts.map(function (m, i) { return i; }).sort(function (a, b) {
      return (res.found[a].size - res.found[b].size) || (res.musts[b].length - res.musts[a].length) || (a - b);
    }).slice(0, RARE);
    var search = searcher(filters), key = titleKey(q);
    return inTurn(order.map(function (i) { return search(res.musts[i]); })).then(function (r) {
      var sets = r.map(ids), score = new Map();
      r.forEach(function (one) { one.results.forEach(function (x) { score.set(x.id, (score.get(x.id) || 0) + x.score); }); });
      var fresh = r[0].results.filter(function (x) {
        return sets.every(function (s) { return s.has(x.id); }) &&
          !order.some(function (i) { return res.found[i].has(x.id); });
      }).sort(function (a, b) { return score.get(b.id) - score.get(a.id); }).slice(0, HEADLINE_CHECK);
      return Promise.all(fresh.map(loaded)).then(function (data) {
        var exact = fresh.filter(function (x, i) { return titleKeys(data[i]).indexOf(key) >= 0; });
        if (!exact.length) return null;
        return { results: exact.concat(res.results), filters: res.filters, partial: true };
      });
    });
  }
  var HEADLINE_CHECK = 5;   /* the best candidates whose headline is compared (their fragments) */

  /* A result's headline in the script the index holds (Simplified for zh): zh-Hant compares the
     query with the zh-Hans headline and with its own, simplified. */
  function titleKeys(data) {
    var title = (data.meta && data.meta.title) || "", out = [title];
    if (lang === "zh-Hant") out.push(headline(data, hantView(data)));
    return out.map(function (t) { return titleKey(state.convert ? state.convert(t) : t); });
  }

  function tied(results) {
    var seen = new Set();
    return results.some(function (x) { return seen.has(x.score) || !seen.add(x.score); });
  }

  function loaded(result) {     /* a result's fragment, fetched once */
    if (!result.loaded) result.loaded = result.data();
    return result.loaded;
  }

  /* The articles among the first PAGE whose headline is exactly the query (spacing,
     punctuation and case aside, either script) come first. The title weighs 10 in the index,
     so such an article ranks among the first; the fragments of those are shown anyway. */
  function exactTitlesFirst(results, q) {
    var head = results.slice(0, PAGE), key = titleKey(q);
    return Promise.all(head.map(loaded)).then(function (data) {
      var exact = head.filter(function (r, i) { return titleKeys(data[i]).indexOf(key) >= 0; });
      if (!exact.length) return { results: results, exact: 0 };
      return { results: exact.concat(results.filter(function (r) { return exact.indexOf(r) < 0; })),
               exact: exact.length };
    });
  }

  /* ------------------------------------------------------------ excerpts */
  /* The indexed text of a result, back in reading order: block by block (BLOCK_END), pairs
     merged into runs, a run's last character (indexed alone) dropped. */
  function blocksOf(content) {
    var text = content.split(TAIL)[0];
    return text.split(BLOCK_END).map(function (block) {
      var out = "", prev = null, glued = false;
      block.trim().split(/ +/).forEach(function (tok) {
        if (!tok) return;
        if (tok === GLUE) { glued = true; return; }
        var cs = Array.from(tok), han = IS_HAN.test(tok);
        if (han && prev && prev.han && prev.cs.length === 2 && prev.cs[1] === cs[0] && !prev.end) {
          if (cs.length === 2) out += cs[1];
          prev = { han: true, cs: cs, end: cs.length === 1 };
          return;
        }
        var spaced = out && !glued && !han && !(prev && prev.han) && (WORD.test(cs[0]) || /^[(\[“‘"']/.test(tok));
        if (spaced) out += " ";
        out += tok;
        glued = false;
        prev = { han: han, cs: cs, end: han && cs.length === 1 };
      });
      return out;
    }).filter(function (b) { return b; });
  }

  var SENTENCE = /[^。！？；!?;.]*[。！？；!?;.]?/gu;

  /* The sentence of the body that holds the query (or its first part), else the first one. */
  function excerpt(blocks, q) {
    var needles = (q.match(CHUNK) || []).filter(function (c) { return WORD.test(c); });
    var lower = needles.map(function (n) { return n.toLowerCase(); });
    var body = blocks.slice(1);
    var sentences = [];
    body.forEach(function (b) { (b.match(SENTENCE) || []).forEach(function (s) { if (s.trim()) sentences.push(s.trim()); }); });
    function hits(s) {
      var t = s.toLowerCase();
      return lower.filter(function (n) { return t.indexOf(n) >= 0 || (n.length > 4 && t.indexOf(n.slice(0, n.length - 2)) >= 0); }).length;
    }
    var best = sentences[0] || "", most = 0;
    sentences.forEach(function (s) { var h = hits(s); if (h > most) { most = h; best = s; } });
    var chars = Array.from(best), MAX = 120;
    if (chars.length <= MAX) return { text: best, needles: lower };
    var low = best.toLowerCase(), at = -1;       /* a long sentence: the part around the first hit */
    lower.forEach(function (n) {
      var j = low.indexOf(n.length > 4 ? n.slice(0, n.length - 2) : n);
      if (j >= 0 && (at < 0 || j < at)) at = j;
    });
    var from = Math.max(0, Array.from(best.slice(0, Math.max(at, 0))).length - 30);
    var part = chars.slice(from, from + MAX - 2).join("");
    return { text: (from ? "…" : "") + part + (from + MAX - 2 < chars.length ? "…" : ""), needles: lower };
  }

  /* How a zh-Hans result reads on the zh-Hant site (search_page.py hant_view; search_page.to_traditional):
     the characters it prints otherwise than the list's "chars" (state.chars), the Han runs
     those do not make as printed, and the zh-Hant headline when those do not make it. */
  var HAN_RUN = new RegExp("[" + HAN + "]+", "gu");

  function hantView(data) {
    if (!data.hantView) {
      var v = fromUnindexed(data.meta && data.meta.hant), chars = Array.from(v[0] || ""), map = {};
      for (var i = 0; i + 1 < chars.length; i += 2) map[chars[i]] = chars[i + 1];
      data.hantView = { pairs: map, runs: v[1] || {}, title: v[2] || "" };
    }
    return data.hantView;
  }

  /* A meta value in Braille patterns, a UTF-8 byte each (search_page.unindexed): JSON. */
  function fromUnindexed(s) {
    try {
      return JSON.parse(new TextDecoder().decode(new Uint8Array(Array.from(s || "").map(function (c) {
        return c.codePointAt(0) - 0x2800;
      }))));
    } catch (e) { return []; }
  }

  function toTraditional(text, view) {
    return text.replace(HAN_RUN, function (run) {
      if (Object.prototype.hasOwnProperty.call(view.runs, run)) return view.runs[run];
      var out = "";
      for (var ch of run) out += view.pairs[ch] || state.chars.get(ch) || ch;
      return out;
    });
  }

  function headline(data, view) {
    return view.title || toTraditional((data.meta && data.meta.title) || "", view);
  }

  function labelled(name) { return (state.labels && state.labels[name]) || name; }

  /* Text with <mark> around each needle, as nodes. */
  function marked(text, needles) {
    var frag = document.createDocumentFragment();
    var lower = text.toLowerCase(), i = 0;
    var latin = /^[a-z0-9]/;
    while (i < text.length) {
      var at = -1, len = 0;
      needles.forEach(function (n) {
        /* a word of letters: its stem-like prefix, marked to the end of the word (aluminum → aluminium) */
        var key = latin.test(n) && n.length > 4 ? n.slice(0, n.length - 2) : n;
        var j = lower.indexOf(key, i);
        if (!key || j < 0 || (at >= 0 && j >= at)) return;
        var end = j + key.length;
        if (latin.test(n)) while (end < lower.length && /[\p{L}\p{N}]/u.test(lower[end])) end++;
        at = j; len = end - j;
      });
      if (at < 0) break;
      if (at > i) frag.appendChild(document.createTextNode(text.slice(i, at)));
      var m = document.createElement("mark");
      m.textContent = text.slice(at, at + len);
      frag.appendChild(m);
      i = at + len;
    }
    if (i < text.length) frag.appendChild(document.createTextNode(text.slice(i)));
    return frag;
  }

  /* ------------------------------------------------------------ showing */
  var meta = box.querySelector(".na-search-meta");
  var list = box.querySelector(".na-search-list");
  var allYears = box.querySelector(".na-search-more");
  var next = box.querySelector(".na-search-next");
  var other = box.querySelector(".na-search-other");
  var filterBox = box.querySelector(".na-search-filters");
  var area = box.querySelector(".na-search-result");
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];

  function label(name, n) { return (box.getAttribute("data-" + name) || "").replace("{n}", n); }

  function dateText(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) return iso || "";
    return (box.getAttribute("data-date") || "").replace("{y}", m[1]).replace("{m}", +m[2]).replace("{d}", +m[3])
      .replace("{month}", MONTHS[+m[2] - 1]);
  }

  function pageText(page) {
    var m = /^(\d+)\s*(.*)$/.exec(page || "");
    if (!m) return page || "";
    return (box.getAttribute("data-page-label") || "").replace("{n}", +m[1]).replace("{name}", m[2])
      .replace(/\s*·\s*$/, "").trim();
  }

  /* [date, paper, page] from the meta "info" (search_page.info_value: JSON in hex) */
  function infoOf(hex) {
    try {
      var bytes = new Uint8Array((hex || "").slice(2).match(/../g).map(function (h) { return parseInt(h, 16); }));
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) { return []; }
  }

  function item(d, q) {
    var view = lang === "zh-Hant" ? hantView(d) : null;
    var li = document.createElement("li"); li.className = "md-search-result__item";
    var a = document.createElement("a"); a.className = "md-search-result__link"; a.href = d.url;
    var art = document.createElement("article"); art.className = "md-search-result__article md-typeset";
    var h = document.createElement("h1");
    h.textContent = (view ? headline(d, view) : d.meta && d.meta.title) || d.url;
    var info = document.createElement("div"); info.className = "na-search-info";
    var about = infoOf(d.meta && d.meta.info);
    info.textContent = [dateText(about[0]), about[1] && labelled(about[1]), pageText(about[2] && labelled(about[2]))]
      .filter(function (x) { return x; }).join(" · ");
    var blocks = blocksOf(d.content || "");
    if (view) {       /* the sentence and the query's words as printed in Traditional */
      blocks = blocks.map(function (b) { return toTraditional(b, view); });
      q = toTraditional(q, view);
    }
    var ex = excerpt(blocks, q);
    var p = document.createElement("p"); p.className = "na-search-excerpt";
    p.appendChild(marked(ex.text, ex.needles));
    art.appendChild(h); art.appendChild(info); art.appendChild(p); a.appendChild(art); li.appendChild(a);
    return li;
  }

  function showMore(seq) {
    var batch = state.results.slice(state.shown, state.shown + PAGE);
    state.shown += batch.length;
    return Promise.all(batch.map(loaded)).then(function (items) {
      if (seq !== state.seq) return;
      items.forEach(function (d) { list.appendChild(item(d, state.query)); });
      next.hidden = state.shown >= state.results.length;
    });
  }

  function fillFilters(counts) {
    filterBox.querySelectorAll("select").forEach(function (sel) {
      var name = sel.getAttribute("data-na-filter"), chosen = sel.value;
      var values = Object.keys(counts[name] || {}).filter(function (v) { return counts[name][v] > 0 || v === chosen; });
      values.sort(); if (name === "year") values.reverse();
      while (sel.options.length > 1) sel.remove(1);
      values.forEach(function (v) {
        var o = document.createElement("option");
        o.value = v; o.textContent = (name === "page" ? pageText(labelled(v)) : v) + " (" + (counts[name][v] || 0) + ")";
        sel.appendChild(o);
      });
      sel.value = chosen;
    });
  }

  /* Filter counts come with results only once the filter index is loaded (Pagefind
     filters()): it is loaded when the reader first opens the filters, not for every search. */
  function loadFilters() {
    if (!filterBox.open || state.filtersLoading) return;
    state.filtersLoading = initSearch().then(function () { return state.pagefind.filters(); })
      .then(function () { if (input.value.trim()) return runSearch(input.value); })
      .catch(function (err) { console.warn("search filters:", err); });
  }

  function done(query, n) {
    area.setAttribute("data-na-query", query);
    area.setAttribute("data-na-count", String(n));
    area.setAttribute("data-na-state", "done");
  }

  function chosenFilters() {
    var out = {};
    filterBox.querySelectorAll("select").forEach(function (sel) {
      if (sel.value) out[sel.getAttribute("data-na-filter")] = [sel.value];
    });
    return out;
  }

  function offerChinese(query) {
    var zh = box.getAttribute("data-na-zh-search");
    var show = !!zh && HAS_HAN.test(query);
    other.hidden = !show;
    if (show) {
      var a = other.querySelector("a");
      a.href = new URL(zh, location.href).pathname + "?q=" + encodeURIComponent(query.trim());
      a.textContent = (box.getAttribute("data-other-site") || "").replace("{q}", query.trim());
    }
    return show;
  }

  function runSearch(query, everything) {
    var seq = ++state.seq;
    area.setAttribute("data-na-state", "busy");
    next.hidden = true;
    if (!query.trim()) {
      meta.textContent = label("idle"); list.replaceChildren(); allYears.hidden = true;
      other.hidden = true; filterBox.hidden = true;
      area.removeAttribute("data-na-query"); area.removeAttribute("data-na-count"); area.removeAttribute("data-na-state");
      return Promise.resolve();
    }
    offerChinese(query);
    var q, filters = chosenFilters();
    return initSearch().then(function () {
      return prepared(query);
    }).then(function (converted) {
      q = converted;
      return (everything && !state.merged ? state.all() : null);
    }).then(function () {
      return find(q, filters);
    }).then(function (res) {
      if (seq !== state.seq) return null;
      if (!state.merged && res.results.length < FEW) {   /* few here: look in every year */
        /* a long query whose headline the recent shards hold: that article, the others on
           "search all years" */
        if (res.exact && res.musts.length >= LONG) return res;
        return state.all().then(function () {
          return everything ? null : headlineFirst(q, filters, res);
        }).then(function (first) { return first || find(q, filters); });
      }
      return res;
    }).then(function (res) {
      if (seq !== state.seq || !res) return null;
      state.results = res.results; state.shown = 0; state.query = q;
      var newest = state.recent[0] || {}, oldest = state.recent[state.recent.length - 1] || {};
      meta.textContent = (res.results.length ? label(res.results.length === 1 ? "count-one" : "count", res.results.length) : label("none")) +
        (res.partial ? label("partial") : state.merged ? "" : (box.getAttribute("data-recent") || "")
          .replace("{from}", oldest.from || "").replace("{to}", newest.to || ""));
      allYears.hidden = state.merged && !res.partial;
      fillFilters(res.filters);
      filterBox.hidden = !res.results.length && !Object.keys(filters).length;
      list.replaceChildren();
      return showMore(seq).then(function () { if (seq === state.seq) done(query, res.results.length); });
    }).catch(function (err) {
      if (seq !== state.seq) return;             /* a newer query took over */
      meta.textContent = label("error");
      done(query, 0);
      console.warn("search:", err);
    });
  }

  /* ------------------------------------------------------------ wiring */
  var input = box.querySelector(".na-search-input");
  var toggle = document.getElementById("__search");
  var timer = null;
  var delay = +(box.getAttribute("data-na-debounce") || 120);
  var onSearchPage = new URL(box.getAttribute("data-na-search-page"), location.href).pathname === location.pathname;

  function remember(query) {      /* the search page keeps its query in the URL */
    if (!onSearchPage) return;
    var url = new URL(location.href);
    if (query.trim()) url.searchParams.set("q", query.trim()); else url.searchParams.delete("q");
    history.replaceState(null, "", url.pathname + url.search + url.hash);
  }

  input.addEventListener("input", function () {
    initSearch().catch(function () {});   /* the index loads while the typing pause runs */
    clearTimeout(timer);
    timer = setTimeout(function () { runSearch(input.value); remember(input.value); }, delay);
  });
  input.addEventListener("focus", function () {
    if (toggle && !toggle.checked) toggle.checked = true;   /* opens Material's search panel */
    initSearch().catch(function () {});
  });
  allYears.addEventListener("click", function () { runSearch(input.value, true); });
  next.querySelector("button").addEventListener("click", function () { showMore(state.seq); });
  filterBox.addEventListener("change", function () { runSearch(input.value); });
  filterBox.addEventListener("toggle", loadFilters);
  box.querySelector("form").addEventListener("reset", function () {
    filterBox.querySelectorAll("select").forEach(function (sel) { sel.value = ""; });
    setTimeout(function () { runSearch(""); remember(""); }, 0);
  });
  box.querySelector("form").addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    var go = function () {       /* Enter opens the first result */
      var first = list.querySelector("a.md-search-result__link");
      if (first) location.href = first.href;
    };
    if (area.getAttribute("data-na-query") === input.value && area.getAttribute("data-na-state") === "done") go();
    else runSearch(input.value).then(go);
  });
  if (toggle) toggle.addEventListener("change", function () {
    if (toggle.checked) { setTimeout(function () { input.focus(); }, 50); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && toggle && toggle.checked) { toggle.checked = false; input.blur(); }
  });

  var asked = new URLSearchParams(location.search).get("q");
  if (asked) {                   /* /search/?q=… (or any page with ?q=): open the box with it */
    input.value = asked;
    if (toggle) toggle.checked = true;
    runSearch(asked);
  }

  window.naSearch = { tokens: tokens, titleKey: titleKey, queryParts: queryParts, blocksOf: blocksOf,
                      simplified: function (q) { return initSearch().then(function () { return prepared(q); }); },
                      find: function (q, filters) { return initSearch().then(function () { return find(q, filters || {}); }); } };
})();
