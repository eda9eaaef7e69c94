"""Pagefind's word index cut into smaller chunks.

Pagefind 1.5 cuts a bundle's word index (``index/*.pf_index``: words in order, each with the
pages and positions it is found at) into chunks of about 20,000 pages and positions, ~20 KB
gzip in English, and the search box fetches one chunk per word of a query: a headline of
eight words cost 160 KB. ``rechunk`` joins a bundle's chunks and cuts them again at about
``TARGET`` bytes, so a word of a query fetches a few KB, and returns them with the
ranges to list in the ``pf_meta`` (``boundaries``). A word is never split, nor are the words
that begin with one Han character: the box searches one character as a prefix (search.js),
and Pagefind fetches only the chunks whose range holds the term.

The chunks are CBOR (pagefind_files): [[word, [[page, [positions], [meta positions]], …],
[…]], …]. The words are cut at their byte boundaries, found by a regular expression over a
word's pages (small integers and arrays of them), without decoding the positions: decoding
and re-encoding them in Python took seconds a language.
"""
from __future__ import annotations

import re

from .search_tokens import HAN

TARGET = 8000           # bytes of CBOR per chunk before gzip (~3 KB gzip'd)
# English: half that (~1.7 KB gzip'd). An English query of many words costs a chunk per word
# and shard searched (a headline of 12 words: 24 chunks in the first search's two week
# shards), while the Chinese pairs of a query often share a chunk. Measured on a generated
# month's week shards: a long headline's chunks 25 % smaller, a one-word query's too, the
# longer chunk list adding ~1 KB to a week's pf_meta (at 3,000 bytes the pf_meta grew more
# than a one-word query saved).
TARGETS = {"en": 4000}


def target_of(language: str) -> int:
    """The chunk size for a bundle of ``language`` (Pagefind's code: "en", "und")."""
    return TARGETS.get(language, TARGET)
_IS_HAN = re.compile(f"[{HAN}]")
_INT = rb"(?:[\x00-\x17\x20-\x37]|[\x18\x38][\x00-\xff]|[\x19\x39][\x00-\xff]{2}|[\x1a\x3a][\x00-\xff]{4})"
_ARRAY = rb"(?:[\x80-\x97]|\x98[\x00-\xff]|\x99[\x00-\xff]{2}|\x9a[\x00-\xff]{4})"
_PAGES = re.compile(rb"(?:\x83" + _INT + _ARRAY + _INT + rb"*" + _ARRAY + _INT + rb"*)*")


def _head(b: bytes, i: int) -> tuple[int, int, int]:
    """(major type, argument, index after the head) of the CBOR item at ``i``."""
    major, info = b[i] >> 5, b[i] & 31
    if info < 24:
        return major, info, i + 1
    size = 1 << (info - 24)
    return major, int.from_bytes(b[i + 1:i + 1 + size], "big"), i + 1 + size


def _skip(b: bytes, i: int) -> int:
    """The index after the CBOR item at ``i`` (definite lengths: what Pagefind writes)."""
    major, n, i = _head(b, i)
    if major in (2, 3):
        return i + n
    if major == 4:
        for _ in range(n):
            i = _skip(b, i)
    elif major == 5:
        for _ in range(2 * n):
            i = _skip(b, i)
    return i


def words(chunk: bytes) -> list[tuple[str, bytes]]:
    """(word, its CBOR bytes) of each word of one decompressed chunk (after the signature)."""
    major, count, i = _head(chunk, 0)
    if major != 4 or count != 1:
        raise ValueError("not a Pagefind word index")
    major, count, i = _head(chunk, i)
    out = []
    for _ in range(count):
        start = i
        if chunk[i] != 0x83:
            raise ValueError(f"not a Pagefind word at byte {i}")
        _, size, i = _head(chunk, i + 1)
        word = chunk[i:i + size].decode("utf-8")
        _, _, i = _head(chunk, i + size)            # the pages' array
        i = _PAGES.match(chunk, i).end()
        i = _skip(chunk, i)                          # what follows the pages (an array)
        out.append((word, chunk[start:i]))
    if i != len(chunk):
        raise ValueError("a Pagefind word index with bytes after its words")
    return out


def may_cut(before: str, after: str) -> bool:
    """Whether a chunk may end between two neighbouring words: not inside the words of one
    leading Han character, which a one-character query must find together."""
    return not (before[:1] == after[:1] and _IS_HAN.match(after[:1]))


def groups(items: list[tuple[str, bytes]]) -> list[list[tuple[str, bytes]]]:
    """Runs of neighbouring words that stay in one chunk (may_cut)."""
    out: list[list] = []
    for item in items:
        if out and not may_cut(out[-1][-1][0], item[0]):
            out[-1].append(item)
        else:
            out.append([item])
    return out


def cut(items: list[tuple[str, bytes]], target: int = TARGET) -> list[list[tuple[str, bytes]]]:
    """Words (in index order) cut into chunks of at most ``target`` bytes, unless one word
    or group is larger."""
    chunks: list[list] = []
    size = 0
    for group in groups(items):
        n = sum(len(b) for _, b in group)
        if chunks and size + n <= target:
            chunks[-1] += group
            size += n
        else:
            chunks.append(list(group))
            size = n
    return chunks


def boundaries(chunks: list[list[str]]) -> list[tuple[str, str]]:
    """(from, to) of each chunk (its words), the ranges Pagefind fetches a chunk for: from
    the shortest prefix of its first word that sorts after the previous chunk's last word
    (as Pagefind writes it), to the next chunk's start (the last chunk: to its last word).
    Pagefind 1.5 fetches the chunks whose range holds a term of the query and each stem of
    it; a term in no range (Pagefind's own ends are prefixes of the last words: "shaping"
    between "shape" and "shar") makes it fetch every chunk its prefix touches, such as the
    large one of "s". Ranges that meet leave no term outside."""
    starts = [chunks[0][0]]
    for before, after in zip(chunks, chunks[1:]):
        a, b = before[-1], after[0]
        common = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        starts.append(b[:common + 1])
    return list(zip(starts, starts[1:] + [chunks[-1][-1]]))


def _array_head(n: int) -> bytes:
    for info, size in ((None, 0), (24, 1), (25, 2), (26, 4)):
        if info is None and n < 24:
            return bytes([0x80 | n])
        if info is not None and n < 1 << (8 * size):
            return bytes([0x80 | info]) + n.to_bytes(size, "big")
    raise ValueError(f"CBOR: {n} words")


def rechunk(chunks: list[bytes], target: int = TARGET) -> list[tuple[str, str, bytes]]:
    """(from, to, CBOR) of each new chunk, from the decompressed chunks of one word index in order."""
    items = [item for chunk in chunks for item in words(chunk)]
    cuts = cut(items, target)
    bounds = boundaries([[w for w, _ in c] for c in cuts])
    return [(first, last, b"\x81" + _array_head(len(c)) + b"".join(b for _, b in c))
            for (first, last), c in zip(bounds, cuts)]
