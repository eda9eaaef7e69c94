"""Run every stage on the bundled dumps: segment → variants → site.

segment cuts dumps/*.txt (as listed in dumps/manifest.yaml) into
docs/zh-Hans/; variants writes docs/zh-Hant/ and docs/en/ (translating
segments missing from the translation memory online unless --offline, and
keeping the updated memory); site builds site/ in all three languages with
MkDocs --strict and indexes it with Pagefind.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from ..errors import UserError

HELP = "run every stage on the bundled dumps: segment → variants → site"


def configure(parser) -> None:
    parser.add_argument("--offline", action="store_true",
                        help="never call a translation service: use the translation memory only")
    parser.add_argument("--engine", default="google",
                        help="machine translation engine for segments missing from the memory "
                             "(google, deepl, libretranslate, microsoft, mymemory; default: google)")
    parser.add_argument("--strict", action="store_true",
                        help="fail (exit 2) if any segment has no English translation, after writing "
                             "the pages (the deploy uses it)")
    parser.add_argument("--out", type=Path, default=Path("site"), metavar="DIR",
                        help="where the site goes (default: site)")
    parser.add_argument("--no-search", dest="search", action="store_false", help="skip Pagefind")
    parser.add_argument("--skip-segment", action="store_true", help="use docs/zh-Hans as it is")
    parser.add_argument("--skip-variants", action="store_true", help="use docs/zh-Hant and docs/en as they are")


def _stage_module(name: str):
    try:
        return importlib.import_module(f"build_scripts.commands.{name}")
    except ModuleNotFoundError as e:
        raise UserError(f"the {name} stage is not available ({e.name})") from None


def run_segment() -> None:
    module = _stage_module("segment")
    parser = argparse.ArgumentParser()
    module.configure(parser)
    module.run(parser.parse_args([]))


def run_variants(offline: bool, engine: str = "google", strict: bool = False) -> None:
    try:
        from ..variants import make_variants
    except ImportError as e:
        raise UserError(f"the variants stage is not available ({e})") from None
    make_variants(Path("docs"), offline=offline, engine=engine, strict=strict)


def writes(args) -> bool:
    """Every stage writes: the build holds the project's lock throughout."""
    return True


def run(args) -> int:
    from ..site.build import build_site
    if not args.skip_segment:
        print("== segment", file=sys.stderr)
        run_segment()
    if not args.skip_variants:
        print("== variants", file=sys.stderr)
        run_variants(args.offline, args.engine, args.strict)
    print("== site", file=sys.stderr)
    build_site(Path("docs"), args.out, dumps_root=Path.cwd(), strict=True, search=args.search)
    return 0
