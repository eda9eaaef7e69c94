"""Atomic publish: a build makes the next site beside site/ and swaps it in only when it
is complete, so a kill, a full disk or a failing stage leaves the published site/ as it was.

The next site is ``.<name>.next`` beside site/ (the same file system, so the swap is a
rename). On Linux the two folders are exchanged in one ``renameat2(RENAME_EXCHANGE)``:
there is no moment without a site/. Elsewhere site/ is renamed aside and the next one
renamed in (two renames; a kill between them leaves the previous site at ``.<name>.previous``).
The previous site is kept at ``.<name>.previous``. A build that knows what it holds (a
record of its files, ``begin_reusing``) makes the next site out of it: renamed to
``.<name>.next``, only the files that changed since are replaced and those gone removed
(outputs.assemble), where linking a year's 86k pages into new folders takes seconds.
Without a record it is removed while the next build runs, beside its MkDocs runs, and the
next site is made from nothing. A folder's record is kept under the build folder, named by
the folder's device and inode (which a rename keeps); it is dropped before the folder is
changed and written once the folder is complete, so an interrupted build's folder has none.
"""
from __future__ import annotations

import ctypes
import errno
import os
import shutil
import threading
from pathlib import Path

from .. import cache
from ..errors import UserError

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def next_site(site: Path) -> Path:
    return site.with_name(f".{site.name}.next")


def previous_site(site: Path) -> Path:
    return site.with_name(f".{site.name}.previous")


def begin(site: Path) -> tuple[Path, threading.Thread]:
    """An empty next site (what an interrupted build left there is removed), and a started
    thread removing the site before the published one; join it before ``swap_in``."""
    new = next_site(site)
    discard(new)
    new.mkdir(parents=True)
    removing = threading.Thread(target=discard, args=(previous_site(site),), daemon=True)
    removing.start()
    return new, removing


TREE_RECORD_VERSION = 1


def _record_of(records: Path, folder: Path) -> Path | None:
    try:
        st = os.stat(folder)
    except FileNotFoundError:
        return None
    return records / f"{st.st_dev}-{st.st_ino}.json"


def held_files(records: Path, folder: Path) -> dict[str, list[int]]:
    """What ``folder`` holds by its record (outputs.Held), or {} when it has none, or the
    folder's top level changed since (its mtime: a file added or removed there by hand)."""
    record = _record_of(records, folder)
    data = cache.load_state(record, TREE_RECORD_VERSION) if record else {}
    if not data or data.get("mtime_ns") != os.stat(folder).st_mtime_ns:
        return {}
    return data.get("files", {})


def forget(records: Path, folder: Path) -> None:
    record = _record_of(records, folder)
    if record:
        record.unlink(missing_ok=True)


def remember(records: Path, folder: Path, files: dict[str, list[int]], site: Path) -> None:
    """Record what the complete ``folder`` holds; drop the records of folders no longer there."""
    keep = {_record_of(records, f) for f in (folder, site, previous_site(site))} - {None}
    for old in records.glob("*.json"):
        if old not in keep:
            old.unlink(missing_ok=True)
    cache.save_state(_record_of(records, folder), TREE_RECORD_VERSION,
                     {"files": files, "mtime_ns": os.stat(folder).st_mtime_ns}, lines=False)


def begin_reusing(site: Path, records: Path) -> tuple[Path, threading.Thread | None, dict[str, list[int]]]:
    """The next site made out of the previous one when its record says what it holds (that,
    ``held``, is returned), else as ``begin`` does (``held`` empty). ``site`` is never changed."""
    new, previous = next_site(site), previous_site(site)
    if new.exists() and not previous.exists():
        os.rename(new, previous)      # an interrupted build's folder: no record, removed below
    held = held_files(records, previous) if previous.is_dir() else {}
    if not held:
        forget(records, previous)
        new, removing = begin(site)
        forget(records, new)          # a new folder may have the inode of one removed before
        return new, removing, {}
    forget(records, previous)         # changed from here on: no record until it is complete
    discard(new)
    os.rename(previous, new)
    return new, None, held


def discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def swap_in(new: Path, site: Path) -> None:
    """Make ``new`` the site; the previous one goes to ``previous_site`` (which must be gone)."""
    if not site.exists() and not site.is_symlink():
        os.rename(new, site)
        return
    if _exchange(new, site):
        os.rename(new, previous_site(site))   # ``new`` holds the previous site now
        return
    os.rename(site, previous_site(site))
    os.rename(new, site)


def no_space(error: OSError, writing: Path) -> UserError:
    """The one line for a full disk during the build."""
    where = error.filename or writing
    return UserError(f"no space left on device while writing {where}; the previous site is unchanged")
