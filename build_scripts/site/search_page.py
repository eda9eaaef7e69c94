"""The page Pagefind indexes for an article: not the built HTML but its staged text, as our
tokens (search_tokens.py), with the metadata, filters and sort key the search box shows.

Metadata: the title as printed (its words are the article's own) and the rest in hex (info_value).
Blocks, in order: title (weight 10), kicker and subtitle (weight 5), body paragraphs and
subheads, captions, authors; each ends with BLOCK_END. After TAIL (English only): the
spelling counterparts (found, never shown). The box rebuilds an excerpt from the
indexed text (search.js: blocksOf). zh-Hant text is indexed in Simplified (the box converts a
Traditional query with opencc-js), with the page's Simplified→Traditional character pairs
(meta ``s2t``) to show excerpts as printed; titles are kept as printed (meta ``title``).
"""
from __future__ import annotations

import json
from functools import lru_cache
from html import escape

from ..variants.convert import convert_joined
from .search_text import SearchArticle
from .search_tokens import BLOCK_END, TAIL, spelling_counterparts, tokens


@lru_cache(maxsize=1)
def _t2s():
    """One converter a process: making one reads OpenCC's dictionaries (3 ms, every page)."""
    import opencc
    return opencc.OpenCC("t2s")


class Simplifier:
    """zh-Hant text → Simplified (OpenCC t2s: the script only, as the search box converts a query
    with opencc-js t→cn; never tw2sp, whose Taiwan→mainland vocabulary turns 執行 into 运行),
    character for character, recording the character pairs it changed."""

    def __init__(self):
        self.cc = _t2s()
        self.pairs: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        simple = self.cc.convert(text)
        if len(simple) != len(text):     # a phrase changed length: keep characters aligned
            simple = "".join(self.cc.convert(c) for c in text)
        self._pair(simple, text)
        return simple

    def _pair(self, simple: str, text: str) -> None:
        for s, t in dict.fromkeys(zip(simple, text)):      # each pair once, in text order
            if s != t and not s.isspace():
                self.pairs.setdefault(s, t)

    def every(self, texts: list[str]) -> list[str]:
        """``[self(t) for t in texts]`` in one conversion where it can be (convert_joined, and
        every text keeps its length)."""
        simple = convert_joined(self.cc.convert, texts)
        if simple is None or any(len(s) != len(t) for s, t in zip(simple, texts)):
            return [self(t) for t in texts]
        for s, t in zip(simple, texts):
            self._pair(s, t)
        return simple

    def pair_text(self) -> str:
        return "".join(s + t for s, t in sorted(self.pairs.items()))


def _block(text: str, weight: int | None = None) -> str:
    attr = f' data-pagefind-weight="{weight}"' if weight else ""
    return f"<p{attr}>{escape(' '.join(tokens(text)))} {BLOCK_END}</p>"


def _meta(name: str, value: str, kind: str = "meta") -> str:
    """A Pagefind meta, filter or sort value, from an attribute: element text would be indexed."""
    return f'<span data-pagefind-{kind}="{name}[data-value]" data-value="{escape(value)}"></span>' if value else ""


def page_label(art: SearchArticle) -> str:
    """The 版面 filter value and the page shown in a result: "01 要闻"."""
    if art.page is None:
        return art.page_name
    return f"{int(art.page):02d} {art.page_name}".strip()


def info_value(art: SearchArticle) -> str:
    """Date, paper and page as one meta value in hex (search.js: infoOf). Pagefind 1.5 also
    finds pages by their metadata: as plain words, "要闻" or "Daily" would find every article
    of that page or paper."""
    return "0x" + json.dumps([art.date, art.publication, page_label(art)], ensure_ascii=False).encode().hex()


def search_page(art: SearchArticle, lang: str) -> str:
    heads = [h for h in (art.kicker, art.subtitle) if h]
    texts = [art.title, *heads, *art.paragraphs, *art.captions] + ([" ".join(art.authors)] if art.authors else [])
    simplify = Simplifier() if lang == "zh-Hant" else None
    if simplify:
        texts = simplify.every(texts)
    weights = [10] + [5] * len(heads)
    blocks = [_block(text, weights[i] if i < len(weights) else None) for i, text in enumerate(texts)]
    if lang == "en":
        blocks.append(f"<p>{TAIL} {escape(' '.join(spelling_counterparts(art.text())))}</p>")
    metas = [_meta("title", art.title), _meta("info", info_value(art))]
    if simplify and simplify.pairs:
        metas.append(_meta("s2t", simplify.pair_text()))
    year = art.date[:4]
    metas += [_meta("year", year, "filter"), _meta("page", page_label(art), "filter"),
              _meta("date", art.date, "sort")]
    return ("<!doctype html><html><head><meta charset=\"utf-8\"></head><body><main data-pagefind-body>"
            + "".join(metas) + "".join(blocks) + "</main></body></html>\n")
