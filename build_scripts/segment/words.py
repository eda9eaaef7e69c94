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
