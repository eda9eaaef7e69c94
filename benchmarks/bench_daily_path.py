"""Two parts of a daily (no-change or one-issue) site build that read the whole archive, timed
on a built work folder, the way before and the way now, in one run:

    python benchmarks/bench_daily_path.py WORK    # a folder bench_archive.py built

- search planning (search.py): the staged page list as (url, Path) pairs, each docs file a
  Path (the way before), against listed_articles (plain strings); then each language's
  shards and body digests (one stat an article, the digests cached);
- the 404 page's day lists (notfound.py): from every language's views pickle (before)
  against the catalog the feeds read anyway (now: its load, shared with the feeds, not counted);
- the views (views.py): a language's whole pickle loaded and dumped, as staging did (and every
  MkDocs start-up loaded it), against staging's ``update`` of the month parts with nothing
  changed (the keys and each part's digest; no part read);
- the sitemaps (seo.py): every part's text and gzip against ``sitemap_files`` with its cache
  (in a temporary folder) from an identical run;
- the feeds' newest 50 articles: the whole catalog sorted against ``feeds.newest``.

Nothing is written in WORK (the views' update writes nothing when nothing changed). Prints the load average; compare the ratios, not the seconds."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts.site import feeds, notfound, outputs  # noqa: E402
from build_scripts.site.labels import LANGS  # noqa: E402
from build_scripts.site.search import BodyDigests, docs_file, listed_articles, shards  # noqa: E402


def best(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    work = Path(sys.argv[1]).resolve()
    staging, docs = work / "build" / "docs", work / "docs"
    pages = outputs.staged_pages(staging)

    def plan_before():
        for lang in LANGS:
            listed = sorted(("/" + url, staging / lang / url / "index.html") for url in pages[lang])
            listed = [(url, docs_file(staging / lang, url)) for url, _ in listed]
            shards(listed, BodyDigests(work / "build" / "pagefind-src", lang))

    def plan_now():
        for lang in LANGS:
            shards(listed_articles(staging / lang, pages[lang]), BodyDigests(work / "build" / "pagefind-src", lang))

    def lists_before():
        notfound.article_lists(staging)

    articles = feeds.catalog_entries(docs, staging)      # loaded for the feeds in any case

    def lists_now():
        return notfound.article_lists(staging, articles, pages)

    assert notfound.article_lists(staging) == lists_now()

    # views: the whole language's pickle read and written (before: staging, and the read again
    # by every MkDocs start-up) against the month parts (now: staging's update, nothing changed)
    import json
    import pickle
    import tempfile
    from build_scripts.site import seo, staging as staging_module, views
    from build_scripts.site.labels import PREFIX
    whole = {lang: pickle.dumps(views.read_kept(staging, lang), protocol=pickle.HIGHEST_PROTOCOL) for lang in LANGS}
    present = json.loads((staging / ".presence.json").read_text(encoding="utf-8"))
    present = {lang: set(present[lang]) for lang in LANGS}
    master = json.loads((staging / staging_module.AUTHORS_FILE).read_text(encoding="utf-8"))
    code, root = staging_module.code_digest(), views.root_url(None)

    if any(views._read_index(staging, lang).get("code") != code for lang in LANGS):
        print("the views in WORK were made by other code: build WORK with this code first", file=sys.stderr)
        return 2

    def views_before():
        for lang in LANGS:
            pickle.dumps(pickle.loads(whole[lang]), protocol=pickle.HIGHEST_PROTOCOL)

    def views_now():
        for lang in LANGS:
            views.update(staging, lang, articles[lang], sorted(present[lang]), present,
                         None if lang == LANGS[0] else master, root, code)

    site_url = "https://example.org/archive/"
    sitemap_cache = Path(tempfile.mkdtemp(prefix="bench-sitemaps-"))
    seo.sitemap_files(pages, site_url, PREFIX, sitemap_cache)

    def sitemaps_before():
        for rel, text in seo.sitemaps(pages, site_url, PREFIX).items():
            seo.sitemap_bytes(rel, text)

    def sitemaps_now():
        seo.sitemap_files(pages, site_url, PREFIX, sitemap_cache)

    def feeds_before():
        for lang in LANGS:
            feeds.newest_first(articles[lang])[:feeds.FEED_ITEMS]

    def feeds_now():
        for lang in LANGS:
            feeds.newest(articles[lang], feeds.FEED_ITEMS)
    print(f"{work}: {sum(len(p) for p in pages.values())} staged pages; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    for name, before, now in [("search planning, 3 languages", plan_before, plan_now),
                              ("404 day lists, 3 languages", lists_before, lists_now),
                              ("views (staging), 3 languages", views_before, views_now),
                              ("sitemaps, nothing changed", sitemaps_before, sitemaps_now),
                              ("feeds' newest 50, 3 languages", feeds_before, feeds_now)]:
        a, b = best(before), best(now)
        print(f"  {name:<32} before {a:6.2f} s   now {b:6.2f} s   now / before {b / a:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
