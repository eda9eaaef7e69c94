"""Pagefind: per language, one search bundle per shard (a month, the newest month by week: see
shard_of) at <language root>/pagefind/<shard>/, listed newest first
in <language root>/pagefind/shards.json. search.js searches the newest
shards (at least search.js's RECENT pages, about a week: one bundle, see recent_pages) first and merges the others (Pagefind mergeIndex)
when the reader asks or when the recent ones have few results.

Pagefind indexes not the built pages but a page per article made from its staged docs file
(search_page.py: our tokens, metadata, filters), so the index and the search box cut Chinese
text the same way (search_tokens.py). Chinese bundles are built with a language Pagefind does
not segment ("und"); English with Pagefind's English stemming. zh-Hant has no bundles: its box
reads the zh-Hans ones (SEARCHED_IN), whose pages carry their zh-Hant articles (search_page.py).
"""
from __future__ import annotations

import hashlib
import json
import re
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import atomic, paths
from ..cache import code_fingerprint
from ..errors import UserError
from ..project import LANGUAGES
from ..workers import job_count
from . import catalog
from .labels import LANGS, PREFIX
from .pagefind_files import make_canonical, prune
from .search_page import base_pairs, label_of_page, search_page
from .search_text import is_article, read_article

FORCE_LANGUAGE = {x.code: x.pagefind for x in LANGUAGES}
# A language whose search box reads another's bundles (search_page.py: one index for both
# Chinese scripts): no Pagefind run of its own; its shards.json lists that language's shards,
# says where their bundles are ("bundles", from the listing), how its labels read ("labels")
# and how characters read in its script ("chars": search_page.base_pairs).
SEARCHED_IN = {"zh-Hant": "zh-Hans"}


def article_pages(lang_docs: Path) -> list[tuple[str, Path]]:
    """(url relative to the language root, docs file) of every article of one language."""
    out = []
    for path in lang_docs.rglob("*.md"):
        rel = path.relative_to(lang_docs).as_posix()
        if is_article(rel):
            out.append(("/" + rel[: -len(".md")] + "/", path))
    return sorted(out)


def docs_file(lang_docs: Path, url: str) -> Path:
    return lang_docs / (url.strip("/") + ".md")


# Shards. Each language's index is cut by month, from the date in the article URL
# (<lang>/<paper>/YYYY/MM/DD/PP/…, paths.month_of): "2025-12"; the newest month (the month of
# the language's newest article) is cut into blocks of WEEK_DAYS days by day of the month,
# each named by its first day: "2025-12-15" holds the 15th to the 21st. Adding an issue then
# re-indexes its block only (a week at most), not its month; the month is indexed whole once
# a later month's first issue comes. The layout is a function of the articles the archive
# holds, never of the order they came in, so an incremental build equals a clean one. No run
# indexes more than a month per bundle, which bounds Pagefind's memory. Pages with a search
# body outside the dated tree (none today: only articles carry data-pagefind-body) go to a
# small shard "other" of their own, listed last.
#
# The first search covers the newest shards up to RECENT pages (search.js), and each shard it
# merges costs an index chunk per word: the newest block, while it holds fewer than RECENT
# pages, is folded into the block before it (the 29th to the 31st into the 22nd's: "2025-12-22"
# then holds the 22nd to the 31st), so the first search loads one bundle. Adding an issue then
# re-indexes ten days at most.
SHARDS_FILE = "shards.json"
WEEK_DAYS = 7


@lru_cache(maxsize=1)
def recent_pages() -> int:
    """search.js's RECENT: the pages the first search covers at least (read, not repeated)."""
    js = (Path(__file__).resolve().parents[2] / "overrides" / "assets" / "search.js").read_text(encoding="utf-8")
    return int(re.search(r"var RECENT = (\d+);", js).group(1))


def shard_of(url: str, newest_month: str | None = None) -> str:
    """The shard of an article: its month, or its block of the month when that is ``newest_month``."""
    day = paths.day_of(url)
    if not day:
        return "other"
    if day[:7] != newest_month:
        return day[:7]
    first = (int(day[8:]) - 1) // WEEK_DAYS * WEEK_DAYS + 1
    return f"{day[:7]}-{first:02d}"


class BodyDigests:
    """The digest of each article's docs file (what its search page is made from), cached by
    the file's size and mtime in ``work``/<lang>.pages.json: a shard is re-indexed only when
    the text it indexes changed, whatever MkDocs rewrote."""

    def __init__(self, work: Path, lang: str):
        self.path = work / f"{lang}.pages.json"
        try:
            self.known = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.known = {}          # a cache: when missing or unreadable, read every page
        self.now: dict[str, list] = {}

    def __call__(self, url: str, path: Path | str) -> str | None:
        """The digest of an article's docs file, or None for a page that is no article."""
        if not is_article(url.strip("/") + ".md"):
            return None
        try:
            st = os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        seen = self.known.get(url)
        if seen and seen[0] == st.st_size and seen[1] == st.st_mtime_ns:
            self.now[url] = seen
            return seen[2]
        with open(path, "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()[:32]
        self.now[url] = [st.st_size, st.st_mtime_ns, digest]
        return digest

    def save(self) -> None:
        if self.now != self.known or not self.path.is_file():     # a no-change build writes nothing
            atomic.write_text(self.path, json.dumps(self.now))


class WithVersion:
    """The digest of an article and of its version in a language whose box searches this one's
    bundles (SEARCHED_IN): a zh-Hans page is indexed with its zh-Hant article, at
    ``docs``/<url>.md (none: "-")."""

    def __init__(self, own: BodyDigests, other: BodyDigests, docs: Path):
        self.own, self.other, self.docs = own, other, docs

    def __call__(self, url: str, path: Path | str) -> str | None:
        digest = self.own(url, path)
        return digest and f"{digest}+{self.other(url, docs_file(self.docs, url)) or '-'}"

    def save(self) -> None:
        self.own.save()
        self.other.save()


def listed_articles(lang_docs: Path, urls) -> list[tuple[str, str]]:
    """(url, docs file) of the articles among a known page list (URLs relative to the language
    root, as staged: outputs.staged_pages): no walk of any tree, and paths as plain strings,
    not Path objects (a year holds 22k articles a language, planned on every build)."""
    base = str(lang_docs) + os.sep
    out = []
    for url in urls:
        rel = url.strip("/") + ".md"
        if is_article(rel):
            out.append(("/" + rel[:-3] + "/", base + rel))
    out.sort()
    return out


def shards(lang_pages: list[tuple[str, Path]], digests: BodyDigests,
           newest_month: str | None = None) -> dict[str, list[tuple[str, Path, str]]]:
    """Shard name → (url, file, body digest) of the pages it indexes, newest shard first.
    ``newest_month``: the archive's newest month when these pages are a part of it (a site
    shard, build_scripts/shards/: cut as the whole archive's build cuts it); else their own."""
    indexed = [(url, path, digest) for url, path in lang_pages if (digest := digests(url, path))]
    newest = newest_month or max((month for url, *_ in indexed if (month := paths.month_of(url))), default=None)
    out: dict[str, list[tuple[str, Path, str]]] = {}
    for entry in indexed:
        out.setdefault(shard_of(entry[0], newest), []).append(entry)
    order = sorted((n for n in out if n != "other"), reverse=True) + (["other"] if "other" in out else [])
    out = {n: out[n] for n in order}
    blocks = [n for n in order if newest and n.startswith(newest + "-")]    # the newest month's, newest first
    while len(blocks) > 1 and len(out[blocks[0]]) < recent_pages():
        young = blocks.pop(0)
        out[blocks[0]] = out[blocks[0]] + out.pop(young)
    return out


def fingerprint(lang: str, entries: list[tuple[str, Path, str]]) -> str:
    """The text a shard indexes (url and body digest of each page) and what turns it into a
    bundle (our code and Pagefind's version: cache.code_fingerprint)."""
    h = hashlib.sha256(f"{lang}\0{code_fingerprint()}\0".encode())
    for url, _, digest in entries:
        h.update(f"{url}\0{digest}\n".encode())
    return h.hexdigest()


def _read(path: Path | str, rel: str, fields: dict):
    """An article's searchable text; its front matter from ``fields`` when that holds this file."""
    hit, st = fields.get(rel), os.stat(path)
    meta = hit[2] if hit and hit[:2] == (st.st_mtime_ns, st.st_size) else None
    return read_article(Path(path), rel, meta)


def _mirror(entries: list[tuple[str, Path, str]], lang: str, dest: Path,
            fields: dict[str, tuple[int, int, dict]] | None = None,
            version: tuple[Path, dict] | None = None) -> int:
    """The pages Pagefind should index, at their URLs under ``dest``: one search page per
    article, made from its docs file. ``fields``: the staging's front matter cache
    (catalog.cached_fields), used for a file of the same mtime and size, not parsed again.
    ``version``: the docs folder and front matter cache of the language whose box searches
    these bundles (SEARCHED_IN): each page carries its article there, when it has one."""
    if dest.exists():
        shutil.rmtree(dest)
    fields = fields or {}
    for url, path, _ in entries:
        target = dest / url.lstrip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        rel = url.strip("/") + ".md"
        other = None
        if version and (other_path := docs_file(version[0], url)).is_file():
            other = _read(other_path, rel, version[1])
        target.write_text(search_page(_read(path, rel, fields), lang, other), encoding="utf-8")
    return len(entries)


@lru_cache(maxsize=1)
def pagefind_command() -> tuple[str, ...]:
    """Pagefind's binary, run directly: ``python -m pagefind`` starts Python only to find it
    and exec it (50 ms of CPU a run, a run a shard and language). That module's way of
    finding it where it can, else the module."""
    try:
        from pagefind.service import _must_get_executable
        return (str(_must_get_executable().resolve()),)
    except Exception:  # noqa: BLE001 - any trouble: let the module find it
        return (sys.executable, "-m", "pagefind")


def _dates(entries: list[tuple[str, Path, str]]) -> tuple[str | None, str | None]:
    days = sorted(day for url, *_ in entries if (day := paths.day_of(url)))
    return (days[0], days[-1]) if days else (None, None)


@dataclass
class Indexed:
    counts: dict[str, int] = field(default_factory=dict)        # pages per language
    shards: dict[str, list[str]] = field(default_factory=dict)   # shard names per language, newest first
    reindexed: dict[str, list[str]] = field(default_factory=dict)  # shards Pagefind ran for


@dataclass
class _Language:
    """One language's shards: what to list in shards.json and the stamps to keep once
    every Pagefind run has succeeded."""
    lang: str
    root: Path                                  # <language root>/pagefind
    stamp_file: Path
    stamps: dict[str, str]
    listing: list[dict]
    digests: BodyDigests | WithVersion

    readers: dict[str, tuple[Path, dict]] = field(default_factory=dict)   # SEARCHED_IN: root, labels

    def commit(self) -> None:
        atomic.write_text(self.root / SHARDS_FILE, json.dumps({"version": 1, "shards": self.listing},
                                                              ensure_ascii=False))
        for root, labels in self.readers.values():
            bundles = Path(os.path.relpath(self.root, root)).as_posix() + "/"
            atomic.write_text(root / SHARDS_FILE, json.dumps(
                {"version": 1, "bundles": bundles, "labels": labels, "chars": base_chars(),
                 "shards": self.listing}, ensure_ascii=False))
        atomic.write_text(self.stamp_file, json.dumps(self.stamps))
        self.digests.save()


class Indexer:
    """Runs Pagefind for the shards whose text changed, ``parallel`` CLI runs at a time (one
    per core by default), biggest shards first. Languages are added as their pages are
    ready (the site stage adds each as soon as its MkDocs build ends, so indexing fills
    the cores the slowest build leaves idle); ``pump`` starts what it can without waiting,
    ``finish`` waits for everything and then writes each language's shards.json and stamps.
    Bundles go to <site>/<language root>/pagefind/<shard>/; ``work`` holds the state and
    the pages handed to Pagefind while it runs; ``docs`` is the staged docs tree (default:
    ``work``/../docs) whose articles are indexed."""

    def __init__(self, site: Path, work: Path, parallel: int | None = None, docs: Path | None = None,
                 newest_month: str | None = None):
        self.site, self.work, self.newest_month = site, work, newest_month
        self.docs = docs or work.parent / "docs"
        self.parallel = parallel or job_count()
        self.out = Indexed()
        self.plans: list[_Language] = []
        self.queue: list[tuple] = []
        self.running: list[tuple] = []
        self.fields: dict[str, dict] = {}       # lang → the staging's front matter cache
        self.removing: list[threading.Thread] = []   # mirrors being removed
        self.errors: list[str] = []
        work.mkdir(parents=True, exist_ok=True)

    def add_language(self, lang: str, lang_pages: list[tuple[str, Path]]) -> None:
        """Index the articles among ``lang_pages`` (url, built file): each from its docs file."""
        self.add_articles(lang, [(url, docs_file(self.docs / lang, url)) for url, _ in lang_pages])

    def add_staged(self, lang: str, urls) -> None:
        """Index the articles among the staged page URLs ``urls`` (outputs.staged_pages)."""
        self.add_articles(lang, listed_articles(self.docs / lang, urls))

    def add_articles(self, lang: str, lang_pages: list[tuple[str, Path | str]]) -> None:
        """Index these articles: (url, docs file). A language whose box searches another's
        bundles (SEARCHED_IN) is indexed with that one, from its docs files."""
        if lang in SEARCHED_IN:      # its articles (files: as BodyDigests counts them)
            self.out.counts[lang] = sum(1 for _, path in lang_pages if os.path.isfile(path))
            return
        for one in [lang, *readers_of(lang)]:
            self.fields[one] = catalog.cached_fields(catalog.cache_path(self.docs, one))
        plan, jobs = _plan_language(self.site, self.work, lang, lang_pages, self.out, self.newest_month,
                                    self.docs, self.fields)
        self.plans.append(plan)
        self.queue = sorted(self.queue + jobs, key=lambda job: -len(job[2]))
        self.pump()

    def pump(self) -> None:
        self._reap()
        while self.queue and len(self.running) < self.parallel:
            lang, name, entries, src, dest = self.queue.pop(0)
            versions = [(self.docs / other, self.fields.get(other) or {}) for other in readers_of(lang)]
            _mirror(entries, lang, src, self.fields.get(lang), versions[0] if versions else None)
            if dest.exists():
                shutil.rmtree(dest)
            proc = subprocess.Popen(
                [*pagefind_command(), "--site", str(src), "--output-path", str(dest),
                 "--force-language", FORCE_LANGUAGE[lang], "--exclude-selectors", ".headerlink", "--quiet"],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            self.running.append((lang, name, src, dest, proc))

    def _reap(self) -> None:
        """Collect the runs that have ended; a mirror goes when its run ends."""
        for item in list(self.running):
            lang, name, src, dest, proc = item
            if proc.poll() is None:
                continue
            output, _ = proc.communicate()
            self.running.remove(item)
            self._remove(src)
            if proc.returncode != 0 or not (dest / "pagefind.js").is_file():
                self.errors.append(f"{lang} {name}: {output.strip().splitlines()[-1:] or proc.returncode}")
            else:
                make_canonical(dest)       # the same bytes for the same pages, run after run
                prune(dest)                # and none the search box never loads

    def _remove(self, mirror: Path) -> None:
        """Remove a mirror beside the runs (deleting thousands of small folders takes the file
        system seconds, not CPU: the next Pagefind run need not wait for it)."""
        thread = threading.Thread(target=shutil.rmtree, args=(mirror,), kwargs={"ignore_errors": True})
        thread.start()
        self.removing.append(thread)

    def _removed(self) -> None:
        for thread in self.removing:
            thread.join()
        self.removing.clear()

    def stop(self) -> None:
        """End the runs under way (the site stage failed): none goes on writing after it."""
        self.queue.clear()
        for _, _, src, _, proc in self.running:
            proc.kill()
            proc.communicate()
            shutil.rmtree(src, ignore_errors=True)
        self.running.clear()
        self._removed()

    def finish(self) -> Indexed:
        while self.queue or self.running:
            self.pump()
            if self.running:
                time.sleep(0.05)
        self._removed()
        if self.errors:
            raise UserError("Pagefind failed: " + "; ".join(map(str, self.errors)))
        for plan in self.plans:
            plan.commit()
        return self.out


def base_chars() -> str:
    """search_page.base_pairs as one string of pairs, for the zh-Hant box."""
    return "".join(s + t for s, t in base_pairs().items())


def readers_of(lang: str) -> list[str]:
    """The languages whose search box reads ``lang``'s bundles (SEARCHED_IN)."""
    return [other for other, searched in SEARCHED_IN.items() if searched == lang]


def version_labels(fields: dict[str, tuple], other: dict[str, tuple]) -> dict[str, str]:
    """The papers' and pages' names (search.js: a result's info, the page filter) as another
    language's articles print them, from both front matter caches: {zh-Hans: zh-Hant}."""
    out: dict[str, str] = {}
    for rel, hit in fields.items():
        theirs = other.get(rel)
        if not theirs:
            continue
        ours, printed = hit[2], theirs[2]
        for a, b in [(str(ours.get("publication") or ""), str(printed.get("publication") or "")),
                     (label_of_page(ours.get("page"), str(ours.get("page_name") or "")),
                      label_of_page(printed.get("page"), str(printed.get("page_name") or "")))]:
            if a and b and a != b:
                out.setdefault(a, b)
    return dict(sorted(out.items()))


def _plan_language(site: Path, work: Path, lang: str, lang_pages: list[tuple[str, Path]],
                   out: Indexed, newest_month: str | None = None, docs: Path | None = None,
                   fields: dict[str, dict] | None = None) -> tuple[_Language, list]:
    """The shards of one language, and the Pagefind jobs (lang, shard, pages, source, bundle)
    for those whose text changed since their bundle was made. ``docs``: the staged docs tree,
    whose other languages' versions a page carries (readers_of); ``fields``: their front
    matter caches (catalog.cached_fields), by language."""
    root = site / PREFIX[lang] / "pagefind"
    root.mkdir(parents=True, exist_ok=True)
    stamp_file = work / f"{lang}.shards.json"
    try:
        old_stamps = json.loads(stamp_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old_stamps = {}
    stamp_file.unlink(missing_ok=True)          # written back when every Pagefind run succeeded
    shutil.rmtree(work / lang, ignore_errors=True)   # mirrors of an interrupted run
    digests: BodyDigests | WithVersion = BodyDigests(work, lang)
    readers = {}
    for other in readers_of(lang) if docs is not None else []:
        digests = WithVersion(digests, BodyDigests(work, other), docs / other)
        other_root = site / PREFIX[other] / "pagefind"
        other_root.mkdir(parents=True, exist_ok=True)
        for child in list(other_root.iterdir()):     # its own bundles, of before
            if child.name != SHARDS_FILE:
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        (work / f"{other}.shards.json").unlink(missing_ok=True)
        readers[other] = (other_root, version_labels((fields or {}).get(lang) or {}, (fields or {}).get(other) or {}))
        out.shards[other], out.reindexed[other] = [], []
    plan = _Language(lang, root, stamp_file, {}, [], digests, readers)
    by_shard = shards(lang_pages, plan.digests, newest_month)
    out.counts[lang] = sum(len(v) for v in by_shard.values())
    out.shards[lang] = list(by_shard)
    out.reindexed[lang] = []
    for other in readers:
        out.shards[other] = list(by_shard)
    jobs = []
    for name, entries in by_shard.items():
        plan.stamps[name] = fp = fingerprint(lang, entries)
        first, last = _dates(entries)
        plan.listing.append({"name": name, "pages": len(entries), "from": first, "to": last, "tag": fp[:16]})
        if old_stamps.get(name) != fp or not (root / name / "pagefind.js").is_file():
            jobs.append((lang, name, entries, work / lang / name, root / name))
            out.reindexed[lang].append(name)
    for child in list(root.iterdir()):          # bundles of shards that are gone
        if child.name != SHARDS_FILE and child.name not in by_shard:
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    return plan, jobs


def index_site(site: Path, work: Path, parallel: int | None = None, docs: Path | None = None) -> Indexed:
    """Index every language of a built site/ from the articles of its staged docs tree
    (default ``work``/../docs); see Indexer."""
    indexer = Indexer(site, work, parallel, docs)
    for lang in LANGS:
        indexer.add_language(lang, article_pages(indexer.docs / lang))
    return indexer.finish()
