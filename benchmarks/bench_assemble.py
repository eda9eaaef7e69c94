"""The site assembly alone, on a built archive: from nothing against out of an earlier folder.

    python benchmarks/bench_archive.py --issues 365 --work /tmp/year    # a built archive
    python benchmarks/bench_assemble.py /tmp/year [--rounds 3]

In WORK (a ``bench_archive.py`` work folder: build/site-parts, build/search-bundles,
build/docs/.presence.json) it times, in turns, ``rounds`` times each:

- **new**: every page and bundle file linked into an empty folder (``outputs.assemble`` and
  ``outputs.link_tree`` with nothing held: what every build did before a site folder was
  reused, and what a build without a usable record still does);
- **reused**: the same into the folder the last "new" made, given what it holds
  (``Held``): each file's source checked, nothing linked (a build where no page changed;
  a daily build adds the few hundred pages that did);

and prints the seconds, their ratio and the load average. Folders go under WORK/bench-assemble/
and are removed at the end; the site and the parts are only read.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts.site import outputs  # noqa: E402


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("work", type=Path, help="a bench_archive.py work folder, built")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    build = args.work.resolve() / "build"
    parts, bundles = build / "site-parts", build / "search-bundles"
    pages = outputs.staged_pages(build / "docs")
    scratch = args.work.resolve() / "bench-assemble"
    shutil.rmtree(scratch, ignore_errors=True)
    print(f"load average at the start {load()}; {sum(map(len, pages.values()))} pages")
    times: dict[str, list[float]] = {"new": [], "reused": []}
    try:
        for n in range(args.rounds):
            dest = scratch / f"new-{n}"
            dest.mkdir(parents=True)
            t = time.perf_counter()
            held = outputs.assemble(parts, dest, pages)
            held.update(outputs.link_tree(bundles, dest))
            times["new"].append(time.perf_counter() - t)
            t = time.perf_counter()
            again = outputs.assemble(parts, dest, pages, held)
            again.update(outputs.link_tree(bundles, dest, held))
            outputs.remove_stale(dest, held, again)
            times["reused"].append(time.perf_counter() - t)
            assert again == held, "a folder holding every file was changed"
            shutil.rmtree(dest)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for name, values in times.items():
        print(f"  {name:<8} {min(values):7.2f} s min, {sorted(values)[len(values) // 2]:7.2f} s median "
              f"of {len(values)}")
    print(f"  reused / new (min): {min(times['reused']) / min(times['new']):.2f}; load average now {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
