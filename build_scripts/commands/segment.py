"""Cut page dumps into articles.

Writes one Markdown file per article with YAML front matter into the
Simplified Chinese docs folder (docs/zh-Hans/YYYY/MM/DD/PP/<slug>.md) and a
segmentation report per dump (build/reports/<dump>.md), or with --json prints
the articles as a JSON list. Dumps need not be in the manifest: their
publication, date and page are then unknown (docs/zh-Hans/undated/…).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import UserError
from ..ingest import read_dump
from ..manifest import load_manifest, meta_for
from ..model import Segmentation
from ..report import article_record, render_report
from ..segment import segment
from ..write import write_articles, write_if_changed

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


def _manifest(args):
    if args.manifest.exists():
        return load_manifest(args.manifest)
    if args.manifest != DEFAULT_MANIFEST or not args.dumps:
        raise UserError(f"{args.manifest}: manifest not found")
    return []


def segment_dumps(paths: list[Path], entries, progress=None) -> list[Segmentation]:
    segs = []
    for n, path in enumerate(paths, start=1):
        dump = read_dump(path, meta_for(entries, path))
        for warning in dump.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        seg = segment(dump)
        if not any(a.title for a in seg.articles):
            print(f"warning: {path}: no headline found; the page is kept as "
                  f"{len(seg.articles)} untitled article(s)", file=sys.stderr)
        if progress:
            progress(n, len(paths), path, seg)
        segs.append(seg)
    return segs


def _progress(n, total, path, seg) -> None:
    print(f"[{n}/{total}] {path.name}: {len(seg.articles)} articles, "
          f"{sum(r.unsure for r in seg.repairs)} to check", file=sys.stderr)


def run(args) -> int:
    entries = _manifest(args)
    paths = args.dumps or [e.file for e in entries]
    if not paths:
        raise UserError("no dumps given and the manifest lists none")
    segs = segment_dumps(paths, entries, None if args.json else _progress)
    if args.json:
        records = [article_record(seg, n) for seg in segs for n in range(len(seg.articles))]
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    counts = write_articles(segs, args.out, root=Path.cwd())
    for seg in segs:
        write_if_changed(args.reports / f"{seg.dump.path.stem}.md", render_report(seg))
    print(f"{counts['articles']} articles in {args.out / 'zh-Hans'} ({counts['written']} written, "
          f"{counts['unchanged']} unchanged, {counts['removed']} removed); reports in {args.reports}",
          file=sys.stderr)
    return 0
