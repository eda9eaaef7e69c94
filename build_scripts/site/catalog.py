"""The articles of one language, read from the front matter of docs/<lang>/."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..docfile import split_document


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
    return split_document(path)[0]


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
