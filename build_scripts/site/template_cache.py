"""Compiled Jinja templates kept between builds, as Python keeps its byte code.

Compiling the theme's and overrides/' templates was about a twentieth of each language's
MkDocs build (and the generated pages' templates a part of staging's): with this cache
each build loads their code instead. Jinja keys a template's code by its name and file
and checks it against a checksum of the template's source and Jinja's and Python's
versions, so a changed template, or another Jinja or Python, compiles again; the cache
changes no output. It lives in the project's build folder, a folder per Jinja version
(``build/templates/jinja-<version>/``: code of another Jinja is never read; gone with
``make clean``). The code files are written atomically (the language builds run at once,
each may write the same template's code); a missing or unreadable one is compiled.
"""
from __future__ import annotations

import os
from pathlib import Path

import jinja2

from .. import atomic
from ..errors import UserError

FOLDER = "templates"


class TemplateCache(jinja2.BytecodeCache):
    """Jinja's file cache, writing through atomic.py."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, bucket: jinja2.bccache.Bucket) -> Path:
        return self.folder / f"{bucket.key}.cache"

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            with open(self._path(bucket), "rb") as handle:
                bucket.load_bytecode(handle)    # checks the checksum and versions; resets on any mismatch
        except Exception:   # noqa: BLE001 - a cache: anything wrong with a file means compiling
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            atomic.write_bytes(self._path(bucket), bucket.bytecode_to_string(), sync=False)
        except (OSError, UserError):
            pass        # a cache: a read-only or full disk means only compiling next time


def for_project(start: Path | None = None) -> TemplateCache | None:
    """The cache of the project holding ``start`` (default: the working folder); None when
    there is none or ``NEWSARCHIVE_TEMPLATE_CACHE=0``."""
    if os.environ.get("NEWSARCHIVE_TEMPLATE_CACHE", "") == "0":
        return None
    from ..project import Project
    try:
        project = Project.find(start)
    except UserError:
        return None
    return TemplateCache(project.build / FOLDER / f"jinja-{jinja2.__version__}")
