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


@dataclass(frozen=True)
class LineLayout:
    """Where and how a dump line was printed, for dumps read from a page PDF.

    ``box`` is (left, top, right, bottom) in points from the sheet's top-left corner;
    ``size`` the type size in points and ``size_rank`` its place among the page's type
    sizes (1 = the largest); ``column`` the body column it stands in (0-based, None for a
    line across columns); ``body`` is True when it is set in the page's body type.
    """

    page: int                     # PDF page (sheet), 1-based
    box: tuple[float, float, float, float]
    size: float
    size_rank: int
    bold: bool = False
    column: int | None = None
    under_picture: bool = False   # right under a picture box (a caption)
    in_margin: bool = False       # outside the type area: banner, page number, 责任编辑
    indent: bool = False          # its first line is indented from the column's edge
    body: bool = False            # set in the page's body type size
    vertical: bool = False        # printed rotated or in vertical writing


@dataclass
class Dump:
    """One page dump, decoded. ``lines[0]`` is line 1 of the file.

    A dump read from a page PDF has ``layout``: the facts of each line, by line number.
    """

    path: Path
    text: str
    encoding: str
    sha256: str
    meta: PageMeta = field(default_factory=PageMeta)
    warnings: list[str] = field(default_factory=list)
    layout: dict[int, LineLayout] = field(default_factory=dict)

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
    layout: LineLayout | None = None  # how its (first) line was printed, for a page read from a PDF
    cut: str | None = None       # an editor's cut at this block: "start" (an article begins) or "join" (it goes on)

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
    printed_title: str = ""      # the title as the segmenter read it from the page (before an editor's fix)
    kicker: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    byline: str | None = None
    dateline: str | None = None
    captions: list[str] = field(default_factory=list)
    source_file: str = ""
    lines: tuple[int, int] = (0, 0)
    source_lines: list[int] = field(default_factory=list)  # every dump line whose text is in it
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
    corrections: object | None = None  # the editor's corrections it was cut with (corrections.Corrections)
    blocks: list[Block] = field(default_factory=list)  # the page's blocks after every pass (the review page shows them)
