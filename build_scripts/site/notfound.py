"""The article lists the 404 page suggests from (overrides/404.html, assets/notfound.js).

GitHub Pages answers a missing path with the root 404.html; when the path names a day
(``…/2025/12/15/…``, an old layout's or a mistyped one) the page fetches that day's list,
``<lang root>/na-articles/2025-12-15.json``: ``[[url, title], …]``, URLs relative to the
language's root. One small file a day (a daily paper's day is some tens of articles), so a
404 downloads a few kilobytes, never the whole archive; undated articles share
``undated.json``.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from .. import paths
from ..atomic import write_if_changed
from . import catalog, views
from .indexes import url_of
from .labels import LANGS, PREFIX

FOLDER = "na-articles"


def list_name(rel: str) -> str | None:
    """The list an article's docs path belongs in: its day, or "undated"."""
    if paths.is_undated(rel):
        return "undated"
    return paths.day_of(rel)


def _from_views(staging: Path, lang: str):
    """(rel, title) of every article, from the views staging kept (a whole language's pickle)."""
    for rel, view in views.load(staging, lang).items():
        if "permalink" in view:                     # an article
            yield rel, str(view.get("title") or "")


def _from_catalog(entries: list[catalog.Entry], staged: set[str]):
    """(rel, title) of every staged article, from the catalog (what the feeds are made from: no
    views pickle read); ``staged``: the language's staged page URLs (outputs.staged_pages)."""
    for entry in entries:
        rel = str(entry.rel)
        if url_of(rel) in staged:
            yield rel, entry.title                  # an article view's title (views.article_view)


def article_lists(staging: Path, entries: dict[str, list[catalog.Entry]] | None = None,
                  pages: dict[str, set[str]] | None = None,
                  titles: dict[str, list[tuple[str, str]]] | None = None) -> dict[str, str]:
    """site-relative path → JSON text of every list: from each language's (rel, title) of its
    staged articles (``titles``: what staging listed, staging.Listed), or its catalog
    ``entries`` and staged ``pages``, else from the views staging kept."""
    files = {}
    for lang in LANGS:
        lists: dict[str, list[list[str]]] = defaultdict(list)
        if titles is not None:
            found = titles[lang]
        elif entries is not None and pages is not None:
            found = _from_catalog(entries[lang], pages[lang])
        else:
            found = _from_views(staging, lang)
        for rel, title in found:
            if name := list_name(rel):
                lists[name].append([url_of(rel), title])
        for name, items in lists.items():
            files[f"{PREFIX[lang]}{FOLDER}/{name}.json"] = json.dumps(sorted(items), ensure_ascii=False,
                                                                      separators=(",", ":"))
    return files


def write_article_lists(site: Path, staging: Path, entries: dict[str, list[catalog.Entry]] | None = None,
                        pages: dict[str, set[str]] | None = None,
                        titles: dict[str, list[tuple[str, str]]] | None = None) -> None:
    """Write the lists into site/ (only those that changed) and remove those of days gone."""
    files = article_lists(staging, entries, pages, titles)
    for rel, text in files.items():
        write_if_changed(site / rel, text, sync=False)   # site/ is output: rebuilt if lost
    for lang in LANGS:
        for old in (site / PREFIX[lang] / FOLDER).glob("*.json"):
            if f"{PREFIX[lang]}{FOLDER}/{old.name}" not in files:
                old.unlink()
