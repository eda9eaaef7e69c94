"""The translation memory: every translated segment, in a committed JSONL file.

One JSON object per line, lines sorted by source hash so a rebuild that adds a
few segments gives a small, readable diff. A machine entry is keyed by the
hash of (normalised source, target language, engine, glossary version): a new
engine or glossary makes a new machine translation. A *reviewed* entry is an
editor's translation and does not depend on the engine, so it is found by the
source hash alone, looked up before anything else, and never overwritten by
the machine.

The file is the truth for ``source``, ``text`` and ``reviewed``; hashes and
keys are recomputed on load, so an editor who fixes a line by hand cannot
break them. A line that is not valid stops the run with ``file:line`` before
anything is written, so nothing else in the file is lost.

Saving merges: under a lock beside the file, what another process wrote since
this one loaded it (an editor's import during a long build) is read again and
kept, this run's additions go on top, and the result replaces the file in one
rename. Last writer wins only for the same entry, never for the whole file.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .. import atomic
from ..errors import UserError
from ..lock import file_lock

DEFAULT_PATH = Path("translations/memory/en.jsonl")
REVIEWED = "reviewed"  # the engine slot of a reviewed entry's key


def normalise(text: str) -> str:
    """The source as stored: NFC, runs of white space as one space, no ends."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# The full-width forms of ASCII (U+FF01–FF5E) and the ideographic space: NFKC maps each to
# its ASCII character, and they are most of what NFKC changes in Chinese text.
_WIDE = re.compile("[\uff01-\uff5e\u3000]")


def _narrow(m: re.Match) -> str:
    c = m.group()
    return " " if c == "\u3000" else chr(ord(c) - 0xFEE0)


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, faster for Chinese text: the full-width forms
    are replaced by what NFKC makes of them (their compatibility decompositions, so the
    result's NFKC is the text's), and if what is left is normalised already, that is the
    text's NFKC. (A year's memory has 54k sources, nearly all with full-width commas.)"""
    wide = _WIDE.sub(_narrow, text)
    return wide if unicodedata.is_normalized("NFKC", wide) else unicodedata.normalize("NFKC", text)


def source_hash(text: str) -> str:
    """What counts as 'the same source'. NFKC as well, so that a typography fix
    upstream (half-width ``,`` ``(`` becoming full-width) does not orphan the
    translations: the width of a comma does not change the English."""
    key = " ".join(nfkc(text).split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def entry_key(src_hash: str, target: str, engine: str, glossary: str) -> str:
    return hashlib.sha256(f"{src_hash}|{target}|{engine}|{glossary}".encode()).hexdigest()[:20]


@dataclass(slots=True)
class MemoryEntry:
    source: str
    text: str
    target: str
    engine: str                    # who made ``text`` first: google, deepl … (or "reviewed")
    glossary: str = ""             # glossary version the machine text was made with
    date: str | None = None        # when the machine translated it (ISO date)
    reviewed: bool = False
    reviewer: str | None = None
    reviewed_on: str | None = None
    source_hash: str = ""
    key: str = ""

    def finish(self) -> "MemoryEntry":
        self.source_hash = source_hash(self.source)
        self.key = entry_key(self.source_hash, self.target, REVIEWED if self.reviewed else self.engine,
                             "" if self.reviewed else self.glossary)
        return self

    def to_json(self) -> str:
        # Fields in name order, empty ones left out: short lines, stable diffs.
        d = {k: getattr(self, k) for k in _SORTED_FIELDS}
        d = {k: v for k, v in d.items() if v not in (None, "", False) or k == "text"}
        return json.dumps(d, ensure_ascii=False)


_FIELDS = set(MemoryEntry.__dataclass_fields__)
_SORTED_FIELDS = sorted(_FIELDS)


def _parse_line(line: str, where: str, target: str) -> MemoryEntry:
    if line.startswith(("<<<<<<<", "=======", ">>>>>>>")):
        raise UserError(f"{where}: unresolved merge conflict marker")
    try:
        d = json.loads(line)
    except json.JSONDecodeError as e:
        raise UserError(f"{where}: not valid JSON ({e.msg} at column {e.colno})") from None
    if not isinstance(d, dict):
        raise UserError(f"{where}: expected a JSON object")
    for name in ("source", "text"):
        if not isinstance(d.get(name), str) or not d[name].strip():
            raise UserError(f"{where}: '{name}' must be a non-empty string")
    unknown = set(d) - _FIELDS
    if unknown:
        raise UserError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    if not isinstance(d.get("reviewed", False), bool):
        raise UserError(f"{where}: 'reviewed' must be true or false")
    if d.get("reviewed") and not d.get("reviewer"):
        raise UserError(f"{where}: a reviewed entry needs a 'reviewer'")
    d.setdefault("target", target)
    d.setdefault("engine", REVIEWED if d.get("reviewed") else "unknown")
    return MemoryEntry(**d).finish()


class Memory:
    """All entries of one target language, indexed for the two look-ups."""

    def __init__(self, path: Path, target: str = "en"):
        self.path = Path(path)
        self.target = target
        self.machine: dict[str, MemoryEntry] = {}     # key → entry
        self.reviewed: dict[str, MemoryEntry] = {}    # source hash → entry
        self.latest: dict[str, MemoryEntry] = {}      # source hash → newest machine entry, any engine
        self.dirty = False
        self.stats = {"reviewed": 0, "machine": 0, "stale": 0, "miss": 0}
        self.added: list[MemoryEntry] = []            # this run's additions, replayed onto the file on save
        self.loaded_stamp: tuple | None = None  # the file as loaded, to see whether another run wrote it

    @classmethod
    def load(cls, path: Path, target: str = "en") -> "Memory":
        memory = cls(path, target)
        memory.loaded_stamp = _stamp(memory.path)
        if memory.loaded_stamp is None:
            return memory
        reviewed_line: dict[str, int] = {}
        with memory.path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                entry = _parse_line(line, f"{memory.path}:{n}", target)
                if entry.reviewed:
                    if entry.source_hash in reviewed_line:
                        raise UserError(f"{memory.path}:{n}: a second reviewed translation of the same "
                                        f"source (the first is on line {reviewed_line[entry.source_hash]})")
                    reviewed_line[entry.source_hash] = n
                memory._index(entry)
        return memory

    def _index(self, entry: MemoryEntry) -> None:
        if entry.reviewed:
            self.reviewed[entry.source_hash] = entry
            return
        self.machine[entry.key] = entry
        newest = self.latest.get(entry.source_hash)
        if newest is None or (entry.date or "") >= (newest.date or ""):
            self.latest[entry.source_hash] = entry

    def __len__(self) -> int:
        return len(self.machine) + len(self.reviewed)

    # -- look-ups ---------------------------------------------------------
    def lookup(self, source: str, engine: str, glossary: str, *, allow_stale: bool = False,
               src_hash: str | None = None) -> MemoryEntry | None:
        """Reviewed first (any engine), then this engine + glossary; optionally any machine entry.

        ``allow_stale`` is for runs that cannot reach a service: a translation
        made with another engine or an older glossary beats no translation.
        ``src_hash`` is ``source_hash(source)`` if the caller kept it (hashing
        a year's segments again would cost seconds).
        """
        h = src_hash or source_hash(source)
        entry = self.reviewed.get(h)
        if entry:
            self.stats["reviewed"] += 1
            return entry
        entry = self.machine.get(entry_key(h, self.target, engine, glossary))
        if entry:
            self.stats["machine"] += 1
            return entry
        if allow_stale and h in self.latest:
            self.stats["stale"] += 1
            return self.latest[h]
        self.stats["miss"] += 1
        return None

    def reviewed_for(self, source: str, src_hash: str | None = None) -> MemoryEntry | None:
        entry = self.reviewed.get(src_hash or source_hash(source))
        if entry:
            self.stats["reviewed"] += 1
        return entry

    # -- changes ----------------------------------------------------------
    def add_machine(self, source: str, text: str, engine: str, glossary: str, date: str) -> MemoryEntry:
        entry = MemoryEntry(source=normalise(source), text=text, target=self.target, engine=engine,
                      glossary=glossary, date=date).finish()
        old = self.machine.get(entry.key)
        if old is None or old.text != text:
            self._index(entry)
            self.added.append(entry)
            self.dirty = True
        return self.machine[entry.key]

    def add_reviewed(self, source: str, text: str, reviewer: str, reviewed_on: str,
                     engine: str = REVIEWED) -> MemoryEntry:
        entry = MemoryEntry(source=normalise(source), text=text, target=self.target, engine=engine,
                      reviewed=True, reviewer=reviewer, reviewed_on=reviewed_on).finish()
        old = self.reviewed.get(entry.source_hash)
        if old is None or (old.text, old.reviewer, old.reviewed_on) != (text, reviewer, reviewed_on):
            self._index(entry)
            self.added.append(entry)
            self.dirty = True
        return entry

    def merge_from(self, other: "Memory") -> int:
        """Take the entries of another copy of the memory (a CI build's) that this one lacks;
        where both have a reviewed translation of a source, this one's stays. Returns how many."""
        taken = 0
        for entry in other.entries():
            if entry.reviewed and entry.source_hash in self.reviewed:
                continue
            if not entry.reviewed and entry.key in self.machine:
                continue
            self._index(entry)
            self.added.append(entry)
            self.dirty = True
            taken += 1
        return taken

    def source_digests(self) -> dict[str, str]:
        """Source hash → a digest of every entry of that source: besides the glossary, the
        engine and whether it can be reached, all that decides a segment's answer. Two runs'
        digests name the sources whose answers may differ (en-state: the articles to check)."""
        rows: dict[str, list[str]] = {}
        for e in (*self.reviewed.values(), *self.machine.values()):
            # the key holds the source hash, target, engine (or "reviewed") and glossary
            rows.setdefault(e.source_hash, []).append(f"{e.key}\x1f{e.text}\x1f{e.date}\x1f{e.reviewer}"
                                                      f"\x1f{e.reviewed_on}")
        blake2b = hashlib.blake2b
        return {h: blake2b("\x1e".join(sorted(v) if len(v) > 1 else v).encode("utf-8"), digest_size=8).hexdigest()
                for h, v in rows.items()}

    def entries(self) -> list[MemoryEntry]:
        every = list(self.reviewed.values()) + list(self.machine.values())
        # Reviewed entry first, then machine entries of the same source: one block per source.
        return sorted(every, key=lambda e: (e.source_hash, not e.reviewed, e.key))

    def save(self) -> bool:
        """Merge this run's additions into the file as it is now and write it atomically,
        if anything changed; True if it was written."""
        if not self.dirty:
            return False
        with file_lock(self.path):
            if _stamp(self.path) != self.loaded_stamp:
                self._adopt(Memory.load(self.path, self.target))
            atomic.write_text(self.path, "".join(entry.to_json() + "\n" for entry in self.entries()))
            self.loaded_stamp = _stamp(self.path)
        self.dirty = False
        self.added = []
        return True

    def _adopt(self, current: "Memory") -> None:
        """Take the file's current entries, with this run's additions on top of them."""
        for entry in self.added:
            current._index(entry)
        self.machine, self.reviewed, self.latest = current.machine, current.reviewed, current.latest


def _stamp(path: Path) -> tuple | None:
    """What tells one version of the file from another (None: no file)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)
