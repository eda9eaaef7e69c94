"""Read the zh-Hans docs tree; write each article's zh-Hant and en siblings.

Every sibling has the same relative path, the same keys in the same order,
its own ``lang``, and its provenance last (``conversion`` or ``translation``).
Files are written only when their text changed, so a rebuild that changes
one paragraph rewrites one English page. A sibling whose zh-Hans article is
gone is removed (only files this stage wrote: they carry its provenance key).

Sources are first only listed with their stamps (``scan_sources``); one is
parsed (``read_source``) only when something must be done with it. Which
articles need work is decided in ``state.py``; ``work.py`` runs them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..body import parse_body
from ..atomic import write_if_changed
from ..docfile import render_document, split_document
from ..errors import UserError
from ..tree import relative_files
from ..model import BodyBlock
from .convert import Converter
from .glossary import Glossary
from .state import answers_digest
from .translate import Recorder, Rendering, Segment, Tally, english_article, translation_label

SOURCE_LANG = "zh-Hans"
HANT, EN = "zh-Hant", "en"


@dataclass
class Source:
    rel: Path                 # relative to docs/zh-Hans
    meta: dict
    body: list[BodyBlock]
    mtime_ns: int = 0         # of the zh-Hans file, with size its stamp: an unchanged source
    size: int = 0             # needs no new conversion or rendering


@dataclass
class Missing:
    rel: Path
    where: list[str]


@dataclass
class WriteReport:
    articles: int = 0
    written: dict[str, int] = field(default_factory=lambda: {HANT: 0, EN: 0})
    reused: dict[str, int] = field(default_factory=lambda: {HANT: 0, EN: 0})
    removed: int = 0
    missing: list[Missing] = field(default_factory=list)


def _root(docs: Path) -> Path:
    root = docs / SOURCE_LANG
    if not root.is_dir():
        raise UserError(f"{root}: no Simplified Chinese articles (run `python -m build_scripts segment` first)")
    return root


def scan_sources(docs: Path) -> list[tuple[Path, tuple[int, int]]]:
    """Every zh-Hans article's relative path and stamp (mtime_ns, size), sorted; nothing parsed."""
    root = _root(docs)
    found = []
    for rel in sorted(markdown_files(root), key=lambda rel: rel.split("/")):  # as Paths sort
        st = os.stat(root / rel)
        found.append((Path(rel), (st.st_mtime_ns, st.st_size)))
    return found


def read_source(docs: Path, rel: Path) -> Source:
    path = docs / SOURCE_LANG / rel
    st = path.stat()
    meta, markdown = split_document(path)
    if meta.get("lang", SOURCE_LANG) != SOURCE_LANG or "id" not in meta:
        raise UserError(f"{path}: not a zh-Hans article (no id, or lang is not zh-Hans)")
    return Source(rel, meta, parse_body(markdown), st.st_mtime_ns, st.st_size)


def read_sources(docs: Path) -> list[Source]:
    return [read_source(docs, rel) for rel, _ in scan_sources(docs)]


# -- zh-Hant ------------------------------------------------------------------------
def traditional(src: Source, cc: Converter) -> tuple[dict, list[BodyBlock]]:
    """Convert what a reader sees; ids, slugs, dates, numbers, paths and keys stay.
    Every text of the article goes through OpenCC in one call (Converter.convert_all)."""
    meta = dict(src.meta)
    meta["lang"] = HANT
    texts: list[str] = []
    for key in ("title", "kicker", "subtitle", "byline", "dateline", "publication", "page_name"):
        if isinstance(meta.get(key), str):
            texts.append(meta[key])
    for key in ("authors", "captions"):
        if isinstance(meta.get(key), list):
            texts += [x for x in meta[key] if isinstance(x, str)]
    for b in src.body:
        if b.lead_in and b.text.startswith(b.lead_in):
            # Lead-in and rest apart, so the lead-in stays a prefix of the text.
            texts += [b.lead_in, b.text[len(b.lead_in):]]
        else:
            texts.append(b.text)
    converted = iter(cc.convert_all(texts))
    for key in ("title", "kicker", "subtitle", "byline", "dateline", "publication", "page_name"):
        if isinstance(meta.get(key), str):
            meta[key] = next(converted)
    for key in ("authors", "captions"):
        if isinstance(meta.get(key), list):
            meta[key] = [next(converted) if isinstance(x, str) else x for x in meta[key]]
    meta["conversion"] = cc.provenance.as_front_matter()
    body = []
    for b in src.body:
        if b.lead_in and b.text.startswith(b.lead_in):
            lead, rest = next(converted), next(converted)
            body.append(BodyBlock(b.kind, lead + rest, level=b.level, lead_in=lead))
        else:
            body.append(BodyBlock(b.kind, next(converted), level=b.level))
    return meta, body


# -- en ---------------------------------------------------------------------------------
def record_segments(sources: list[Source], glossary: Glossary) -> Recorder:
    """Every segment the English siblings need, in reading order (pass 1)."""
    recorder = Recorder()
    for src in sources:
        recorder.article = src.rel.as_posix()
        english_article(src.meta, src.body, glossary, recorder.render)
    return recorder


def article_segments(src: Source, glossary: Glossary) -> list[Segment]:
    """Pass 1 for one article, each segment with its memory hash (kept in the English state)."""
    recorder = Recorder()
    english_article(src.meta, src.body, glossary, recorder.render)
    return [segment.hashed() for segment in recorder.segments]


def english(src: Source, glossary: Glossary, render) -> tuple[dict, list[BodyBlock], Tally]:
    meta, body, tally = english_article(src.meta, src.body, glossary, render)
    meta["translation"] = translation_label(tally)
    return meta, body, tally


def markdown_files(root: Path) -> set[str]:
    """Every ``*.md`` under ``root``, as relative POSIX paths."""
    return {rel for rel in relative_files(root) if rel.endswith(".md")}


def remove_orphans(docs: Path, lang: str, keep: set[str], provenance_key: str,
                   present: set[str] | None = None) -> int:
    """Remove this stage's files in ``lang`` whose zh-Hans article is gone; ``keep`` and
    ``present`` (what ``markdown_files`` found, if the caller has it) are relative POSIX paths."""
    root = docs / lang
    removed = 0
    if not root.is_dir():
        return 0
    for rel in sorted((markdown_files(root) if present is None else present) - keep):
        path = root / rel
        head = path.read_text(encoding="utf-8")[:8000]
        if f"\n{provenance_key}:" in head.split("\n---", 1)[0]:
            path.unlink()
            removed += 1
    return removed


def write_traditional(docs: Path, src: Source, cc: Converter) -> bool:
    meta, body = traditional(src, cc)
    return write_if_changed(docs / HANT / src.rel, render_document(meta, body), sync=False)


@dataclass
class EnglishOutcome:
    written: bool
    used: list[int]          # which pass-1 segments the rendering asked for, in order
    digest: str              # of the answers they got
    untranslated: list[str]


def write_english(docs: Path, src: Source, glossary: Glossary, render, segments: list[Segment]) -> EnglishOutcome:
    """Render and write one English sibling, noting what it asked (for the English state).

    ``segments`` are the article's pass-1 segments: pass 2 asks for some of them (a
    reviewed byline spares its pieces), never for one pass 1 did not see.
    """
    asked: list[tuple[Segment, Rendering]] = []

    def noting(segment: Segment) -> Rendering:
        answer = render(segment)
        asked.append((segment, answer))
        return answer

    meta, body, tally = english(src, glossary, noting)
    written = write_if_changed(docs / EN / src.rel, render_document(meta, body), sync=False)
    index: dict[Segment, int] = {}
    for i, segment in enumerate(segments):
        index.setdefault(segment, i)
    used = [index[segment] for segment, _ in asked]
    return EnglishOutcome(written, used, answers_digest(a for _, a in asked), tally.untranslated)
