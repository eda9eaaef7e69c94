"""``python -m build_scripts`` (alias ``newsarchive``): one entry point, one subcommand per job."""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from .errors import UserError
from .lock import one_writer

# name → module under build_scripts.commands, in the order a new user meets them.
COMMANDS = ["build", "segment", "variants", "site", "serve", "review", "shard", "merge"]

DESCRIPTION = """\
Turn newspaper page dumps into a trilingual static archive site.

  build      run every stage on the bundled dumps: segment → variants → site
  segment    cut page dumps into articles (Markdown files, or --json)
  variants   make the Traditional Chinese and English siblings of every article
  site       build the three-language site into site/
  serve      preview the whole site locally, rebuilding on change
  review     correct a dump's cut in the browser (an editor's corrections file)
  shard      build one year of a large archive into a folder of its own
  merge      assemble the whole site from built shards

Run `python -m build_scripts COMMAND --help` for the options of one command.
"""


def _load(name: str):
    return importlib.import_module(f".commands.{name}", __package__)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m build_scripts",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = _load(name)
        except ModuleNotFoundError as e:  # a stage not built yet
            if e.name and e.name.endswith(f"commands.{name}"):
                continue
            raise
        sub = subparsers.add_parser(
            name, help=module.HELP, description=module.__doc__,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.configure(sub)
        writes = getattr(module, "writes", None)
        if writes:
            sub.add_argument("--no-wait", dest="wait", action="store_false",
                             help="if another run is writing this project, stop at once (exit 2) "
                                  "instead of waiting for it")
        sub.set_defaults(run=module.run, writes=writes, command_name=name)
    return parser


def _run(args) -> int:
    """Run the command; one that writes holds the project's build lock for its whole run."""
    if args.writes and args.writes(args):
        build_dir = getattr(args, "build_dir", None) or Path("build")
        with one_writer(build_dir, wait=args.wait, command=args.command_name):
            return args.run(args) or 0
    return args.run(args) or 0


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return _run(args)
    except UserError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
