"""Each language's RSS feed (``feed.xml`` at the language's root), made from the whole catalog.

The feed lists the newest articles of the archive, whatever a build rendered: a dirty
MkDocs build renders only the changed pages, and a feed made from those (or from a
cache of an earlier build's items) loses the others. So it is written after the MkDocs
builds, from every article's front matter and description (the staging step's catalog
cache makes that cheap).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from feedgenerator import Rss201rev2Feed

from ..atomic import write_if_changed
from . import catalog
from .indexes import url_of
from .labels import LABELS, LANGS, PREFIX

FEED_FILE = "feed.xml"
FEED_ITEMS = 50
NO_DATE = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


class _Feed(Rss201rev2Feed):
    """feedgenerator's RSS 2.0 with a build date taken from the items only: with no dated
    item it would print the clock, and two builds of one archive must give one feed."""

    def latest_post_date(self):
        dates = [item["pubdate"] for item in self.items if item.get("pubdate")]
        return max(dates, default=NO_DATE)


def newest_first(entries: list[catalog.Entry]) -> list[catalog.Entry]:
    """Newest issue first; within an issue by page and position on the page (undated last)."""
    by_place = sorted(entries, key=lambda e: (e.page or 0, e.order, str(e.rel)))
    return sorted(by_place, key=lambda e: e.date or dt.date.min, reverse=True)


def newest(entries: list[catalog.Entry], n: int) -> list[catalog.Entry]:
    """``newest_first(entries)[:n]`` without sorting the whole catalog: only the articles of
    the newest days that hold n of them are sorted (a year is 22k articles, a feed 50)."""
    per_day: dict[dt.date, int] = {}
    for e in entries:
        day = e.date or dt.date.min
        per_day[day] = per_day.get(day, 0) + 1
    cutoff, held = dt.date.min, 0
    for day in sorted(per_day, reverse=True):
        cutoff, held = day, held + per_day[day]
        if held >= n:
            break
    return newest_first([e for e in entries if (e.date or dt.date.min) >= cutoff])[:n]


def _pubdate(day: dt.date | None) -> dt.datetime | None:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc) if day else None


def feed_xml(lang: str, entries: list[catalog.Entry], root_url: str) -> str:
    """The RSS feed of one language: its ``FEED_ITEMS`` newest articles of ``entries``."""
    site_url = root_url + PREFIX[lang]
    title = LABELS[lang]["site_name"]
    feed = _Feed(title=title, link=site_url, description=title, language=lang,
                 feed_url=site_url + FEED_FILE)
    for entry in newest(entries, FEED_ITEMS):
        url = site_url + url_of(str(entry.rel))
        feed.add_item(title=entry.title, link=url, unique_id=url, unique_id_is_permalink=True,
                      description=entry.description, pubdate=_pubdate(entry.date),
                      author_name=", ".join(entry.authors) or None)   # <dc:creator>: RSS <author> wants an email
    return feed.writeString("utf-8")


def catalog_entries(docs: Path, staging: Path) -> dict[str, list[catalog.Entry]]:
    """Every language's articles, from the catalog cache the staging step keeps in ``staging``:
    it has just been brought up to date, so its articles are read as they are, without a walk
    of docs/<lang>/."""
    out = {}
    for lang in LANGS:
        cache = catalog.cache_path(staging, lang)
        entries = catalog.cached_entries(cache)
        out[lang] = entries if entries is not None else catalog.load_cached(docs / lang, cache)
    return out


def write_feeds(docs: Path, staging: Path, site: Path, root_url: str,
                entries: dict[str, list[catalog.Entry]] | None = None) -> None:
    """``site/<prefix>feed.xml`` for every language, from all of docs/<lang>/ (``entries``:
    catalog_entries, when the caller has them)."""
    entries = entries or catalog_entries(docs, staging)
    for lang in LANGS:
        write_if_changed(site / PREFIX[lang] / FEED_FILE, feed_xml(lang, entries[lang], root_url), sync=False)
