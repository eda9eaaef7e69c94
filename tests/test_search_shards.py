"""How the search index is cut into shards and which shards a build re-indexes (no Pagefind run:
the plan is checked; tests/test_site_browser.py runs Pagefind on shards and searches them)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from build_scripts.site import search
from build_scripts.site.search import BodyDigests, Indexed, _plan_language, shards

LANG = "zh-Hans"


@pytest.fixture(autouse=True)
def two_recent_pages(monkeypatch):
    """The first search covers two pages (search.js's RECENT, as the layout reads it): a
    newest block of one day (one page here) is folded into the block before it."""
    monkeypatch.setattr(search, "recent_pages", lambda: 2)


def _article(docs: Path, day: str, page: int = 1, slug: str = "x") -> tuple[str, Path]:
    """A docs file of an article of ``day`` (YYYY-MM-DD); (its URL, its file)."""
    url = f"/tongliao-ribao/{day.replace('-', '/')}/{page:02d}/{slug}/"
    path = docs / LANG / (url.strip("/") + ".md")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {day} {slug}\n---\n\n正文。\n", encoding="utf-8")
    return url, path


def _days(docs: Path, month: str, first: int, last: int) -> list[tuple[str, Path]]:
    return [_article(docs, f"{month}-{d:02d}") for d in range(first, last + 1)]


def _layout(pages: list[tuple[str, Path]], work: Path) -> dict[str, list[str]]:
    return {name: [url for url, *_ in entries] for name, entries in shards(pages, BodyDigests(work, LANG)).items()}


def test_older_months_are_whole_and_the_newest_month_is_cut_by_week(tmp_path):
    pages = _days(tmp_path, "2025-11", 1, 30) + _days(tmp_path, "2025-12", 1, 30) + _days(tmp_path, "2024-02", 3, 3)
    layout = _layout(pages, tmp_path)
    assert list(layout) == ["2025-12-29", "2025-12-22", "2025-12-15", "2025-12-08", "2025-12-01",
                            "2025-11", "2024-02"]
    assert [len(v) for v in layout.values()] == [2, 7, 7, 7, 7, 30, 1]
    assert layout["2025-12-15"][0] == "/tongliao-ribao/2025/12/15/01/x/"
    assert layout["2025-12-15"][-1] == "/tongliao-ribao/2025/12/21/01/x/"


def test_the_layout_depends_on_the_articles_only_not_on_their_order(tmp_path):
    pages = _days(tmp_path, "2025-12", 1, 9)
    forward, backward = _layout(pages, tmp_path / "a"), _layout(list(reversed(pages)), tmp_path / "b")
    assert {k: sorted(v) for k, v in forward.items()} == {k: sorted(v) for k, v in backward.items()}
    assert list(forward) == list(backward) == ["2025-12-08", "2025-12-01"]


def test_a_new_month_makes_the_month_before_one_shard(tmp_path):
    pages = _days(tmp_path, "2025-12", 1, 31)
    assert len(_layout(pages, tmp_path)) == 5
    layout = _layout(pages + [_article(tmp_path, "2026-01-01")], tmp_path)
    assert list(layout) == ["2026-01-01", "2025-12"] and len(layout["2025-12"]) == 31


def test_a_newest_block_of_fewer_than_recent_pages_is_folded_into_the_block_before(tmp_path, monkeypatch):
    pages = _days(tmp_path, "2025-11", 1, 30) + _days(tmp_path, "2025-12", 1, 29)
    layout = _layout(pages, tmp_path)
    assert list(layout) == ["2025-12-22", "2025-12-15", "2025-12-08", "2025-12-01", "2025-11"]
    assert layout["2025-12-22"] == [f"/tongliao-ribao/2025/12/{d}/01/x/" for d in range(22, 30)]
    assert list(_layout(list(reversed(pages)), tmp_path / "b")) == list(layout)
    layout = _layout(pages + [_article(tmp_path, "2025-12-30")], tmp_path)
    assert list(layout)[:2] == ["2025-12-29", "2025-12-22"] and len(layout["2025-12-22"]) == 7
    monkeypatch.setattr(search, "recent_pages", lambda: 10)     # folded again and again
    assert list(_layout(_days(tmp_path, "2025-12", 1, 20), tmp_path)) == ["2025-12-08", "2025-12-01"]
    assert list(_layout(_days(tmp_path, "2025-12", 1, 16), tmp_path)) == ["2025-12-01"]
    assert list(_layout(_days(tmp_path, "2025-12", 1, 9), tmp_path)) == ["2025-12-01"]


def _plan(site: Path, work: Path, pages: list[tuple[str, Path]]) -> list[str]:
    """The shards a build would run Pagefind for; the plan committed, as after a good run."""
    out = Indexed()
    plan, jobs = _plan_language(site, work, LANG, pages, out)
    for *_, bundle in jobs:                 # what Pagefind would have written
        bundle.mkdir(parents=True, exist_ok=True)
        (bundle / "pagefind.js").write_text("", encoding="utf-8")
    plan.commit()
    return out.reindexed[LANG]


def test_adding_a_day_reindexes_its_week_only_and_a_new_month_folds_the_last_one(tmp_path):
    site, work = tmp_path / "site", tmp_path / "work"
    pages = _days(tmp_path, "2025-11", 1, 30) + _days(tmp_path, "2025-12", 1, 16)
    assert _plan(site, work, pages) == ["2025-12-15", "2025-12-08", "2025-12-01", "2025-11"]
    pages.append(_article(tmp_path, "2025-12-17"))
    assert _plan(site, work, pages) == ["2025-12-15"]
    assert _plan(site, work, pages) == []
    pages += _days(tmp_path, "2025-12", 18, 29)          # the 29th alone, folded into the 22nd's block
    assert _plan(site, work, pages) == ["2025-12-22", "2025-12-15"]
    assert sorted(p.name for p in (site / "pagefind").iterdir())[-2:] == ["2025-12-22", "shards.json"]
    pages += _days(tmp_path, "2025-12", 30, 31) + [_article(tmp_path, "2026-01-01")]
    assert _plan(site, work, pages) == ["2026-01-01", "2025-12"]
    listing = json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert [(s["name"], s["pages"], s["from"], s["to"]) for s in listing] == [
        ("2026-01-01", 1, "2026-01-01", "2026-01-01"), ("2025-12", 31, "2025-12-01", "2025-12-31"),
        ("2025-11", 30, "2025-11-01", "2025-11-30")]
    assert sorted(p.name for p in (site / "pagefind").iterdir()) == ["2025-11", "2025-12", "2026-01-01",
                                                                     "shards.json"]


def test_a_year_shard_is_made_again_when_a_later_month_begins(tmp_path):
    """A site shard (build_scripts/shards/) cuts its search as the whole archive does: its
    inputs digest (the CI cache key) changes when it stops holding the archive's newest month."""
    import datetime as dt
    from build_scripts.manifest import ManifestEntry
    from build_scripts.model import PageMeta
    from build_scripts.shards.select import inputs_digest, newest_month
    dump = tmp_path / "a.txt"
    dump.write_text("x\n", encoding="utf-8")
    december = [ManifestEntry(dump, PageMeta(date=dt.date(2025, 12, 31), page=1), 1)]
    january = ManifestEntry(dump, PageMeta(date=dt.date(2026, 1, 1), page=1), 2)
    assert newest_month(december) == "2025-12" and newest_month(december + [january]) == "2026-01"
    assert inputs_digest(december, "2025-12") != inputs_digest(december, "2026-01")
    assert inputs_digest(december, "2026-01") == inputs_digest(december, "2026-02")


def test_planned_from_the_staged_list_an_edited_article_is_re_digested_and_its_shard_re_indexed(tmp_path):
    from build_scripts.site.search import listed_articles

    docs, work, site = tmp_path / "docs", tmp_path / "work", tmp_path / "site"
    pages = _days(docs, "2025-11", 1, 3) + _days(docs, "2025-12", 1, 3)
    staged = {url.strip("/") + "/" for url, _ in pages} | {"", "archive/", "tongliao-ribao/2025/12/01/"}
    listed = listed_articles(docs / LANG, staged)
    assert [url for url, _ in listed] == sorted(url for url, _ in pages)       # the other pages left out
    plan, jobs = _plan_language(site, work, LANG, listed, Indexed())
    plan.commit()
    for name in plan.stamps:
        (plan.root / name).mkdir(parents=True, exist_ok=True)      # as if Pagefind had run
        (plan.root / name / "pagefind.js").write_text("")
    again, jobs = _plan_language(site, work, LANG, listed_articles(docs / LANG, staged), Indexed())
    assert jobs == []                                   # nothing changed: nothing re-indexed
    again.commit()
    edited = Path(dict(listed)["/tongliao-ribao/2025/11/02/01/x/"])
    edited.write_text(edited.read_text(encoding="utf-8").replace("正文", "另文"), encoding="utf-8")
    out = Indexed()
    _, jobs = _plan_language(site, work, LANG, listed_articles(docs / LANG, staged), out)
    assert out.reindexed[LANG] == ["2025-11"]           # same size, a new mtime: read again


def test_zh_hant_reads_the_zh_hans_bundles_which_follow_its_articles(tmp_path):
    """No Pagefind run for zh-Hant: its shards.json lists the zh-Hans shards, where their bundles
    are and how its papers and pages are named; editing a zh-Hant article re-indexes the
    zh-Hans shard that carries it."""
    from build_scripts.site import catalog
    from build_scripts.site.search import Indexer

    docs, site, work = tmp_path / "docs", tmp_path / "site", tmp_path / "work"
    pages = _days(docs, "2025-12", 1, 2)
    for url, path in pages:
        hant = docs / "zh-Hant" / path.relative_to(docs / LANG)
        hant.parent.mkdir(parents=True, exist_ok=True)
        hant.write_text(path.read_text(encoding="utf-8").replace("正文", "正文著").replace(
            "---\n\n", "publication: 通遼日報\npage: 1\npage_name: 要聞\n---\n\n"), encoding="utf-8")
        path.write_text(path.read_text(encoding="utf-8").replace(
            "---\n\n", "publication: 通辽日报\npage: 1\npage_name: 要闻\n---\n\n"), encoding="utf-8")
    (site / "zh-Hant" / "pagefind" / "2025-12-01").mkdir(parents=True)     # a bundle of before
    for lang in [LANG, "zh-Hant"]:
        catalog.load_cached(docs / lang, catalog.cache_path(docs, lang))

    def plan() -> Indexed:
        indexer = Indexer(site, work, docs=docs)
        out = indexer.out
        for lang in [LANG, "zh-Hant"]:
            indexer.fields[lang] = catalog.cached_fields(catalog.cache_path(docs, lang))
        hans, jobs = _plan_language(site, work, LANG, pages, out, None, docs, indexer.fields)
        for *_, bundle in jobs:
            bundle.mkdir(parents=True, exist_ok=True)
            (bundle / "pagefind.js").write_text("", encoding="utf-8")
        hans.commit()
        return out

    out = plan()
    assert out.reindexed == {LANG: ["2025-12-01"], "zh-Hant": []} and out.shards["zh-Hant"] == ["2025-12-01"]
    listing = json.loads((site / "zh-Hant" / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert listing["bundles"] == "../../pagefind/"
    assert listing["labels"] == {"01 要闻": "01 要聞", "通辽日报": "通遼日報"} and "着著" in listing["chars"]
    assert listing["shards"] == json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert sorted(p.name for p in (site / "zh-Hant" / "pagefind").iterdir()) == ["shards.json"]
    assert plan().reindexed[LANG] == []
    hant = docs / "zh-Hant" / pages[0][1].relative_to(docs / LANG)
    hant.write_text(hant.read_text(encoding="utf-8").replace("正文著", "另文著"), encoding="utf-8")
    assert plan().reindexed[LANG] == ["2025-12-01"]
