"""The plain data that flows between the pipeline's stages.

ingest → ``Dump``; segment → ``Block`` (working unit of the segmenter's passes)
→ ``Article``; write → Markdown files. Nothing here does work.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

# Block kinds, as the segmenter's passes settle them.
TEXT = "text"            # a body paragraph (or a piece of one, before joins)
HEADING = "heading"      # a short display line; the passes give it a ``role``
BYLINE = "byline"        # who wrote it, as printed
CAPTION = "caption"      # a picture caption or photo credit
FURNITURE = "furniture"  # belongs to no article: banners, editor credits, jump lines

# Roles of a HEADING.
TITLE, KICKER, SUBTITLE, SUBHEAD = "title", "kicker", "subtitle", "subhead"
# Role of a CAPTION that credits the picture (新华社记者 X摄, 制图:X) rather than describing it.
PHOTO_CREDIT = "photo credit"


@dataclass(frozen=True)
class PageMeta:
    """What the manifest says about one dump (all optional for unlisted dumps)."""

    publication: str | None = None
    date: _dt.date | None = None
    page: int | None = None
    page_name: str | None = None
    assumption: str | None = None
    edition: str | None = None   # when a paper prints more than one edition a day


@dataclass
class Dump:
    """One page dump, decoded. ``lines[0]`` is line 1 of the file."""

    path: Path
    text: str
    encoding: str
    sha256: str
    meta: PageMeta = field(default_factory=PageMeta)
    warnings: list[str] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass
class Block:
    """A run of dump text the segmenter reasons about.

    ``lines`` lists every source line whose text went into the block, so the
    report can point an editor at them after joins and moves.
    """

    kind: str
    text: str
    lines: list[int]
    rank: int | None = None      # heading mark from a PDF converter: 1 for '#', 2 for '##' …
    gap_before: int = 0          # blank lines before it: 2+ is an empty image block
    role: str | None = None      # for headings: title, kicker, subtitle, subhead
    authors: list[str] = field(default_factory=list)  # for bylines
    dateline: str | None = None  # for bylines: 本报讯, 新华社北京12月3日电 …
    lead_in: str | None = None   # for text: a bold lead-in sentence at its start
    starts_article: bool = False  # for headings: first line of an article's head
    attached: bool = False       # for headings: displaced head joined to the running article
    continues_elsewhere: bool = False  # for text: a jump line (下转第X版) follows it
    indent: bool = False         # the line was printed indented (a paragraph's first line)
    width: int = 0               # characters of its (last) source line, indent included
    printed_width: float = 0.0   # the same, Latin letters and digits counted half
    closing: bool = False        # for bylines: a form that ends an article (作者为…, a bracketed dateline)
    doubt: float = 0.0           # for headings: how close the call "opens an article" was (0 = sure, 1 = a toss)
    fixed: str | None = None     # who settled this block's kind/role for good ("editor", "layout"); later passes keep it

    @property
    def first_line(self) -> int:
        return min(self.lines)

    @property
    def last_line(self) -> int:
        return max(self.lines)


@dataclass
class BodyBlock:
    """One block of an article body: a paragraph or a subhead (plain text, not Markdown)."""

    kind: str                    # "paragraph" or "subhead"
    text: str
    level: int = 2               # for subheads: Markdown heading level
    lead_in: str | None = None   # for paragraphs: bold lead-in, a prefix of ``text``


@dataclass
class Article:
    title: str
    body: list[BodyBlock]
    kicker: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    byline: str | None = None
    dateline: str | None = None
    captions: list[str] = field(default_factory=list)
    source_file: str = ""
    lines: tuple[int, int] = (0, 0)
    order: int = 0               # position on the page, 1-based
    confidence: float = 1.0      # 1 − the largest doubt of a decision inside its lines


@dataclass
class Repair:
    """One thing the segmenter did or doubted, for the segmentation report."""

    step: str                    # the pass that did it
    lines: list[int]
    what: str
    doubt: float = 0.0           # 0: sure; up to 1: a guess an editor should check first

    @property
    def unsure(self) -> bool:
        return self.doubt > 0


@dataclass
class Segmentation:
    dump: Dump
    articles: list[Article]
    furniture: list[Block]
    repairs: list[Repair]
