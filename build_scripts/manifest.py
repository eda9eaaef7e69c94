"""The dumps manifest: which page of which issue each dump file is.

``dumps/manifest.yaml``::

    publication: 通辽日报          # default for every entry
    dumps:
      - file: 001_348aeecdd38910cd.txt
        date: 2025-12-15
        page: 1
        page_name: 要闻
        assumption: why the date/page are what they are, when not printed

Errors name the manifest and the line of the offending entry.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import UserError
from .model import PageMeta


@dataclass(frozen=True)
class Entry:
    file: Path
    meta: PageMeta
    line: int


class _LineLoader(yaml.SafeLoader):
    """Keeps the line of every mapping so errors can point at it."""


def _mapping_with_line(loader, node):
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def load_manifest(path: Path, check_files: bool = True) -> list[Entry]:
    if not path.exists():
        raise UserError(f"{path}: manifest not found")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.context_mark or e.problem_mark  # where the broken construct began
        line = mark.line + 1 if mark else "?"
        raise UserError(f"{path}:{line}: malformed YAML: {e.problem or e.context}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise UserError(f"{path}: unreadable manifest: {e}") from None
    if not isinstance(data, dict) or not isinstance(data.get("dumps"), list):
        raise UserError(f"{path}:1: expected a mapping with a 'dumps' list")
    publication = data.get("publication")
    entries = [_entry(path, raw, publication) for raw in data["dumps"]]
    if check_files:
        for entry in entries:
            if not entry.file.is_file():
                raise UserError(f"{path}:{entry.line}: dump file {entry.file.name} does not exist")
    seen: dict[Path, int] = {}
    for entry in entries:
        if entry.file in seen:
            raise UserError(f"{path}:{entry.line}: {entry.file.name} is listed twice "
                            f"(first on line {seen[entry.file]})")
        seen[entry.file] = entry.line
    return entries


def _entry(path: Path, raw, publication) -> Entry:
    if not isinstance(raw, dict):
        raise UserError(f"{path}: every item of 'dumps' must be a mapping, got {raw!r}")
    line = raw.get("__line__", "?")
    where = f"{path}:{line}"
    if not raw.get("file"):
        raise UserError(f"{where}: entry has no 'file'")
    date = raw.get("date")
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            raise UserError(f"{where}: date {date!r} is not YYYY-MM-DD") from None
    if date is not None and not isinstance(date, dt.date):
        raise UserError(f"{where}: date {date!r} is not YYYY-MM-DD")
    page = raw.get("page")
    if page is not None and (not isinstance(page, int) or isinstance(page, bool) or page < 1):
        raise UserError(f"{where}: page {page!r} is not a positive whole number")
    meta = PageMeta(publication=raw.get("publication", publication), date=date, page=page,
                    page_name=raw.get("page_name"), assumption=raw.get("assumption"))
    return Entry(file=path.parent / str(raw["file"]), meta=meta, line=line)


class Lookup:
    """A manifest's entries by resolved path and by file name, built once: a year lists
    thousands of dumps, and a run asks for each of them."""

    def __init__(self, entries: list[Entry]):
        self.by_path = {entry.file.resolve(): entry.meta for entry in entries}
        self.by_name: dict[str, PageMeta] = {}
        for entry in entries:
            self.by_name.setdefault(entry.file.name, entry.meta)

    def meta_for(self, dump_path: Path) -> PageMeta | None:
        """The manifest's metadata for a dump file, matched by resolved path or file name."""
        return self.by_path.get(dump_path.resolve()) or self.by_name.get(dump_path.name)


def meta_for(entries: list[Entry], dump_path: Path) -> PageMeta | None:
    """One look-up; for many, build a ``Lookup`` once."""
    return Lookup(entries).meta_for(dump_path)
