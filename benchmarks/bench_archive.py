"""The whole pipeline on a generated archive: seconds per stage, pages/s, peak memory, sizes.

    python benchmarks/bench_archive.py --issues 30 [--seed 1] [--work DIR] [--jobs N]
                                       [--add-one] [--browser] [--query-zh 通辽] [--query-en Tongliao]

In a work folder (default ``build/bench/<issues>``; it is reused, delete it for
a cold run) it

1. generates N issues of 8 pages (``benchmarks/archive.py``: WORK/dumps/ and
   its manifest.yaml) — not counted in the pipeline time;
2. **segment**: ``segment_pages`` on every dump, one process per core
   (``--jobs``), into WORK/docs/zh-Hans (state in WORK/build/cache, so a
   second run of the same folder is incremental, as in a real rebuild);
3. prepares the translation memory WORK/memory/en.jsonl — not timed, it stands
   for the translations a real archive already has: the repo's memory, plus
   every segment ``export_segments`` (as ``variants --export-missing``) lists,
   filled with placeholder English (words from the reviewed sample
   translations, about as long as a real translation, seeded by the segment's
   hash) as machine entries of engine ``bench``;
4. **variants**: ``make_variants(offline=True)`` with that memory; its time is
   split into reading the zh-Hans tree, **zh-Hant** (OpenCC conversion and
   writing) and **en** (memory load, segment look-ups, rendering and writing)
   as the stage's own clock reports it (``VariantsResult.steps``: conversion and
   rendering run together in worker processes, shared out by the work each took);
5. **site**: ``build_site`` into WORK/site (staging in WORK/build), which
   reports its own phases: index pages (staging the per-language docs dirs:
   generated home/archive/issue/page/author/source pages plus the articles),
   the three MkDocs builds (run in parallel: wall time, and each language's own
   time; Pagefind starts on a language as soon as its build ends, so this row
   holds the indexing that overlaps the slower builds), assembling + sitemaps,
   and the rest of Pagefind (the month shards of three languages);
6. measures: HTML pages built and pages per second of the whole pipeline;
   peak resident memory of the process tree (sampled from /proc every 0.2 s,
   this process plus all descendants summed: MkDocs workers, the Pagefind
   binary; shared pages of forked workers are counted in each, so it errs
   high) and the largest single process (``getrusage`` ru_maxrss); size and
   file count of WORK/site; and the bytes a reader downloads for a first
   search in each language (below).

``--add-one`` then adds issue N+1 and times the rebuild end to end (segment,
variants, site), after preparing the memory for the new issue untimed.
Results: a plain table on stdout, and WORK/results.json.

**First search, computed** from the files Pagefind wrote in a language's
bundle (``<lang root>/pagefind/``), as the site's search box
(overrides/assets/search.js) loads them: on focus ``pagefind.js`` (Pagefind runs
in the page, no worker script), ``pagefind-entry.json``, the wasm named by the entry (``wasm.<lang>.pagefind``
or ``wasm.unknown.pagefind``), the language's ``pagefind.<hash>.pf_meta``,
and for zh the vendored OpenCC converter; on the query, every index chunk
whose word range (``pf_meta``: from, to, hash) can hold the query's words or
words they begin (Pagefind matches the last word as a prefix); then the
fragments (``fragment/<page hash>.pf_fragment``) of the first 10 results the
box shows. The results are ranked here as Pagefind ranks them by default
(BM25: term saturation 1.4, page length 0.75, exact words over prefixes;
the chunk lists each word's pages and positions, pf_meta each page's word
count); Pagefind's own scoring has more to it (word weights, ties), so the
ten fragments may differ from the browser's, but they are of similar sizes. Two
figures: bytes of the files as stored (what a server without compression
sends; ``.pf_*`` and the wasm are gzip inside already), and with the text
files (``.js``, ``.json``) gzipped as GitHub Pages serves them.
``--browser`` checks the computed figure once per language with headless
Chromium (/usr/bin/chromium via Playwright) against the site served locally
without compression, summing the sizes of every response after
the page loaded (body + headers).
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import os
import random
import re
import resource
import shutil
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import archive  # noqa: E402
import baseline_site  # noqa: E402
from build_scripts.manifest import load_manifest  # noqa: E402
from build_scripts.site.labels import LANGS, PREFIX  # noqa: E402
from build_scripts.site.pagefind_files import read_cbor  # noqa: E402
from build_scripts.site.search import recent_pages  # noqa: E402

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
QUERIES = {"zh-Hans": "通辽", "zh-Hant": "通辽", "en": "Tongliao"}  # zh-Hant searches the zh-Hans index
RESULTS_SHOWN = 10


def cpu_seconds() -> float:
    """User + system CPU of this process and of every child it has waited for (worker
    pools, MkDocs builds, the Pagefind binary): the whole process tree's CPU."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


# -- memory ---------------------------------------------------------------------------------
class TreeRSS:
    """Samples the resident memory of this process and all its descendants, from a process of
    its own: a sampling thread here would make the build's worker pools spawn instead of fork
    (build_scripts/workers.py), and its CPU would count as the build's."""

    def __init__(self, interval: float = 0.2):
        self.interval = interval
        self.peak = 0
        self._conn = None
        self._proc = None

    @staticmethod
    def sample(me: int | None = None, skip: int | None = None) -> int:
        """The resident bytes of ``me`` (default this process) and its descendants but ``skip``."""
        me = me or os.getpid()
        parent: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as f:
                    stat = f.read()
                parent[int(entry.name)] = int(stat[stat.rfind(b")") + 2:].split()[1])
            except (OSError, ValueError, IndexError):
                continue
        children: dict[int, list[int]] = {}
        for child, ppid in parent.items():
            children.setdefault(ppid, []).append(child)
        tree, frontier = {me}, [me]
        while frontier:
            for child in children.get(frontier.pop(), []):
                if child not in tree and child != skip:
                    tree.add(child)
                    frontier.append(child)
        total = 0
        for pid in tree:
            try:
                with open(f"/proc/{pid}/statm") as f:
                    total += int(f.read().split()[1]) * PAGE_SIZE
            except (OSError, ValueError, IndexError):
                continue
        return total

    @classmethod
    def _run(cls, conn, me: int, interval: float) -> None:
        """The sampler: samples every ``interval``; "stage" answers the peak since the last
        "stage" (and starts the next), "peak" the peak since the last "reset", "stop" ends it."""
        peak = stage = 0
        while True:
            rss = cls.sample(me, skip=os.getpid())
            peak, stage = max(peak, rss), max(stage, rss)
            if not conn.poll(interval):
                continue
            command = conn.recv()
            if command == "stop":
                return
            if command == "stage":
                conn.send(stage)
                stage = rss
            elif command == "peak":
                conn.send(peak)
            elif command == "reset":
                peak = 0

    def start(self) -> "TreeRSS":
        import multiprocessing
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                              else "spawn")
        self._conn, child = context.Pipe()
        self._proc = context.Process(target=self._run, args=(child, os.getpid(), self.interval), daemon=True)
        self._proc.start()
        return self

    def _ask(self, command: str) -> int:
        self._conn.send(command)
        value = self._conn.recv()
        self.peak = max(self.peak, value)
        return value

    def take_stage_peak(self) -> int:
        return self._ask("stage")

    def reset(self) -> None:
        self._conn.send("reset")
        self.peak = 0

    def whole_peak(self) -> int:
        return self._ask("peak")

    def stop(self) -> None:
        """Ends the sampler (after the last CPU reading: waiting for it counts its CPU as ours)."""
        if self._proc is not None:
            self._conn.send("stop")
            self._proc.join()


def max_single_rss() -> int:
    """Largest resident set of this process or any waited-for descendant (bytes)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) * 1024


# -- the translation memory for the archive -----------------------------------------------------
def _english_words() -> tuple[list[str], float]:
    """Words of the reviewed sample translations, and English words per Chinese character."""
    words, zh_chars, en_words = [], 0, 0
    for line in (ROOT / "translations/reviewed/sample-en.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d.get("kind") in ("paragraph", "body", None) or len(d["zh"]) > 30:
            zh_chars += len(d["zh"])
            en_words += len(d["en"].split())
        words += re.findall(r"[A-Za-z][A-Za-z'-]*", d["en"])
    return words, (en_words / zh_chars if zh_chars else 0.6)


def placeholder_english(source: str, words: list[str], ratio: float) -> str:
    rng = random.Random(hashlib.sha256(source.encode("utf-8")).digest())
    n = max(2, round(len(source) * ratio))
    text = " ".join(rng.choice(words) for _ in range(n))
    return text[:1].upper() + text[1:] + "."


def prepare_memory(docs: Path, memory_path: Path) -> dict:
    """Fill the work folder's memory with every segment it lacks (``--export-missing``, filled)."""
    from build_scripts.variants import glossary as _glossary, memory as _memory
    from build_scripts.variants.exchange import export_segments
    from build_scripts.variants.translate import Translator
    from build_scripts.variants.write import read_sources, record_segments

    started = time.perf_counter()
    if not memory_path.exists():
        memory_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "translations/memory/en.jsonl", memory_path)
    mem = _memory.Memory.load(memory_path)
    gloss = _glossary.Glossary.load(_glossary.DEFAULT_PATH)
    recorder = record_segments(read_sources(docs), gloss)
    missing = memory_path.with_name("missing.jsonl")
    n = export_segments(missing, recorder, Translator(mem, gloss, None, "bench"), only_missing=True)
    words, ratio = _english_words()
    today = dt.date.today().isoformat()
    for line in missing.read_text(encoding="utf-8").splitlines():
        source = json.loads(line)["source"]
        mem.add_machine(source, placeholder_english(source, words, ratio), "bench", gloss.version, today)
    mem.save()
    return {"added": n, "entries": len(mem), "seconds": time.perf_counter() - started}


# -- variants, timed inside ------------------------------------------------------------------
# -- first search --------------------------------------------------------------------------
def _cbor(b: bytes, i: int = 0):
    """A CBOR value (what Pagefind's pf_meta and pf_index hold); returns (value, next)."""
    return read_cbor(b, i)


def _pagefind_file(path: Path):
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(b"pagefind_dcd"), path
    return _cbor(data, 12)[0]


def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def _needs_conversion(site: Path, lang: str, query: str) -> tuple[list[Path], bool]:
    """As search.js: zh sites fetch t2s.json, the Traditional → Simplified table the query
    is converted with (when it holds a character or phrase the table changes)."""
    if not lang.startswith("zh"):
        return [], False
    vendor = site / PREFIX[lang] / "assets/vendor/opencc-js"
    t = json.loads((vendor / "t2s.json").read_text(encoding="utf-8"))
    needs = any(c in t["chars"][0::2] for c in query) or any(p in query for p in t["phrases"])
    return [vendor / "t2s.json"], needs




def first_search(site: Path, lang: str, query: str) -> dict:
    """The files newsarchive.js fetches for a first search: shards.json, the bundle of the newest
    shard with the next ones merged in until they hold search.js's RECENT pages (the search reaches the
    other shards only when those give fewer than 10 results: then their entries, pf_meta and
    index chunks are counted too), the fragments of the 10 best results, and the converter
    files for zh."""
    listing = site / PREFIX[lang] / "pagefind" / "shards.json"
    data = json.loads(listing.read_text(encoding="utf-8"))
    shards, bundles = data["shards"], (listing.parent / data.get("bundles", ".")).resolve()   # zh-Hant: zh-Hans's
    recent, pages = 1, shards[0]["pages"]
    while recent < len(shards) and pages < recent_pages():
        pages += shards[recent]["pages"]
        recent += 1
    bundle = lambda shard: bundles / shard["name"]  # noqa: E731
    parts = [_first_search_bundle(site, bundle(s), lang, query, setup=(i == 0))
             for i, s in enumerate(shards[:recent])]
    merged = sum(p["results"] for p in parts) < RESULTS_SHOWN and recent < len(shards)
    if merged:
        parts += [_first_search_bundle(site, bundle(s), lang, query, setup=False) for s in shards[recent:]]
    best = sorted((hit for p in parts for hit in p.pop("hits")), key=lambda hit: -hit[0])[:RESULTS_SHOWN]
    res = {"query": query, "language": parts[0]["language"], "shards": len(shards), "recent_shards": recent,
           "merged": merged, "results": sum(p["results"] for p in parts), "chunks": sum(p["chunks"] for p in parts),
           "bytes": 0, "bytes_gzip": 0, "files": {}, "by_kind": dict.fromkeys(parts[0]["by_kind"], 0)}
    for p in parts:
        res["files"].update(p["files"])
        for k in ("bytes", "bytes_gzip"):
            res[k] += p[k]
        for k, v in p["by_kind"].items():
            res["by_kind"][k] += v
    extra, converted = _needs_conversion(site, lang, query)
    res["converter_loaded"] = converted
    setup = "setup (js, entry, wasm)"
    for f, kind in [(listing, setup), *[(x, setup) for x in extra], *[(frag, "fragments") for _, frag in best]]:
        res["files"][str(f.relative_to(site))] = f.stat().st_size
        res["bytes"] += f.stat().st_size
        res["bytes_gzip"] += _gzip_size(f) if f.suffix in (".js", ".json") else f.stat().st_size
        res["by_kind"][kind] += f.stat().st_size
    return res


def _first_search_bundle(site: Path, bundle: Path, lang: str, query: str, setup: bool) -> dict:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    code, info = next(iter(entry["languages"].items()))
    # search.js runs Pagefind in the page (noWorker): no pagefind-worker.js is fetched.
    files = [bundle / "pagefind.js", bundle / "pagefind-entry.json",
             bundle / f"wasm.{info.get('wasm') or 'unknown'}.pagefind", bundle / f"pagefind.{info['hash']}.pf_meta"]
    meta = _pagefind_file(files[3])
    if not setup:   # a merged shard: its entry and pf_meta (the wasm and scripts are the primary's)
        files = [files[1], files[3]]
    pages, chunks = meta[1], meta[2]
    terms = query.lower().split()
    wanted = []
    for term in terms:
        for frm, to, h in chunks:
            # Chunk bounds are the shortest prefixes that tell chunks apart.
            if frm <= term + "\U0010ffff" and term[:len(to)] <= to and h not in wanted:
                wanted.append(h)
    tf: dict[int, float] = {}
    for h in wanted:
        files.append(bundle / "index" / f"{h}.pf_index")
        for word in _pagefind_file(files[-1])[0]:
            w, postings = word[0], word[1]
            match = [t for t in terms if w.startswith(t)]
            if not match:
                continue
            similarity = 1.0 if w in terms else len(match[0]) / len(w)  # exact words count most
            page = 0
            for posting in postings:
                page += posting[0]  # page numbers are delta-coded
                tf[page] = tf.get(page, 0.0) + similarity * sum(1 for x in posting[1] if x >= 0)
    # Pagefind's default ranking is BM25-like: term saturation 1.4, page length 0.75.
    avg = sum(p[1] for p in pages) / max(1, len(pages))
    score = {p: f * 2.4 / (f + 1.4 * (0.25 + 0.75 * pages[p][1] / avg)) for p, f in tf.items()}
    hits = [(sc, bundle / "fragment" / f"{pages[p][0]}.pf_fragment") for p, sc in score.items()]
    raw = {str(f.relative_to(site)): f.stat().st_size for f in files}
    text_like = {str(f.relative_to(site)): (_gzip_size(f) if f.suffix in (".js", ".json") else f.stat().st_size)
                 for f in files}
    by_kind = {"setup (js, entry, wasm)": sum(v for k, v in raw.items() if not k.endswith(
        (".pf_meta", ".pf_index", ".pf_fragment"))),
        "pf_meta": sum(v for k, v in raw.items() if k.endswith(".pf_meta")),
        "index chunks": sum(v for k, v in raw.items() if k.endswith(".pf_index")),
        "fragments": sum(v for k, v in raw.items() if k.endswith(".pf_fragment"))}
    return {"query": query, "language": code, "results": len(hits), "chunks": len(wanted), "hits": hits,
            "bytes": sum(raw.values()), "bytes_gzip": sum(text_like.values()), "by_kind": by_kind, "files": raw}


def browser_first_search(site: Path, queries: dict[str, str]) -> dict:
    """Bytes the browser really fetched for a first search, per language (headless Chromium)."""
    import functools
    import http.server

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"]
    out = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
            for lang in LANGS:
                ctx = browser.new_context(service_workers="block")
                page = ctx.new_page()
                finished, counting = [], {"on": False}
                ctx.on("requestfinished", lambda r: counting["on"] and finished.append(r))
                page.goto(base + PREFIX[lang] + "archive/")
                page.wait_for_load_state("networkidle")
                counting["on"] = True
                box = page.locator(".na-search-input")
                box.click()
                box.fill(queries[lang])
                page.wait_for_function("document.querySelectorAll('.na-search-list li').length > 0", timeout=60000)
                page.wait_for_load_state("networkidle")
                time.sleep(1.0)
                counting["on"] = False
                shown = page.evaluate("document.querySelectorAll('.na-search-list li').length")
                sizes = {}
                for r in finished:
                    z = r.sizes()
                    sizes[r.url.replace(base, "")] = z["responseBodySize"] + z["responseHeadersSize"]
                out[lang] = {"bytes": sum(sizes.values()), "requests": len(sizes), "results_shown": shown,
                             "files": dict(sorted(sizes.items()))}
                ctx.close()
            browser.close()
    finally:
        server.shutdown()
    return out


# -- the run --------------------------------------------------------------------------------------
def site_size(site: Path) -> dict:
    total = files = html = 0
    for dirpath, _, names in os.walk(site):
        for name in names:
            total += os.path.getsize(os.path.join(dirpath, name))
            files += 1
            html += name.endswith(".html")
    return {"bytes": total, "files": files, "html_pages": html}


def copy_hand_written(work: Path) -> None:
    (work / "docs").mkdir(parents=True, exist_ok=True)
    for path in (ROOT / "docs").glob("*.md"):
        target = work / "docs" / path.name
        if not target.exists() or target.read_bytes() != path.read_bytes():
            shutil.copyfile(path, target)


def run_pipeline(work: Path, issues: int, args, rss: TreeRSS, say) -> dict:
    """generate → segment → (memory, untimed) → variants → site; return the measurements."""
    from build_scripts.segment_pages import segment_pages
    from build_scripts.site.build import build_site
    from build_scripts.variants import make_variants

    out: dict = {"issues": issues, "stages": {}, "peak_rss": {}, "cpu": {}}
    stages, peaks, cpu = out["stages"], out["peak_rss"], out["cpu"]

    t = time.perf_counter()
    paths = archive.write_archive(work, issues, args.seed, args.start)
    copy_hand_written(work)
    out["generate_seconds"] = time.perf_counter() - t
    out["dumps"] = len(paths)
    say(f"generated {len(paths)} page dumps in {out['generate_seconds']:.1f} s")
    rss.take_stage_peak()

    pipeline_start, cpu_mark = time.perf_counter(), cpu_seconds()
    entries = load_manifest(work / "dumps" / "manifest.yaml")
    counts = segment_pages(paths, entries, work / "docs", work / "build" / "reports", root=work, jobs=args.jobs,
                           state_file=work / "build" / "cache" / "segment-state.json", quiet=True)
    stages["segment"] = time.perf_counter() - pipeline_start
    cpu["segment"], cpu_mark = cpu_seconds() - cpu_mark, cpu_seconds()
    peaks["segment"] = rss.take_stage_peak()
    out["articles"] = counts["articles"]
    out["segmented_dumps"] = counts["segmented"]
    say(f"segment: {counts['segmented']} dumps segmented, {counts['reused']} unchanged, "
        f"{counts['articles']} articles in {stages['segment']:.1f} s")

    paused = time.perf_counter()
    out["memory"] = prepare_memory(work / "docs", work / "memory" / "en.jsonl")
    untimed = time.perf_counter() - paused
    cpu_mark = cpu_seconds()
    say(f"memory: {out['memory']['added']} segments added (untimed), {out['memory']['entries']} entries")
    rss.take_stage_peak()

    t = time.perf_counter()
    v = make_variants(work / "docs", offline=True, memory=work / "memory" / "en.jsonl", progress=None)
    total_v = time.perf_counter() - t
    # the stage's own clock: conversion and rendering run together in worker processes and
    # are shared out by the work each took there; the memory's load and look-ups count to en
    stages["variants: read zh-Hans"] = v.steps.get("read", 0.0)
    stages["zh-Hant"] = v.steps.get("zh-Hant", 0.0)
    stages["en (memory)"] = v.steps.get("en", 0.0) + v.steps.get("memory", 0.0)
    stages["variants: other"] = max(0.0, total_v - sum(stages[k] for k in
                                                       ("variants: read zh-Hans", "zh-Hant", "en (memory)")))
    peaks["variants"] = rss.take_stage_peak()
    cpu["variants"], cpu_mark = cpu_seconds() - cpu_mark, cpu_seconds()
    out["variants"] = {"seconds": total_v, "written": v.written.written, "missing_segments": v.missing_segments}
    say(f"variants: {total_v:.1f} s (zh-Hant {stages['zh-Hant']:.1f}, en {stages['en (memory)']:.1f}); "
        f"{v.missing_segments} segments missing")

    t = time.perf_counter()
    log_lines: list[str] = []
    result = build_site(work / "docs", work / "site", dumps_root=work, build_dir=work / "build", strict=True,
                        search=True, log=log_lines.append)
    site_seconds = time.perf_counter() - t
    s = result.seconds
    stages["index pages (staging)"] = s.get("stage", 0.0)
    # Pagefind starts on a language as soon as its MkDocs build ends: the MkDocs row holds
    # the indexing that overlaps the slower builds, the Pagefind row what is left after them
    stages["MkDocs ×3 (+ Pagefind overlapping)"] = s.get("mkdocs", 0.0)
    stages["assemble + sitemap"] = s.get("assemble", 0.0)
    stages["Pagefind, the rest"] = s.get("pagefind", 0.0)
    out["mkdocs_per_language"] = {lang: s[lang] for lang in LANGS if lang in s}
    out["site_seconds"] = site_seconds
    out["indexed"] = result.indexed
    peaks["site"] = rss.take_stage_peak()
    cpu["site"] = cpu_seconds() - cpu_mark
    for line in log_lines:
        say(line)

    out["total_seconds"] = time.perf_counter() - pipeline_start - untimed
    out["site"] = site_size(work / "site")
    out["pages_per_second"] = out["site"]["html_pages"] / out["total_seconds"]
    jobs = args.jobs or os.cpu_count() or 1
    out["segment_pages_per_second_per_core"] = (counts["segmented"] / stages["segment"] / jobs
                                                if counts["segmented"] else None)
    return out


def print_table(res: dict, title: str) -> None:
    print(f"\n{title}")
    print(f"  {res['issues']} issues, {res['dumps']} page dumps, {res['articles']} articles, "
          f"{res['site']['html_pages']} HTML pages")
    print(f"  {'stage':<36}{'seconds':>9}{'share':>8}")
    total = res["total_seconds"]
    for name, sec in res["stages"].items():
        print(f"  {name:<36}{sec:9.1f}{sec / total:8.0%}")
    for lang, sec in res.get("mkdocs_per_language", {}).items():
        print(f"  {'  (MkDocs ' + lang + ' alone)':<36}{sec:9.1f}")
    print(f"  {'total, dumps to finished site':<36}{total:9.1f}")
    per_1000 = 1000 / max(res["site"]["html_pages"], 1)
    print(f"  {'CPU seconds (whole process tree)':<36}{'seconds':>9}{'per 1,000 pages':>17}")
    for name, sec in res["cpu"].items():
        print(f"  {'  ' + name:<36}{sec:9.1f}{sec * per_1000:17.2f}")
    cpu_total = sum(res["cpu"].values())
    print(f"  {'  all stages':<36}{cpu_total:9.1f}{cpu_total * per_1000:17.2f}")
    print(f"  pages per second (HTML pages / total): {res['pages_per_second']:.0f}")
    if res.get("segment_pages_per_second_per_core") and res["segmented_dumps"] == res["dumps"]:
        print(f"  segmentation: {res['segment_pages_per_second_per_core']:.0f} pages/s per core "
              f"(parallel stage, incl. process start and writing)")
    peaks = ", ".join(f"{k} {v / 2**30:.2f}" for k, v in res["peak_rss"].items())
    print(f"  peak memory, whole process tree: {res['peak_rss_tree'] / 2**30:.2f} GiB ({peaks} GiB); "
          f"largest single process {res['max_single_rss'] / 2**30:.2f} GiB")
    print(f"  site: {res['site']['bytes'] / 2**20:.1f} MiB in {res['site']['files']} files")
    for lang, fs in res.get("first_search", {}).items():
        kinds = ", ".join(f"{k} {v / 1024:.0f}" for k, v in fs["by_kind"].items())
        print(f"  first search {lang} '{fs['query']}': {fs['bytes'] / 1024:.0f} KB as stored, "
              f"{fs['bytes_gzip'] / 1024:.0f} KB gzip-served ({kinds} KB; {fs['chunks']} chunk(s), "
              f"{fs['results']} results)")
    for lang, b in res.get("browser_first_search", {}).items():
        print(f"  first search {lang} in Chromium: {b['bytes'] / 1024:.0f} KB in {b['requests']} requests")


def print_baseline(ours: dict, base: dict) -> None:
    """Ours and the baseline side by side: wall, CPU of the whole process tree, their ratios."""
    our_cpu = sum(ours["cpu"].values())
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\nAgainst the baseline (same docs; load average {load})")
    print(f"  {'':<28}{'ours':>12}{'baseline':>12}{'ours / baseline':>17}")
    rows = [("wall seconds", ours["total_seconds"], base["wall"]),
            ("CPU seconds", our_cpu, base["cpu"]),
            ("HTML pages", ours["site"]["html_pages"], base["html_pages"]),
            ("CPU s per 1,000 pages", our_cpu * 1000 / max(ours["site"]["html_pages"], 1),
             base["cpu"] * 1000 / max(base["html_pages"], 1)),
            ("site MiB", ours["site"]["bytes"] / 2**20, base["bytes"] / 2**20)]
    for name, a, b in rows:
        print(f"  {name:<28}{a:12.1f}{b:12.1f}{a / b if b else float('nan'):17.2f}")
    print("  (ours: dumps to finished site, all stages; the baseline: Markdown to site only; "
          f"its search index {base['search_index_bytes'] / 2**20:.1f} MiB, downloaded whole on a first search)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--issues", type=int, default=1, help="issues of 8 pages (1, 30, 365 …)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=dt.date.fromisoformat, default=dt.date(2025, 1, 1),
                        help="date of the first issue")
    parser.add_argument("--work", type=Path, help="work folder (default: build/bench/<issues>)")
    parser.add_argument("--jobs", type=int, default=0, help="segmentation processes (default: one per core)")
    parser.add_argument("--add-one", action="store_true", help="then add one issue and time the rebuild")
    parser.add_argument("--fresh", action="store_true", help="delete the work folder first (a cold build)")
    parser.add_argument("--browser", action="store_true", help="check the first-search bytes in Chromium")
    parser.add_argument("--baseline", action="store_true",
                        help="also build the same docs with plain MkDocs + Material + mkdocs-static-i18n "
                             "(benchmarks/baseline_site.py) and print both side by side")
    parser.add_argument("--query-zh", default=QUERIES["zh-Hans"])
    parser.add_argument("--query-en", default=QUERIES["en"])
    args = parser.parse_args()
    if args.baseline and (problem := baseline_site.missing_extra()):
        print(problem, file=sys.stderr)
        return 2
    work = (args.work or ROOT / "build" / "bench" / str(args.issues)).resolve()
    if args.fresh and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    queries = {"zh-Hans": args.query_zh, "zh-Hant": args.query_zh, "en": args.query_en}

    def say(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    rss = TreeRSS().start()
    try:
        res = run_pipeline(work, args.issues, args, rss, say)
        res["peak_rss_tree"] = rss.whole_peak()
        res["max_single_rss"] = max_single_rss()
        res["first_search"] = {lang: first_search(work / "site", lang, queries[lang]) for lang in LANGS}
        if args.browser:
            res["browser_first_search"] = browser_first_search(work / "site", queries)
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        results = {"machine": {"cores": os.cpu_count(), "jobs": args.jobs or os.cpu_count(), "load": load},
                   "seed": args.seed, "work": str(work), "build": res}
        print_table(res, f"Build of {args.issues} issue(s) (work folder {work}; load average {load} "
                         f"on {os.cpu_count()} cores)")
        if args.baseline:
            say("baseline: plain MkDocs + Material + mkdocs-static-i18n on the same docs")
            results["baseline"] = baseline_site.build_baseline(work / "docs", work / "baseline")
            print_baseline(res, results["baseline"])
        if args.add_one:
            rss.reset()
            more = run_pipeline(work, args.issues + 1, args, rss, say)
            more["peak_rss_tree"] = rss.whole_peak()
            more["max_single_rss"] = max_single_rss()
            results["add_one"] = more
            print_table(more, f"Adding issue {args.issues + 1} to the built archive (incremental rebuild)")
    finally:
        rss.stop()
    (work / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str),
                                       encoding="utf-8")
    print(f"\nresults: {work / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
