"""The words the search index holds, made by us so that the index and the search box cut text
the same way (Pagefind is given space-separated tokens and a language it does not segment).

Chinese: every run of Han characters becomes its overlapping character pairs, then its last
character alone (今年以来 → 今年 年以 以来 来), as CJK analyzers do: a query of two or more
characters is the phrase of its pairs (found only where the characters stand in that order),
one character is found as a prefix of the pairs. Everything else is cut into words (letters
and digits) and punctuation (Beijing-Tianjin → Beijing - Tianjin, glued), so a word is one
token whatever is printed around it. overrides/assets/search.js does the
same to the query (``queryParts``); tests/test_search_tokens.py checks both agree.

English bodies are indexed as written (Pagefind's English stemming); each British or
American spelling in them is indexed with its counterpart (build_scripts/data/spelling_en.txt).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from operator import add
from pathlib import Path

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CHUNK = re.compile(f"[{HAN}]+|[^\\s{HAN}]+")
_IS_HAN = re.compile(f"[{HAN}]")
_WORD = re.compile(r"[^\W_]")
_PIECE = re.compile(r"[^\W_]+|[\W_]+")
BLOCK_END = "\u00b6"      # ends each indexed block (Pagefind adds "." after a block ending in a letter)
TAIL = "\u241e"
GLUE = "\u2060"           # between two tokens printed without a space between them (Beijing-Tianjin)           # after it: tokens for finding only (English spelling counterparts)
SPELLING_FILE = Path(__file__).resolve().parent.parent / "data" / "spelling_en.txt"


def han_tokens(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [*map(add, run, run[1:]), run[-1]]


def tokens(text: str) -> list[str]:
    """Index tokens of a text: Han runs as pairs + last character; other text cut into words
    (letters and digits, NFKC) and punctuation, with GLUE between pieces that touched."""
    out: list[str] = []
    for chunk in _CHUNK.findall(text):
        if _IS_HAN.match(chunk):
            if len(chunk) > 1:
                out += map(add, chunk, chunk[1:])
            out.append(chunk[-1])
        elif chunk.isalnum():            # one word (str.isalnum is re's [^\W_])
            out.append(chunk if chunk.isascii() else unicodedata.normalize("NFKC", chunk))
        else:
            for i, piece in enumerate(_PIECE.findall(chunk)):
                if i:
                    out.append(GLUE)
                out.append(unicodedata.normalize("NFKC", piece) if _WORD.match(piece) else piece)
    return out


@lru_cache(maxsize=1)
def spelling_pairs() -> dict[str, str]:
    """British ↔ American spellings, both ways (lower case)."""
    pairs: dict[str, str] = {}
    for line in SPELLING_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        british, american = line.split()
        pairs.setdefault(british, american)
        pairs.setdefault(american, british)
    return pairs


def spelling_counterparts(text: str) -> list[str]:
    """The other spelling of every word of ``text`` that has one, each once, in text order."""
    pairs = spelling_pairs()
    seen: dict[str, None] = {}
    for word in re.findall(r"[a-z]+", text.lower()):
        other = pairs.get(word)
        if other:
            seen.setdefault(other, None)
    return list(seen)
