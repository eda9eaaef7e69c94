"""The files under a folder of generated files, found fast.

os.walk with plain strings: a year's docs and site trees hold tens of thousands of
files, where pathlib's rglob and relative_to cost seconds.
"""
from __future__ import annotations

import os
from pathlib import Path


def relative_files(root: Path, skip: set[str] = frozenset()) -> set[str]:
    """The files under ``root`` as relative POSIX paths; ``skip``: relative paths of files
    left out and of folders not entered. A missing ``root`` has none."""
    found = set()
    for dirpath, dirs, names in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
        prefix = "" if rel_dir == "." else rel_dir + "/"
        dirs[:] = [d for d in dirs if prefix + d not in skip]
        found.update(prefix + name for name in names if prefix + name not in skip)
    return found
