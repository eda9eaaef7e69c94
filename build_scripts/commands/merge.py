"""Merge built shards (`shard`) into the whole site.

Makes the pages that depend on more than one shard (home, archive, authors and author
pages, the issues at a year's edge, articles whose author links moved, the hand-written
pages), takes every other page from the shards' built trees, writes the sitemaps, feeds,
the search's shard lists and the redirect pages from the whole catalog, and swaps the
result in for site/ (as `site` does: a failure leaves site/ as it was). The site equals
what one `build` of the same dumps makes, byte for byte.
"""
from __future__ import annotations

from pathlib import Path

from .site import add_mkdocs_options

HELP = "assemble the whole site from built shards (see shard)"


def configure(parser) -> None:
    parser.add_argument("shards", nargs="+", type=Path, metavar="SHARD", help="the shards' folders")
    parser.add_argument("--out", type=Path, default=Path("site"), metavar="DIR",
                        help="where the site goes (default: site)")
    parser.add_argument("--build-dir", type=Path, default=Path("build/merge"), metavar="DIR",
                        help="the merge's own pages, staged and built (default: build/merge)")
    parser.add_argument("--manifest", type=Path, default=Path("dumps/manifest.yaml"),
                        help="the manifest whose every shard is merged (default: %(default)s)")
    add_mkdocs_options(parser)


def writes(args) -> bool:
    return True


def run(args) -> int:
    from ..shards.merge import merge_shards
    merge_shards(args.shards, args.out, args.build_dir, args.manifest, strict=args.strict, verbose=args.verbose)
    return 0
