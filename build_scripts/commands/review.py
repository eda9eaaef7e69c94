"""Correct the cut of one dump in the browser.

Serves a page on http://127.0.0.1:PORT/ showing the dump's lines, coloured by the role
the segmenter gave each and grouped into its articles, with the report's To-check items
marked. Click a line to say a new article starts there, that it continues the article
before, what it is (title, byline, furniture …), or to fix its text or its article's title:
each change is written at once to dumps/corrections/<dump>.yaml and the page is cut again.
`make site` (or `serve`) then builds the corrected articles in every language.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import UserError
from ..manifest import load_manifest, meta_for

HELP = "correct a dump's cut in the browser (writes dumps/corrections/<dump>.yaml)"
DEFAULT_MANIFEST = Path("dumps/manifest.yaml")


def configure(parser) -> None:
    parser.add_argument("dump", nargs="?", type=Path, metavar="DUMP",
                        help="the page dump to review (default: the manifest's first)")
    parser.add_argument("--port", type=int, default=8001,
                        help="port on 127.0.0.1 (default: %(default)s; 0: any free one)")
    parser.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST,
                        help="manifest giving the dump its date and page (default: %(default)s)")
    parser.add_argument("--preview", default="http://127.0.0.1:8000/", metavar="URL",
                        help="the site preview the article links go to (`serve`'s, default: %(default)s)")


def _dump_and_meta(args):
    entries = load_manifest(args.manifest) if args.manifest.exists() else []
    if args.dump is None:
        if not entries:
            raise UserError(f"{args.manifest}: no manifest to take a dump from; name one: review DUMP")
        args.dump = entries[0].file
    if not args.dump.is_file():
        raise UserError(f"{args.dump}: no such file")
    return args.dump, meta_for(entries, args.dump)


def run(args) -> int:
    from ..review.server import ReviewServer
    from ..review.session import Session

    dump, meta = _dump_and_meta(args)
    session = Session(dump, meta)
    session.cut()          # a bad dump or corrections file is named now, not in the browser
    try:
        server = ReviewServer(session, args.preview, port=args.port, root=Path.cwd())
    except OSError as e:
        raise UserError(f"127.0.0.1:{args.port}: cannot listen ({e.strerror}); try --port 0") from None
    print(f"reviewing {dump} on {server.url} (corrections: {session.path}); Ctrl-C stops", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
