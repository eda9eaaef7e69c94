"""What every stage's incremental state is checked against, and how it is kept.

``code_fingerprint()``: one digest of everything of ours that can change an
output: every file under build_scripts/ (code and data, found by walking the
package, so a new module is in it without anyone listing it), the installed
versions of the dependencies pyproject.toml pins, and ``FORMAT_VERSION``. Any
change makes every stage's state stale, so each does its work again once:
coarser than a per-stage list of modules, but never out of date. (The page
templates in the project's overrides/ are project files, like its configs: the
MkDocs builds hash them as inputs, site/build.py, with ``tree_files``.)

State records (``load_state``/``save_state``): a JSON file holding
``{"version": [FORMAT_VERSION, version], "code": code_fingerprint(), "data": …}``,
written atomically. A record that is missing, unreadable, of another version or
made by other code reads as empty: a cache, whose loss costs a full rebuild,
never an error.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from . import atomic

FORMAT_VERSION = 1          # of the records and of the fingerprint itself
DIST = "build-scripts"      # our distribution name (pyproject.toml)
PACKAGE = Path(__file__).resolve().parent
CODE = PACKAGE              # what the fingerprint walks
_SKIP_DIRS = {"__pycache__"}


def tree_files(root: Path) -> list[Path]:
    """Every file under ``root`` that can shape an output (not byte code), in a fixed order."""
    found = []
    for dirpath, dirnames, names in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.startswith("."))
        found += [Path(dirpath, name) for name in names if not name.endswith(".pyc") and not name.startswith(".")]
    return sorted(found)


def digest_tree(roots: tuple[Path, ...]) -> str:
    """A digest of the files under ``roots``: their paths (relative to their root) and bytes."""
    h = hashlib.sha256()
    for root in roots:
        for path in tree_files(root):
            data = path.read_bytes()
            h.update(f"{root.name}/{path.relative_to(root).as_posix()}\0{len(data)}\0".encode())
            h.update(data)
    return h.hexdigest()


def pinned_versions() -> list[str]:
    """``name==installed version`` of each runtime dependency we declare (not the test extras)."""
    try:
        requirements = metadata.requires(DIST) or []
    except metadata.PackageNotFoundError:     # run from a source tree that was never installed
        requirements = []
    names = sorted({re.match(r"[A-Za-z0-9._-]+", r).group() for r in requirements if "extra ==" not in r})
    out = []
    for name in names:
        try:
            out.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}==missing")
    return out


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The digest every stage's state is made with (computed once a process: a few ms)."""
    h = hashlib.sha256(f"format {FORMAT_VERSION}\0".encode())
    h.update("\0".join(pinned_versions()).encode())
    h.update(digest_tree((CODE,)).encode())
    return h.hexdigest()[:32]


def load_state(path: Path, version: int) -> dict:
    """The data of the state record at ``path``, or {} unless it is readable, of this
    ``version`` and made by this code."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(record, dict) or record.get("version") != [FORMAT_VERSION, version] \
            or record.get("code") != code_fingerprint() or not isinstance(record.get("data"), dict):
        return {}
    return record["data"]


def save_state(path: Path, version: int, data: dict, *, lines: bool = True) -> bool:
    """Write the record atomically unless it already holds exactly this; True if written.
    ``lines=False``: on one line (json's C encoder; a record of 100k entries takes a tenth
    of the time)."""
    record = {"version": [FORMAT_VERSION, version], "code": code_fingerprint(), "data": data}
    return atomic.write_if_changed(path, json.dumps(record, ensure_ascii=False, sort_keys=True,
                                                    indent=0 if lines else None))
