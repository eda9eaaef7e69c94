"""The dumps manifest: which page of which issue each dump file is.

``dumps/manifest.yaml``::

    publication: 通辽日报          # default for every entry
    edition: null                 # optional default (a paper printing two editions a day)
    dumps:
      - file: 001_348aeecdd38910cd.txt
        date: 2025-12-15
        page: 1
        page_name: 要闻
        edition: 晚刊              # optional
        assumption: why the date/page are what they are, when not printed

It is checked as a schema before anything is segmented: unknown or repeated
keys, values of the wrong type, impossible dates (``2025-13-45``), a date with
a time, two entries for the same file or for the same page of the same issue
(publication, date, page, edition) are each one error naming the manifest and
the line.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import UserError
from .ingest import dump_problem
from .model import PageMeta

TOP_KEYS = {"publication": str, "edition": str, "dumps": list}
ENTRY_KEYS = {"file": str, "date": dt.date, "page": int, "page_name": str, "assumption": str,
              "publication": str, "edition": str}
TYPE_NAMES = {str: "text", int: "a positive whole number", list: "a list", dt.date: "a date (YYYY-MM-DD)"}


@dataclass(frozen=True)
class ManifestEntry:
    file: Path
    meta: PageMeta
    line: int


class _Bad(Exception):
    """A manifest error found while reading the YAML, with its line."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


class _Mapping(dict):
    """A YAML mapping that remembers its line and the line of each key."""
    line: int = 0
    lines: dict


class _ManifestLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML with the lines of every mapping and key, refusing repeated keys and
    impossible dates instead of taking the last one or failing with a traceback. Parsed by
    libyaml where PyYAML has it (as docfile.py): a year's manifest holds ~3,000 entries,
    read on every build, and the pure-Python parser took a second per ~300."""


def _mapping(loader: _ManifestLoader, node: yaml.MappingNode) -> _Mapping:
    loader.flatten_mapping(node)
    out = _Mapping()
    out.line, out.lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise _Bad(line, f"key {key!r} is not a name")
        if key in out:
            raise _Bad(line, f"'{key}' is given twice in one entry (first on line {out.lines[key]})")
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = line
    return out


def _timestamp(loader: _ManifestLoader, node: yaml.ScalarNode):
    line = node.start_mark.line + 1
    try:
        value = loader.construct_yaml_timestamp(node)
    except ValueError as e:
        raise _Bad(line, f"{node.value} is not a date ({e})") from None
    if isinstance(value, dt.datetime):
        raise _Bad(line, f"{node.value} has a time of day; give the date alone (YYYY-MM-DD)")
    return value


_ManifestLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_ManifestLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _read(path: Path):
    if path.is_dir():
        raise UserError(f"{path}: is a directory, not a manifest")
    if not path.exists():
        raise UserError(f"{path}: manifest not found")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise UserError(f"{path}: not UTF-8 text (byte {e.start})") from None
    except OSError as e:
        raise UserError(f"{path}: cannot read the manifest ({e.strerror})") from None
    try:
        return yaml.load(text, Loader=_ManifestLoader)
    except _Bad as e:
        raise UserError(f"{path}:{e.line}: {e}") from None
    except yaml.MarkedYAMLError as e:
        mark = e.context_mark or e.problem_mark  # where the broken construct began
        line = mark.line + 1 if mark else "?"
        raise UserError(f"{path}:{line}: malformed YAML: {e.problem or e.context}") from None
    except yaml.YAMLError as e:
        raise UserError(f"{path}: unreadable manifest: {e}") from None


def _check_keys(path: Path, mapping: _Mapping, schema: dict, what: str) -> None:
    """Every key known, every value of its type (null: not given)."""
    for key, value in mapping.items():
        where = f"{path}:{mapping.lines[key]}"
        if key not in schema:
            raise UserError(f"{where}: unknown key '{key}' in {what} (known: {', '.join(schema)})")
        kind = schema[key]
        if value is None:
            continue
        if kind is int:
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 1
        elif kind is dt.date and isinstance(value, str):
            try:
                mapping[key] = dt.date.fromisoformat(value)
                ok = True
            except ValueError:
                ok = False
        else:
            ok = isinstance(value, kind) and not isinstance(value, dt.datetime)
        if key == "edition" and isinstance(value, int) and not isinstance(value, bool):
            mapping[key], ok = str(value), True   # edition: 2 is the second edition
        if not ok:
            raise UserError(f"{where}: '{key}' must be {TYPE_NAMES[kind]}, not {_shown(value)}")


def _shown(value) -> str:
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a mapping"
    return repr(value if not isinstance(value, dt.date) else value.isoformat())


def load_manifest(path: Path, check_files: bool = True) -> list[ManifestEntry]:
    data = _read(path)
    if not isinstance(data, _Mapping) or not isinstance(data.get("dumps"), list):
        raise UserError(f"{path}:1: expected a mapping with a 'dumps' list")
    _check_keys(path, data, TOP_KEYS, "the manifest")
    entries = [_entry(path, raw, data) for raw in data["dumps"]]
    if check_files:
        for entry in entries:
            problem = dump_problem(entry.file)
            if problem == "no such file":
                raise UserError(f"{path}:{entry.line}: dump file {entry.file.name} does not exist")
            if problem:
                raise UserError(f"{path}:{entry.line}: dump file {entry.file.name}: {problem}")
    _no_two_alike(path, entries)
    return entries


def _no_two_alike(path: Path, entries: list[ManifestEntry]) -> None:
    """One entry per file, and one per page of an issue: a second would overwrite the first's articles."""
    files: dict[Path, int] = {}
    pages: dict[tuple, int] = {}
    for entry in entries:
        if entry.file in files:
            raise UserError(f"{path}:{entry.line}: {entry.file.name} is listed twice "
                            f"(first on line {files[entry.file]})")
        files[entry.file] = entry.line
        m = entry.meta
        if m.date and m.page:
            key = (m.publication, m.date, m.page, m.edition)
            if key in pages:
                edition = f", edition {m.edition}" if m.edition else ""
                raise UserError(f"{path}:{entry.line}: {m.publication or 'the paper'} of {m.date}{edition}, "
                                f"page {m.page} is listed twice (first on line {pages[key]})")
            pages[key] = entry.line


def _entry(path: Path, raw, top: _Mapping) -> ManifestEntry:
    if not isinstance(raw, _Mapping):
        raise UserError(f"{path}: every item of 'dumps' must be a mapping, got {_shown(raw)}")
    where = f"{path}:{raw.line}"
    _check_keys(path, raw, ENTRY_KEYS, "a dump entry")
    if not raw.get("file"):
        raise UserError(f"{where}: entry has no 'file'")
    meta = PageMeta(publication=raw.get("publication", top.get("publication")), date=raw.get("date"),
                    page=raw.get("page"), page_name=raw.get("page_name"), assumption=raw.get("assumption"),
                    edition=raw.get("edition", top.get("edition")))
    return ManifestEntry(file=path.parent / raw["file"], meta=meta, line=raw.line)


class Lookup:
    """A manifest's entries by resolved path and by file name, built once: a year lists
    thousands of dumps, and a run asks for each of them."""

    def __init__(self, entries: list[ManifestEntry]):
        self.by_path = {entry.file.resolve(): entry.meta for entry in entries}
        self.by_name: dict[str, PageMeta] = {}
        for entry in entries:
            self.by_name.setdefault(entry.file.name, entry.meta)

    def meta_for(self, dump_path: Path) -> PageMeta | None:
        """The manifest's metadata for a dump file, matched by resolved path or file name."""
        return self.by_path.get(dump_path.resolve()) or self.by_name.get(dump_path.name)


def meta_for(entries: list[ManifestEntry], dump_path: Path) -> PageMeta | None:
    """One look-up; for many, build a ``Lookup`` once."""
    return Lookup(entries).meta_for(dump_path)
