"""What a daily build reads and writes is what the new issue touches, with the same results as
reading everything: the feed's newest articles without sorting the catalog, the views kept a
month per file (staging reads and writes the changed months' only), the sitemaps of the
changed months only."""
from __future__ import annotations

import datetime as dt
import random
from pathlib import PurePosixPath

from build_scripts.site import feeds, views
from build_scripts.site.catalog import Entry


def _catalog(seed: int) -> list[Entry]:
    rng = random.Random(seed)
    entries = []
    for n in range(300):
        if rng.random() < 0.1:
            rel, meta = f"undated/s{n}/a{n}.md", {"title": f"u{n}"}
        else:
            day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(40))
            page, order = rng.randrange(1, 5), rng.randrange(6)
            rel = f"ribao/{day:%Y/%m/%d}/{page:02d}/a{n}.md"
            meta = {"title": f"t{n}", "date": day if rng.random() < 0.8 else day.isoformat(),
                    "page": page, "order": order}
        entries.append(Entry(PurePosixPath(rel), meta))
    rng.shuffle(entries)
    return entries


def test_the_newest_articles_are_those_of_the_whole_sorted_catalog():
    for seed in range(5):
        entries = _catalog(seed)
        for n in (1, 7, 50, 299, 300, 400):
            assert feeds.newest(entries, n) == feeds.newest_first(entries)[:n], (seed, n)
    assert feeds.newest([], 50) == []


# -- views, a month per file ------------------------------------------------------------------
ROOT = "https://example.org/archive/"


def _article(day: int, month: int, n: int, title: str | None = None) -> Entry:
    rel = f"ribao/2025/{month:02d}/{day:02d}/01/a{n}.md"
    meta = {"title": title or f"Article {n}", "authors": ["Wang Xiaoming"], "byline": "Wang Xiaoming",
            "publication": "日报", "date": dt.date(2025, month, day), "page": 1, "order": n}
    return Entry(PurePosixPath(rel), meta, description="The first paragraph.")


def _two_months() -> tuple[list[Entry], list[str], dict[str, set[str]]]:
    entries = [_article(10, 1, 1), _article(10, 1, 2), _article(5, 2, 3), _article(5, 2, 4)]
    pages = sorted([str(e.rel) for e in entries] + ["index.md", "ribao/2025/01/10/index.md",
                                                     "ribao/2025/02/05/index.md"])
    present = {"zh-Hans": set(pages), "zh-Hant": set(), "en": set(pages)}
    return entries, pages, present


def _read_parts(monkeypatch) -> list[str]:
    read = []
    real = views._read_part

    def spy(staging, lang, part):
        read.append(part)
        return real(staging, lang, part)
    monkeypatch.setattr(views, "_read_part", spy)
    return read


def test_views_kept_by_month_are_those_made_whole_and_a_change_reads_its_month_only(tmp_path, monkeypatch):
    entries, pages, present = _two_months()
    assert views.update(tmp_path, "en", entries, pages, present, None, ROOT, "code-1") == []
    whole = views.make_views("en", entries, pages, present, None, ROOT)[1]
    assert views.load(tmp_path, "en") == whole
    lazy = views.lazy(tmp_path, "en")
    assert all(lazy.get(rel) == whole[rel] for rel in pages) and lazy.get("nothing.md") is None
    assert sorted(p.name for p in views.views_dir(tmp_path, "en").iterdir()) == [
        "2025-01.pickle", "2025-02.pickle", "index.pickle", "pages.pickle"]

    # nothing changed: no part is read (nor written)
    read = _read_parts(monkeypatch)
    stamps = {p.name: p.stat().st_mtime_ns for p in views.views_dir(tmp_path, "en").iterdir()}
    assert views.update(tmp_path, "en", entries, pages, present, None, ROOT, "code-1") == []
    assert read == []
    assert {p.name: p.stat().st_mtime_ns for p in views.views_dir(tmp_path, "en").iterdir()} == stamps

    # a February title changed: February is read and rewritten, the view of its neighbour changes
    entries[3] = _article(5, 2, 4, "Retitled")
    changed = views.update(tmp_path, "en", entries, pages, present, None, ROOT, "code-1")
    assert read == ["2025-02"]
    assert changed == [str(entries[2].rel), str(entries[3].rel)]
    assert views.load(tmp_path, "en") == views.make_views("en", entries, pages, present, None, ROOT)[1]
    assert views.views_dir(tmp_path, "en").joinpath("2025-01.pickle").stat().st_mtime_ns == stamps["2025-01.pickle"]

    # other code: every part is made again; a month gone loses its file
    read.clear()
    kept = [e for e in entries if e.date.month == 1]
    fewer = [rel for rel in pages if "/02/" not in rel]
    views.update(tmp_path, "en", kept, fewer, {k: v & set(fewer) for k, v in present.items()}, None, ROOT, "code-2")
    assert sorted(read) == ["2025-01", "pages"]
    assert not views.views_dir(tmp_path, "en").joinpath("2025-02.pickle").exists()
    assert views.load(tmp_path, "en") == views.make_views("en", kept, fewer, present, None, ROOT)[1]


def test_a_damaged_or_missing_part_is_made_again(tmp_path):
    entries, pages, present = _two_months()
    views.update(tmp_path, "en", entries, pages, present, None, ROOT, "code-1")
    whole = views.load(tmp_path, "en")
    views.views_dir(tmp_path, "en").joinpath("2025-01.pickle").write_bytes(b"not a pickle")
    views.views_dir(tmp_path, "en").joinpath("2025-02.pickle").unlink()
    # damaged: its views are made anew and none counts as changed (no kept view to differ from)
    assert views.update(tmp_path, "en", entries, pages, present, None, ROOT, "code-1") == []
    assert views.load(tmp_path, "en") == whole


# -- sitemaps, a month's made again ------------------------------------------------------------
def test_sitemaps_from_the_cache_equal_those_made_whole_and_only_a_changed_month_is_made(tmp_path, monkeypatch):
    from build_scripts.site import seo
    from build_scripts.site.labels import PREFIX
    pages = {"zh-Hans": {"", "archive/", "ribao/2025/01/10/01/a1/", "ribao/2025/02/05/01/a3/"},
             "zh-Hant": {"", "ribao/2025/01/10/01/a1/"},
             "en": {"", "ribao/2025/02/05/01/a3/"}}

    made = []
    real = seo._urlset
    monkeypatch.setattr(seo, "_urlset", lambda urls, *rest: made.append(urls[0][1]) or real(urls, *rest))

    def build(site_url: str = ROOT) -> list[str]:
        """Check the cached sitemaps against those made whole; the parts it made (a URL of each)."""
        expected = {rel: seo.sitemap_bytes(rel, text) for rel, text in seo.sitemaps(pages, site_url, PREFIX).items()}
        made.clear()
        assert seo.sitemap_files(pages, site_url, PREFIX, tmp_path) == expected
        return sorted(made)
    assert build() == ["", "ribao/2025/01/10/01/a1/", "ribao/2025/02/05/01/a3/"]
    assert build() == []
    pages["en"].add("ribao/2025/01/10/01/a1/")            # January gains an alternate
    assert build() == ["ribao/2025/01/10/01/a1/"]
    pages = {lang: {u for u in urls if "/02/" not in u} for lang, urls in pages.items()}   # February gone
    assert build() == []
    assert not (tmp_path / "sitemaps" / "2025-02.xml.gz").exists()
    assert len(build("https://other.example/")) == 2       # another site URL: every part made again


# -- what staging lists for the feeds and the day lists ------------------------------------------
def test_staging_lists_the_feed_and_day_list_articles_of_each_catalog(tmp_path):
    from build_scripts.site import catalog, notfound, outputs
    from build_scripts.site.labels import LANGS
    from build_scripts.site.staging import stage
    from site_fixture import make_docs
    docs = make_docs(tmp_path)
    (docs / "en" / "2025/12/15/01/jifa-keji.md").unlink()        # an article only some languages have
    for parallel in (True, False):
        out = tmp_path / f"staging-{parallel}"
        staged = stage(docs, out, dumps_root=docs.parent, parallel=parallel)
        pages = outputs.staged_pages(out)
        whole = {lang: catalog.load(docs / lang) for lang in LANGS}
        for lang in LANGS:
            listed = staged.listed[lang]
            assert [e.rel for e in listed.newest] == [e.rel for e in feeds.newest_first(whole[lang])[:feeds.FEED_ITEMS]]
            assert listed.newest and all(e.title for e in listed.newest)
            assert sorted(listed.titles) == sorted(notfound._from_catalog(whole[lang], pages[lang]))
        assert notfound.article_lists(out, titles={k: v.titles for k, v in staged.listed.items()}) == \
            notfound.article_lists(out, whole, pages)
    assert all(views.load(tmp_path / "staging-True", lang) == views.load(tmp_path / "staging-False", lang)
               for lang in LANGS)
