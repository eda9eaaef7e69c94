"""The variants stage: each zh-Hans article's zh-Hant and en siblings.

    convert.py    OpenCC with the project phrase list          → zh-Hant text
    glossary.py   fixed English names, protected through MT
    names.py      person names in pinyin
    memory.py     the translation memory (translations/memory/en.jsonl)
    engines.py    MT clients made safe: timeout, retries, splitting, down-detection
    translate.py  an article's English sibling, segment by segment
    exchange.py   segments out to a human translator, reviewed translations in
    write.py      the docs tree: read zh-Hans, write zh-Hant and en
    state.py      what the last run made (build/cache/), so a rebuild redoes only what changed
    work.py       the per-article work, in this process or across processes

``make_variants`` runs the whole stage; the ``variants`` and ``build``
commands call it. A rebuild parses only new or changed zh-Hans sources,
converts only those, and renders an English page again only if its source,
the glossary, the translation code or one of the memory's answers it uses
changed; at a year, a run with nothing to do renders nothing.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import UserError
from . import convert, engines, glossary as _glossary, memory as _memory
from .translate import FillReport, Translator, stderr_progress
from .state import Answers, ConversionState, EnglishState, answers_basis, english_key
from .work import PARALLEL_THRESHOLD, Job, Tools, Workers, keep_converter
from .write import (EN, HANT, Missing, WriteReport, read_sources, record_segments,  # noqa: F401
                    markdown_files, remove_orphans, scan_sources)


@dataclass
class VariantsResult:
    written: WriteReport
    fill: FillReport
    memory_saved: bool
    engine_down: str | None = None
    seconds: float = 0.0
    missing: list[Missing] = field(default_factory=list)
    # wall seconds by step: "read" (list sources, parse the changed ones), "memory" (load, fill),
    # "zh-Hant" and "en" (the conversion/rendering step, split by the work each took), "other"
    steps: dict[str, float] = field(default_factory=dict)

    @property
    def missing_segments(self) -> int:
        return sum(len(m.where) for m in self.missing)


class _StepClock:
    """Wall seconds by step; a step done across processes is shared out by the work each
    kind took there."""

    def __init__(self):
        self.steps: dict[str, float] = {}
        self.last = time.perf_counter()

    def lap(self, step: str) -> None:
        now = time.perf_counter()
        self.steps[step] = self.steps.get(step, 0.0) + now - self.last
        self.last = now

    def share(self, work: dict[str, float]) -> None:
        now = time.perf_counter()
        total = sum(work.values())
        for kind, seconds in work.items():
            share = seconds / total if total else 1 / len(work)
            self.steps[kind] = self.steps.get(kind, 0.0) + (now - self.last) * share
        self.last = now


def _record_changed(docs: Path, stamps, en_state: EnglishState, gloss, workers: Workers) -> dict:
    """Parse new or changed sources and record their pass-1 segments; returns rel → Source."""
    changed = [(rel, stamp) for rel, stamp in stamps if not en_state.is_current(rel.as_posix(), stamp)]
    parsed = {}
    for (rel, stamp), (src, segments) in zip(changed, workers.prepare(docs, [r for r, _ in changed], gloss)):
        en_state.renew(rel.as_posix(), stamp, segments)
        parsed[rel] = src
    return parsed


def _plan(stamps, parsed: dict, present: dict[str, set[str]], cc, hant_state: ConversionState,
          en_state: EnglishState, answers: Answers) -> tuple[WriteReport, list[Job]]:
    """Which articles need a zh-Hant conversion or an English rendering; the rest count as reused.
    ``present``: the files each language has now (a sibling deleted by hand is made again)."""
    report = WriteReport(articles=len(stamps))
    jobs = []
    for rel, stamp in stamps:
        key = rel.as_posix()
        hant = cc is not None and not (hant_state.is_current(key, stamp, cc.provenance.key)
                                       and key in present[HANT])
        en = key not in present[EN] or en_state.needs_rendering(key, answers)
        report.reused[HANT] += cc is not None and not hant
        report.reused[EN] += not en
        if hant or en:
            jobs.append(Job(rel, parsed.get(rel), hant, en, en_state.records[key].segments if en else []))
    return report, jobs


def _note(done, stamp, cc, report: WriteReport, hant_state: ConversionState, en_state: EnglishState) -> None:
    """Count what a job wrote and remember what it made."""
    key = done.rel.as_posix()
    report.written[HANT] += done.hant_written
    report.written[EN] += done.en_written
    if done.converted:
        hant_state.note(key, stamp, cc.provenance.key)
    if done.used is not None:
        en_state.rendered(key, done.used, done.digest, done.untranslated)


def _finish(docs: Path, stamps, present: dict[str, set[str]], cc, report: WriteReport,
            hant_state: ConversionState, en_state: EnglishState) -> None:
    """Missing segments of every article (rendered now or before), orphans, the states."""
    keep = {rel.as_posix() for rel, _ in stamps}
    for rel, _ in stamps:
        untranslated = en_state.records[rel.as_posix()].untranslated
        if untranslated:
            report.missing.append(Missing(rel, list(untranslated)))
    if cc is not None:
        report.removed += remove_orphans(docs, HANT, keep, "conversion", present[HANT])
        hant_state.save(keep)
    report.removed += remove_orphans(docs, EN, keep, "translation", present[EN])
    en_state.save(keep)


def make_variants(docs_dir: Path | str = "docs", *,
                  opencc_config: str = convert.DEFAULT_CONFIG,
                  phrases: Path | None = convert.DEFAULT_PHRASES,
                  glossary: Path = _glossary.DEFAULT_PATH,
                  memory: Path = _memory.DEFAULT_PATH,
                  engine: str = engines.DEFAULT_ENGINE,
                  engine_url: str | None = None,
                  offline: bool = False,
                  strict: bool = False,
                  jobs: int = 4,
                  timeout: float = 10.0,
                  hant: bool = True,
                  engine_settings: engines.EngineSettings | None = None,
                  parallel_threshold: int = PARALLEL_THRESHOLD,
                  progress: Callable[[str], None] | None = stderr_progress) -> VariantsResult:
    """Write docs/zh-Hant and docs/en from docs/zh-Hans; see the module docstring of each step.

    Raises ``UserError`` for bad input, and, with ``strict``, when any segment
    is left untranslated (after writing everything, so the pages can be looked at).
    More than ``parallel_threshold`` articles to parse, convert or render go to
    worker processes.
    """
    started = time.monotonic()
    clock = _StepClock()
    say = progress or (lambda message: None)
    docs = Path(docs_dir)
    stamps = scan_sources(docs)
    gloss = _glossary.Glossary.load(glossary)
    clock.lap("read")
    mem = _memory.Memory.load(memory)
    clock.lap("memory")
    cc = convert.Converter.from_files(opencc_config, phrases) if hant else None
    converter_spec = (opencc_config, Path(phrases).resolve() if phrases else None)
    if cc is not None:
        keep_converter(converter_spec, cc)
    say(f"{len(stamps)} article(s); memory has {len(mem)} entries")

    settings = engine_settings or engines.EngineSettings(name=engine, url=engine_url, jobs=jobs,
                                                          timeout=timeout)
    if settings.name not in engines.ENGINES:
        raise UserError(f"unknown engine {settings.name!r}; choose one of {', '.join(engines.ENGINES)}")
    eng = None if offline else engines.Engine(settings)
    translator = Translator(mem, gloss, eng, settings.name, progress=say)
    hant_state, en_state = ConversionState(docs), EnglishState(docs, english_key(gloss))

    with Workers(parallel_threshold) as workers:
        clock.lap("other")
        parsed = _record_changed(docs, stamps, en_state, gloss, workers)
        clock.lap("read")
        fill = translator.fill([s for rel, _ in stamps for s in en_state.records[rel.as_posix()].segments])
        if fill.down:
            say(f"translation service unavailable ({fill.down}); using the memory only")
        saved = mem.save()
        if saved:
            say(f"memory updated: {mem.path} ({fill.translated} new segment(s))")
        en_state.answers_from(answers_basis(mem.path, translator.engine_name,
                                            eng is None or eng.down is not None, bool(fill.failures)),
                              mem.source_digests())
        answers = Answers(translator.render)
        present = {lang: markdown_files(docs / lang) for lang in (HANT, EN)}
        report, jobs = _plan(stamps, parsed, present, cc, hant_state, en_state, answers)
        tools = Tools(docs, gloss, cc, answers)
        stamp_of = {rel: stamp for rel, stamp in stamps}
        clock.lap("memory")
        work = {HANT: 0.0, EN: 0.0}
        for done in workers.run(jobs, tools, answers, converter_spec):
            _note(done, stamp_of[done.rel], cc, report, hant_state, en_state)
            for kind, seconds in done.seconds.items():
                work[kind] += seconds
        clock.share(work)
    _finish(docs, stamps, present, cc, report, hant_state, en_state)
    clock.lap("other")
    result = VariantsResult(report, fill, saved, fill.down, time.monotonic() - started, report.missing,
                            clock.steps)
    say(f"wrote {report.written['zh-Hant']} zh-Hant and {report.written['en']} en file(s) "
        f"({report.articles} article(s); unchanged since the last run, not made again: "
        f"{report.reused['zh-Hant']} zh-Hant, {report.reused['en']} en; {report.removed} removed) "
        f"in {result.seconds:.1f} s")
    if fill.placeholder_fallbacks:
        say(f"{fill.placeholder_fallbacks} segment(s) lost a glossary placeholder in translation "
            f"and were sent again with the English names inline")
    if fill.refused:
        say(f"{len(fill.refused)} answer(s) of the engine were not translations and were not stored "
            f"(asked again next run):")
        for source, why in list(fill.refused.items())[:10]:
            say(f"  {why}: {source[:40]}")
    if result.missing:
        say(f"{result.missing_segments} segment(s) not translated, kept in Chinese and marked:")
        for m in result.missing[:50]:
            say(f"  {m.rel.as_posix()}: {', '.join(m.where)}")
        if len(result.missing) > 50:
            say(f"  … and {len(result.missing) - 50} more article(s)")
    if strict and result.missing:
        raise UserError(f"{result.missing_segments} segment(s) in {len(result.missing)} article(s) "
                        f"have no English translation (--strict)")
    return result
