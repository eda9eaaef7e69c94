"""What the last run made, so a rebuild redoes only what changed.

Both live in build/cache/ beside the docs folder; they are caches: when
missing, unreadable or made by other code (cache.code_fingerprint), everything
is done again.

zh-Hant-state.json
    a cache.py state record, rel → [source mtime_ns, source size, converter key]:
    a source unchanged since the same converter made its zh-Hant sibling is not
    converted again.

en-state/
    ``index.json``: ``key`` (glossary version + code fingerprint) and
    ``basis`` and ``sources`` (below). ``YYYY-MM.json``: an ``EnglishRecord`` per article of
    the month (one file a month, so adding an issue rewrites one): the
    source's stamp, its pass-1 segments (so an unchanged source is neither
    parsed nor rendered to learn them), which of those the last rendering
    asked for and in what order (``used``), a digest of the answers it got,
    and where it stayed untranslated.

Why the digest is enough: rendering an article is a function of its source,
the glossary, the code and the answers it gets; and which segment it asks for
next depends only on the answers so far. So if the same segments, asked in the
same order, get the same answers, the page comes out the same and is skipped.
A changed memory entry (a reviewed translation imported, a machine
translation added for a segment that was missing) changes the answers of
exactly the articles that use it.

Asking the memory again for a year's quarter of a million segments costs a
few seconds, so the state also keeps the ``basis`` of the last answers: the
memory file's stamp and whether the run could use the engine. While that is
the same (and the fill had no failures), every answer is the same, and the
digests need not be checked. When the memory did change (a daily run adds the new issue's
translations), ``sources`` (a digest of the memory's entries for each source,
``Memory.source_digests``) tells which sources' answers may have changed: only the articles
that ask for one of those are checked.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .. import atomic, paths
from ..cache import code_fingerprint, load_state, save_state
from .glossary import Glossary
from .translate import Rendering, Segment

Stamp = tuple[int, int]  # a zh-Hans file's (mtime_ns, size)
CONVERSION_VERSION = 1


def cache_dir(docs: Path) -> Path:
    return docs.resolve().parent / "build" / "cache"


def _load_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def english_key(glossary: Glossary) -> str:
    return f"{glossary.version} {code_fingerprint()}"


def answers_digest(renderings) -> str:
    """One string for the answers an article's rendering got, in order."""
    h = hashlib.sha256()
    for r in renderings:  # separators that no translation contains; None and "" differ
        h.update(f"{r.text!r}\x1f{r.kind}\x1f{r.engine!r}\x1f{r.date!r}\x1e".encode("utf-8"))
    return h.hexdigest()[:24]


class ConversionState:
    """zh-Hant: which sources were converted, when and by what."""

    def __init__(self, docs: Path):
        self.path = cache_dir(docs) / "zh-Hant-state.json"
        self.converted: dict[str, list] = load_state(self.path, CONVERSION_VERSION)

    def is_current(self, rel: str, stamp: Stamp, converter_key: str) -> bool:
        return self.converted.get(rel) == [*stamp, converter_key]

    def note(self, rel: str, stamp: Stamp, converter_key: str) -> None:
        self.converted[rel] = [*stamp, converter_key]

    def save(self, keep: set[str]) -> None:
        self.converted = {rel: v for rel, v in self.converted.items() if rel in keep}
        save_state(self.path, CONVERSION_VERSION, self.converted)


# -- en ------------------------------------------------------------------------------------
@dataclass
class EnglishRecord:
    stamp: Stamp
    segments: list[Segment]              # pass 1, in order, with their memory hashes
    used: list[int] | None = None        # indices into segments, as the last rendering asked
    digest: str = ""                     # answers_digest of what those got
    untranslated: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"stamp": list(self.stamp), "segments": [_segment_json(s) for s in self.segments],
                "used": self.used, "digest": self.digest, "untranslated": self.untranslated}

    @classmethod
    def from_json(cls, d: dict, interned: dict[str, Segment]) -> "EnglishRecord":
        return cls(tuple(d["stamp"]), [_segment_from_json(s, interned) for s in d["segments"]], d["used"],
                   d["digest"], d["untranslated"])


def _segment_json(s: Segment) -> list:
    # Most segments are [source, hash]: short rows, since a year has a quarter of a million.
    row = [s.source, s.source_hash]
    if s.protect or not s.machine:
        row += [s.machine, [list(p) for p in s.protect]]
    return row


def _segment_from_json(row: list, interned: dict[str, Segment]) -> Segment:
    if len(row) > 2:
        return Segment(row[0], tuple(tuple(p) for p in row[3]), machine=row[2], source_hash=row[1])
    segment = interned.get(row[0])
    if segment is None:
        segment = interned[row[0]] = Segment(row[0], source_hash=row[1])
    return segment


def _shard(rel: str) -> str:
    """The state file of an article: one per month (2025/12/… → 2025-12), so adding an
    issue rewrites one small file, not a year's."""
    return paths.month_of(rel) or "other"


class EnglishState:
    """en-state/: ``index.json`` (key, basis) and one ``YYYY-MM.json`` of records per month."""

    def __init__(self, docs: Path, key: str):
        self.folder = cache_dir(docs) / "en-state"
        self.key = key
        self.records: dict[str, EnglishRecord] = {}
        self.dirty: set[str] = set()          # shards to write
        self.basis: list | None = None        # of the answers the records' digests are of
        self.sources: dict[str, str] | None = None   # and the memory's source digests then
        self.same_answers = False             # set by ``answers_from``
        self.changed_sources: set[str] | None = None  # sources whose answers may differ (None: any)
        index = _load_json(self.folder / "index.json")
        if isinstance(index, dict) and index.get("key") == key:
            self.basis = index.get("basis")
            sources = index.get("sources")
            self.sources = sources if isinstance(sources, dict) else None
            self._load_shards()
        else:
            self.dirty.add("index")
            for stale in self.folder.glob("*.json"):  # made for other code or another glossary
                stale.unlink()

    def _load_shards(self) -> None:
        interned: dict[str, Segment] = {}  # a year repeats many segments (本报讯): one object each
        for path in sorted(self.folder.glob("*.json")):
            if path.name == "index.json":
                continue
            loaded = _load_json(path)
            try:
                for rel, d in loaded["articles"].items():
                    self.records[rel] = EnglishRecord.from_json(d, interned)
            except (KeyError, TypeError, ValueError, IndexError, AttributeError):
                self.dirty.add(path.stem)  # another shape: its articles are made again

    def answers_from(self, basis: list | None, sources: dict[str, str] | None = None) -> None:
        """Note what this run's answers come from (``answers_basis``; None: cannot tell) and the
        memory's source digests (``Memory.source_digests``). With the same engine and reach as
        last time, a changed memory changes only the answers of the sources whose digest
        changed: only the articles using one of those are checked."""
        self.same_answers = basis is not None and basis == self.basis
        self.changed_sources = None
        if (not self.same_answers and basis is not None and self.basis is not None and basis[1:] == self.basis[1:]
                and sources is not None and self.sources is not None):
            self.changed_sources = {h for h in sources.keys() | self.sources.keys()
                                    if sources.get(h) != self.sources.get(h)}
        if basis != self.basis or sources != self.sources:
            self.basis = basis
            self.sources = sources if basis is not None else None
            self.dirty.add("index")

    def is_current(self, rel: str, stamp: Stamp) -> bool:
        record = self.records.get(rel)
        return record is not None and record.stamp == stamp

    def renew(self, rel: str, stamp: Stamp, segments: list[Segment]) -> None:
        """A new or changed source: its segments are known, its page not yet made."""
        self.records[rel] = EnglishRecord(stamp, segments)
        self.dirty.add(_shard(rel))

    def rendered(self, rel: str, used: list[int], digest: str, untranslated: list[str]) -> None:
        record = self.records[rel]
        if (record.used, record.digest, record.untranslated) != (used, digest, untranslated):
            record.used, record.digest, record.untranslated = used, digest, untranslated
            self.dirty.add(_shard(rel))

    def needs_rendering(self, rel: str, answer) -> bool:
        """Unless the segments the last rendering used get the same answers now."""
        record = self.records[rel]
        if record.used is None:
            return True
        if self.same_answers:
            return False
        changed = self.changed_sources
        if changed is not None and not any(record.segments[i].source_hash in changed
                                           or not record.segments[i].source_hash for i in record.used):
            return False
        return answers_digest(answer(record.segments[i]) for i in record.used) != record.digest

    def save(self, keep: set[str]) -> None:
        for rel in set(self.records) - keep:
            del self.records[rel]
            self.dirty.add(_shard(rel))
        if not self.dirty:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        shards: dict[str, dict] = {}
        for rel, record in self.records.items():
            if _shard(rel) in self.dirty:
                shards.setdefault(_shard(rel), {})[rel] = record
        for name in self.dirty - {"index"}:
            path = self.folder / f"{name}.json"
            if name in shards:
                articles = {rel: r.to_json() for rel, r in sorted(shards[name].items())}
                atomic.write_text(path, json.dumps({"articles": articles}, ensure_ascii=False,
                                                   separators=(",", ":")))
            else:
                path.unlink(missing_ok=True)  # its articles are gone
        # The index last: a run stopped half-way leaves an old key or basis, never a wrong one.
        atomic.write_if_changed(self.folder / "index.json", json.dumps({"key": self.key, "basis": self.basis,
                                                                         "sources": self.sources},
                                                                        separators=(",", ":")))
        self.dirty.clear()


def answers_basis(memory_path: Path, engine_name: str, memory_only: bool, failures: bool) -> list | None:
    """What decides every answer besides the glossary and the code: the memory file (its
    stamp, taken after it was saved) and whether stale entries are allowed; None when a
    segment's answer depends on this run's own failures."""
    if failures:
        return None
    try:
        st = memory_path.stat()
        stamp = [st.st_mtime_ns, st.st_size]
    except FileNotFoundError:
        stamp = None
    return [stamp, engine_name, memory_only]


class Answers:
    """What the translator says for each segment, asked once per run: many articles share a
    segment (本报讯), and workers get a plain dict of the answers their articles need."""

    def __init__(self, render):
        self.render = render
        self.known: dict[tuple[str, bool], Rendering] = {}

    def __call__(self, segment: Segment) -> Rendering:
        key = (segment.source, segment.machine)  # all that decides the answer
        answer = self.known.get(key)
        if answer is None:
            answer = self.known[key] = self.render(segment)
        return answer

    def for_segments(self, segments: list[Segment]) -> dict[tuple[str, bool], Rendering]:
        return {(s.source, s.machine): self(s) for s in segments}
