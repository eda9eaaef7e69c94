"""The 404 page's day lists (notfound.py) made from the catalog equal those made from the views
staging keeps, and follow an edited title (no browser: tests/test_not_found_browser.py)."""
from __future__ import annotations

import json
from pathlib import PurePosixPath

from build_scripts.site import notfound, views
from build_scripts.site.catalog import Entry
from build_scripts.site.indexes import url_of

ARTICLES = {"ribao/2025/12/15/01/hai-bian.md": "海边的早晨", "ribao/2025/12/15/02/shan-li.md": "山里的学校",
            "ribao/2025/12/16/01/he-shang.md": "河上的桥", "undated/stem/cao-di.md": "草地"}


def _entries(titles: dict[str, str]) -> list[Entry]:
    return [Entry(PurePosixPath(rel), {"title": title}) for rel, title in titles.items()]


def _both(tmp_path, titles: dict[str, str], staged: set[str]) -> tuple[dict, dict]:
    staging = tmp_path / "staging"
    staging.mkdir(exist_ok=True)
    for lang in ("zh-Hans", "zh-Hant", "en"):
        views.save(staging, lang, {rel: {"permalink": rel, "title": title} for rel, title in titles.items()
                                   if url_of(rel) in staged} | {"ribao/2025/12/15/index.md": {"alternates": []}})
    entries = {lang: _entries(titles) for lang in ("zh-Hans", "zh-Hant", "en")}
    pages = {lang: staged | {"ribao/2025/12/15/"} for lang in ("zh-Hans", "zh-Hant", "en")}
    return notfound.article_lists(staging, entries, pages), notfound.article_lists(staging)


def test_the_lists_from_the_catalog_equal_those_from_the_views(tmp_path):
    staged = {url_of(rel) for rel in ARTICLES if "shan-li" not in rel}    # one article not staged
    from_catalog, from_views = _both(tmp_path, ARTICLES, staged)
    assert from_catalog == from_views
    assert json.loads(from_catalog["na-articles/2025-12-15.json"]) == [["ribao/2025/12/15/01/hai-bian/", "海边的早晨"]]
    assert set(from_catalog) == {f"{p}na-articles/{d}.json" for p in ("", "zh-Hant/", "en/")
                                 for d in ("2025-12-15", "2025-12-16", "undated")}


def test_an_edited_title_is_in_its_days_list(tmp_path):
    edited = ARTICLES | {"ribao/2025/12/16/01/he-shang.md": "河上的新桥"}
    site = tmp_path / "site"
    staged = {url_of(rel) for rel in ARTICLES}
    for titles in (ARTICLES, edited):
        notfound.write_article_lists(site, tmp_path, {lang: _entries(titles) for lang in ("zh-Hans", "zh-Hant", "en")},
                                     {lang: staged for lang in ("zh-Hans", "zh-Hant", "en")})
    assert json.loads((site / "en/na-articles/2025-12-16.json").read_text(encoding="utf-8")) == \
        [["ribao/2025/12/16/01/he-shang/", "河上的新桥"]]
