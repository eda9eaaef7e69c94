"""Preview the whole three-language site locally, rebuilding on change.

Builds the site (like `site`, without --strict failures stopping the server),
serves it on http://127.0.0.1:8000/ (zh-Hans at /, zh-Hant at /zh-Hant/, en at
/en/), and rebuilds when anything under docs/, overrides/, config/ or
mkdocs.yml changes. Reload the page after a rebuild. For one language with
live reload, `mkdocs serve` (zh-Hans) or `mkdocs serve -f config/en.yml` works
once the site has been built.
"""
from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
import time
from pathlib import Path

HELP = "preview the whole site locally, rebuilding on change"
WATCH = ["docs", "overrides", "config", "mkdocs.yml", "dumps"]


def configure(parser) -> None:
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="docs folder (default: docs)")
    parser.add_argument("--out", type=Path, default=Path("site"), metavar="DIR",
                        help="where the site goes (default: site)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--no-search", dest="search", action="store_false",
                        help="skip Pagefind (faster rebuilds; search will not answer)")
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between change checks")


def snapshot(paths: list[Path]) -> dict[str, float]:
    state = {}
    for root in paths:
        if root.is_file():
            state[str(root)] = root.stat().st_mtime
            continue
        for dirpath, _, names in os.walk(root):
            for name in names:
                p = os.path.join(dirpath, name)
                try:
                    state[p] = os.stat(p).st_mtime
                except FileNotFoundError:
                    pass
    return state


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - quiet: errors only
        if args and str(args[1]).startswith(("4", "5")):
            super().log_message(format, *args)


def run(args) -> int:
    from ..errors import UserError
    from ..site.build import build_site
    os.environ.setdefault("SITE_URL", f"http://{args.host}:{args.port}/")

    def rebuild() -> None:
        try:
            build_site(args.docs, args.out, dumps_root=Path.cwd(), strict=False, search=args.search)
        except UserError as e:
            print(f"error: {e}", file=sys.stderr)

    rebuild()
    out = args.out.resolve()
    handler = functools.partial(_Handler, directory=str(out))
    server = http.server.ThreadingHTTPServer((args.host, args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving {out} on http://{args.host}:{server.server_address[1]}/ "
          f"(zh-Hant/, en/); watching {', '.join(WATCH)}; Ctrl-C stops", file=sys.stderr)
    watched = [Path(p) for p in WATCH if Path(p).exists()]
    seen = snapshot(watched)
    try:
        while True:
            time.sleep(args.interval)
            now = snapshot(watched)
            if now != seen:
                print("change detected, rebuilding …", file=sys.stderr)
                rebuild()
                seen = snapshot(watched)
    finally:
        server.shutdown()
