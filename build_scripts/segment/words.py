"""Chinese word knowledge for the few repairs that need it (jieba's dictionary, loaded lazily)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, int]:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt.FREQ


def is_word(text: str) -> bool:
    return _dictionary().get(text, 0) > 0


def word_across(left: str, right: str, window: int = 6) -> str | None:
    """The word that a break between ``left`` and ``right`` falls inside, if jieba reads
    the joined text that way (``…共同`` + ``体意识…`` → 共同体; ``…加大`` + ``国家…`` → none)."""
    import jieba

    _dictionary()
    head, tail = left[-window:], right[:window]
    position = 0
    for word in jieba.cut(head + tail, HMM=False):
        if position < len(head) < position + len(word):
            return word
        position += len(word)
    return None


def doubled_across(left: str, right: str) -> bool:
    """``…专利`` + ``利12项…``: the extractor repeated one character across a break."""
    if not left or not right or left[-1] != right[0] or not "\u4e00" <= right[0] <= "\u9fff":
        return False
    return is_word(left[-2:]) and not is_word(left[-1] * 2)
