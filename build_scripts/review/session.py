"""One dump under review: its corrections file, changed one fix at a time.

Every change is tried first (the new list is checked and the dump cut with it); only a list
that cuts cleanly is written, atomically, so a stale or contradictory fix never reaches the
file: the editor sees the error and the file keeps its last good state. Undo puts the list
back as it was before the last change.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from .. import corrections as fixes
from ..corrections import Correction
from ..errors import UserError
from ..ingest import read_dump
from ..model import Dump, PageMeta, Segmentation
from ..segment import segment


@dataclass
class Session:
    dump_path: Path
    meta: PageMeta | None = None
    history: list[list[Correction]] = field(default_factory=list)   # lists before each change
    lock: threading.RLock = field(default_factory=threading.RLock)  # one change at a time, read to written

    def __post_init__(self) -> None:
        self.dump: Dump = read_dump(self.dump_path, self.meta)
        self.path = fixes.corrections_path(self.dump_path)

    def items(self) -> list[Correction]:
        return list(fixes.load_for_dump(self.dump_path).items)

    def cut(self) -> Segmentation:
        """The dump cut with the corrections file as it is now."""
        return segment(self.dump, corrections=fixes.load_for_dump(self.dump_path))

    def _try(self, items: list[Correction]) -> Segmentation:
        """Cut with ``items`` as if they were the file (a UserError names file and line)."""
        found = fixes.parse(self.path, fixes.render(items).encode("utf-8"))
        return segment(self.dump, corrections=found)

    def _write(self, items: list[Correction]) -> None:
        if items:
            fixes.save(self.path, items)
        elif self.path.exists():
            self.path.unlink()     # no fixes left: the dump is cut as if never corrected

    def change(self, items: list[Correction]) -> Segmentation:
        with self.lock:
            before = self.items()
            seg = self._try(items)
            self._write(items)
            self.history.append(before)
            return seg

    def add(self, line: int, action: str, value: object) -> Segmentation:
        """Add one fix; a fix of the same kind on the line (or one it contradicts) gives way to it."""
        new = Correction(line, action, fixes.checked_value(action, value))
        replaced = {"start": ("start", "join"), "join": ("start", "join"), "role": ("role",),
                    "title": ("title",), "replace": ()}[action]
        with self.lock:
            kept = [c for c in self.items() if not (c.line == line and c.action in replaced)]
            return self.change(kept + [new])

    def remove(self, index: int) -> Segmentation:
        with self.lock:
            items = self.items()
            if not 0 <= index < len(items):
                raise UserError(f"{self.path}: no fix number {index + 1}")
            return self.change(items[:index] + items[index + 1:])

    def undo(self) -> Segmentation:
        with self.lock:
            if not self.history:
                raise UserError("nothing to undo")
            previous = self.history.pop()
            seg = self._try(previous)
            self._write(previous)
            return seg

