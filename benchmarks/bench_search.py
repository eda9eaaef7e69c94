"""Search quality and speed of a built site, through the real search box in headless Chromium.

    python benchmarks/bench_search.py [--site site] [--docs docs] [--per-kind 40] [--titles 0] [--seed 1]
                                      [--langs zh-Hans,zh-Hant,en] [--against OTHER_SITE] [--json OUT] [-v]

Serves SITE on 127.0.0.1, opens each language's home page and types queries into the header
search box, as a reader does. The queries come from the archive itself (DOCS/<lang>/ articles):

  title        every article's title as printed on that site (or --titles N of them)  recall@1
  title-other  zh: the title in the other script (typed on this site)  recall@1
  head         kickers and subtitles                                recall@10, MRR
  w2 w3 w4     zh: 2-, 3-, 4-character words from the bodies (jieba) recall@10, MRR
  name         zh: person and place names from the bodies (jieba)   recall@10, MRR
  *-other      zh: the same words in the other script
  word         en: words of the English bodies                      recall@10, MRR
  variant      en: the British/American spelling of a word of the bodies
  nowhere      strings that appear in no article (≥ 3 characters)   results (should be 0)

The expected articles are those whose text (title, kicker, subtitle, body, captions) holds
the query: for zh compared in Simplified (OpenCC t2s of both), for en word by word by stem
(Snowball), the spelling variant counted as its counterpart. Per language and kind it prints
recall@1 (titles) or recall@10 and MRR (mean reciprocal rank of the first expected article),
the junk share (results, of the first 10, not holding every word of the query), the share of
queries where the box showed fewer results than exist ("hidden": more results not reachable
counts here only if the box offers none), latency cold (first query on a fresh page: loading
the index included; also typed 500 ms after the box got the focus, when it starts loading)
and warm (median and p95; measured from the input event to the last change of the result
list, less the box's typing pause), the bytes of a first search (every response
after the page loaded, each gzip-compressed as a static host serves it) and the load average.

--against OTHER_SITE (the same archive built otherwise, e.g. by the previous commit) runs the
same queries on it too, language by language in turn with SITE, and prints both reports and
the ratios SITE / OTHER_SITE of first-search download, cold and warm latency.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import random
import re
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts.site.labels import LANGS, PREFIX  # noqa: E402
from build_scripts.site.search_text import SearchArticle, articles  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]
DEBOUNCE_MS = 120          # the box's pause after typing (newsarchive search: data-na-debounce)
CJK = re.compile(r"^[\u3400-\u9fff]+$")

# Common British → American spellings (the benchmark's own list, independent of the site's).
SPELLINGS = {
    "aluminium": "aluminum", "colour": "color", "favour": "favor", "honour": "honor", "labour": "labor",
    "neighbour": "neighbor", "behaviour": "behavior", "harbour": "harbor", "rumour": "rumor",
    "centre": "center", "metre": "meter", "theatre": "theater", "fibre": "fiber", "litre": "liter",
    "organise": "organize", "organisation": "organization", "realise": "realize", "recognise": "recognize",
    "modernisation": "modernization", "modernise": "modernize", "urbanisation": "urbanization",
    "optimise": "optimize", "prioritise": "prioritize", "utilise": "utilize", "standardise": "standardize",
    "digitalisation": "digitalization", "industrialisation": "industrialization", "analyse": "analyze",
    "programme": "program", "defence": "defense", "licence": "license", "offence": "offense",
    "travelled": "traveled", "travelling": "traveling", "modelling": "modeling", "labelled": "labeled",
    "catalogue": "catalog", "dialogue": "dialog", "grey": "gray", "tyre": "tire", "cheque": "check",
    "jewellery": "jewelry", "fulfil": "fulfill", "enrol": "enroll", "practise": "practice",
    "mobilise": "mobilize", "stabilise": "stabilize", "emphasise": "emphasize", "characterised": "characterized",
    "organised": "organized", "realised": "realized", "recognised": "recognized", "utilised": "utilized",
    "optimised": "optimized", "prioritised": "prioritized", "organising": "organizing",
    "colours": "colors", "centres": "centers", "programmes": "programs", "neighbourhood": "neighborhood",
    "endeavour": "endeavor", "vapour": "vapor", "savour": "savor", "flavour": "flavor", "humour": "humor",
}
SPELLINGS.update({v: k for k, v in list(SPELLINGS.items())})
STOP = set("""the and for that with this from have has had are was were been being their there which while
into onto over under than then them they these those such also more most very will would could should
about after before other others its our your his her she him who whom whose what when where why how all
any both each few many much some own same not only just can may might must shall out off per via""".split())


# -- the archive's text ---------------------------------------------------------------------
@dataclass
class Query:
    kind: str
    text: str
    expected: set[str]             # article URLs holding it
    words: list[str] = field(default_factory=list)   # what a result must hold (for junk)


class Judge:
    """Which articles hold a query, per language."""

    def __init__(self, lang: str, arts: list[SearchArticle]):
        self.lang = lang
        self.arts = arts
        if lang == "en":
            import snowballstemmer
            self.stemmer = snowballstemmer.stemmer("english")
            self.stems = {a.url: self._stems(a.text()) for a in arts}
        else:
            import opencc
            self.t2s = opencc.OpenCC("t2s").convert
            self.s2t = opencc.OpenCC("s2tw").convert
            self.flat = {a.url: self._flat(a.text()) for a in arts}

    def _flat(self, text: str) -> str:
        return re.sub(r"\s+", "", self.t2s(text))

    def _stems(self, text: str) -> set[str]:
        words = re.findall(r"[a-z0-9]+", text.lower())
        return set(self.stemmer.stemWords([SPELLINGS.get(w, w) for w in words])) | \
            set(self.stemmer.stemWords(words))

    def query_words(self, q: str) -> list[str]:
        if self.lang == "en":
            words = re.findall(r"[a-z0-9]+", q.lower())
            return self.stemmer.stemWords(words)
        return [self._flat(part) for part in re.split(r"\s+", q.strip()) if part]

    def holds(self, url: str, words: list[str]) -> bool:
        if url not in (self.stems if self.lang == "en" else self.flat):
            return False
        if self.lang == "en":
            have = self.stems[url]
            return all(w in have or self.stemmer.stemWord(SPELLINGS.get(w, w)) in have for w in words)
        return all(w in self.flat[url] for w in words)

    def query(self, kind: str, text: str) -> Query:
        words = self.query_words(text)
        if self.lang == "en":      # a variant is judged as the spelling the text has
            words = [self.stemmer.stemWord(SPELLINGS[w]) if w in SPELLINGS else w for w in words] \
                if kind == "variant" else words
        return Query(kind, text, {a.url for a in self.arts if self.holds(a.url, words)}, words)

    def title_query(self, kind: str, title: str) -> Query:
        """An exact headline: expected is the article (or articles) of that title."""
        q = self.query(kind, title)
        key = _title_key(self, title)
        q.expected = {a.url for a in self.arts if _title_key(self, a.title) == key}
        return q


def _title_key(judge: Judge, title: str) -> str:
    return " ".join(re.findall(r"\w+", judge.t2s(title) if judge.lang != "en" else title.lower()))


def _sample(items, n, rnd):
    items = sorted(set(items))
    rnd.shuffle(items)
    return items[:n]


def _titles(arts: list[SearchArticle], n: int, rnd) -> list[str]:
    """Every title, or ``n`` of them drawn at random (0: all)."""
    titles = [a.title for a in arts]
    return titles if not n or n >= len(titles) else rnd.sample(titles, n)


def zh_queries(lang: str, arts: list[SearchArticle], judge: Judge, per_kind: int, rnd,
               titles: int = 0) -> list[Query]:
    import jieba
    import jieba.posseg as pseg
    jieba.setLogLevel(60)
    other = judge.s2t if lang == "zh-Hans" else judge.t2s
    out = [judge.title_query("title", t) for t in _titles(arts, titles, rnd)]
    out += [judge.title_query("title-other", other(t)) for t in _sample([a.title for a in arts], per_kind, rnd)]
    out += [judge.query("head", h) for h in _sample([h for a in arts for h in (a.kicker, a.subtitle) if h],
                                                    per_kind, rnd)]
    simple_bodies = [judge.t2s("\n".join(a.paragraphs)) for a in arts]
    words: dict[int, set[str]] = {2: set(), 3: set(), 4: set()}
    names: set[str] = set()
    for body in simple_bodies:
        for w, flag in pseg.cut(body):
            if not CJK.match(w):
                continue
            if len(w) in words:
                words[len(w)].add(w)
            if flag in ("nr", "ns", "nt") and len(w) >= 2:
                names.add(w)
    native = (lambda w: w) if lang == "zh-Hans" else judge.s2t
    foreign = judge.s2t if lang == "zh-Hans" else (lambda w: w)
    for n, pool in words.items():
        picked = _sample(pool, per_kind, rnd)
        out += [judge.query(f"w{n}", native(w)) for w in picked]
        out += [judge.query(f"w{n}-other", foreign(w)) for w in picked[: per_kind // 2]]
    picked = _sample(names, per_kind, rnd)
    out += [judge.query("name", native(w)) for w in picked]
    out += [judge.query("name-other", foreign(w)) for w in picked[: per_kind // 2]]
    out += nowhere(judge, [native(w) for w in _zh_nonsense(simple_bodies, per_kind, rnd)])
    return [q for q in out if q.kind == "nowhere" or q.expected]


def _zh_nonsense(bodies: list[str], n: int, rnd) -> list[str]:
    """Strings of 3–5 characters of the archive that it never holds in a row."""
    chars = sorted({c for b in bodies for c in b if CJK.match(c)})
    text = "\n".join(bodies)
    out = []
    while len(out) < n and chars:
        s = "".join(rnd.choice(chars) for _ in range(rnd.choice([3, 4, 5])))
        if s not in text:
            out.append(s)
    return out


def nowhere(judge: Judge, strings: list[str]) -> list[Query]:
    qs = [judge.query("nowhere", s) for s in strings]
    return [q for q in qs if not q.expected]


def en_queries(arts: list[SearchArticle], judge: Judge, per_kind: int, rnd, titles: int = 0) -> list[Query]:
    out = [judge.title_query("title", t) for t in _titles(arts, titles, rnd)]
    out += [judge.query("head", h) for h in _sample([h for a in arts for h in (a.kicker, a.subtitle) if h],
                                                    per_kind, rnd)]
    body_words = {w for a in arts for p in a.paragraphs for w in re.findall(r"[A-Za-z]{3,}", p)}
    plain = [w for w in body_words if w.lower() not in STOP]
    out += [judge.query("word", w) for w in _sample(plain, per_kind * 2, rnd)]
    lower = {w.lower() for w in body_words}
    out += [judge.query("variant", SPELLINGS[w]) for w in sorted(lower) if w in SPELLINGS]
    fake = ["zorblaxian", "quimbletons", "vexnarine", "plorchet", "snurfing", "blenquist", "trovaxic",
            "acmefoo", "cozwy", "zxq"]
    out += nowhere(judge, fake)
    return [q for q in out if q.kind == "nowhere" or q.expected]


# -- the browser ----------------------------------------------------------------------------
class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path):
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# Installed in the page: the time of the last change of the result area, and a way to type.
_SETUP = """() => {
  const box = document.querySelector('.na-search');
  const area = box.querySelector('.na-search-result');
  window.__naLast = 0;
  new MutationObserver(() => { window.__naLast = performance.now(); })
    .observe(area, {subtree: true, childList: true, characterData: true, attributes: true});
  window.__naType = (q) => {
    const input = box.querySelector('.na-search-input');
    input.value = q;
    window.__naStart = performance.now();
    input.dispatchEvent(new Event('input', {bubbles: true}));
  };
}"""
# Done: the box says it answered this query (data-na-query / data-na-state), or, for a box
# without those, its status line left the idle text.
_DONE = """([q, idle]) => {
  const box = document.querySelector('.na-search');
  const area = box.querySelector('.na-search-result');
  if (area.hasAttribute('data-na-state')) return area.dataset.naQuery === q && area.dataset.naState === 'done';
  const meta = box.querySelector('.na-search-meta').textContent.trim();
  return meta !== idle && meta !== '';
}"""
_IDLE = """(idle) => {
  const box = document.querySelector('.na-search');
  return box.querySelector('.na-search-meta').textContent.trim() === idle &&
    !box.querySelector('.na-search-list li');
}"""
_RESULTS = """() => {
  const area = document.querySelector('.na-search-result');
  const links = Array.from(document.querySelectorAll('.na-search-list li a.md-search-result__link, .na-search-list li > a'))
    .map(a => a.href);
  const total = area.hasAttribute('data-na-count') ? +area.dataset.naCount : null;
  const more = Array.from(document.querySelectorAll('.na-search-more button, .na-search-next'))
    .some(b => b.offsetParent !== null);
  return {links: Array.from(new Set(links)), total, more, debounce: +(document.querySelector('.na-search').dataset.naDebounce || %d)};
}""" % DEBOUNCE_MS


def _idle(page) -> str:
    return page.evaluate("document.querySelector('.na-search').getAttribute('data-idle') || ''")


def run_queries(browser, base: str, lang: str, queries: list[Query]) -> tuple[list[dict], dict]:
    root = base + PREFIX[lang].strip("/") + ("/" if PREFIX[lang].strip("/") else "")
    lang_path = "/" + (PREFIX[lang].strip("/") + "/" if PREFIX[lang].strip("/") else "")

    def article_url(href: str) -> str:
        path = re.sub(r"^https?://[^/]+", "", href).split("?")[0].split("#")[0]
        return path[len(lang_path):] if path.startswith(lang_path) else path

    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = ctx.new_page()
    page.goto(root, wait_until="load")
    page.wait_for_timeout(300)
    sizes: list[tuple[str, int]] = []
    page.on("response", lambda r: sizes.append((r.url, _gz_size(r))))
    page.evaluate(_SETUP)
    idle = _idle(page)
    rows = []
    first = None
    for i, q in enumerate(queries):
        page.evaluate("window.__naType('')")
        page.wait_for_function(_IDLE, arg=idle, timeout=5000, polling=10)
        page.evaluate("q => window.__naType(q)", q.text)
        try:
            page.wait_for_function(_DONE, arg=[q.text, idle], timeout=20000, polling=10)
        except Exception:
            rows.append({"q": q, "links": [], "ms": None, "error": "timeout"})
            continue
        page.wait_for_timeout(30)           # a later change of the same answer (fragments arriving)
        res = page.evaluate(_RESULTS)
        ms = page.evaluate("window.__naLast - window.__naStart") - res["debounce"]
        if i == 0:
            first = {"bytes_gzip": sum(n for _, n in sizes), "ms": ms, "query": q.text,
                     "files": sorted(((u.rsplit("/", 2)[-2] + "/" + u.rsplit("/", 1)[-1], n) for u, n in sizes),
                                     key=lambda f: -f[1])}
        rows.append({"q": q, "links": [article_url(h) for h in res["links"]], "ms": ms,
                     "total": res["total"], "more": res["more"]})
    ctx.close()
    return rows, first or {}


FOCUS_MS = 500            # a reader's pause between putting the cursor in the box and typing


def cold_after_focus(browser, base: str, lang: str, query: Query) -> float | None:
    """The first query on a fresh page typed FOCUS_MS after the box got the focus (the box
    starts loading the index on focus), in ms from the input event, less the typing pause."""
    root = base + PREFIX[lang].strip("/") + ("/" if PREFIX[lang].strip("/") else "")
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = ctx.new_page()
    try:
        page.goto(root, wait_until="load")
        page.wait_for_timeout(300)
        page.evaluate(_SETUP)
        idle = _idle(page)
        page.evaluate("document.querySelector('.na-search-input').focus()")
        page.wait_for_timeout(FOCUS_MS)
        page.evaluate("q => window.__naType(q)", query.text)
        page.wait_for_function(_DONE, arg=[query.text, idle], timeout=20000, polling=10)
        page.wait_for_timeout(30)
        res = page.evaluate(_RESULTS)
        return page.evaluate("window.__naLast - window.__naStart") - res["debounce"]
    except Exception:
        return None
    finally:
        ctx.close()


def _gz_size(response) -> int:
    try:
        body = response.body()
    except Exception:
        return 0
    return len(gzip.compress(body, 6))


# -- figures --------------------------------------------------------------------------------
def figures(rows: list[dict], judge: Judge) -> dict:
    by_kind: dict[str, list[dict]] = {}
    for r in rows:
        by_kind.setdefault(r["q"].kind, []).append(r)
    out = {}
    for kind, rs in by_kind.items():
        rec1, rec10, rr, junk, shown, nres, hidden = [], [], [], 0, 0, [], 0
        for r in rs:
            q, links = r["q"], r["links"][:10]
            shown += len(links)
            junk += sum(1 for u in links if not judge.holds(u, q.words))
            nres.append(r.get("total") if r.get("total") is not None else len(r["links"]))
            if kind == "nowhere":
                continue
            rec1.append(1.0 if links[:1] and links[0] in q.expected else 0.0)
            want = min(len(q.expected), 10)
            rec10.append(len(set(links) & q.expected) / want)
            rank = next((i + 1 for i, u in enumerate(links) if u in q.expected), None)
            rr.append(1 / rank if rank else 0.0)
            if len(q.expected) > len(links) and not r.get("more"):
                hidden += 1
        out[kind] = {"queries": len(rs), "recall@1": _mean(rec1), "recall@10": _mean(rec10), "mrr": _mean(rr),
                     "junk": junk / shown if shown else 0.0, "results": _mean(nres),
                     "with_results": sum(1 for n in nres if n) / len(rs),
                     "hidden": hidden / len(rs) if kind != "nowhere" else None,
                     "timeouts": sum(1 for r in rs if r.get("error"))}
    return out


def _mean(xs):
    return sum(xs) / len(xs) if xs else None


def latency(rows: list[dict]) -> dict:
    ms = [r["ms"] for r in rows[1:] if r.get("ms") is not None]
    if not ms:
        return {}
    ms.sort()
    return {"warm_median": statistics.median(ms), "warm_p95": ms[int(0.95 * (len(ms) - 1))], "warm_max": ms[-1]}


def failures(rows: list[dict], judge: Judge) -> list[str]:
    """The queries that missed: an expected article not first (titles) or not in the first
    10 (words), or any result for a string found nowhere; and those with junk results."""
    out = []
    for r in rows:
        q, links = r["q"], r["links"][:10]
        if q.kind == "nowhere":
            bad = bool(links)
        elif q.kind.startswith("title"):
            bad = not (links[:1] and links[0] in q.expected)
        else:
            bad = not (set(links) & q.expected)
        if bad:
            out.append(f"{q.kind} {q.text!r}: got {links[:3]} expected {sorted(q.expected)[:3]}")
        junk = [u for u in links if not judge.holds(u, q.words)]
        if junk:
            out.append(f"{q.kind} {q.text!r}: {len(junk)} of {len(links)} results without it, e.g. {junk[0]}")
    return out


def print_report(res: dict, verbose: bool = False) -> None:
    print(f"\nsearch benchmark: {res['site']}  ({res['articles']})  load average {res['load_before']} "
          f"→ {res['load_after']}")
    head = f"{'lang':8} {'kind':12} {'n':>4} {'R@1':>6} {'R@10':>6} {'MRR':>6} {'junk':>6} {'results':>7} " \
           f"{'w/res':>6} {'hidden':>6}"
    print(head)
    pct = lambda x: "   -  " if x is None else f"{100 * x:5.1f}%"  # noqa: E731
    num = lambda x: "   -  " if x is None else f"{x:6.3f}"  # noqa: E731
    for lang, data in res["langs"].items():
        for kind, f in data["kinds"].items():
            r1 = pct(f["recall@1"]) if kind.startswith("title") else "   -  "
            r10 = "   -  " if kind.startswith("title") or kind == "nowhere" else pct(f["recall@10"])
            mrr = "   -  " if kind == "nowhere" else num(f["mrr"])
            print(f"{lang:8} {kind:12} {f['queries']:4d} {r1:>6} {r10:>6} {mrr:>6} {pct(f['junk']):>6} "
                  f"{f['results']:7.1f} {pct(f['with_results']):>6} {pct(f['hidden']):>6}"
                  + (f"  timeouts {f['timeouts']}" if f["timeouts"] else ""))
        lat, first = data["latency"], data["first"]
        focus = first.get("focus_ms")
        focused = f", cold {focus:.0f} ms typed {FOCUS_MS} ms after focus" if focus is not None else ""
        print(f"{lang:8} latency: cold {first.get('ms', 0):.0f} ms{focused}, warm median {lat.get('warm_median', 0):.0f} ms, "
              f"p95 {lat.get('warm_p95', 0):.0f} ms, max {lat.get('warm_max', 0):.0f} ms; "
              f"first search download {first.get('bytes_gzip', 0) / 1024:.1f} KB gzip ({first.get('query')!r})")
        for kind, f in data.get("firsts", {}).items():
            if f["kb"]:
                print(f"{lang:8} first search, {kind} ({len(f['kb'])} on fresh pages, {min(f['words'])}–"
                      f"{max(f['words'])} words): {statistics.median(f['kb']):.1f} KB gzip median, "
                      f"max {max(f['kb']):.1f}; cold {statistics.median(f['ms']):.0f} ms median, max {max(f['ms']):.0f}")
        if verbose:
            print("  first search: " + ", ".join(f"{name} {n / 1024:.1f}" for name, n in first.get("files", [])))
            for line in data["failures"][:30]:
                print("  missed: " + line)


def first_queries(queries: list[Query], n: int) -> dict[str, list[Query]]:
    """The queries each searched first on a fresh page (--first N): the N titles of the most
    words (the longest first search: every word costs an index chunk in each shard searched),
    and N one-word queries (en "word", zh "w2")."""
    titles = sorted((q for q in queries if q.kind == "title"), key=lambda q: (-len(q.text.split()), -len(q.text)))
    words = [q for q in queries if q.kind in ("word", "w2")]
    return {"long title": titles[:n], "one word": words[:n]}


def first_searches(browser, base: str, lang: str, picked: dict[str, list[Query]]) -> dict:
    """Per kind: the first-search download (KB gzip) and cold latency (ms) of each query, each
    typed on a fresh page."""
    out = {}
    for kind, qs in picked.items():
        runs = [run_queries(browser, base, lang, [q])[1] for q in qs]
        out[kind] = {"kb": [r.get("bytes_gzip", 0) / 1024 for r in runs], "ms": [r.get("ms") or 0 for r in runs],
                     "words": [len(q.text.split()) for q in qs]}
    return out


def measure(browser, base: str, lang: str, queries: list[Query], judge: Judge, first_n: int = 0) -> dict:
    t = time.perf_counter()
    rows, first = run_queries(browser, base, lang, queries)
    if queries:
        first["focus_ms"] = cold_after_focus(browser, base, lang, queries[0])
    firsts = first_searches(browser, base, lang, first_queries(queries, first_n)) if first_n else {}
    return {"kinds": figures(rows, judge), "latency": latency(rows), "first": first, "firsts": firsts,
            "seconds": time.perf_counter() - t, "failures": failures(rows, judge)}


def print_ratios(res: dict, other: dict) -> None:
    """SITE / OTHER_SITE, per language: first-search download, cold and warm latency."""
    print(f"\n{res['site']} / {other['site']} (same queries, same run)")
    print(f"{'lang':8} {'first KB':>18} {'ratio':>6} {'cold ms':>14} {'ratio':>6} {'warm ms':>12} {'ratio':>6}")
    for lang, data in res["langs"].items():
        was = other["langs"][lang]
        kb, kb0 = data["first"].get("bytes_gzip", 0) / 1024, was["first"].get("bytes_gzip", 0) / 1024
        cold, cold0 = data["first"].get("ms", 0), was["first"].get("ms", 0)
        warm, warm0 = data["latency"].get("warm_median", 0), was["latency"].get("warm_median", 0)
        ratio = lambda a, b: f"{a / b:6.2f}" if b else "   -  "  # noqa: E731
        print(f"{lang:8} {kb:8.1f} / {kb0:7.1f} {ratio(kb, kb0)} {cold:6.0f} / {cold0:5.0f} {ratio(cold, cold0)} "
              f"{warm:5.0f} / {warm0:4.0f} {ratio(warm, warm0)}")
        for kind, f in data.get("firsts", {}).items():
            f0 = was.get("firsts", {}).get(kind)
            if f["kb"] and f0 and f0["kb"]:
                kb, kb0 = max(f["kb"]), max(f0["kb"])
                cold, cold0 = statistics.median(f["ms"]), statistics.median(f0["ms"])
                print(f"  {kind + ' (max KB, median ms)':24} {kb:6.1f} / {kb0:7.1f} {ratio(kb, kb0)} "
                      f"{cold:6.0f} / {cold0:5.0f} {ratio(cold, cold0)}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, default=ROOT / "site")
    ap.add_argument("--docs", type=Path, default=ROOT / "docs")
    ap.add_argument("--per-kind", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--titles", type=int, default=0, help="exact-title queries: every title (0) or this many")
    ap.add_argument("--langs", default=",".join(LANGS))
    ap.add_argument("--against", type=Path, help="another build of the same archive, measured in turn")
    ap.add_argument("--first", type=int, default=0,
                    help="also search N of the longest titles and N one-word queries each first on a fresh page")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--verbose", "-v", action="store_true", help="list the first search's files and the misses")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright
    rnd = random.Random(args.seed)
    sites = [args.site] + ([args.against] if args.against else [])
    servers = [serve(site) for site in sites]
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    runs = [{"site": str(site), "load_before": load, "langs": {}} for site in sites]
    counts = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for lang in args.langs.split(","):
                arts = articles(args.docs / lang)
                counts.append(f"{len(arts)} {lang}")
                judge = Judge(lang, arts)
                qs = en_queries(arts, judge, args.per_kind, rnd, args.titles) if lang == "en" else \
                    zh_queries(lang, arts, judge, args.per_kind, rnd, args.titles)
                for run, (_, base) in zip(runs, servers):
                    run["langs"][lang] = measure(browser, base, lang, qs, judge, args.first)
            browser.close()
    finally:
        for server, _ in servers:
            server.shutdown()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    for run in runs:
        run["articles"] = ", ".join(counts) + " articles"
        run["load_after"] = load
        print_report(run, args.verbose)
    if args.against:
        print_ratios(runs[0], runs[1])
    if args.json:
        out = runs[0] if not args.against else {"site": runs[0], "against": runs[1]}
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
