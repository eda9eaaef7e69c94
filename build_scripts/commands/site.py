"""Build the three-language site into site/.

Assembles a docs dir per language (build/docs/<lang>/: the articles of
docs/<lang>/, the hand-written pages of docs/, and generated home, archive,
issue, page, author and source pages), runs one MkDocs build per language in
parallel processes (zh-Hans at the root, zh-Hant/ and en/ below it), writes one
sitemap.xml with hreflang alternates, and indexes every language with Pagefind.

The site's public URL comes from the SITE_URL environment variable (default
https://example.github.io/newsarchive/); it must carry the GitHub Pages project
path, or the language switcher's alternates and canonical URLs point elsewhere.
"""
from __future__ import annotations

from pathlib import Path

HELP = "build the three-language site into site/"


def configure(parser) -> None:
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="docs folder (default: docs)")
    parser.add_argument("--out", type=Path, default=Path("site"), metavar="DIR",
                        help="where the site goes (default: site)")
    parser.add_argument("--build-dir", type=Path, default=Path("build"), metavar="DIR",
                        help="staging docs dirs and partial builds (default: build)")
    parser.add_argument("--no-search", dest="search", action="store_false",
                        help="skip the Pagefind indexes")
    add_mkdocs_options(parser)


def add_mkdocs_options(parser) -> None:
    """How the MkDocs builds run: the options of every command that builds pages (site, merge)."""
    parser.add_argument("--no-strict", dest="strict", action="store_false",
                        help="do not fail on MkDocs warnings (default: --strict)")
    parser.add_argument("--verbose", action="store_true", help="show MkDocs' info messages")


def writes(args) -> bool:
    return True


def run(args) -> int:
    from ..site.build import build_site
    build_site(args.docs, args.out, dumps_root=Path.cwd(), build_dir=args.build_dir,
               strict=args.strict, search=args.search, verbose=args.verbose)
    return 0
