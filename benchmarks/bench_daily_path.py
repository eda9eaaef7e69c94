"""Two parts of a daily (no-change or one-issue) site build that read the whole archive, timed
on a built work folder, the way before and the way now, in one run:

    python benchmarks/bench_daily_path.py WORK    # a folder bench_archive.py built

- search planning (search.py): the staged page list as (url, Path) pairs, each docs file a
  Path (the way before), against listed_articles (plain strings); then each language's
  shards and body digests (one stat an article, the digests cached);
- the 404 page's day lists (notfound.py): from every language's views pickle (before)
  against the catalog the feeds read anyway (now: its load, shared with the feeds, not counted).

Nothing is written. Prints the load average; compare the ratios, not the seconds."""
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
    print(f"{work}: {sum(len(p) for p in pages.values())} staged pages; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    for name, before, now in [("search planning, 3 languages", plan_before, plan_now),
                              ("404 day lists, 3 languages", lists_before, lists_now)]:
        a, b = best(before), best(now)
        print(f"  {name:<32} before {a:6.2f} s   now {b:6.2f} s   now / before {b / a:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
