"""Atomic publish: a build makes the next site beside site/ and swaps it in only when it
is complete, so a kill, a full disk or a failing stage leaves the published site/ as it was.

The next site is ``.<name>.next`` beside site/ (the same file system, so the swap is a
rename). On Linux the two folders are exchanged in one ``renameat2(RENAME_EXCHANGE)``:
there is no moment without a site/. Elsewhere site/ is renamed aside and the next one
renamed in (two renames; a kill between them leaves the previous site at ``.<name>.previous``).
The previous site is kept at ``.<name>.previous`` and removed while the next build runs
(removing a year's 86k page folders takes seconds: not at the end of a build, but beside
its MkDocs runs).
"""
from __future__ import annotations

import ctypes
import errno
import os
import shutil
import threading
from pathlib import Path

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
