"""Assemble each language's docs dir for MkDocs: build/docs/<lang>/.

    docs/<lang>/**            the articles (segment and variants write them)
    docs/<name>.md            hand-written pages, zh-Hans
    docs/<name>.<lang>.md     the same page in another language (falls back to zh-Hans)
    generated                 home, archive, issue, page, author and source pages

Files are written only when their content changes and stale ones are removed,
so `mkdocs serve` on a staging dir sees only real changes and a dirty MkDocs
build (build.py) re-renders only the pages whose staged file is newer than
their output. A page also links its siblings in the other languages: when a
path appears in or disappears from one language, its files in the others are
touched so they are rendered again (``.presence.json`` holds the last state).
"""
from __future__ import annotations

import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import catalog
from .indexes import Generator
from .labels import DEFAULT_LANG, LANGS

AUTHORS_FILE = "authors.json"   # beside the language dirs, read by hooks.py
PRESENCE_FILE = ".presence.json"  # which languages had each page at the last staging


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


def _sync(dest: Path, files: dict[str, bytes]) -> int:
    """Make ``dest`` hold exactly ``files``; return how many were (re)written."""
    written = 0
    for rel, data in files.items():
        target = dest / rel
        try:
            if target.read_bytes() == data:
                continue
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    wanted = {str(Path(r)) for r in files}
    for root, dirs, names in os.walk(dest, topdown=False):
        for name in names:
            p = Path(root) / name
            if str(p.relative_to(dest)) not in wanted:
                p.unlink()
        for d in dirs:
            p = Path(root) / d
            if not any(p.iterdir()):
                p.rmdir()
    return written


def stage(docs: Path, out: Path, dumps_root: Path | None = None) -> dict[str, int]:
    """Write build/docs/<lang>/ for every language; return the article count per language."""
    master = {str(e.rel): e for e in catalog.load(docs / DEFAULT_LANG)}
    counts = {}
    present: dict[str, list[str]] = {}
    # The zh-Hans author names of every article: the keys of the author pages in every language.
    authors = json.dumps({rel: e.authors for rel, e in master.items()}, ensure_ascii=False, sort_keys=True)
    out.mkdir(parents=True, exist_ok=True)
    if not (out / AUTHORS_FILE).is_file() or (out / AUTHORS_FILE).read_text(encoding="utf-8") != authors:
        (out / AUTHORS_FILE).write_text(authors, encoding="utf-8")
    # The languages are independent: stage them in parallel processes.
    # spawn, not fork: the caller may hold threads (a test's browser, a server).
    with ProcessPoolExecutor(max_workers=min(len(LANGS), os.cpu_count() or 1),
                             mp_context=multiprocessing.get_context("spawn")) as pool:
        results = pool.map(_stage_language, [docs] * len(LANGS), [out] * len(LANGS), LANGS,
                           [dumps_root] * len(LANGS))
        for lang, (count, pages) in zip(LANGS, results):
            counts[lang], present[lang] = count, pages
    _touch_changed_alternates(out, present)
    return counts


def _stage_language(docs: Path, out: Path, lang: str, dumps_root: Path | None) -> tuple[int, list[str]]:
    """Stage one language; return its article count and the pages it has."""
    master = {str(e.rel): e for e in catalog.load(docs / DEFAULT_LANG)}
    lang_dir = docs / lang
    entries = master.values() if lang == DEFAULT_LANG else catalog.load(lang_dir)
    entries = sorted(entries, key=catalog.sort_key)
    files: dict[str, bytes] = {}
    if lang_dir.is_dir():
        for path in lang_dir.rglob("*"):
            if path.is_file():
                files[path.relative_to(lang_dir).as_posix()] = path.read_bytes()
    files.update(hand_written(docs, lang))
    gen = Generator(lang, entries, master, dumps_root)
    for page in gen.all():
        files[page.rel] = page.text().encode("utf-8")
    (out / lang).mkdir(parents=True, exist_ok=True)
    _sync(out / lang, files)
    return len(entries), sorted(r for r in files if r.endswith(".md"))


def _touch_changed_alternates(out: Path, present: dict[str, list[str]]) -> None:
    state = out / PRESENCE_FILE
    try:
        before = json.loads(state.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        before = {}
    now_sets = {lang: set(v) for lang, v in present.items()}
    if before:
        before_sets = {lang: set(before.get(lang, [])) for lang in present}
        changed = set()
        for lang in present:
            changed |= now_sets[lang] ^ before_sets[lang]
        for rel in changed:
            for lang in present:
                if rel in now_sets[lang]:
                    os.utime(out / lang / rel)
    state.write_text(json.dumps(present, ensure_ascii=False), encoding="utf-8")
