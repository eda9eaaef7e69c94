"""Bytes per page type of a built site, and the year it projects to.

    python benchmarks/bench_page_bytes.py [SITE]      (default: build/bench/30/site)

Every HTML page of SITE (the site bench_archive.py builds of a generated month) is put
in one type by its path (``page_type``): home, article, page (a printed page's list),
issue, author, source (a dump's text), other. For each type: the count, the average and
median bytes, and the share of the site's bytes; then the whole site (every file, search
bundles and assets too) and the projected year: a month × 12.2 (365 / 30 issues).
"""
from __future__ import annotations

import os
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts.site.labels import PREFIX  # noqa: E402

YEAR_PER_MONTH = 365 / 30
_DAY = re.compile(r"\d{4}/\d{2}/\d{2}(?:/|$)")
_DIGITS = re.compile(r"\d+")


def page_type(rel: str) -> str:
    """The type of the page at ``rel`` (a path under the site root, ending in .html)."""
    for prefix in sorted((p for p in PREFIX.values() if p), key=len, reverse=True):
        if rel.startswith(prefix):
            rel = rel[len(prefix):]
            break
    if rel == "index.html":
        return "home"
    parts = rel.split("/")[:-1]            # the folders; the file is index.html
    if parts[:1] == ["authors"]:
        return "author" if len(parts) == 2 else "other"
    if parts[:1] == ["sources"]:
        return "source" if len(parts) >= 2 else "other"
    m = _DAY.search("/".join(parts))
    if not m:
        return "other"
    after = "/".join(parts)[m.end():].split("/") if "/".join(parts)[m.end():] else []
    if after and not _DIGITS.fullmatch(after[0]):    # a day's other edition
        after = after[1:]
    return {0: "issue", 1: "page", 2: "article"}.get(len(after), "other")


def measure(site: Path) -> tuple[dict[str, list[int]], int]:
    """Bytes of every HTML page by type, and the bytes of every file of the site."""
    sizes: dict[str, list[int]] = defaultdict(list)
    total = 0
    for dirpath, _, names in os.walk(site):
        for name in names:
            path = os.path.join(dirpath, name)
            size = os.lstat(path).st_size
            total += size
            if name.endswith(".html"):
                sizes[page_type(os.path.relpath(path, site).replace(os.sep, "/"))].append(size)
    return sizes, total


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build" / "bench" / "30" / "site")
    if not site.is_dir():
        print(f"{site}: no built site (run benchmarks/bench_archive.py first)", file=sys.stderr)
        return 2
    sizes, total = measure(site)
    html_total = sum(sum(v) for v in sizes.values())
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"Bytes per page type of {site} (load average {load})")
    print(f"  {'type':<10}{'pages':>7}{'average':>10}{'median':>10}{'share':>8}")
    for kind in ("article", "page", "issue", "author", "home", "source", "other"):
        values = sizes.get(kind)
        if values:
            print(f"  {kind:<10}{len(values):7}{statistics.mean(values):10,.0f}{statistics.median(values):10,.0f}"
                  f"{sum(values) / total:8.0%}")
    pages = sum(len(v) for v in sizes.values())
    print(f"  HTML: {html_total / 2**20:,.1f} MiB in {pages} pages; site: {total / 2**20:,.1f} MiB "
          f"(search, assets and the rest {(total - html_total) / 2**20:,.1f} MiB)")
    print(f"  projected year (× {YEAR_PER_MONTH:.1f}): {total * YEAR_PER_MONTH / 1e9:.2f} GB "
          f"({total * YEAR_PER_MONTH / 2**30:.2f} GiB), HTML {html_total * YEAR_PER_MONTH / 1e9:.2f} GB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
