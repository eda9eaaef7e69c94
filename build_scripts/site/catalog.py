"""The articles of one language, read from the front matter of docs/<lang>/."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from ..errors import UserError

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML without libyaml
    _Loader = yaml.SafeLoader


@dataclass
class Entry:
    """One article file: where it is (relative to docs/<lang>/) and its front matter."""

    rel: PurePosixPath
    meta: dict

    @property
    def date(self) -> dt.date | None:
        d = self.meta.get("date")
        if isinstance(d, dt.datetime):
            return d.date()
        if isinstance(d, str):
            try:
                return dt.date.fromisoformat(d)
            except ValueError:
                return None
        return d

    @property
    def page(self) -> int | None:
        p = self.meta.get("page")
        return p if isinstance(p, int) else None

    @property
    def order(self) -> int:
        o = self.meta.get("order")
        return o if isinstance(o, int) else 0

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or self.rel.stem)

    @property
    def authors(self) -> list[str]:
        return [str(a) for a in (self.meta.get("authors") or [])]

    @property
    def undated(self) -> bool:
        return self.rel.parts[0] == "undated"

    @property
    def issue_dir(self) -> PurePosixPath:
        """YYYY/MM/DD (or undated/<stem>)."""
        return PurePosixPath(*self.rel.parts[:3]) if not self.undated else PurePosixPath(*self.rel.parts[:2])

    @property
    def page_dir(self) -> PurePosixPath:
        return self.rel.parent


def read_front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        raise UserError(f"{path}:1: no YAML front matter")
    end = text.find("\n---", 3)
    if end < 0:
        raise UserError(f"{path}:1: front matter not closed with ---")
    try:
        meta = yaml.load(text[3:end], Loader=_Loader) or {}
    except yaml.YAMLError as e:
        raise UserError(f"{path}: malformed front matter: {e}") from None
    if not isinstance(meta, dict):
        raise UserError(f"{path}:1: front matter is not a mapping")
    return meta


def load(lang_dir: Path) -> list[Entry]:
    """Every article under ``lang_dir``, sorted by date, page, order."""
    entries = []
    if not lang_dir.is_dir():
        return entries
    for path in lang_dir.rglob("*.md"):
        if path.name == "index.md":
            continue
        rel = PurePosixPath(path.relative_to(lang_dir).as_posix())
        entries.append(Entry(rel, read_front_matter(path)))
    entries.sort(key=sort_key)
    return entries


def sort_key(e: Entry):
    return (e.undated, e.date or dt.date.min, e.meta.get("publication") or "",
            e.page or 0, e.order, str(e.rel))
