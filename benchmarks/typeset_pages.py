"""Typeset newspaper pages as PDFs, the way a layout system exports them (test and benchmark input).

    python benchmarks/typeset_pages.py OUT_DIR [--pages 20] [--seed 1]

A page is a grid of 4–6 columns under a banner (date, page name, page number) with a
rule beneath it and a footer (责任编辑, page number). Stories are set as rectangular
modules in rows: the headline block (kicker, title, subtitle) spans the module's columns,
the body flows down one column and on into the next, a picture (an empty framed box)
with its caption sits in the body, a byline stands on its own line at the top of the
first column. Type sizes: title 18–28 pt, kicker and subtitle 12–14, subhead 10.5 bold,
body 9, caption 8. The text is set in reportlab's built-in ``STSong-Light`` (a CID font
the reader's viewer supplies: nothing embedded); bold is the fill-and-stroke render
mode. When the stories do not fit, the page runs on to a second PDF page.

Everything is decided by the seed: the same stories and seed give the same bytes.
``typeset_page`` is the library entry; the command line typesets generated stories.
"""
from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
PAGE = (992.0, 1417.0)          # a broadsheet, 350 × 500 mm
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 40.0, 70.0, 60.0
GUTTER = 12.0
BODY, LEADING = 9.0, 12.6
CAPTION, SUBHEAD, BYLINE = 8.0, 10.5, 9.0
FILL_STROKE = 2                 # text render mode of synthetic bold

pdfmetrics.registerFont(UnicodeCIDFont(FONT))


@dataclass
class Story:
    """One article as the page prints it."""

    title: str
    paragraphs: list[str]
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    subheads: dict[int, str] = field(default_factory=dict)  # paragraph index → subhead printed before it
    caption: str | None = None                               # a picture with this caption
    credit: str | None = None                                # the picture's credit line


@dataclass
class Furniture:
    date: str = "2019年2月15日 星期五"
    page_name: str = "要闻"
    page: int = 1
    editor: str = "责任编辑：王 明"


@dataclass
class _Line:
    text: str
    size: float
    bold: bool = False
    indent: float = 0.0
    space_before: float = 0.0


def _width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def wrap(text: str, size: float, width: float, indent: float = 0.0, hang: bool = True) -> list[tuple[str, float]]:
    """Break text into printed lines of at most ``width`` points; (line, indent) pairs.
    A closing mark that does not fit hangs past the line's end (one at most), as CJK typesetting does."""
    lines: list[tuple[str, float]] = []
    current, used, first = "", indent, True
    for ch in text:
        w = _width(ch, size)
        hanging = hang and ch in "，。、；：！？”’）》" and used <= width + 0.01   # one mark may hang in the margin
        if current and used + w > width + 0.01 and not hanging:
            lines.append((current, indent if first else 0.0))
            current, used, first = "", 0.0, False
        current += ch
        used += w
    if current:
        lines.append((current, indent if first else 0.0))
    return lines


class _Writer:
    def __init__(self, c: canvas.Canvas):
        self.c = c

    def text(self, x: float, y: float, text: str, size: float, bold: bool = False) -> None:
        if not bold:
            self.c.setFont(FONT, size)
            self.c.drawString(x, y, text)
            return
        self.c.saveState()     # the render mode is graphics state: it must not outlive the bold run
        self.c.setLineWidth(size / 40)
        t = self.c.beginText(x, y)
        t.setFont(FONT, size)
        t.setTextRenderMode(FILL_STROKE)
        t.textOut(text)
        self.c.drawText(t)
        self.c.restoreState()

    def rule(self, x0: float, y: float, x1: float, width: float = 0.6) -> None:
        self.c.setLineWidth(width)
        self.c.line(x0, y, x1, y)


@dataclass
class _Module:
    story: Story
    x: float
    span: int
    lead: bool


class _PageSetter:
    def __init__(self, c: canvas.Canvas, rng: random.Random, furniture: Furniture, columns: int):
        self.c, self.w, self.rng, self.furniture = c, _Writer(c), rng, furniture
        self.columns = columns
        self.col_w = (PAGE[0] - 2 * MARGIN_X - GUTTER * (columns - 1)) / columns
        self.sheet = 0
        self.start_sheet()

    def start_sheet(self) -> None:
        if self.sheet:
            self.c.showPage()
        self.sheet += 1
        f, top = self.furniture, PAGE[1] - MARGIN_TOP + 24
        self.w.text(MARGIN_X, top, f.date, BODY)
        self.w.text(PAGE[0] / 2 - _width(f.page_name, 12) / 2, top, f.page_name, 12, bold=True)
        number = f"第{f.page}版"
        self.w.text(PAGE[0] - MARGIN_X - _width(number, BODY), top, number, BODY)
        self.w.rule(MARGIN_X, top - 8, PAGE[0] - MARGIN_X, 1.2)
        self.w.text(MARGIN_X, MARGIN_BOTTOM - 30, f.editor, CAPTION)
        self.w.text(PAGE[0] / 2 - 4, MARGIN_BOTTOM - 30, str(f.page), CAPTION)
        self.y = PAGE[1] - MARGIN_TOP - 10

    def span_width(self, span: int) -> float:
        return span * self.col_w + (span - 1) * GUTTER

    def col_x(self, col: int) -> float:
        return MARGIN_X + col * (self.col_w + GUTTER)

    # -- one module ------------------------------------------------------------
    def head_lines(self, story: Story, width: float, lead: bool) -> list[_Line]:
        title_size = self.rng.choice((26.0, 28.0)) if lead else self.rng.choice((18.0, 20.0, 22.0))
        side = self.rng.choice((12.0, 13.0, 14.0))
        out = []
        for text, size, bold, gap in ((story.kicker, side, False, 0.0), (story.title, title_size, True, 0.3),
                                      (story.subtitle, side, False, 0.3)):
            if text:
                for n, (line, _) in enumerate(wrap(text, size, width, hang=False)):
                    out.append(_Line(line, size, bold, space_before=(gap * size if n == 0 and out else 0.15 * size)))
        return out

    def body_lines(self, story: Story) -> list[_Line]:
        out: list[_Line] = []
        if story.byline:
            out += [_Line(t, BYLINE, True) for t, _ in wrap(story.byline, BYLINE, self.col_w)]
        for n, paragraph in enumerate(story.paragraphs):
            if n in story.subheads:
                for k, (t, _) in enumerate(wrap(story.subheads[n], SUBHEAD, self.col_w)):
                    out.append(_Line(t, SUBHEAD, True, space_before=LEADING * 0.6 if k == 0 else 0.0))
            for t, indent in wrap(paragraph, BODY, self.col_w, indent=2 * BODY):
                out.append(_Line(t, BODY, indent=indent))
        return out

    def picture_lines(self, story: Story, width: float) -> list[_Line]:
        lines = [_Line(t, CAPTION) for t, _ in wrap(story.caption or "", CAPTION, width)]
        if story.credit:
            lines += [_Line(t, CAPTION) for t, _ in wrap(story.credit, CAPTION, width)]
        return lines

    def plan(self, module: _Module) -> dict:
        """How the module's lines fall: the head, the picture's place, the column height."""
        story, width = module.story, self.span_width(module.span)
        head = self.head_lines(story, width, module.lead)
        body = self.body_lines(story)
        picture = None
        if story.caption:
            pic_span = min(module.span, self.rng.choice((1, 2, 2)))
            caption = self.picture_lines(story, self.span_width(pic_span))
            pic_h = self.rng.choice((6, 8, 10)) * LEADING
            mid = pic_span == 1 and self.rng.random() < 0.5   # in a column's middle, text around it
            picture = {"span": pic_span, "caption": caption, "height": pic_h, "mid": mid}
        return {"head": head, "body": body, "picture": picture}

    def picture_height(self, picture: dict) -> float:
        return picture["height"] + 4 + len(picture["caption"]) * (CAPTION * 1.3) + LEADING * 0.8

    def head_height(self, head: list[_Line]) -> float:
        return sum(line.space_before + line.size * 1.15 for line in head) + LEADING * 0.8

    def body_height(self, plan: dict, span: int) -> float:
        """The column height that holds the body, the picture taking room in its columns."""
        need = sum(line.space_before + LEADING for line in plan["body"])
        picture = plan["picture"]
        extra = self.picture_height(picture) * picture["span"] if picture else 0.0
        height = (need + extra) / span
        if picture:          # the picture's own columns must hold it
            height = max(height, self.picture_height(picture))
        while not self.fits(plan, span, height):
            height += LEADING
        return height

    def fits(self, plan: dict, span: int, height: float) -> bool:
        lines = list(plan["body"])
        picture = plan["picture"]
        for col in range(span):
            room = height - (self.picture_height(picture) if picture and col < picture["span"] else 0.0)
            used = 0.0
            while lines and used + lines[0].space_before + LEADING <= room + 0.01:
                used += lines.pop(0).space_before + LEADING
        return not lines

    def set_module(self, module: _Module, plan: dict, top: float, height: float) -> list[_Line]:
        """Set the head and as much of the body as the columns hold; return the rest."""
        width = self.span_width(module.span)
        y = top
        centred = self.rng.random() < 0.5
        for line in plan["head"]:
            y -= line.space_before + line.size
            x = module.x + (width - _width(line.text, line.size)) / 2 if centred else module.x
            self.w.text(x, y, line.text, line.size, line.bold)
            y -= line.size * 0.15
        y -= LEADING * 0.8
        body_top = y
        lines = list(plan["body"])
        picture = plan["picture"]
        col0 = int(round((module.x - MARGIN_X) / (self.col_w + GUTTER)))
        for col in range(module.span):
            x = self.col_x(col0 + col)
            y, bottom = body_top, body_top - height
            has_picture = picture and col < picture["span"]
            if has_picture and not picture["mid"]:
                y = self.set_picture(picture, self.col_x(col0), y) if col == 0 else y - self.picture_height(picture)
            placed_mid = False
            while lines:
                line = lines[0]
                if has_picture and picture["mid"] and not placed_mid and y - body_top <= -height / 3:
                    y = self.set_picture(picture, self.col_x(col0), y) if col == 0 else y - self.picture_height(picture)
                    placed_mid = True
                    continue
                if y - line.space_before - LEADING < bottom - 0.01:
                    break
                y -= line.space_before + LEADING
                self.w.text(x + line.indent, y + (LEADING - line.size) / 2, line.text, line.size, line.bold)
                lines.pop(0)
        return lines

    def run_on(self, lines: list[_Line]) -> None:
        """A story too long for the sheet goes on over the next sheet's full width, no head."""
        while lines:
            self.start_sheet()
            plan = {"head": [], "body": lines, "picture": None}
            room = self.y - MARGIN_BOTTOM - LEADING * 0.8
            height = min(self.body_height(plan, self.columns), room)
            lines = self.set_module(_Module(Story("", []), MARGIN_X, self.columns, False), plan,
                                    self.y + LEADING * 0.8, height)
            self.y -= height + LEADING * 2

    def set_picture(self, picture: dict, x: float, y: float) -> float:
        width = self.span_width(picture["span"])
        self.c.setLineWidth(0.5)
        self.c.rect(x, y - picture["height"], width, picture["height"], stroke=1, fill=0)
        y -= picture["height"] + 4
        for line in picture["caption"]:
            y -= CAPTION * 1.3
            self.w.text(x, y, line.text, CAPTION)
        return y - LEADING * 0.8

    # -- rows --------------------------------------------------------------------
    def set_row(self, stories: list[Story], lead: bool) -> None:
        spans = self.split_spans(stories)
        x = MARGIN_X
        modules = []
        for story, span in zip(stories, spans):
            modules.append(_Module(story, x, span, lead and not modules))
            x += self.span_width(span) + GUTTER
        plans = [self.plan(m) for m in modules]
        heights = [self.head_height(p["head"]) + self.body_height(p, m.span) for m, p in zip(modules, plans)]
        row_h = max(heights)
        room = self.y - MARGIN_BOTTOM
        if row_h > room and (len(modules) > 1 or room < PAGE[1] / 4) and self.y < PAGE[1] - MARGIN_TOP - 20:
            self.start_sheet()
            room = self.y - MARGIN_BOTTOM
        row_h = min(row_h, room)
        top, ran_on = self.y, False
        for module, plan in zip(modules, plans):
            body_h = min(max(self.body_height(plan, module.span), row_h - self.head_height(plan["head"])),
                         room - self.head_height(plan["head"]))
            rest = self.set_module(module, plan, top, body_h)
            if rest:               # only a row of one story is ever too long for a sheet
                self.run_on(rest)
                ran_on = True
        for module in modules[1:]:
            self.c.setLineWidth(0.4)
            self.c.line(module.x - GUTTER / 2, top, module.x - GUTTER / 2, top - row_h)
        if not ran_on:
            self.y -= row_h
        self.y -= LEADING * 0.6
        self.w.rule(MARGIN_X, self.y, PAGE[0] - MARGIN_X, 0.5)
        self.y -= LEADING * 1.2

    def split_spans(self, stories: list[Story]) -> list[int]:
        if len(stories) == 1:
            return [self.columns]
        sizes = [sum(map(len, s.paragraphs)) + 200 for s in stories]
        first = round(self.columns * sizes[0] / sum(sizes))
        first = min(max(first, 1), self.columns - 1)
        return [first, self.columns - first]


def rows_of(stories: list[Story], rng: random.Random) -> list[list[Story]]:
    """Short stories share a row two by two; long ones take the page's width."""
    rows: list[list[Story]] = []
    i = 0
    while i < len(stories):
        short = lambda s: sum(map(len, s.paragraphs)) < 2500  # noqa: E731
        if i + 1 < len(stories) and short(stories[i]) and short(stories[i + 1]) and rng.random() < 0.7:
            rows.append(stories[i:i + 2])
            i += 2
        else:
            rows.append([stories[i]])
            i += 1
    return rows


def typeset_page(stories: list[Story], path: Path, seed: int = 1, columns: int | None = None,
                 furniture: Furniture | None = None) -> Path:
    """Write one newspaper page (one PDF, one or more sheets) and return its path."""
    rng = random.Random(seed)
    columns = columns or rng.choice((4, 5, 6))
    c = canvas.Canvas(str(path), pagesize=PAGE, invariant=1, pageCompression=1)
    c.setTitle(path.stem)
    setter = _PageSetter(c, rng, furniture or Furniture(), columns)
    for n, row in enumerate(rows_of(stories, rng)):
        setter.set_row(row, lead=n == 0)
    c.showPage()
    c.save()
    return path


# -- generated stories for the command line and the benchmark -----------------------
_WORDS = ("发展", "经济", "改革", "创新", "人民", "群众", "企业", "城市", "乡村", "文化", "科技", "生态",
          "建设", "服务", "推动", "加强", "完善", "提升", "保障", "合作", "治理", "教育", "健康", "交通",
          "产业", "市场", "政策", "项目", "社区", "农业", "工程", "数据", "能源", "环境", "安全", "基层")


def _sentence(rng: random.Random) -> str:
    return "".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 14))) + rng.choice("，。。；")


def _paragraph(rng: random.Random) -> str:
    text = "".join(_sentence(rng) for _ in range(rng.randint(2, 6)))
    return text[:-1] + "。"


def generated_story(rng: random.Random, n: int) -> Story:
    title = "".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 7)))
    paragraphs = [_paragraph(rng) for _ in range(rng.randint(3, 12))]
    subheads = {k: "".join(rng.choice(_WORDS) for _ in range(3)) for k in range(2, len(paragraphs), 5)} \
        if rng.random() < 0.3 else {}
    return Story(title=title, paragraphs=paragraphs,
                 kicker="".join(rng.choice(_WORDS) for _ in range(4)) + "——" if rng.random() < 0.3 else None,
                 subtitle="——" + "".join(rng.choice(_WORDS) for _ in range(5)) if rng.random() < 0.3 else None,
                 byline=f"本报记者 {rng.choice('王李张刘陈杨赵黄')}{rng.choice('明华强伟芳静')}" if rng.random() < 0.6 else None,
                 subheads=subheads,
                 caption=("图为" + "".join(rng.choice(_WORDS) for _ in range(6)) + "。") if rng.random() < 0.4 else None)


def generated_page(path: Path, seed: int) -> Path:
    rng = random.Random(seed)
    stories = [generated_story(rng, n) for n in range(rng.randint(3, 7))]
    return typeset_page(stories, path, seed=seed, furniture=Furniture(page=seed % 20 + 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for n in range(args.pages):
        generated_page(args.out / f"page_{n:03d}.pdf", args.seed * 1000 + n)
    print(f"{args.pages} pages in {args.out}")


if __name__ == "__main__":
    main()
