"""The built files of each language, and the next site assembled from them.

MkDocs builds each language into build/site-parts/<lang>/; the site holds zh-Hans at
its root and the others below (zh-Hant/, en/), as hard links to the parts, and the
search bundles (build/search-bundles/) the same way. Each build assembles a new
folder that publish.py swaps for site/ once it is complete. At a year that is 86k
page folders, and walking them takes longer than linking them, so nothing here walks
the pages: which pages a language has comes from the staging step (its .presence.json
lists every staged .md, and one .md is one page, <url>/index.html), and what the last
build had is kept beside the parts (``.<lang>.pages.json``). Only the few files that
are not pages (assets, 404.html) are walked.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

from .. import atomic
from ..tree import relative_files
from .indexes import url_of
from .labels import LANGS, PREFIX
from .staging import PRESENCE_FILE

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
    """Make ``dest`` (a new name) a hard link to ``src``, or a copy across file systems."""
    try:
        os.link(src, dest)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        link_file(src, dest)
    except OSError as e:
        if e.errno != errno.EXDEV:       # another file system: copy (anything else is an error)
            raise
        shutil.copy2(src, dest)


# What a site folder holds, by relative path: for a linked file its source's
# [inode, size, mtime_ns] when it was linked, for a written one the file's own. A file whose
# source still has all three is that same file (its inode is alive: the folder links it), so
# the next assembly into the folder (publish.begin_reusing) leaves it; any other is replaced.
Held = dict[str, list[int]]


def _mark(path: str) -> list[int]:
    st = os.stat(path)
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def _put(src: str, dest_root: str, rel: str, held: Held, files: Held) -> None:
    """``dest_root/rel`` as a link to ``src``, unless the folder holds that file already."""
    mark = _mark(src)
    if held.get(rel) != mark:
        dest = os.path.join(dest_root, rel)
        if rel in held:
            try:
                os.unlink(dest)
            except FileNotFoundError:
                pass
        link_file(src, dest)
    files[rel] = mark


def assemble(parts: Path, dest: Path, pages: dict[str, set[str]], held: Held | None = None) -> Held:
    """Fill the folder ``dest`` with parts/zh-Hans at its root and parts/<lang> at
    dest/<lang>/, as hard links; returns what it put there (``Held``).

    ``dest`` is the next site (publish.py): the live site/ is never written. It is new, or
    a site of an earlier build that ``held`` describes (publish.begin_reusing): then only the
    files that changed are linked anew. The parts are only ever written by making new files
    (MkDocs writes through ``build._write_new_files``, Pagefind into new bundle folders), so a
    link in the live site keeps its bytes while a build runs. ``pages``: each language's
    pages now (from staging: the pages are not walked)."""
    held, files = held or {}, {}
    for lang in LANGS:
        src_root = os.path.join(parts, lang)
        for rel in [*map(page_file, pages[lang]), *_other_files(Path(src_root), pages[lang])]:
            _put(os.path.join(src_root, rel), str(dest), os.path.join(PREFIX[lang], rel), held, files)
    return files


def link_tree(src: Path, dest: Path, held: Held | None = None) -> Held:
    """Every file under ``src`` linked at the same place under ``dest`` (see ``assemble``)."""
    held, files = held or {}, {}
    for rel in relative_files(src):
        _put(os.path.join(src, rel), str(dest), rel, held, files)
    return files


def written(dest: Path, paths: set[str]) -> Held:
    """``Held`` of the files written into ``dest`` (atomic.recording's paths; others left out)."""
    root = os.path.join(dest, "")
    return {path[len(root):]: _mark(path) for path in paths if path.startswith(root)}


def remove_stale(dest: Path, held: Held, files: Held) -> None:
    """Remove what ``dest`` held and the build did not put there again (a page gone, a
    shard's bundle replaced), with the folders left empty."""
    for rel in held.keys() - files.keys():
        _remove_with_empty_parents(dest / rel, dest)


def size_of(files: Held) -> tuple[int, int]:
    """Bytes and HTML pages of a site folder that holds exactly ``files`` (as build.site_size)."""
    return sum(mark[1] for mark in files.values()), sum(rel.endswith(".html") for rel in files)
