"""Author slugs: the one place that decides each author's page URL (authors/<slug>/).

A slug is the pinyin of the zh-Hans name; names that romanise alike (张伟, 张薇) must
still get distinct pages, so ``author_slugs`` assigns the slugs of the whole catalog
at once: colliding names are taken in code point order of the names, the first keeps
the plain slug, the next get ``-2``, ``-3``. The result depends only on the set of
names, so every language (and the article bylines, hooks.py) agrees on it.

staging.py writes the zh-Hans catalog's slugs to ``SLUGS_FILE`` beside the language
dirs; hooks.py reads them from there rather than computing them again per build.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from ..docfile import write_if_changed

SLUGS_FILE = "author-slugs.json"

# name → pinyin slug: pinyin costs ~1 ms a name plus ~1 s to import pypinyin; staging.py
# keeps the slugs of the last run (``remember_slugs``) so a re-stage need not import it.
_PINYIN: dict[str, str] = {}


def author_slug(name: str) -> str:
    """The plain slug of one name, before collisions are resolved (``author_slugs``)."""
    slug = _PINYIN.get(name)
    if slug is None:
        slug = _PINYIN[name] = _pinyin_slug(name)
    return slug


def remember_slugs(slugs: dict[str, str]) -> None:
    """Plain slugs computed by an earlier run (with the same pypinyin: the caller checks)."""
    _PINYIN.update(slugs)


def _pinyin_slug(name: str) -> str:
    try:
        from pypinyin import lazy_pinyin
        words = lazy_pinyin(name)
    except ImportError:  # pragma: no cover - pypinyin is a dependency
        words = [name]
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-")
    return slug or "author"


def author_slugs(names: Iterable[str]) -> dict[str, str]:
    """name → slug for every author of the catalog, no two names sharing a slug."""
    taken: set[str] = set()
    out: dict[str, str] = {}
    for name in sorted(set(names), key=lambda n: (author_slug(n), n)):
        base = slug = author_slug(name)
        n = 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        out[name] = slug
    return out


def save(staging: Path, slugs: dict[str, str]) -> None:
    write_if_changed(staging / SLUGS_FILE, json.dumps(slugs, ensure_ascii=False, sort_keys=True))


def load(staging: Path) -> dict[str, str]:
    """The slugs staging saved; empty if it saved none (hooks.py then falls back to the plain slug)."""
    path = staging / SLUGS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
