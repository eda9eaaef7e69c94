"""Preview the whole three-language site locally, rebuilding on change.

Runs the pipeline (segment, variants offline, the site stage without --strict
failures stopping the server) into its own folder, build/preview/ (never the deploy
folder site/: the preview's links point at 127.0.0.1), serves it on
http://127.0.0.1:8000/ (zh-Hans at /, zh-Hant at /zh-Hant/, en at /en/), and
rebuilds when anything under dumps/, the hand-written pages of docs/, overrides/,
config/ or mkdocs.yml changes (watchdog). A change made while a rebuild runs is
kept and starts another rebuild when it ends. Each rebuild holds the project's
build lock (another build waits, and serve waits for it). Reload the page after a
rebuild.
"""
from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
import time
from pathlib import Path, PurePosixPath

HELP = "preview the whole site locally (in build/preview), rebuilding on change"
WATCH = ["dumps", "docs", "overrides", "config", "mkdocs.yml"]
PREVIEW = Path("build") / "preview"
PREVIEW_WORK = Path("build") / "preview-work"     # its staging and parts: other URLs than the deploy's
GENERATED_DOCS = {"zh-Hans", "zh-Hant", "en"}        # docs/<lang>/: written by the build itself


def configure(parser) -> None:
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="docs folder (default: docs)")
    parser.add_argument("--out", type=Path, default=PREVIEW, metavar="DIR",
                        help=f"where the preview goes (default: {PREVIEW}; never the deploy folder site/)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--no-search", dest="search", action="store_false",
                        help="skip Pagefind (faster rebuilds; search will not answer)")
    parser.add_argument("--quiet-time", type=float, default=0.3, metavar="SECONDS",
                        help="wait this long after the last change before rebuilding (default: 0.3)")


def is_watched(root: Path, path: str) -> bool:
    """Does a change of ``path`` change the site? Inputs only: not what the build writes
    (docs/<lang>/, docs/redirects.tsv), nor editors' hidden and backup files."""
    try:
        rel = PurePosixPath(Path(os.path.abspath(path)).relative_to(root.resolve()).as_posix())
    except ValueError:
        return False
    parts = rel.parts
    if not parts or parts[-1].startswith(".") or parts[-1].endswith("~"):
        return False
    if parts[0] == "docs":
        from ..redirects import MOVED_FILE
        return len(parts) > 1 and parts[1] not in GENERATED_DOCS and rel.as_posix() != f"docs/{MOVED_FILE}"
    return parts[0] in {"dumps", "overrides", "config"} or rel.as_posix() == "mkdocs.yml"


class RebuildQueue:
    """One rebuild at a time, for every batch of changes: a change while ``build`` runs is
    kept and makes one more rebuild when it ends (never lost, never run alongside)."""

    def __init__(self, build, quiet_time: float = 0.3):
        self.build, self.quiet_time = build, quiet_time
        self._cond = threading.Condition()
        self._changed = False
        self._last = 0.0
        self._stopped = False

    def changed(self) -> None:
        with self._cond:
            self._changed, self._last = True, time.monotonic()
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()

    def _wait_for_changes(self) -> bool:
        """Wait for a change and then for ``quiet_time`` without one (an editor saving
        several files); False once stopped."""
        with self._cond:
            while not self._changed and not self._stopped:
                self._cond.wait()
            while not self._stopped and (left := self._last + self.quiet_time - time.monotonic()) > 0:
                self._cond.wait(left)
            self._changed = False           # changes from now on make the next rebuild
            return not self._stopped

    def run(self) -> None:
        while self._wait_for_changes():
            self.build()


def _event_handler(root: Path, queue: RebuildQueue):
    from watchdog.events import FileSystemEventHandler

    class Changes(FileSystemEventHandler):
        def on_any_event(self, event):
            if event.event_type in ("opened", "closed_no_write") or (
                    event.is_directory and event.event_type == "modified"):
                return
            paths = [event.src_path, getattr(event, "dest_path", "") or ""]
            if any(is_watched(root, os.fsdecode(p)) for p in paths if p):
                queue.changed()
    return Changes()


def watch(root: Path, queue: RebuildQueue):
    """A started watchdog observer that tells ``queue`` of every change to the inputs."""
    from watchdog.observers import Observer
    handler = _event_handler(root, queue)
    observer = Observer()
    for name in WATCH:
        path = root / name
        if path.is_dir():
            observer.schedule(handler, str(path), recursive=True)
    observer.schedule(handler, str(root), recursive=False)      # mkdocs.yml
    observer.start()
    return observer


def rebuild_preview(args) -> None:
    """The pipeline into the preview folder, under the project's build lock."""
    from ..errors import UserError
    from ..lock import one_writer
    from ..site.build import build_site
    from .build import run_segment, run_variants
    print("rebuilding the preview …", file=sys.stderr)
    try:
        with one_writer(Path("build"), command="serve"):
            run_segment()
            run_variants(offline=True)
            build_site(args.docs, args.out, dumps_root=Path.cwd(), build_dir=PREVIEW_WORK, strict=False,
                       search=args.search)
    except UserError as e:
        print(f"error: {e}", file=sys.stderr)


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - quiet: errors only
        if args and str(args[1]).startswith(("4", "5")):
            super().log_message(format, *args)


def run(args) -> int:
    os.environ["SITE_URL"] = f"http://{args.host}:{args.port}/"    # this process's builds only
    root = Path.cwd()
    queue = RebuildQueue(functools.partial(rebuild_preview, args), args.quiet_time)
    observer = watch(root, queue)       # watching before the first build: no change is missed
    rebuild_preview(args)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    # a path, not a folder handle: each rebuild swaps a new folder in at that path
    handler = functools.partial(_Handler, directory=str(out))
    server = http.server.ThreadingHTTPServer((args.host, args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving {out} on http://{args.host}:{server.server_address[1]}/ "
          f"(zh-Hant/, en/); watching {', '.join(WATCH)}; Ctrl-C stops", file=sys.stderr)
    try:
        queue.run()
    finally:
        queue.stop()
        observer.stop()
        server.shutdown()
    return 0
