"""Bytes per page type of a built site, and the year it projects to.

    python benchmarks/bench_page_bytes.py [SITE]      (default: build/bench/30/site)

Every HTML page of SITE (the site bench_archive.py builds of a generated month) is put
in one type by its path (``page_type``): home, article, page (a printed page's list),
issue, author, source (a dump's text), other. For each type: the count, the average and
median bytes, and the share of the site's bytes; then each language's share (its HTML, its
search bundles, the rest), what the search bundles hold (fragments, word index, filters, the
Pagefind script and wasm, anything else), the whole site (every file, search bundles and
assets too) and the projected year: the site × 365 / its issues (a month: × 12.2). A year built measures
less than that (its author pages grow slower than its articles). Last, where an article page's
bytes are, per language (``article_parts``, the average of up to 500 pages): its head (of it the
description and JSON-LD), the header (of it the language menu), the nav drawer, the article (of
it the text), the footer and scripts, and how many relative prefixes ("../") it spells.
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

YEAR_ISSUES = 365
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


def language_of(rel: str) -> str:
    """The language whose root holds ``rel`` (the zh-Hans root is the site's own)."""
    for lang, prefix in sorted(PREFIX.items(), key=lambda x: -len(x[1])):
        if rel.startswith(prefix):
            return lang
    return next(lang for lang, prefix in PREFIX.items() if not prefix)


def bundle_part(rel: str) -> str | None:
    """What a file of a Pagefind bundle is (None: not in one)."""
    parts = rel.split("/")
    if "pagefind" not in parts:
        return None
    below = parts[parts.index("pagefind") + 1:]
    if len(below) >= 3 and below[1] in ("fragment", "index", "filter"):
        return below[1]
    name = below[-1]
    if name == "pagefind.js" or name.startswith("wasm."):
        return "script, wasm"
    if name.endswith((".pf_meta", "-entry.json")) or name == "shards.json":
        return "meta, entry, list"
    return "other"


_PARTS = [("head", "<head>"), ("header", '<header class="md-header'), ("nav", '<div class="md-sidebar md-sidebar--primary'),
          ("article", '<div class="md-sidebar md-sidebar--secondary'), ("footer, scripts", '<button type="button" class="md-top')]
_WITHIN = {"head": [("description", re.compile(r'<meta name="description".*?>')),
                    ("JSON-LD", re.compile(r'<script type="application/ld\+json">.*?</script>', re.S))],
           "header": [("language menu", re.compile(r'<div class="md-header__option na-langs">.*?</ul>', re.S))],
           "article": [("text", re.compile(r'<div class="na-text">.*?</div>', re.S))]}
_PREFIX = re.compile(r"(?:\.\./)+")


def article_parts(html: str) -> dict[str, int]:
    """Bytes of each part of an article page (_PARTS, each from its marker to the next), of what
    _WITHIN finds in a part, and the relative prefixes' ("../../") bytes."""
    starts = [(name, html.find(marker)) for name, marker in _PARTS]
    out = {}
    for i, (name, at) in enumerate(starts):
        if at < 0:
            continue
        end = next((x for _, x in starts[i + 1:] if x >= 0), len(html))
        part = html[at:end]
        out[name] = len(part.encode())
        for sub, rule in _WITHIN.get(name, []):
            out[f"  {sub}"] = sum(len(m.group(0).encode()) for m in rule.finditer(part))
    out["(relative prefixes)"] = sum(len(m.group(0)) for m in _PREFIX.finditer(html))
    return out


def article_breakdown(site: Path, limit: int = 500) -> dict[str, dict[str, float]]:
    """The average article_parts of up to ``limit`` article pages of each language."""
    sums: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    counts: dict[str, int] = defaultdict(int)
    for dirpath, _, names in os.walk(site):
        if "index.html" not in names:
            continue
        rel = os.path.relpath(os.path.join(dirpath, "index.html"), site).replace(os.sep, "/")
        lang = language_of(rel)
        if counts[lang] >= limit or page_type(rel) != "article":
            continue
        text = Path(dirpath, "index.html").read_text(encoding="utf-8")
        if 'class="na-article"' not in text:                  # a redirect of a moved article
            continue
        counts[lang] += 1
        sums[lang]["total"] += len(text.encode())
        for name, n in article_parts(text).items():
            sums[lang][name] += n
    return {lang: {k: v / counts[lang] for k, v in parts.items()} for lang, parts in sums.items()}


def measure(site: Path) -> tuple[dict[str, list[int]], int, dict, dict]:
    """Bytes of every HTML page by type, the bytes of every file of the site, and per
    language and per part of the search bundles."""
    sizes: dict[str, list[int]] = defaultdict(list)
    by_lang: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    bundles: dict[str, int] = defaultdict(int)
    total = 0
    for dirpath, _, names in os.walk(site):
        for name in names:
            path = os.path.join(dirpath, name)
            size = os.lstat(path).st_size
            total += size
            rel = os.path.relpath(path, site).replace(os.sep, "/")
            part = bundle_part(rel)
            kind = "html" if name.endswith(".html") else "search" if part else "rest"
            by_lang[language_of(rel)][kind] += size
            if part:
                bundles[part] += size
            if name.endswith(".html"):
                sizes[page_type(rel)].append(size)
    return sizes, total, by_lang, bundles


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build" / "bench" / "30" / "site")
    if not site.is_dir():
        print(f"{site}: no built site (run benchmarks/bench_archive.py first)", file=sys.stderr)
        return 2
    sizes, total, by_lang, bundles = measure(site)
    html_total = sum(sum(v) for v in sizes.values())
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"Bytes per page type of {site} (load average {load})")
    print(f"  {'type':<10}{'pages':>7}{'average':>10}{'median':>10}{'share':>8}")
    for kind in ("article", "page", "issue", "author", "home", "source", "other"):
        values = sizes.get(kind)
        if values:
            print(f"  {kind:<10}{len(values):7}{statistics.mean(values):10,.0f}{statistics.median(values):10,.0f}"
                  f"{sum(values) / total:8.0%}")
    mib = 2**20
    print(f"  {'language':<10}{'HTML':>9}{'search':>9}{'rest':>9}   (MiB)")
    for lang, kinds in sorted(by_lang.items()):
        print(f"  {lang:<10}{kinds['html'] / mib:9.1f}{kinds['search'] / mib:9.1f}{kinds['rest'] / mib:9.1f}")
    print("  search bundles: " + ", ".join(f"{part} {n / mib:.1f}" for part, n in sorted(bundles.items(), key=lambda x: -x[1]))
          + f" MiB ({sum(bundles.values()) / mib:.1f} MiB)")
    pages = sum(len(v) for v in sizes.values())
    print(f"  HTML: {html_total / 2**20:,.1f} MiB in {pages} pages; site: {total / 2**20:,.1f} MiB "
          f"(search, assets and the rest {(total - html_total) / 2**20:,.1f} MiB)")
    issues = len(sizes.get("issue", [])) / len(PREFIX)          # an issue page per language
    scale = YEAR_ISSUES / issues if issues else 0.0
    print(f"  projected year ({issues:.0f} issues × {scale:.1f}): {total * scale / 1e9:.2f} GB "
          f"({total * scale / 2**30:.2f} GiB), HTML {html_total * scale / 1e9:.2f} GB")
    parts = article_breakdown(site)
    langs = sorted(parts)
    print("  an article page's parts, average bytes: " + " ".join(f"{x:>9}" for x in langs))
    for name in dict.fromkeys(k for lang in langs for k in parts[lang]):
        print(f"    {name:<24}" + " ".join(f"{parts[lang].get(name, 0):9,.0f}" for lang in langs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
