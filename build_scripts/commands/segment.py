"""Cut page dumps into articles.

Writes one Markdown file per article with YAML front matter into the
Simplified Chinese docs folder (docs/zh-Hans/<paper>/YYYY/MM/DD/PP/<slug>.md) and a
segmentation report per dump (build/reports/<dump>.md), or with --json prints
the articles as a JSON list. Dumps need not be in the manifest: their
publication, date and page are then unknown (docs/zh-Hans/undated/…).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..corrections import load_for_dump
from ..errors import UserError
from ..ingest import check_dump, read_dump
from ..manifest import Lookup, load_manifest
from ..model import Segmentation
from ..report import article_record, page_warnings
from ..segment import segment
from ..segment_pages import segment_pages

HELP = "cut page dumps into articles (Markdown files, or --json)"
DEFAULT_MANIFEST = Path("dumps/manifest.yaml")


def configure(parser) -> None:
    parser.add_argument("dumps", nargs="*", type=Path, metavar="DUMP",
                        help="page dump files (default: every dump in the manifest)")
    parser.add_argument("--json", action="store_true", help="print the articles as JSON, write nothing")
    parser.add_argument("--out", type=Path, default=Path("docs"), metavar="DIR",
                        help="docs folder; articles go to DIR/zh-Hans (default: docs)")
    parser.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST,
                        help="manifest giving each dump its date and page (default: %(default)s)")
    parser.add_argument("--reports", type=Path, default=Path("build/reports"), metavar="DIR",
                        help="where the segmentation reports go (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=0, metavar="N",
                        help="worker processes (default: one per core)")
    parser.add_argument("--state", type=Path, default=Path("build/cache/segment-state.json"),
                        metavar="FILE", help="what the last run made of each dump, to skip unchanged "
                        "dumps (default: %(default)s)")
    parser.add_argument("--force", action="store_true", help="segment every dump, changed or not")


def _manifest(args):
    if args.manifest.exists():
        return load_manifest(args.manifest)
    if args.manifest != DEFAULT_MANIFEST or not args.dumps:
        raise UserError(f"{args.manifest}: manifest not found")
    return []


def segment_dumps(paths: list[Path], entries) -> list[Segmentation]:
    """Segment in this process (for --json): warnings on stderr."""
    segs = []
    lookup = Lookup(entries)
    for path in paths:
        check_dump(path)  # before the look-up resolves it (a symlink loop) or anything opens it (a FIFO)
        seg = segment(read_dump(path, lookup.meta_for(path)), corrections=load_for_dump(path))
        for warning in page_warnings(seg):
            print(f"warning: {warning}", file=sys.stderr)
        segs.append(seg)
    return segs


def writes(args) -> bool:
    """--json only reads; otherwise docs, reports and state are written."""
    return not args.json


def run(args) -> int:
    entries = _manifest(args)
    paths = args.dumps or [e.file for e in entries]
    if not paths:
        raise UserError("no dumps given and the manifest lists none")
    if args.json:
        segs = segment_dumps(paths, entries)
        records = [article_record(seg, n) for seg in segs for n in range(len(seg.articles))]
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    counts = segment_pages(paths, entries, args.out, args.reports, root=Path.cwd(), jobs=args.jobs,
                           state_file=None if args.force else args.state)
    print(f"{counts['articles']} articles from {counts['dumps']} dumps in {args.out / 'zh-Hans'} "
          f"({counts['segmented']} dumps segmented, {counts['reused']} unchanged; {counts['written']} files "
          f"written, {counts['unchanged']} unchanged, {counts['removed']} removed) in {counts['seconds']:.1f} s; "
          f"{counts['unsure']} things to check in the reports in {args.reports}", file=sys.stderr)
    return 0
