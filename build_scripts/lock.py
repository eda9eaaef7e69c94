"""One writer at a time: a lock on the project's ``build/``.

Two runs writing the same docs, state and site at once leave each other's files
half replaced (a search shard with a few of its pages, an index missing an
issue). Every command that writes takes ``build/.lock`` (``filelock``: an
``flock`` the system drops when the process dies, so a killed run never leaves
a stale lock) for its whole run. A second run waits, saying so on stderr, or
with ``--no-wait`` stops at once with one line.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from filelock import FileLock, Timeout

from .errors import UserError

LOCK_NAME = ".lock"


def lock_path(build_dir: Path) -> Path:
    return Path(build_dir) / LOCK_NAME


@contextmanager
def one_writer(build_dir: Path, *, wait: bool = True, command: str = "this command") -> Iterator[None]:
    """Hold the build lock for the body; wait for it (with a message), or fail at once."""
    path = lock_path(build_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if not wait:
            raise UserError(f"{path}: another run is writing this project (build, segment, variants, "
                            f"site or an import); {command} stopped (--no-wait)") from None
        print(f"waiting for another run writing this project to finish ({path}) …",
              file=sys.stderr, flush=True)
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """A lock beside one file (``.<name>.lock``), for a read-merge-write of that file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path.with_name(f".{path.name}.lock"))):
        yield
