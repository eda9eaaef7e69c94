"""Assemble each language's docs dir for MkDocs: build/docs/<lang>/.

    docs/<lang>/**            the articles (segment and variants write them)
    docs/<name>.md            hand-written pages, zh-Hans
    docs/<name>.<lang>.md     the same page in another language (falls back to zh-Hans)
    generated                 home, archive, issue, page, author and source pages

A re-stage costs what changed, not what the archive holds (a year is 66k
articles), and a staged file keeps its mtime unless its content changes: a dirty
MkDocs build (build.py) re-renders only the pages whose staged file is newer
than their output, and `mkdocs serve` sees only real changes.

- Front matter is parsed only for articles whose (path, mtime, size) changed
  (catalog.load_cached, cache in ``.<lang>.catalog.pickle``), and zh-Hans only
  once: this process loads it (authors.json comes from it) and stages it while
  worker processes stage the other languages.
- An article is staged as a hard link to docs/<lang>/<rel>: nothing is read or
  compared while the link still points at the same file. Writers replace docs
  files atomically (a new inode), so a changed article's staged link still
  points at the old file and is made again; the link carries the source's
  mtime, newer than the last build's output. (A file edited in place changes
  through its link at once, mtime too.) Nothing may write into a staged
  article in place: staging itself always replaces files. Where a link cannot be made (another file system), or a
  staged file must be newer than its source (see below), it is a copy, and
  ``copies`` in ``.<lang>.state.json`` records which source stat it was copied from.
- A generated page is made again only when the digest of its inputs
  (indexes.Generator.parts) or the code (cache.code_fingerprint) or labels change;
  ``pages`` in ``.<lang>.state.json`` holds the digests of the staged pages
  (and ``slugs`` the author slugs, so a re-stage need not load pypinyin).
- Files no longer wanted are removed.

Each staged page also gets its view (views.py: its alternates in the other languages,
an article's byline links, labels, citation, JSON-LD), made from every language's
catalog once all are staged. A page whose view changed is touched so it is rendered
again; a touched article is first turned from a link into a copy: touching a link
would change the mtime of docs/<lang>/<rel> too, which variants reads to decide what
to convert again. ``.presence.json`` lists every language's staged pages (outputs.py).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .. import atomic
from ..cache import code_fingerprint
from ..workers import job_count, process_pool
from . import catalog, feeds, indexes, labels, views
from .indexes import Generator, Part
from .slugs import author_slug, remember_slugs
from .labels import DEFAULT_LANG, LANGS

AUTHORS_FILE = "authors.json"   # beside the language dirs, read by views.py
PRESENCE_FILE = ".presence.json"  # which languages had each page at the last staging
STATE_VERSION = 1


@dataclass
class LanguageReport:
    """What staging one language did."""

    articles: int = 0       # articles in its catalog
    linked: int = 0         # article files linked or copied into the staging dir
    generated: int = 0      # generated pages made (the others were unchanged and skipped)
    written: int = 0        # generated and hand-written pages whose staged file was written
    removed: int = 0        # stale staged files removed
    present: list[str] = field(default_factory=list, repr=False)   # the .md pages staged
    restaged: set[str] = field(default_factory=set, repr=False)    # articles staged anew (rendered anyway)


@dataclass
class Listed:
    """What the steps after the MkDocs builds read of a language's catalog, taken from it while
    staging has it loaded (a year's catalog is read once, not again for them)."""

    newest: list[catalog.Entry]                 # the feed's articles (feeds.newest)
    titles: list[tuple[str, str]]               # (rel, title) of every staged article: the 404 day lists


class Staged(dict):
    """The article count per language (what build.py logs), with ``reports[lang]`` and
    ``listed[lang]``."""

    def __init__(self, reports: dict[str, LanguageReport], listed: dict[str, Listed] | None = None):
        super().__init__({lang: r.articles for lang, r in reports.items()})
        self.reports = reports
        self.listed = listed or {}


# -- the whole stage ---------------------------------------------------------------
def stage(docs: Path, out: Path, dumps_root: Path | None = None, parallel: bool = True,
          site_url: str | None = None) -> Staged:
    """Write build/docs/<lang>/ for every language, and each page's view (views.py);
    return the article count per language. ``site_url``: where the site is published.

    ``parallel=False`` stages the languages one after another in this process (tests patch labels).
    """
    out.mkdir(parents=True, exist_ok=True)
    root = views.root_url(site_url)
    # zh-Hans first, here: its authors (authors.json) are the author page keys of every language.
    master = _load_catalog(docs, out, DEFAULT_LANG)
    _write_authors(out, master[1])
    _known_slugs(out, master[1])
    others = [lang for lang in LANGS if lang != DEFAULT_LANG]
    reports: dict[str, LanguageReport] = {}
    if parallel:
        # The other languages in parallel processes while this one stages zh-Hans, then the
        # views, which need every language's pages. A language stays in its process (a pool
        # of one each, or one for all on one core), which keeps its catalog loaded for the views.
        pools = _language_pools(others)
        try:
            futures = {lang: pools[lang].submit(_stage_in_worker, docs, out, lang, dumps_root) for lang in others}
            reports[DEFAULT_LANG] = _stage_language(docs, out, DEFAULT_LANG, dumps_root, master)
            reports.update((lang, future.result()) for lang, future in futures.items())
            present = _present(reports)
            futures = {lang: pools[lang].submit(_views_in_worker, docs, out, lang, present, root) for lang in others}
            made = {DEFAULT_LANG: _make_views(docs, out, DEFAULT_LANG, present, root, master)}
            made.update((lang, future.result()) for lang, future in futures.items())
        finally:
            for pool in {id(pool): pool for pool in pools.values()}.values():
                pool.shutdown()
    else:
        reports[DEFAULT_LANG] = _stage_language(docs, out, DEFAULT_LANG, dumps_root, master)
        reports.update((lang, _stage_language(docs, out, lang, dumps_root)) for lang in others)
        present = _present(reports)
        made = {lang: _make_views(docs, out, lang, present, root, master if lang == DEFAULT_LANG else None)
                for lang in LANGS}
    changed = {lang: made[lang][0] for lang in LANGS}
    reports = {lang: reports[lang] for lang in LANGS}
    for lang in LANGS:
        # a page whose view changed (its alternates, author links, …) is rendered again
        _touch(docs / lang, out, lang, sorted(set(changed[lang]) - reports[lang].restaged))
    atomic.write_if_changed(out / PRESENCE_FILE, json.dumps({lang: r.present for lang, r in reports.items()},
                                                           ensure_ascii=False))
    return Staged(reports, {lang: made[lang][1] for lang in LANGS})


def _language_pools(langs: list[str]) -> dict:
    """A process pool of one for each language, or one shared on a single core."""
    if job_count() < len(langs):
        shared = process_pool(1)
        return {lang: shared for lang in langs}
    return {lang: process_pool(1) for lang in langs}


# In a staging worker: the catalog of its language, loaded to stage it, kept for its views.
_LOADED: dict[str, tuple[dict[str, os.stat_result], list[catalog.Entry]]] = {}


def _stage_in_worker(docs: Path, out: Path, lang: str, dumps_root: Path | None) -> LanguageReport:
    _LOADED[lang] = loaded = _load_catalog(docs, out, lang)
    return _stage_language(docs, out, lang, dumps_root, loaded)


def _views_in_worker(docs: Path, out: Path, lang: str, present: dict[str, set[str]], root: str
                     ) -> tuple[list[str], Listed]:
    return _make_views(docs, out, lang, present, root, _LOADED.pop(lang, None))


def _known_slugs(out: Path, entries: list[catalog.Entry]) -> None:
    """The plain slug of every zh-Hans author name, worked out here before the workers fork:
    each language's pages name every one of them (indexes.Generator), which each worker
    would otherwise work out again (pinyin: most of a language's staging after a new name)."""
    remember_slugs(_State.load(out, DEFAULT_LANG, code_digest()).slugs)
    for e in entries:
        for name in e.authors:
            author_slug(name)


def _present(reports: dict[str, LanguageReport]) -> dict[str, set[str]]:
    return {lang: set(r.present) for lang, r in reports.items()}


def _make_views(docs: Path, out: Path, lang: str, present: dict[str, set[str]], root: str,
                loaded: tuple[dict[str, os.stat_result], list[catalog.Entry]] | None = None
                ) -> tuple[list[str], Listed]:
    """Make and keep the views of a language's staged pages; return those that changed, and
    what the feed and the day lists read of the catalog."""
    entries = (loaded or _load_catalog(docs, out, lang))[1]
    master = None
    if lang != DEFAULT_LANG:
        master = json.loads((out / AUTHORS_FILE).read_text(encoding="utf-8"))
    code = code_digest()
    remember_slugs(_State.load(out, lang, code).slugs)
    changed = views.update(out, lang, entries, sorted(present[lang]), present, master, root, code)
    staged = present[lang]
    listed = Listed(feeds.newest(entries, feeds.FEED_ITEMS),
                    [(str(e.rel), e.title) for e in entries if str(e.rel) in staged])
    return changed, listed


def _load_catalog(docs: Path, out: Path, lang: str) -> tuple[dict[str, os.stat_result], list[catalog.Entry]]:
    """Every file of docs/<lang>/ with its stat, and its articles (through the front matter cache)."""
    sources = catalog.scan(docs / lang)
    return sources, catalog.load_cached(docs / lang, catalog.cache_path(out, lang), sources)


def _write_authors(out: Path, entries: list[catalog.Entry]) -> None:
    """The zh-Hans author names of every article: the keys of the author pages in every language."""
    authors = json.dumps({str(e.rel): e.authors for e in entries}, ensure_ascii=False, sort_keys=True)
    atomic.write_if_changed(out / AUTHORS_FILE, authors)


class _AuthorsOf:
    """What Generator reads of the zh-Hans article in another language: its authors."""

    __slots__ = ("authors",)

    def __init__(self, authors: list[str]):
        self.authors = authors


def _master_from_authors(out: Path) -> dict[str, _AuthorsOf]:
    authors = json.loads((out / AUTHORS_FILE).read_text(encoding="utf-8"))
    return {rel: _AuthorsOf(names) for rel, names in authors.items()}


# -- one language ------------------------------------------------------------------
def hand_written(docs: Path, lang: str) -> dict[str, bytes]:
    pages: dict[str, bytes] = {}
    suffixes = {f".{x}" for x in LANGS}
    for path in sorted(docs.glob("*.md")):
        stem = path.stem
        if Path(stem).suffix in suffixes:      # about.en.md
            continue
        own = docs / f"{stem}.{lang}.md"
        src = own if lang != DEFAULT_LANG and own.is_file() else path
        pages[path.name] = src.read_bytes()
    return pages


def _stage_language(docs: Path, out: Path, lang: str, dumps_root: Path | None,
                    loaded: tuple[dict[str, os.stat_result], list[catalog.Entry]] | None = None
                    ) -> LanguageReport:
    """Stage one language: articles, hand-written pages, generated pages; remove the rest.

    ``loaded`` is ``_load_catalog`` of this language when the caller has it."""
    lang_dir, dest = docs / lang, out / lang
    dest.mkdir(parents=True, exist_ok=True)
    sources, entries = loaded or _load_catalog(docs, out, lang)
    staged = catalog.scan(dest)
    master = None if lang == DEFAULT_LANG else _master_from_authors(out)
    state = _State.load(out, lang, code_digest())
    remember_slugs(state.slugs)
    generator = Generator(lang, entries, master, dumps_root)
    parts = generator.parts()
    report = LanguageReport(articles=len(entries))
    # A generated page wins over a hand-written one (docs/index.md), which wins over an article.
    generated = {rel for part in parts for rel in part.rels}
    hand = {rel: data for rel, data in hand_written(docs, lang).items() if rel not in generated}
    articles = {rel: st for rel, st in sources.items() if rel not in generated and rel not in hand}
    for rel, st in articles.items():
        if _stage_article(lang_dir, dest, rel, st, staged.get(rel), state.copies):
            report.linked += 1
            report.restaged.add(rel)
    for rel, data in hand.items():
        report.written += _write_if_differs(dest / rel, data, staged.get(rel))
    _stage_generated(parts, dest, staged, state, report)
    wanted = articles.keys() | hand.keys() | generated
    report.removed = _remove_stale(dest, staged, wanted)
    state.copies = {rel: stamp for rel, stamp in state.copies.items() if rel in articles}
    state.slugs = {name: author_slug(name) for name in generator.author_keys}
    state.save()
    report.present = sorted(rel for rel in wanted if rel.endswith(".md"))
    return report


def _stage_generated(parts: list[Part], dest: Path, staged: dict[str, os.stat_result],
                     state: _State, report: LanguageReport) -> None:
    """Make the parts whose key changed or whose staged files are missing; write what differs."""
    keys: dict[str, str] = {}
    for part in parts:
        key = None if part.key is None else f"{state.code}:{part.key}"
        if key is not None and all(state.pages.get(rel) == key and rel in staged for rel in part.rels):
            keys.update((rel, key) for rel in part.rels)
            continue
        for page in part.make():
            report.generated += 1
            report.written += _write_if_differs(dest / page.rel, page.text().encode("utf-8"),
                                                staged.get(page.rel))
            if key is not None:
                keys[page.rel] = key
    state.pages = keys


def code_digest() -> str:
    """What every generated page depends on besides its inputs: the code and libraries
    (cache.code_fingerprint), the page templates (overrides/pages/: project files, outside
    the package) and the labels as loaded (a test may patch them)."""
    labels_now = json.dumps(labels.LABELS, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{code_fingerprint()}\0{indexes.templates_digest()}\0{labels_now}"
                          .encode("utf-8")).hexdigest()[:32]


# -- staged files ------------------------------------------------------------------
def _stamp(st: os.stat_result) -> list[int]:
    """What identifies a source file's content for a staged copy of it."""
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def _stage_article(lang_dir: Path, dest: Path, rel: str, st: os.stat_result, old: os.stat_result | None,
                   copies: dict[str, list[int]]) -> int:
    """Stage docs/<lang>/<rel> (stat ``st``) as a link (or a copy); 1 if the staged file changed.

    ``old`` is the stat of the staged file, if any. Paths are made only past the
    checks that settle an unchanged article (a year has 22k of them a language)."""
    if old is not None:
        if old.st_ino == st.st_ino and old.st_dev == st.st_dev:
            if rel in copies:
                del copies[rel]
            return 0
        if copies.get(rel) == _stamp(st):
            return 0
    src, target = lang_dir / rel, dest / rel
    if old is not None:
        if old.st_size == st.st_size and target.read_bytes() == src.read_bytes():
            if old.st_nlink == 1:       # a file of its own with the same bytes: keep it, and its mtime
                copies[rel] = _stamp(st)
                return 0
        elif st.st_mtime_ns <= old.st_mtime_ns:
            # An older file came back (restored with its mtime): a link would not look
            # newer than the built page, so stage a copy with a new mtime.
            atomic.replace_with(target, lambda tmp: shutil.copyfile(src, tmp))
            copies[rel] = _stamp(st)
            return 1
    copies.pop(rel, None)
    if not _link(src, target):
        copies[rel] = _stamp(st)
    return 1


def _link(src: Path, target: Path) -> bool:
    """Hard-link ``target`` to ``src``; copy it (with its mtime) where a link cannot be made."""
    try:
        atomic.replace_with(target, lambda tmp: os.link(src, tmp))
        return True
    except OSError:         # another file system, no hard links, too many links
        atomic.replace_with(target, lambda tmp: shutil.copy2(src, tmp))
        return False


def _write_if_differs(target: Path, data: bytes, old: os.stat_result | None) -> int:
    """Write a page the stage makes unless its staged file holds exactly ``data``; 1 if written."""
    if old is not None and old.st_nlink == 1 and old.st_size == len(data) and target.read_bytes() == data:
        return 0
    atomic.write_bytes(target, data, sync=False)     # never through target: it may be a link
    return 1


def _remove_stale(dest: Path, staged: dict[str, os.stat_result], wanted) -> int:
    """Remove staged files not wanted any more, and the directories they leave empty."""
    removed = 0
    for rel in staged.keys() - wanted:
        path = dest / rel
        path.unlink(missing_ok=True)
        removed += 1
        parent = path.parent
        while parent != dest and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    return removed


class _State:
    """``.<lang>.state.json``: digests of the staged generated pages, sources of staged
    copies, and the author slugs known (valid for one ``code_digest``, like the pages)."""

    def __init__(self, path: Path, code: str, pages: dict[str, str], copies: dict[str, list[int]],
                 slugs: dict[str, str]):
        self.path, self.code, self.pages, self.copies, self.slugs = path, code, pages, copies, slugs
        self.saved = self._snapshot()

    @classmethod
    def load(cls, out: Path, lang: str, code: str) -> _State:
        path = out / f".{lang}.state.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") == STATE_VERSION:
                same_code = data["code"] == code
                return cls(path, code, dict(data["pages"]) if same_code else {}, dict(data["copies"]),
                           dict(data["slugs"]) if same_code else {})
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass            # a cache: without it every page is made and compared once
        return cls(path, code, {}, {}, {})

    def _snapshot(self) -> dict:
        # copies of the dicts: the stage changes them in place (their values it only replaces)
        return {"version": STATE_VERSION, "code": self.code, "pages": dict(self.pages),
                "copies": dict(self.copies), "slugs": dict(self.slugs)}

    def save(self) -> None:
        """Write the state file if anything in it changed (a no-op stage writes nothing)."""
        data = self._snapshot()
        if data == self.saved and self.path.is_file():
            return
        atomic.write_text(self.path, json.dumps(data, ensure_ascii=False, sort_keys=True))
        self.saved = data


# -- pages rendered again ------------------------------------------------------------
def _touch(lang_dir: Path, out: Path, lang: str, rels: list[str]) -> None:
    """Give these staged pages a new mtime; a linked article becomes a copy first."""
    lang_state = None
    for rel in rels:
        target = out / lang / rel
        if target.stat().st_nlink == 1:
            os.utime(target)
            continue
        src = lang_dir / rel
        lang_state = lang_state or _State.load(out, lang, code_digest())
        lang_state.copies[rel] = _stamp(src.stat())
        atomic.replace_with(target, lambda tmp: shutil.copyfile(target, tmp))
    if lang_state is not None:
        lang_state.save()
