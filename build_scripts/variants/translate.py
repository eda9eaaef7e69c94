"""An article's English sibling, segment by segment, from the memory and an engine.

A *segment* is one piece a reader sees that is translated on its own: the
title, kicker, subtitle, each caption, each subhead, each paragraph — and a
paragraph's bold lead-in separately from the rest, so the English keeps it.
The English body has exactly the Chinese body's blocks in the same order
(block n of one is block n of the other; the site shows them side by side).

The work is done in two passes over all articles, so all requests of a build
share one pool and one service-down check:

1. ``english_article`` runs with a recorder that only notes the segments;
   ``Translator.fill`` translates those the memory lacks (if an engine may
   be used) and stores them in the memory;
2. ``english_article`` runs again and takes every segment from the memory.

A rebuild keeps each article's pass-1 segments and what pass 2 asked for
(``state.py``), so it records only new or changed articles, and renders again
only those whose answers changed.

A segment nobody could translate stays in Chinese in its place, marked
``UNTRANSLATED``, and the front matter's ``translation`` entry says so.
"""
from __future__ import annotations

import datetime as _dt
import re
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Callable

from ..model import BodyBlock
from .engines import Engine, ServiceDown, TranslationFailed
from .glossary import Glossary
from .memory import Memory, source_hash
from .names import romanise
from .plausible import why_not_a_translation

UNTRANSLATED = "(Not yet translated) "

ENGINE_NAMES = {"google": "Google Translate", "microsoft": "Microsoft Translator",
                "libretranslate": "LibreTranslate", "mymemory": "MyMemory", "deepl": "DeepL"}

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# A byline is roles and names between spaces and brackets: 本报讯(记者 王樱润).
_BYLINE_TOKENS = re.compile(r"[()()]|[^\s()()]+")
_PARENS = {"(": "(", ")": ")", "(": "(", ")": ")"}


@dataclass(frozen=True)
class Segment:
    source: str
    protect: tuple[tuple[str, str], ...] = ()  # extra fixed renderings (names in a byline)
    where: str = field(default="", compare=False)  # title, body[3] … (for people, not for keys)
    # False for a whole byline or dateline: an editor's translation is used if there is
    # one, but the machine is never asked (rules handle it: roles and pinyin names).
    machine: bool = True
    source_hash: str = field(default="", compare=False)  # memory.source_hash(source), once known

    def hashed(self) -> "Segment":
        """This segment with its memory hash filled in (kept in the English state)."""
        return self if self.source_hash else replace(self, source_hash=source_hash(self.source))

    @property
    def extra(self) -> dict[str, str]:
        return dict(self.protect)


@dataclass
class Rendering:
    text: str | None     # None: missing
    kind: str            # reviewed, machine, rule, missing
    engine: str | None = None
    date: str | None = None          # a machine translation's date, or the day it was reviewed
    reviewer: str | None = None      # who reviewed it (a reviewed rendering)


@dataclass
class FillReport:
    asked: int = 0
    translated: int = 0
    placeholder_fallbacks: int = 0
    failures: dict[str, str] = field(default_factory=dict)  # source → why
    refused: dict[str, str] = field(default_factory=dict)   # source → why the answer was no translation
    down: str | None = None


class Translator:
    """Memory first, then the engine (if any); knows nothing about files."""

    def __init__(self, memory: Memory, glossary: Glossary, engine: Engine | None, engine_name: str,
                 today: str | None = None, progress: Callable[[str], None] | None = None):
        self.memory = memory
        self.glossary = glossary
        self.engine = engine
        self.engine_name = engine_name  # the memory key's engine, also when running offline
        self.today = today or _dt.datetime.now(_dt.timezone.utc).date().isoformat()
        self.progress = progress or (lambda message: None)
        self.report = FillReport()
        self._lock = threading.Lock()

    # -- pass 1: translate what the memory lacks -----------------------------------------
    def _known(self, segment: Segment) -> bool:
        if self.glossary.exact(segment.source) is not None:
            return True
        return self.memory.lookup(segment.source, self.engine_name, self.glossary.version,
                                  src_hash=segment.source_hash) is not None

    def fill(self, segments: list[Segment]) -> FillReport:
        todo = [s for s in dict.fromkeys(segments) if s.machine and not self._known(s)]
        self.report.asked = len(todo)
        if not todo or self.engine is None:
            return self.report
        self.progress(f"translating {len(todo)} segment(s) with {self.engine.name}, "
                      f"{self.engine.settings.jobs} at a time")
        # One segment alone first: if the service is down we learn it from one request.
        self._probe(todo[0])
        rest = todo[1:]
        if rest and not self.engine.down:
            done = 0
            step = max(1, len(rest) // 10)
            with ThreadPoolExecutor(max_workers=max(1, self.engine.settings.jobs)) as pool:
                for _ in pool.map(self._translate, rest):
                    done += 1
                    if done % step == 0 or done == len(rest):
                        self.progress(f"  {done + 1}/{len(todo)}")
        self.report.down = self.engine.down
        return self.report

    def _probe(self, segment: Segment) -> None:
        """Translate one segment under a hard deadline (name resolution has no timeout of its own)."""
        worker = threading.Thread(target=self._translate, args=(segment,), daemon=True)
        worker.start()
        s = self.engine.settings
        worker.join(s.timeout * (s.network_attempts + 1) + s.budget)
        if worker.is_alive():
            self.engine._trip(f"{self.engine.name}: no answer from the service")

    def _translate(self, segment: Segment) -> None:
        extra = segment.extra
        protected, renderings = self.glossary.protect(segment.source, extra)
        try:
            sent, out = protected, self.engine.translate(protected)
            if renderings and self.glossary.restore(out, renderings) is None:
                # A placeholder was lost or mangled: send the English names inline instead.
                with self._lock:
                    self.report.placeholder_fallbacks += 1
                sent, renderings = self.glossary.inline(segment.source, extra), []
                out = self.engine.translate(sent)
        except (TranslationFailed, ServiceDown) as e:
            with self._lock:
                self.report.failures[segment.source] = str(e)
            return
        why = why_not_a_translation(sent, out)
        if why:
            # Not stored: the segment counts as missing and is asked for again next run.
            with self._lock:
                self.report.failures[segment.source] = why
                self.report.refused[segment.source] = why
            return
        text = self.glossary.restore(out, renderings) if renderings else out
        with self._lock:
            self.memory.add_machine(segment.source, text, self.engine.name, self.glossary.version, self.today)
            self.report.translated += 1

    # -- pass 2: what each segment reads -----------------------------------------------
    def render(self, segment: Segment) -> Rendering:
        whole = self.glossary.exact(segment.source)
        if whole is not None:
            return Rendering(whole, "rule")
        if not segment.machine:
            entry = self.memory.reviewed_for(segment.source, segment.source_hash)
            return _reviewed(entry) if entry else Rendering(None, "missing")
        # A run that cannot use the service takes a translation made with another
        # engine or glossary rather than none.
        stale_ok = self.engine is None or self.engine.down is not None or segment.source in self.report.failures
        entry = self.memory.lookup(segment.source, self.engine_name, self.glossary.version, allow_stale=stale_ok,
                                   src_hash=segment.source_hash)
        if entry is None:
            return Rendering(None, "missing")
        if entry.reviewed:
            return _reviewed(entry)
        return Rendering(entry.text, "machine", entry.engine, entry.date)


    def render_quiet(self, source: str) -> Rendering:
        """``render`` for reports: any translation the memory has, without counting look-ups."""
        stats = dict(self.memory.stats)
        try:
            whole = self.glossary.exact(source)
            if whole is not None:
                return Rendering(whole, "rule")
            entry = self.memory.lookup(source, self.engine_name, self.glossary.version, allow_stale=True)
        finally:
            self.memory.stats = stats
        if entry is None:
            return Rendering(None, "missing")
        return _reviewed(entry) if entry.reviewed else Rendering(entry.text, "machine", entry.engine, entry.date)


class Recorder:
    """Stands in for ``Translator.render`` in pass 1: notes each segment, renders nothing."""

    def __init__(self):
        self.segments: list[Segment] = []
        self.article = ""  # set by the caller: the article being read
        self.places: list[tuple[Segment, str]] = []  # every occurrence, with its article

    def render(self, segment: Segment) -> Rendering:
        self.segments.append(segment)
        self.places.append((segment, self.article))
        return Rendering(None, "missing")


# -- one article ---------------------------------------------------------------------
@dataclass
class Tally:
    renderings: list[Rendering] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)  # where: title, body[3] …

    def take(self, where: str, source: str, r: Rendering) -> str:
        self.renderings.append(r)
        if r.text is None:
            self.untranslated.append(where)
            return UNTRANSLATED + source
        return r.text


def _fix(text: str) -> str:
    return " ".join(text.split())


class _Article:
    def __init__(self, meta: dict, glossary: Glossary, render: Callable[[Segment], Rendering]):
        self.meta, self.glossary, self.render = meta, glossary, render
        self.tally = Tally()

    def text(self, where: str, source: str | None, protect: dict[str, str] | None = None) -> str | None:
        if not source or not source.strip():
            return source
        segment = Segment(source.strip(), tuple(sorted((protect or {}).items())), where)
        return _fix(self.tally.take(where, source, self.render(segment)))

    def name(self, name: str) -> str:
        return self.glossary.exact(name) or romanise(name)

    def reviewed_whole(self, where: str, source: str) -> str | None:
        """An editor's translation of the whole string, if the memory has one."""
        r = self.render(Segment(source.strip(), (), where, machine=False))
        if r.kind != "reviewed":
            return None
        return _fix(self.tally.take(where, source, r))

    def byline(self, where: str, byline: str | None, authors: list[str]) -> str | None:
        """An editor's version, else roles from the glossary and names in pinyin;
        only leftovers go to the engine."""
        if not byline or not byline.strip():
            return byline
        reviewed = self.reviewed_whole(where, byline)
        if reviewed is not None:
            return reviewed
        names = {a: self.name(a) for a in authors}
        fixed = {**self.glossary.byline_terms, **names}
        pieces, last_was_name = [], False
        for token in _BYLINE_TOKENS.findall(byline):
            if token in _PARENS:
                pieces.append(_PARENS[token])
                continue
            english = fixed.get(token) or self.glossary.exact(token)
            is_name = token in names
            if english is None:
                protected, renderings = self.glossary.protect(token, fixed)
                if not _HAN.search(protected):
                    english = " ".join(Glossary.restore(protected, renderings).split())
                else:
                    english = self.text(where, token, fixed)
            if pieces and last_was_name:  # "Li Qing, Ni Jing" and "Bao Leijing, reporter …"
                pieces[-1] += ","
            pieces.append(english)
            last_was_name = is_name
        out = re.sub(r"\( ", "(", re.sub(r" \)", ")", " ".join(pieces)))
        return out[:1].upper() + out[1:]

    def block(self, n: int, block: BodyBlock) -> BodyBlock:
        where = f"body[{n}]"
        if block.kind != "paragraph" or not block.lead_in or not block.text.startswith(block.lead_in):
            return BodyBlock(block.kind, self.text(where, block.text), level=block.level)
        rest = block.text[len(block.lead_in):]
        before = len(self.tally.untranslated)
        lead = self.text(where, block.lead_in)
        tail = self.text(where, rest) if rest.strip() else ""
        if len(self.tally.untranslated) > before:  # half a paragraph in English helps nobody
            self.tally.untranslated[before:] = [where]
            return BodyBlock("paragraph", UNTRANSLATED + block.text, lead_in=UNTRANSLATED + block.lead_in)
        return BodyBlock("paragraph", f"{lead} {tail}".strip(), lead_in=lead)


def english_article(meta: dict, body: list[BodyBlock], glossary: Glossary,
                    render: Callable[[Segment], Rendering]) -> tuple[dict, list[BodyBlock], Tally]:
    """The English front matter and body of one zh-Hans article (``translation`` not yet added)."""
    a = _Article(meta, glossary, render)
    out = dict(meta)
    out["lang"] = "en"
    for key in ("title", "kicker", "subtitle", "page_name"):
        if isinstance(meta.get(key), str):
            out[key] = a.text(key, meta[key])
    if isinstance(meta.get("publication"), str):
        out["publication"] = glossary.exact(meta["publication"]) or a.text("publication", meta["publication"])
    authors = [x for x in meta.get("authors") or [] if isinstance(x, str)]
    if meta.get("authors"):
        out["authors"] = [a.name(x) for x in authors]
    out["byline"] = a.byline("byline", meta.get("byline"), authors)
    dateline = meta.get("dateline")
    if isinstance(dateline, str) and dateline.strip():
        out["dateline"] = a.reviewed_whole("dateline", dateline) or \
            glossary.byline_terms.get(dateline.strip()) or a.text("dateline", dateline, glossary.byline_terms)
    if meta.get("captions"):
        out["captions"] = [a.text(f"captions[{i}]", c) for i, c in enumerate(meta["captions"])]
    blocks = [a.block(n, b) for n, b in enumerate(body)]
    return out, blocks, a.tally


def _reviewed(entry) -> Rendering:
    return Rendering(entry.text, "reviewed", date=entry.reviewed_on, reviewer=entry.reviewer)


def _who_and_when(renderings: list[Rendering]) -> str:
    """"Li Ming, 2026-11-22": who reviewed these and the last day they did."""
    who = ", ".join(sorted({r.reviewer for r in renderings if r.reviewer})) or "an unnamed reviewer"
    days = [r.date for r in renderings if r.date]
    return who + (f", {max(days)}" if days else "")


def translation_label(tally: Tally) -> dict:
    """The ``translation`` front-matter entry: how this page was translated, never overstated."""
    counts = {"reviewed": 0, "machine": 0, "rule": 0, "missing": 0}
    engines, dates = set(), set()
    reviewed = [r for r in tally.renderings if r.kind == "reviewed"]
    for r in tally.renderings:
        counts[r.kind] += 1
        if r.kind == "machine":
            engines.add(r.engine or "unknown")
            if r.date:
                dates.add(r.date)
    total = sum(counts.values())
    machine = ", ".join(ENGINE_NAMES.get(e, e) for e in sorted(engines))
    when = f", {max(dates)}" if dates else ""
    if counts["missing"]:
        status = "incomplete"
        label = (f"Incomplete translation: {counts['missing']} of {total} parts are not yet translated "
                 f"and are shown in Chinese.")
        if counts["machine"]:
            label += f" The rest is machine translation ({machine}{when}), not reviewed by an editor."
    elif counts["reviewed"] and counts["machine"]:
        status = "mixed"
        label = (f"Partly reviewed: {counts['reviewed']} of {total} parts reviewed by {_who_and_when(reviewed)}; "
                 f"the rest is machine translation ({machine}{when}).")
    elif counts["reviewed"]:
        status = "reviewed"
        label = f"Translation reviewed by {_who_and_when(reviewed)}."
    else:
        status = "machine"
        label = (f"Machine translation ({machine}{when}), not reviewed by an editor." if engines
                 else "Automatic translation (glossary and pinyin), not reviewed by an editor.")
    entry = {"status": status, "label": label, "engines": sorted(engines),
             "machine_date": max(dates) if dates else None, "segments": counts}
    if reviewed:
        entry["reviewers"] = sorted({r.reviewer for r in reviewed if r.reviewer})
        entry["reviewed_on"] = max((r.date for r in reviewed if r.date), default=None)
    if tally.untranslated:
        entry["untranslated"] = tally.untranslated
    return entry


def stderr_progress(message: str) -> None:
    print(f"variants: {message}", file=sys.stderr, flush=True)
