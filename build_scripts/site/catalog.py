"""The articles of one language, read from the front matter of docs/<lang>/.

``load`` parses every article; ``load_cached`` parses only the articles whose
(relative path, mtime_ns, size) is not in a cache file from the last run, so a
re-stage of a year-sized archive does not parse 22k front matters again. It
keeps only the keys the index pages read (``INDEX_FIELDS``; unpickling whole
front matters costs seconds at a year) and the digest of the whole front
matter. The cache is only a cache: a missing, unreadable or foreign one is rebuilt.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .. import atomic, paths
from ..docfile import split_document

# The front matter keys indexes.py (and sort_key) read: an index page shows nothing else.
# The front matter keys the index pages and the article views (views.py) read.
INDEX_FIELDS = ("id", "title", "kicker", "subtitle", "byline", "dateline", "authors", "publication", "date", "page",
                "page_name", "order", "source", "captions", "conversion", "translation")
CACHE_VERSION = (4, INDEX_FIELDS)   # 2: entries in sort order; 3: with the description; 4: in whole sentences


@dataclass
class Entry:
    """One article file: where it is (relative to docs/<lang>/) and its front matter."""

    rel: PurePosixPath
    meta: dict
    # A digest of ``meta``: generated pages are keyed by the digests of the articles they list.
    digest: str = field(default="", compare=False, repr=False)
    description: str = field(default="", compare=False, repr=False)   # views.first_text of the body

    def __post_init__(self):
        if not self.digest:
            self.digest = meta_digest(self.meta)

    @property
    def date(self) -> dt.date | None:
        d = self.meta.get("date")
        if isinstance(d, dt.datetime):
            return d.date()
        if isinstance(d, str):
            try:
                return dt.date.fromisoformat(d)
            except ValueError:
                return None
        return d

    @property
    def page(self) -> int | None:
        p = self.meta.get("page")
        return p if isinstance(p, int) else None

    @property
    def order(self) -> int:
        o = self.meta.get("order")
        return o if isinstance(o, int) else 0

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or self.rel.stem)

    @property
    def authors(self) -> list[str]:
        return [str(a) for a in (self.meta.get("authors") or [])]

    @property
    def undated(self) -> bool:
        return paths.is_undated(str(self.rel))

    @property
    def issue_dir(self) -> PurePosixPath:
        """<paper>/YYYY/MM/DD (or undated/<stem>): ``paths.issue_of``."""
        return PurePosixPath(paths.issue_of(str(self.rel)))

    @property
    def page_dir(self) -> PurePosixPath:
        return self.rel.parent


def cache_path(staging: Path, lang: str) -> Path:
    """The front matter cache of a language's articles, in the staging folder."""
    return staging / f".{lang}.catalog.pickle"


def meta_digest(meta: dict) -> str:
    """A digest of a whole front matter (its type names too: a date and its string differ)."""
    text = json.dumps(meta, sort_keys=True, ensure_ascii=False, default=lambda v: f"{type(v).__name__}:{v}")
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def read_article(path: Path) -> tuple[dict, str]:
    """An article's front matter and description."""
    from .views import first_text
    meta, body = split_document(path)
    return meta, first_text(body)


def is_article(rel: str) -> bool:
    return rel.endswith(".md") and rel.rsplit("/", 1)[-1] != "index.md"


def scan(root: Path) -> dict[str, os.stat_result]:
    """Every file under ``root`` (relative POSIX path → stat), in one walk."""
    found: dict[str, os.stat_result] = {}
    if not root.is_dir():
        return found

    def walk(directory: str, prefix: str) -> None:
        with os.scandir(directory) as it:
            for item in it:
                if item.is_dir():
                    walk(item.path, f"{prefix}{item.name}/")
                elif item.is_file():
                    found[prefix + item.name] = item.stat()
    walk(str(root), "")
    return found


def load(lang_dir: Path) -> list[Entry]:
    """Every article under ``lang_dir``, sorted by date, page, order."""
    entries = []
    for rel in scan(lang_dir):
        if is_article(rel):
            meta, description = read_article(lang_dir / rel)
            entries.append(Entry(PurePosixPath(rel), meta, description=description))
    entries.sort(key=sort_key)
    return entries


def load_cached(lang_dir: Path, cache: Path, files: dict[str, os.stat_result] | None = None) -> list[Entry]:
    """``load`` that parses only articles not in ``cache`` with the same mtime and size;
    an entry's meta holds only the ``INDEX_FIELDS`` (its digest covers all of it).

    ``files`` is ``scan(lang_dir)`` when the caller already has it. The cache,
    in sort order, is rewritten when anything was parsed or removed.
    """
    files = scan(lang_dir) if files is None else files
    before = _read_cache(cache) or {}
    now: dict[str, tuple] = {}
    parsed = 0
    for rel, st in files.items():
        if not is_article(rel):
            continue
        stamp = (st.st_mtime_ns, st.st_size)
        hit = before.get(rel)
        if hit is None or hit[:2] != stamp:
            full, description = read_article(lang_dir / rel)
            hit = (*stamp, {k: full[k] for k in INDEX_FIELDS if k in full}, meta_digest(full), description)
            parsed += 1
        now[rel] = hit
    if not parsed and now.keys() == before.keys():
        # Unchanged: the cache holds the articles sorted (sorting 22k by sort_key takes a second).
        return _entries(before)
    entries = sorted(_entries(now), key=sort_key)
    write_pickle(cache, {"version": CACHE_VERSION, "entries": {str(e.rel): now[str(e.rel)] for e in entries}})
    return entries


def cached_entries(cache: Path) -> list[Entry] | None:
    """The articles a cache file holds, in sort order (a sharded build's catalog, merge.py),
    or None when it is missing or not of this code's format."""
    cached = _read_cache(cache)
    return None if cached is None else _entries(cached)


def cached_fields(cache: Path) -> dict[str, tuple[int, int, dict]]:
    """rel → (mtime_ns, size, ``INDEX_FIELDS`` of its front matter) of the articles a cache
    file holds (empty when it is missing or not of this code's format): for a reader that
    checks the file's stat itself (the search feed)."""
    return {rel: hit[:3] for rel, hit in (_read_cache(cache) or {}).items()}


def _entries(cached: dict[str, tuple]) -> list[Entry]:
    """The cache's records (rel → mtime, size, meta, digest, description) as entries, in its order."""
    return [Entry(PurePosixPath(rel), meta, digest, text) for rel, (_, _, meta, digest, text) in cached.items()]


def _read_cache(cache: Path) -> dict[str, tuple] | None:
    """The cache's records, or None when it is missing, damaged or of another format."""
    try:
        with cache.open("rb") as handle:
            data = pickle.load(handle)
        if data.get("version") == CACHE_VERSION:
            return data["entries"]
    except Exception:       # noqa: BLE001 - a cache: anything wrong with it means "parse again"
        pass
    return None


def write_pickle(path: Path, data) -> None:
    atomic.write_bytes(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))


def sort_key(e: Entry):
    return (e.undated, e.date or dt.date.min, e.meta.get("publication") or "",
            e.page or 0, e.order, str(e.rel))
