"""The built files of each language, and site/ assembled from them.

MkDocs builds each language into build/site-parts/<lang>/; site/ holds zh-Hans at
its root and the others below (zh-Hant/, en/), as hard links to the parts. At a
year that is 86k page folders, and walking them takes longer than the rest of an
incremental build, so nothing here walks the pages: which pages a language has
comes from the staging step (its .presence.json lists every staged .md, and one
.md is one page, <url>/index.html), and what the last build and the last
assembly had is kept beside the parts (``.<lang>.pages.json``, ``.assembled.json``).
Only the few files that are not pages (assets, feed.xml, 404.html) are walked.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from .. import atomic
from ..tree import relative_files
from .indexes import url_of
from .labels import LANGS, PREFIX, nested_roots
from .staging import PRESENCE_FILE

KEEP = ("pagefind", "sitemaps", "sitemap.xml", "robots.txt", "na-articles")  # written into site/ after assembly


def staged_pages(staging: Path) -> dict[str, set[str]]:
    """Each language's page URLs relative to its root ("", "archive/", "2025/12/15/01/x/")."""
    present = json.loads((staging / PRESENCE_FILE).read_text(encoding="utf-8"))
    return {lang: {url_of(rel) for rel in present.get(lang, [])} for lang in LANGS}


def page_file(url: str) -> str:
    return url + "index.html"


# -- records of what a build and an assembly had ------------------------------------------
def load_record(path: Path, check: str | None = None) -> dict[str, set[str]] | None:
    """Pages per language from a record, or None when there is none (or ``check`` differs)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if check is not None and data.get("check") != check:
        return None
    return {lang: set(urls) for lang, urls in data.get("pages", {}).items()}


def save_record(path: Path, pages: dict[str, set[str]], check: str | None = None) -> None:
    atomic.write_text(path, json.dumps({"check": check, "pages": {k: sorted(v) for k, v in pages.items()}}))


def _remove_with_empty_parents(path: Path, stop: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    parent = path.parent
    while parent != stop and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent
    return True


def prune_pages(built: Path, gone: set[str]) -> int:
    """Remove the built pages of URLs no longer staged (a dirty MkDocs build leaves them)."""
    return sum(_remove_with_empty_parents(built / page_file(url), built) for url in gone if url)


def prune_by_walking(staged: Path, built: Path) -> int:
    """``prune_pages`` without a record of the last build: walk the built pages."""
    removed = 0
    for path in list(built.rglob("index.html")):
        rel = path.parent.relative_to(built).as_posix()
        if rel == "." or rel.split("/", 1)[0] in {"assets", "search", "pagefind"}:
            continue
        if not ((staged / f"{rel}.md").is_file() or (staged / rel / "index.md").is_file()):
            removed += _remove_with_empty_parents(path, built)
    return removed


# -- site/ ------------------------------------------------------------------------------------
def _other_files(root: Path, pages: set[str], skip: set[str] = frozenset()) -> set[str]:
    """The files under ``root`` that are not pages: everything outside the top-level folders
    that hold pages (those hold nothing else: staging stages only .md files)."""
    page_tops = {url.split("/", 1)[0] for url in pages if url}
    return relative_files(root, skip | page_tops | {"index.html"}) | (
        {"index.html"} if "" not in pages and (root / "index.html").is_file() else set())


def link_file(src: str, dest: str) -> None:
    """Make ``dest`` a hard link to ``src`` (a copy across file systems), unless it is one."""
    try:
        if os.path.samefile(src, dest):
            return
        os.unlink(dest)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(dest), exist_ok=True)
    try:
        os.link(src, dest)
    except OSError:                       # another file system: copy
        shutil.copy2(src, dest)


def assemble(parts: Path, site: Path, pages: dict[str, set[str]], linked: tuple[str, ...] = ()) -> None:
    """Make site/ hold parts/zh-Hans at its root and parts/<lang> at site/<lang>/, as hard
    links; files no part has are removed, except ``KEEP`` (written after this).

    ``pages``: each language's pages now. ``linked``: languages built in MkDocs' dirty mode
    over a part already linked into site/; MkDocs rewrites a file in place, so site/ sees it
    through the link, and only pages new since the last assembly need linking."""
    site.mkdir(parents=True, exist_ok=True)
    record = parts / ".assembled.json"
    check = f"{os.stat(site).st_ino}:{os.stat(parts).st_dev == os.stat(site).st_dev}"
    before = load_record(record, check)      # None: site/ was made anew, or never by us
    if before and not all(os.path.isfile(site / PREFIX[lang] / page_file(min(urls)))
                          for lang, urls in before.items() if urls):
        before = None                         # emptied since (an inode number can come back)
    record.unlink(missing_ok=True)            # written back when site/ is in line again
    for lang in LANGS:
        src_root, dest_root = parts / lang, site / PREFIX[lang]
        own = nested_roots(lang)
        others = _other_files(src_root, pages[lang])
        had = before.get(lang) if before else None
        fresh = pages[lang] if had is None or lang not in linked else pages[lang] - had
        for rel in [*map(page_file, fresh), *others]:
            link_file(os.path.join(src_root, rel), os.path.join(dest_root, rel))
        if had is None:                       # no record: find what to remove by walking site/
            stale = relative_files(dest_root, own | set(KEEP)) - set(map(page_file, pages[lang])) - others
            for rel in stale:
                _remove_with_empty_parents(dest_root / rel, dest_root)
        else:
            prune_pages(dest_root, had - pages[lang])
            for rel in _other_files(dest_root, pages[lang], own | set(KEEP)) - others:
                _remove_with_empty_parents(dest_root / rel, dest_root)
    save_record(record, pages, check)
