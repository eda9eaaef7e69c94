"""Read the zh-Hans docs tree; write each article's zh-Hant and en siblings.

Every sibling has the same relative path, the same keys in the same order,
its own ``lang``, and its provenance last (``conversion`` or ``translation``).
Files are written only when their text changed, so a rebuild that changes
one paragraph rewrites one English page. A sibling whose zh-Hans article is
gone is removed (only files this stage wrote: they carry its provenance key).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..body import parse_body
from ..docfile import render_document, split_document, write_if_changed
from ..errors import UserError
from ..model import BodyBlock
from .convert import Converter
from .glossary import Glossary
from .translate import Recorder, Tally, english_article, translation_label

SOURCE_LANG = "zh-Hans"
HANT, EN = "zh-Hant", "en"


@dataclass
class Source:
    rel: Path                 # relative to docs/zh-Hans
    meta: dict
    body: list[BodyBlock]
    mtime_ns: int = 0         # of the zh-Hans file: an unchanged source needs no new conversion


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


def read_sources(docs: Path) -> list[Source]:
    root = docs / SOURCE_LANG
    if not root.is_dir():
        raise UserError(f"{root}: no Simplified Chinese articles (run `python -m build_scripts segment` first)")
    sources = []
    for path in sorted(root.rglob("*.md")):
        meta, markdown = split_document(path)
        if meta.get("lang", SOURCE_LANG) != SOURCE_LANG or "id" not in meta:
            raise UserError(f"{path}: not a zh-Hans article (no id, or lang is not zh-Hans)")
        sources.append(Source(path.relative_to(root), meta, parse_body(markdown), path.stat().st_mtime_ns))
    return sources


# -- zh-Hant ------------------------------------------------------------------------
def traditional(src: Source, cc: Converter) -> tuple[dict, list[BodyBlock]]:
    """Convert what a reader sees; ids, slugs, dates, numbers, paths and keys stay."""
    meta = dict(src.meta)
    meta["lang"] = HANT
    for key in ("title", "kicker", "subtitle", "byline", "dateline", "publication", "page_name"):
        if isinstance(meta.get(key), str):
            meta[key] = cc.convert(meta[key])
    for key in ("authors", "captions"):
        if isinstance(meta.get(key), list):
            meta[key] = [cc.convert(x) if isinstance(x, str) else x for x in meta[key]]
    meta["conversion"] = cc.provenance.as_front_matter()
    body = []
    for b in src.body:
        if b.lead_in and b.text.startswith(b.lead_in):
            # Lead-in and rest apart, so the lead-in stays a prefix of the text.
            lead, rest = cc.convert(b.lead_in), cc.convert(b.text[len(b.lead_in):])
            body.append(BodyBlock(b.kind, lead + rest, level=b.level, lead_in=lead))
        else:
            body.append(BodyBlock(b.kind, cc.convert(b.text), level=b.level))
    return meta, body


# -- en ---------------------------------------------------------------------------------
def record_segments(sources: list[Source], glossary: Glossary) -> Recorder:
    """Every segment the English siblings need, in reading order (pass 1)."""
    recorder = Recorder()
    for src in sources:
        recorder.article = src.rel.as_posix()
        english_article(src.meta, src.body, glossary, recorder.render)
    return recorder


def english(src: Source, glossary: Glossary, render) -> tuple[dict, list[BodyBlock], Tally]:
    meta, body, tally = english_article(src.meta, src.body, glossary, render)
    meta["translation"] = translation_label(tally)
    return meta, body, tally


def remove_orphans(docs: Path, lang: str, keep: set[Path], provenance_key: str) -> int:
    root = docs / lang
    removed = 0
    if not root.is_dir():
        return 0
    for path in root.rglob("*.md"):
        if path.relative_to(root) in keep:
            continue
        head = path.read_text(encoding="utf-8")[:8000]
        if f"\n{provenance_key}:" in head.split("\n---", 1)[0]:
            path.unlink()
            removed += 1
    return removed


def write_siblings(docs: Path, sources: list[Source], cc: Converter | None,
                   glossary: Glossary, render, converted: dict | None = None) -> WriteReport:
    """``converted`` (rel → [source mtime, converter]) is updated in place: a source
    unchanged since its zh-Hant sibling was made by the same converter is not converted again."""
    report = WriteReport(articles=len(sources))
    keep = {s.rel for s in sources}
    converted = {} if converted is None else converted
    for src in sources:
        if cc is not None:
            made_by = [src.mtime_ns, cc.provenance.key]
            target = docs / HANT / src.rel
            if converted.get(src.rel.as_posix()) == made_by and target.exists():
                report.reused[HANT] += 1
            else:
                meta, body = traditional(src, cc)
                report.written[HANT] += write_if_changed(target, render_document(meta, body))
                converted[src.rel.as_posix()] = made_by
        meta, body, tally = english(src, glossary, render)
        report.written[EN] += write_if_changed(docs / EN / src.rel, render_document(meta, body))
        if tally.untranslated:
            report.missing.append(Missing(src.rel, tally.untranslated))
    if cc is not None:
        report.removed += remove_orphans(docs, HANT, keep, "conversion")
    report.removed += remove_orphans(docs, EN, keep, "translation")
    return report
