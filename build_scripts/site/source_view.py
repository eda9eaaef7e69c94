"""What a source page shows: one dump's printed text, titled by its paper, date and page, its
lines grouped under the articles that were cut from them (each heading links the article
page in the page's language), every line with its number and anchor (#L12).

A text dump's converter marks ("## 标题") are not the printed text: a marked line shows
its words, flagged as a heading. A page PDF's text has no such marks (a "#" there is
printed), so its lines show as they are.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..ingest import source_text
from ..pdf.reader import is_pdf
from ..segment.page import heading_mark
from .catalog import Entry
from .labels import format_date, t


@dataclass(frozen=True)
class SourceLine:
    number: int
    text: str
    heading: bool = False         # a converter marked it as a heading


@dataclass(frozen=True)
class SourceSpan:
    """Consecutive lines: an article's (``article``: its title, first and last line, href),
    or lines no article holds (furniture, blank lines)."""

    lines: list[SourceLine]
    article: tuple[str, int, int, str] | None = None


def page_title(lang: str, entries: list[Entry], file: str) -> str:
    """"通辽日报 2025年12月15日 第1版 · 原始文本" from the dump's articles; the file name when
    they do not say which issue and page it is."""
    first = entries[0] if entries else None
    if first is None or first.date is None or first.page is None:
        return t(lang, "source_page", file=file)
    paper = " ".join(str(x) for x in (first.meta.get("publication"), first.meta.get("edition")) if x)
    where = [paper, format_date(lang, first.date), t(lang, "page", page=first.page)]
    return t(lang, "source_page_of", where=(", " if lang == "en" else " ").join(x for x in where if x))


def dump_lines(path: Path) -> list[SourceLine]:
    """The dump's lines as the articles cite them (ingest.source_text), marks taken off."""
    with path.open("rb") as f:
        pdf = is_pdf(path, f.read(1024))
    return source_lines(source_text(path), marked=not pdf)


def source_lines(text: str, marked: bool = True) -> list[SourceLine]:
    out = []
    for number, raw in enumerate(text.split("\n"), start=1):
        rank, shown = heading_mark(raw.strip()) if marked else (None, raw)
        out.append(SourceLine(number, raw if rank is None else shown, rank is not None))
    return out


def article_lines(entry: Entry) -> tuple[int, int] | None:
    lines = (entry.meta.get("source") or {}).get("lines")
    if isinstance(lines, list) and len(lines) == 2 and all(isinstance(x, int) for x in lines) and lines[0] <= lines[1]:
        return lines[0], lines[1]
    return None


def spans(lines: list[SourceLine], articles: list[tuple[Entry, str]]) -> list[SourceSpan]:
    """The lines cut into runs: each article's lines (in line order; a span overlapping the one
    before it starts after it), and the runs between them."""
    cited = sorted(((r, e, href) for e, href in articles if (r := article_lines(e))), key=lambda x: x[0])
    out, at = [], 1                                   # the next line not yet shown
    for (first, last), entry, href in cited:
        first, last = max(first, at), min(last, len(lines))
        if first > last:
            continue
        if first > at:
            out.append(SourceSpan(lines[at - 1:first - 1]))
        out.append(SourceSpan(lines[first - 1:last], (entry.title, first, last, href)))
        at = last + 1
    if at <= len(lines):
        out.append(SourceSpan(lines[at - 1:]))
    return out
