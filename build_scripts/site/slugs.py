"""Author slugs: the one place that decides each author's page URL (authors/<slug>/).

A slug is the pinyin of the zh-Hans name; names that romanise alike (张伟, 张薇) must
still get distinct pages, so ``author_slugs`` assigns the slugs of the whole catalog
at once: colliding names are taken in code point order of the names, the first keeps
the plain slug, the next get ``-2``, ``-3``. The result depends only on the set of
names, so every language, and the article bylines, agree on it.

indexes.py names the author pages with them, views.py the byline links.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

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


def author_slugs(names: Iterable[str], extra: Iterable[str] = ()) -> dict[str, str]:
    """name → slug for every zh-Hans author name of the catalog (``names``), no two names
    sharing a slug; then ``extra`` names (a translation's own, where it has no zh-Hans
    original) get slugs still free, so they never move a zh-Hans name's slug."""
    taken: set[str] = set()
    out: dict[str, str] = {}
    names = set(names)
    for group in (names, set(extra) - names):
        for name in sorted(group, key=lambda n: (author_slug(n), n)):
            base = slug = author_slug(name)
            n = 2
            while slug in taken:
                slug, n = f"{base}-{n}", n + 1
            taken.add(slug)
            out[name] = slug
    return out
