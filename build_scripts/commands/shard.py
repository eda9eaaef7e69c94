"""Build one shard of a large archive: the dumps of one year (from the manifest) in a folder
of its own, with its articles in every language, its pages, its search bundles and its catalog.

Shards are independent: each can be built on its own machine (a CI matrix job per year),
and `merge` then makes the pages that span years and assembles the whole site. A shard's
folder keeps its caches (build/), so building it again redoes only what changed, like `build`.
`--list` prints the manifest's shards as JSON, each with a digest of its inputs (its
manifest entries, dumps and corrections): the CI matrix, and each shard's cache key.
"""
from __future__ import annotations

import json
from pathlib import Path

HELP = "build one year of the archive into a folder of its own (a shard; see merge)"


def configure(parser) -> None:
    parser.add_argument("name", nargs="?", metavar="YEAR",
                        help="the shard: a year of the manifest's dates, or 'undated'")
    parser.add_argument("--list", action="store_true", help="print the manifest's shards (name, inputs digest) as JSON and stop")
    parser.add_argument("--out", type=Path, metavar="DIR", help="the shard's folder (default: shards/YEAR)")
    parser.add_argument("--manifest", type=Path, default=Path("dumps/manifest.yaml"),
                        help="the manifest (default: %(default)s)")
    parser.add_argument("--offline", action="store_true",
                        help="never call a translation service: use the translation memory only")
    parser.add_argument("--engine", default="google", help="machine translation engine (as for build)")
    parser.add_argument("--strict", action="store_true",
                        help="fail (exit 2) if any segment has no English translation")
    parser.add_argument("--no-search", dest="search", action="store_false", help="skip Pagefind")


def _folder(args) -> Path:
    return args.out or Path("shards") / args.name


def writes(args) -> bool:
    """A build writes its own folder only: the lock is the shard's (SHARD/build/.lock), taken
    once the manifest is known to have the shard."""
    if args.list or not args.name:
        return False
    from ..shards.select import entries_of
    entries_of(args.manifest, args.name)
    args.build_dir = _folder(args) / "build"
    return True


def run(args) -> int:
    from ..errors import UserError
    from ..project import Project
    from ..shards.select import shard_list
    if args.list:
        print(json.dumps(shard_list(args.manifest)))
        return 0
    if not args.name:
        raise UserError("which shard? give a year (python -m build_scripts shard --list lists them)")
    from ..shards.shard import build_shard
    project = Project.find()
    build_shard(args.name, _folder(args).resolve(), project.root, args.manifest.resolve(), project.site_url,
                offline=args.offline,
                engine=args.engine, strict=args.strict, search=args.search)
    return 0
