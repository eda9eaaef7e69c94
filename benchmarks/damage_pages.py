"""Make PDF-like damaged pages from clean ones, with gold that still applies.

    python benchmarks/damage_pages.py CORPUS_DIR OUT_DIR [--seed 1] [--style mixed]

CORPUS_DIR holds ``pages/*.txt`` (one paragraph per line, display lines unindented) and
``gold/*.json`` (per-article line ranges and titles, the evaluation corpus format). OUT_DIR
gets ``pages/``, ``gold/`` (title lines and ranges moved to where the damage put them) and
``cuts/`` (every paragraph the damage cut, so an evaluation can count how many were re-joined).

What a page PDF's text extraction does to a page, as the bundled samples show it:

- ``interleave_head``: an article's last paragraph cut mid-sentence by the next article's
  headline block (its last column continues beside the next story's head);
- ``cut_by_furniture``: a paragraph cut mid-sentence by a caption or a page banner;
- ``displace_head``: a headline printed inside its own article's first paragraph;
- ``tail_at_top``: a sentence tail printed at the top of its article;
- a layout style: ``crawl`` (unchanged), ``flat`` (no indents), ``blank`` (no indents, a blank
  line between paragraphs), ``wrapped`` (hard-wrapped lines of 20–25 characters).

Deterministic: the same seed gives the same pages. Headlines and text stay as printed; only
their order and line breaks change, plus the inserted captions and banners (furniture).
"""
from __future__ import annotations

import argparse
import copy
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

STYLES = ("crawl", "flat", "blank", "wrapped")
SENTENCE_PUNCT = set("。！？!?…；;：:，,、”’」』）)》】")
INDENT = "\u3000\u3000"
# Furniture and captions of the simulator's own making (no page's words).
BANNERS = ("第{n}版", "责任编辑：{name}", "本版责编：{name}", "{year}年{month}月{day}日  星期{weekday}",
           "■  ■  ■", "版式设计：{name}")
CAPTIONS = ("图为活动现场。", "图为工作人员在现场检查设备。", "图为当地群众参加活动。",
            "图为新建成的项目一角。", "图为航拍的城区景色。")
NAMES = ("王明", "李华", "张强", "刘洋", "陈静", "赵磊")


@dataclass
class Piece:
    """A run of page text: a head line, a body paragraph, or inserted furniture."""

    text: str
    article: int | None          # gold article index; None for inserted furniture
    head: str | None = None      # kicker / title / subtitle
    blank: bool = False          # a whitespace-only line of the page (picture space)
    continued: bool = False      # the second half of a cut paragraph: printed without an indent


@dataclass
class Page:
    pieces: list[Piece]
    gold: dict
    cuts: list[dict] = field(default_factory=list)


def read_page(text: str, gold: dict, form: str = "pages") -> Page:
    lines = text.split("\n")
    pieces: list[Piece] = []
    for n, article in enumerate(gold["articles"]):
        first, last = article["lines"][form]
        title = article["title_line"][form]
        for number in range(first, last + 1):
            line = lines[number - 1]
            head = None
            if number == title:
                head = "title"
            elif number < title:
                head = "kicker"
            elif number == title + 1 and article.get("subtitle"):
                head = "subtitle"
            pieces.append(Piece(line.strip("\u3000 \u00a0"), n, head, blank=not line.strip("\u3000 \u00a0")))
    return Page(pieces, gold)


def _cut_position(text: str, rng: random.Random, near_end: bool = False) -> int | None:
    """A place inside a sentence (no punctuation on either side), at least 8 characters in."""
    if len(text) < 30:
        return None
    lo, hi = (len(text) * 2 // 3, len(text) - 6) if near_end else (10, len(text) - 10)
    places = [i for i in range(max(lo, 8), hi) if text[i - 1] not in SENTENCE_PUNCT
              and text[i] not in SENTENCE_PUNCT and not text[i - 1].isascii() and not text[i].isascii()]
    return rng.choice(places) if places else None


def _split(page: Page, index: int, at: int, kind: str) -> tuple[Piece, Piece]:
    piece = page.pieces[index]
    left = Piece(piece.text[:at], piece.article, continued=piece.continued)
    right = Piece(piece.text[at:], piece.article, continued=True)
    page.pieces[index:index + 1] = [left, right]
    page.cuts.append({"kind": kind, "article": piece.article, "left": left.text[-8:], "right": right.text[:8]})
    return left, right


def _body(page: Page, article: int) -> list[int]:
    return [i for i, p in enumerate(page.pieces) if p.article == article and p.head is None and not p.blank]


def _head(page: Page, article: int) -> list[int]:
    return [i for i, p in enumerate(page.pieces) if p.article == article and p.head]


def interleave_head(page: Page, article: int, rng: random.Random) -> bool:
    """Article n's head between the halves of article n-1's last paragraph."""
    body = _body(page, article - 1) if article else []
    head = _head(page, article)
    if not body or not head or head[0] < body[-1]:
        return False
    at = _cut_position(page.pieces[body[-1]].text, rng)
    if at is None:
        return False
    heads = [page.pieces[i] for i in head]
    for i in reversed(head):
        del page.pieces[i]
    _split(page, body[-1], at, "interleave_head")
    page.pieces[body[-1] + 1:body[-1] + 1] = heads
    return True


def cut_by_furniture(page: Page, article: int, rng: random.Random) -> bool:
    body = [i for i in _body(page, article) if len(page.pieces[i].text) >= 30]
    if not body:
        return False
    index = rng.choice(body)
    at = _cut_position(page.pieces[index].text, rng)
    if at is None:
        return False
    _split(page, index, at, "cut_by_furniture")
    if rng.random() < 0.5:
        inserted = Piece(rng.choice(CAPTIONS), None, blank=False)
    else:
        inserted = Piece(rng.choice(BANNERS).format(
            n=rng.randint(1, 20), name=rng.choice(NAMES), year=rng.randint(2015, 2025),
            month=rng.randint(1, 12), day=rng.randint(1, 28), weekday=rng.choice("一二三四五六日")), None)
    page.pieces.insert(index + 1, inserted)
    return True


def displace_head(page: Page, article: int, rng: random.Random) -> bool:
    """The head printed inside its article's first paragraph."""
    head, body = _head(page, article), _body(page, article)
    if not head or not body:
        return False
    at = _cut_position(page.pieces[body[0]].text, rng)
    if at is None:
        return False
    heads = [page.pieces[i] for i in head]
    for i in reversed(head):
        del page.pieces[i]
    first = body[0] - len(head)
    _split(page, first, at, "displace_head")
    page.pieces[first + 1:first + 1] = heads
    return True


def tail_at_top(page: Page, article: int, rng: random.Random) -> bool:
    """The end of a later paragraph printed first, above the article's first paragraph."""
    body = _body(page, article)
    if len(body) < 3:
        return False
    index = rng.choice(body[1:])
    at = _cut_position(page.pieces[index].text, rng, near_end=True)
    if at is None:
        return False
    _, tail = _split(page, index, at, "tail_at_top")
    page.pieces.remove(tail)
    page.pieces.insert(_body(page, article)[0], tail)
    return True


DAMAGES = (interleave_head, cut_by_furniture, displace_head, tail_at_top)
RATES = {"interleave_head": 0.3, "cut_by_furniture": 0.2, "displace_head": 0.1, "tail_at_top": 0.1}


def damage(page: Page, rng: random.Random) -> None:
    for article in range(len(page.gold["articles"])):
        for kind in rng.sample(DAMAGES, len(DAMAGES)):
            if rng.random() < RATES[kind.__name__] and kind(page, article, rng):
                break  # one damage per article keeps every cut recoverable in principle


def _wrap(text: str, width: int, indent: bool) -> list[str]:
    first = INDENT + text if indent else text
    return [first[i:i + width] for i in range(0, len(first), width)] or [""]


def render(page: Page, style: str, rng: random.Random) -> tuple[str, dict]:
    """The page text in a layout style, and its gold with the new line numbers."""
    width, indent_first = rng.randint(20, 25), rng.random() < 0.5
    out: list[str] = []
    starts: dict[int, int] = {}
    titles: dict[int, int] = {}
    ends: dict[int, int] = {}
    for piece in page.pieces:
        if piece.blank:
            lines = [INDENT if style == "crawl" else ""]
        elif piece.head or piece.article is None:
            lines = _wrap(piece.text, width * 3, False) if style == "wrapped" else [piece.text]
        elif style == "crawl":
            lines = [piece.text if piece.continued else INDENT + piece.text]
        elif style == "wrapped":
            lines = _wrap(piece.text, width, indent_first and not piece.continued)
        else:
            lines = [piece.text]
        if style == "blank" and out and out[-1] != "":
            out.append("")
        if piece.article is not None:
            starts.setdefault(piece.article, len(out) + 1)
            if piece.head == "title":
                titles[piece.article] = len(out) + 1
            ends[piece.article] = len(out) + len(lines)
        out += lines
    gold = copy.deepcopy(page.gold)
    for n, article in enumerate(gold["articles"]):
        article["title_line"] = {"pages": titles.get(n, starts.get(n, 1))}
        article["lines"] = {"pages": [starts.get(n, 1), ends.get(n, 1)]}
    gold["damage"] = {"style": style, "cuts": len(page.cuts)}
    return "\n".join(out) + "\n", gold


def damage_corpus(corpus: Path, out: Path, seed: int, style: str = "mixed", content: bool = True) -> int:
    """Write damaged pages, gold and cuts for every page of the corpus; returns the page count."""
    for sub in ("pages", "gold", "cuts"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    golds = sorted((corpus / "gold").glob("*.json"))
    for n, gold_path in enumerate(golds):
        gold = json.loads(gold_path.read_text("utf-8"))
        rng = random.Random(f"{seed}:{gold['file']}")
        page = read_page((corpus / "pages" / gold["file"]).read_text("utf-8"), gold)
        if content:
            damage(page, rng)
        page_style = STYLES[(n + seed) % len(STYLES)] if style == "mixed" else style
        text, new_gold = render(page, page_style, rng)
        (out / "pages" / gold["file"]).write_text(text, "utf-8")
        (out / "gold" / gold_path.name).write_text(json.dumps(new_gold, ensure_ascii=False, indent=1), "utf-8")
        (out / "cuts" / gold_path.name).write_text(json.dumps(page.cuts, ensure_ascii=False, indent=1), "utf-8")
    return len(golds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--style", choices=STYLES + ("mixed",), default="mixed",
                        help="layout style of every page (default: the four in turn)")
    parser.add_argument("--layout-only", action="store_true", help="change the layout style only, no cuts")
    args = parser.parse_args()
    if not (args.corpus / "gold").is_dir():
        print(f"{args.corpus}: no gold/ folder", file=sys.stderr)
        return 2
    count = damage_corpus(args.corpus, args.out, args.seed, args.style, content=not args.layout_only)
    print(f"{count} damaged pages in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
