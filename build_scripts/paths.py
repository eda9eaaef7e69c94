"""Where an article lives in the docs tree, and so in the site: the one place that knows.

    <paper>/YYYY/MM/DD/PP/<slug>.md             a page of an issue (tongliao-ribao/2025/12/15/01/…)
    <paper>/YYYY/MM/DD/<edition>/PP/<slug>.md   a page of one of a day's editions
    undated/<dump stem>/<slug>.md               a dump the manifest does not list

The paper (pinyin of its name) and the edition are in the path so that two papers, or
two editions of one paper, printed on the same day never write to the same files.
Everything that reads a path back (the issue an article belongs to, the month it is
filed under) asks this module, so the layout can change in one place.

Up to this layout articles lived at ``YYYY/MM/DD/PP/<slug>.md``; ``legacy_page_folder``
gives that folder, from which ``redirects.py`` lists each old URL with its new one.
"""
from __future__ import annotations

import re

from .model import PageMeta
from .slug import slugify

UNDATED = "undated"
UNKNOWN_PAPER = "paper"
_DAY = re.compile(r"^(?:[a-z0-9-]+/)??(\d{4})/(\d{2})/(\d{2})/")


def paper_slug(publication: str | None) -> str:
    """``通辽日报`` → ``tongliao-ribao``."""
    return slugify(publication, fallback=UNKNOWN_PAPER) if publication else UNKNOWN_PAPER


def edition_slug(edition: str) -> str:
    return slugify(str(edition), fallback="edition")


def dated(meta: PageMeta | None) -> bool:
    return bool(meta and meta.date and meta.page)


def issue_folder(meta: PageMeta) -> str:
    """``tongliao-ribao/2025/12/15`` (``…/15/<edition>`` for one of a day's editions)."""
    folder = f"{paper_slug(meta.publication)}/{meta.date:%Y/%m/%d}"
    return f"{folder}/{edition_slug(meta.edition)}" if meta.edition else folder


def page_folder(meta: PageMeta | None, dump_stem: str) -> str:
    """The folder of a dump's articles: its issue and page, or ``undated/<dump stem>``."""
    if not dated(meta):
        return f"{UNDATED}/{dump_stem}"
    return f"{issue_folder(meta)}/{meta.page:02d}"


def legacy_page_folder(meta: PageMeta | None) -> str | None:
    """Where a dated page's articles were before the paper and edition were in the path."""
    return f"{meta.date:%Y/%m/%d}/{meta.page:02d}" if dated(meta) else None


def is_undated(rel: str) -> bool:
    return rel.split("/", 1)[0] == UNDATED


def issue_of(rel: str) -> str:
    """The issue folder of an article (``…/PP/<slug>.md``): its page folder's parent;
    ``undated/<stem>`` for an undated one. Works for the legacy layout too."""
    if is_undated(rel):
        return "/".join(rel.split("/", 2)[:2])
    return rel.rsplit("/", 2)[0]


def day_of(rel: str) -> str | None:
    """``2025-12-15`` for a dated article or index page (with or without the paper in front)."""
    m = _DAY.match(rel.lstrip("/"))
    return "-".join(m.groups()) if m else None


def month_of(rel: str) -> str | None:
    """``2025-12``, likewise."""
    day = day_of(rel)
    return day[:7] if day else None
