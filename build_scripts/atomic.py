"""Replacing a file in one step: every writer of the project comes through here.

A file is made under a temporary name in its own directory (same file system,
so the rename is atomic), flushed to disk when asked (``sync``), and renamed
over the old one: a reader, or the next run after a crash, sees the old file or
the new one, never half of either. A failure leaves the old file as it was; a
full disk is one line naming the file (a UserError), not a traceback.

``sync`` costs ~5 ms a file against 0.2 ms without (benchmarks/bench_atomic.py,
2 cores): state records, the translation memory and other small or precious
files are synced; the many files a stage can make again from its inputs
(articles, staged pages, site pages) are not.
"""
from __future__ import annotations

import errno
import os
import secrets
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .errors import UserError

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


_recorders: list[set[str]] = []


@contextmanager
def recording() -> Iterator[set[str]]:
    """The paths every ``write_bytes``/``write_text``/``write_if_changed`` in the block is
    given (written or found unchanged), as strings: what a step made, without a walk."""
    paths: set[str] = set()
    _recorders.append(paths)
    try:
        yield paths
    finally:
        _recorders.remove(paths)


def _record(path: Path) -> None:
    for paths in _recorders:
        paths.add(os.fspath(path))


def replace_with(target: Path, make: Callable[[Path], object]) -> None:
    """Replace ``target`` by the file ``make(tmp)`` creates at a fresh path beside it (a
    write, a copy, a hard link); never writes through ``target`` (it may be a link)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        make(tmp)
        os.replace(tmp, target)
    except OSError as e:
        if e.errno in _DISK_FULL:
            raise UserError(f"no space left on device while writing {target}") from None
        raise
    finally:
        tmp.unlink(missing_ok=True)     # left when the make failed, or target already was tmp's file


def write_bytes(path: Path, data: bytes, *, sync: bool = True) -> None:
    _record(path)

    def make(tmp: Path) -> None:
        with open(tmp, "xb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
    replace_with(path, make)


def write_text(path: Path, text: str, *, sync: bool = True) -> None:
    write_bytes(path, text.encode("utf-8"), sync=sync)


def write_if_changed(path: Path, content: str | bytes, *, sync: bool = True) -> bool:
    """Replace ``path`` unless it already holds exactly ``content`` (then it keeps its
    mtime, which MkDocs' dirty builds and the stages' stamps read); True if written."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            _record(path)
            return False
    except FileNotFoundError:
        pass
    write_bytes(path, data, sync=sync)
    return True
