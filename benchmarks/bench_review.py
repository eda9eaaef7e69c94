"""Review page round trip: one editor's action over HTTP, from the click's request to the
answer the page redraws from (the fix checked, the corrections file written, the dump cut
again, the page's JSON made).

    python benchmarks/bench_review.py [--rounds 20] [DUMP]

Works on a copy of the dump (default: the sample page 000) in a temporary folder, so the
project's corrections are untouched. Prints the machine's load: timings on a busy machine
are slower than on an idle one.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts.review.server import ReviewServer  # noqa: E402
from build_scripts.review.session import Session  # noqa: E402



def actions(page: dict) -> list[tuple[int, str, object]]:
    """An editor's usual actions on this page (each undone after): join the second article to the
    first, open one at a body line, mark a body line as furniture, retitle the first article."""
    first, second = page["articles"][0], page["articles"][1]
    body = [line["n"] for line in page["lines"] if line["role"] == "body" and line["article"] == 1]
    return [(second["first"], "join", True), (body[-1], "start", True), (body[0], "role", "furniture"),
            (first["first"], "title", (first["title"] or "") + "（改）")]


def post(url: str, body: dict) -> float:
    started = time.perf_counter()
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.status == 200, answer.status
        answer.read()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dump", nargs="?", type=Path, default=ROOT / "dumps" / "000_8df7ef33810d7782.txt")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    lines = len(args.dump.read_text(encoding="utf-8").splitlines())
    work = Path(tempfile.mkdtemp(prefix="bench-review-"))
    try:
        dump = work / args.dump.name
        shutil.copy(args.dump, dump)
        server = ReviewServer(Session(dump), "http://127.0.0.1:8000/")
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with urllib.request.urlopen(server.url + "api/page", timeout=60) as answer:  # first cut loads jieba
            todo = actions(json.loads(answer.read()))
        times = []
        for n in range(args.rounds):
            line, action, value = todo[n % len(todo)]
            times.append(post(server.url + "api/fix", {"line": line, "action": action, "value": value}))
            times.append(post(server.url + "api/undo", {}))
        server.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load = os.getloadavg()
    ms = sorted(t * 1000 for t in times)
    print(f"{len(ms)} actions on {args.dump.name} ({lines} lines): "
          f"median {statistics.median(ms):.0f} ms, 90th percentile {ms[int(len(ms) * 0.9) - 1]:.0f} ms, "
          f"max {ms[-1]:.0f} ms; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
