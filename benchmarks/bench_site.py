"""Site build time and the size of a reader's first search.

    python benchmarks/bench_site.py [--articles 2000] [--no-search-size]

1. Builds the sample site (bundled dumps → segment → variants offline → site)
   and times the site stage.
2. Builds a generated archive of --articles articles in each of the three
   languages (the sample articles repeated over consecutive daily issues) and
   times stage, the parallel MkDocs builds and Pagefind.
3. Serves the sample site on 127.0.0.1 and, in headless Chromium, counts the
   bytes fetched from focusing the search box to the first results, per language.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from build_scripts.site.build import build_site  # noqa: E402
from site_sample import make_sample_docs  # noqa: E402

LANGS = ["zh-Hans", "zh-Hant", "en"]


def generate_archive(sample_docs: Path, out: Path, articles: int) -> int:
    """Copy the sample articles over daily issues until ``articles`` per language."""
    sample = sorted(p.relative_to(sample_docs / "zh-Hans") for p in (sample_docs / "zh-Hans").rglob("*.md"))
    made, day = 0, 0
    start = dt.date(2020, 1, 1)
    while made < articles:
        date = start + dt.timedelta(days=day)
        for rel in sample:
            if made >= articles:
                break
            parts = rel.parts
            new_rel = Path(f"{date:%Y/%m/%d}", *parts[3:]) if parts[0] != "undated" else Path(f"{date:%Y/%m/%d}/09", rel.name)
            for lang in LANGS:
                src = sample_docs / lang / rel
                if not src.exists():
                    continue
                text = src.read_text(encoding="utf-8")
                text = re.sub(r"^date: .*$", f"date: {date.isoformat()}", text, count=1, flags=re.M)
                text = re.sub(r"^id: (\d{8})", f"id: {date:%Y%m%d}", text, count=1, flags=re.M)
                dest = out / lang / new_rel
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_text(text, encoding="utf-8")
            made += 1
        day += 1
    for page in (REPO / "docs").glob("*.md"):
        shutil.copy2(page, out / page.name)
    return made


def first_search_bytes(site: Path) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out = {}
    exe = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--headless", "--no-sandbox", "--disable-gpu"])
        for lang, query in [("zh-Hans", "发展"), ("zh-Hant", "發展"), ("en", "aluminium")]:
            page = browser.new_page()
            page.goto(base + ("" if lang == "zh-Hans" else lang + "/"))
            page.wait_for_load_state("networkidle")
            fetched = []
            page.on("response", lambda r: fetched.append(r))
            page.locator(".na-search-input").click()
            page.locator(".na-search-input").fill(query)
            page.wait_for_selector(".na-search-list li", timeout=20000)
            page.wait_for_load_state("networkidle")
            raw = gz = 0
            files = []
            for r in fetched:
                body = r.body()
                raw += len(body)
                # what a server that compresses text (GitHub Pages does) would send
                packed = len(gzip.compress(body)) if not r.url.endswith((".pf_fragment", ".pf_index",
                                                                        ".pf_meta", ".pagefind")) else len(body)
                gz += packed
                files.append((r.url.replace(base, "/"), len(body)))
            out[lang] = {"requests": len(files), "bytes": raw, "bytes_gzip": gz, "files": files}
            page.close()
        browser.close()
    server.shutdown()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000, help="articles per language in the generated archive")
    parser.add_argument("--no-search-size", dest="search_size", action="store_false")
    args = parser.parse_args()
    quiet = lambda *a: None  # noqa: E731
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docs = make_sample_docs(work / "sample")
        start = time.perf_counter()
        r = build_site(docs, work / "sample" / "site", dumps_root=work / "sample",
                       build_dir=work / "sample" / "build", log=quiet)
        total = time.perf_counter() - start
        print(f"sample site: {r.articles['zh-Hans']} articles × 3 languages in {total:.1f} s "
              f"(stage {r.seconds['stage']:.1f} s, MkDocs {r.seconds['mkdocs']:.1f} s, "
              f"Pagefind {r.seconds['pagefind']:.1f} s) on {os.cpu_count()} cores")
        if args.articles:
            big = work / "big" / "docs"
            n = generate_archive(docs, big, args.articles)
            start = time.perf_counter()
            r2 = build_site(big, work / "big" / "site", dumps_root=work / "sample",
                            build_dir=work / "big" / "build", log=quiet)
            total = time.perf_counter() - start
            size = sum(f.stat().st_size for f in (work / "big" / "site").rglob("*") if f.is_file())
            print(f"generated archive: {n} articles × 3 languages in {total:.1f} s "
                  f"(stage {r2.seconds['stage']:.1f} s, MkDocs {r2.seconds['mkdocs']:.1f} s, "
                  f"Pagefind {r2.seconds['pagefind']:.1f} s); site {size / 1e6:.0f} MB")
        if args.search_size:
            for lang, m in first_search_bytes(work / "sample" / "site").items():
                print(f"first search ({lang}): {m['requests']} requests, {m['bytes'] / 1024:.0f} KiB fetched, "
                      f"{m['bytes_gzip'] / 1024:.0f} KiB with gzip for text files")
                for url, size in m["files"]:
                    print(f"    {size / 1024:8.1f} KiB  {url}")


if __name__ == "__main__":
    main()
