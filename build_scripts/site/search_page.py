"""The page Pagefind indexes for an article: not the built HTML but its staged text, as our
tokens (search_tokens.py), with the metadata, filters and sort key the search box shows.

Metadata: the title as printed (its words are the article's own) and the rest in hex (info_value).
Blocks, in order: title (weight 10), kicker and subtitle (weight 5), body paragraphs and
subheads, captions, authors; each ends with BLOCK_END. After TAIL: tokens for finding only,
never shown (English: the spelling counterparts). The box rebuilds an excerpt from the
indexed text (search.js: blocksOf).

One index serves both Chinese scripts: the zh-Hant box searches the zh-Hans bundles
(search.py SEARCHED_IN) with the query converted to Simplified (opencc-js t→cn, as OpenCC
t2s). A zh-Hans page carries its zh-Hant article (hant_view): after TAIL the Han runs of
the zh-Hant text, simplified (t2s), that the zh-Hans text does not hold (s2tw prints 着 as
著, whose t2s is 著; s2twp swaps words), so a Traditional query finds what it found in
the zh-Hant text; and in meta ``hant`` how to show the article in Traditional: its
Simplified→Traditional character pairs, the Han runs those pairs do not turn into the
printed zh-Hant text (whole, as printed) and the zh-Hant title when the two do not make it.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from html import escape

from ..variants.convert import convert_joined
from .search_text import SearchArticle
from .search_tokens import BLOCK_END, HAN, TAIL, spelling_counterparts, tokens

_HAN_RUN = re.compile(f"[{HAN}]+")


@lru_cache(maxsize=1)
def _t2s():
    """One converter a process: making one reads OpenCC's dictionaries (3 ms, every page)."""
    import opencc
    return opencc.OpenCC("t2s")


def simplified(texts: list[str]) -> list[str]:
    """zh-Hant texts → Simplified (OpenCC t2s: the script only, as the search box converts a query
    with opencc-js t→cn; never tw2sp, whose Taiwan→mainland vocabulary turns 執行 into 运行),
    in one conversion where it can be (convert_joined)."""
    convert = _t2s().convert
    return convert_joined(convert, texts) or [convert(t) for t in texts]


def _block(text: str, weight: int | None = None) -> str:
    attr = f' data-pagefind-weight="{weight}"' if weight else ""
    return f"<p{attr}>{escape(' '.join(tokens(text)))} {BLOCK_END}</p>"


def _meta(name: str, value: str, kind: str = "meta") -> str:
    """A Pagefind meta, filter or sort value, from an attribute: element text would be indexed."""
    return f'<span data-pagefind-{kind}="{name}[data-value]" data-value="{escape(value)}"></span>' if value else ""


def page_label(art: SearchArticle) -> str:
    """The 版面 filter value and the page shown in a result: "01 要闻"."""
    return label_of_page(art.page, art.page_name)


def label_of_page(page, page_name: str) -> str:
    if page is None:
        return page_name
    return f"{int(page):02d} {page_name}".strip()


def info_value(art: SearchArticle) -> str:
    """Date, paper and page as one meta value in hex (search.js: infoOf). Pagefind 1.5 also
    finds pages by their metadata: as plain words, "要闻" or "Daily" would find every article
    of that page or paper."""
    return "0x" + json.dumps([art.date, art.publication, page_label(art)], ensure_ascii=False).encode().hex()


def _texts(art: SearchArticle) -> tuple[list[str], list[int | None]]:
    """The indexed texts of an article, in block order, and the weight of each."""
    heads = [h for h in (art.kicker, art.subtitle) if h]
    texts = [art.title, *heads, *art.paragraphs, *art.captions] + ([" ".join(art.authors)] if art.authors else [])
    return texts, [10] + [5] * len(heads) + [None] * (len(texts) - 1 - len(heads))


@lru_cache(maxsize=1)
def base_pairs() -> dict[str, str]:
    """Simplified → Traditional of each CJK character on its own (OpenCC s2tw), the ones that
    change: the table the zh-Hant box gets once (search.py writes it into its shards.json),
    so a page lists only where its zh-Hant text prints a character otherwise."""
    import opencc
    chars = [chr(c) for r in (range(0x3400, 0x4DC0), range(0x4E00, 0xA000)) for c in r]
    out = opencc.OpenCC("s2tw").convert("\n".join(chars)).split("\n")
    return {s: t for s, t in zip(chars, out) if s != t and len(t) == 1}


def to_traditional(text: str, pairs: dict[str, str], runs: dict[str, str]) -> str:
    """A zh-Hans text as the zh-Hant box shows it (search.js: toTraditional): each Han run as
    listed in ``runs``, else character by character through the page's ``pairs``, else
    base_pairs."""
    base = base_pairs()
    return _HAN_RUN.sub(lambda m: runs.get(m[0]) or "".join(pairs.get(c) or base.get(c, c) for c in m[0]), text)


def hant_view(texts: list[str], hant: SearchArticle) -> tuple[str, str]:
    """What a zh-Hans page (``texts``: its indexed texts) carries of its zh-Hant article: the
    blocks after TAIL (the simplified zh-Hant runs the zh-Hans text lacks, at their weights)
    and the meta ``hant`` value (JSON, unindexed): the character pairs where the zh-Hant text
    prints a character otherwise than base_pairs, the runs those do not make as printed
    (whole), and the zh-Hant title when those do not make it, else ""."""
    theirs, weights = _texts(hant)
    base = base_pairs()
    count: dict[str, dict[str, int]] = {}
    aligned = len(theirs) == len(texts)
    for ours, printed in zip(texts, theirs) if aligned else ():
        if len(ours) == len(printed):
            for s, t in zip(ours, printed):
                if s != t or s in base:
                    seen = count.setdefault(s, {})
                    seen[t] = seen.get(t, 0) + 1
    pairs = {s: t for s, ts in count.items()            # the commonest; the first of a tie
             if (t := max(ts, key=ts.get)) != base.get(s, s)}
    runs: dict[str, str] = {}
    for ours, printed in zip(texts, theirs) if aligned else ():
        mine, print_runs = _HAN_RUN.findall(ours), _HAN_RUN.findall(printed)
        if len(mine) == len(print_runs):
            for s, t in zip(mine, print_runs):
                if s not in runs and to_traditional(s, pairs, {}) != t:
                    runs[s] = t
    title = hant.title if to_traditional(texts[0] if texts else "", pairs, runs) != hant.title else ""
    known = {chunk for text in texts for chunk in _HAN_RUN.findall(text)}
    extra: dict[int | None, dict[str, None]] = {}
    for text, weight in zip(simplified(theirs), weights):
        for chunk in _HAN_RUN.findall(text):
            if chunk not in known:
                extra.setdefault(weight, {})[chunk] = None
    blocks = "".join(_block(" ".join(chunks), weight) for weight, chunks in extra.items())
    value = json.dumps(["".join(s + t for s, t in sorted(pairs.items())), runs, title],
                       ensure_ascii=False, separators=(",", ":"))
    return (f"<p>{TAIL}</p>" + blocks if blocks else ""), unindexed(value)


def unindexed(text: str) -> str:
    """A meta value Pagefind stores but does not index (search.js: fromUnindexed): each UTF-8
    byte as a Braille pattern (U+2800 + byte), no letter or digit, so no word of the index;
    Pagefind 1.5 indexes metadata, and a value in hex would be a long word a page."""
    return "".join(chr(0x2800 + b) for b in text.encode())


def search_page(art: SearchArticle, lang: str, hant: SearchArticle | None = None) -> str:
    """The page of an article of ``lang``; ``hant``: a zh-Hans article's zh-Hant version (hant_view)."""
    texts, weights = _texts(art)
    blocks = [_block(text, weight) for text, weight in zip(texts, weights)]
    if lang == "en":
        blocks.append(f"<p>{TAIL} {escape(' '.join(spelling_counterparts(art.text())))}</p>")
    metas = [_meta("title", art.title), _meta("info", info_value(art))]
    if hant is not None:
        tail, value = hant_view(texts, hant)
        blocks.append(tail)
        metas.append(_meta("hant", value))
    year = art.date[:4]
    metas += [_meta("year", year, "filter"), _meta("page", page_label(art), "filter"),
              _meta("date", art.date, "sort")]
    return ("<!doctype html><html><head><meta charset=\"utf-8\"></head><body><main data-pagefind-body>"
            + "".join(metas) + "".join(blocks) + "</main></body></html>\n")
