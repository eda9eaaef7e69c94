"""The variants stage: each zh-Hans article's zh-Hant and en siblings.

    convert.py    OpenCC with the project phrase list          → zh-Hant text
    glossary.py   fixed English names, protected through MT
    names.py      person names in pinyin
    memory.py     the translation memory (translations/memory/en.jsonl)
    engines.py    MT clients made safe: timeout, retries, splitting, down-detection
    translate.py  an article's English sibling, segment by segment
    exchange.py   segments out to a human translator, reviewed translations in
    write.py      the docs tree: read zh-Hans, write zh-Hant and en

``make_variants`` runs the whole stage; the ``variants`` and ``build``
commands call it.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..docfile import write_if_changed
from ..errors import UserError
from . import convert, engines, glossary as _glossary, memory as _memory
from .translate import FillReport, Translator, stderr_progress
from .write import Missing, WriteReport, read_sources, record_segments, write_siblings


class _ConversionState:
    """Which zh-Hans sources were converted, when and by what (build/cache/zh-Hant-state.json
    beside the docs folder): a rebuild converts only new or changed articles."""

    def __init__(self, docs: Path):
        self.path = docs.resolve().parent / "build" / "cache" / "zh-Hant-state.json"
        try:
            self.converted = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.converted = {}  # a cache: when missing or unreadable, convert everything

    def save(self) -> None:
        write_if_changed(self.path, json.dumps(self.converted, sort_keys=True, indent=0))


@dataclass
class VariantsResult:
    written: WriteReport
    fill: FillReport
    memory_saved: bool
    engine_down: str | None = None
    seconds: float = 0.0
    missing: list[Missing] = field(default_factory=list)

    @property
    def missing_segments(self) -> int:
        return sum(len(m.where) for m in self.missing)


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
                  progress: Callable[[str], None] | None = stderr_progress) -> VariantsResult:
    """Write docs/zh-Hant and docs/en from docs/zh-Hans; see the module docstring of each step.

    Raises ``UserError`` for bad input, and, with ``strict``, when any segment
    is left untranslated (after writing everything, so the pages can be looked at).
    """
    started = time.monotonic()
    say = progress or (lambda message: None)
    docs = Path(docs_dir)
    sources = read_sources(docs)
    gloss = _glossary.Glossary.load(glossary)
    mem = _memory.Memory.load(memory)
    cc = convert.Converter.from_files(opencc_config, phrases) if hant else None
    say(f"{len(sources)} article(s); memory has {len(mem)} entries")

    settings = engine_settings or engines.EngineSettings(name=engine, url=engine_url, jobs=jobs,
                                                          timeout=timeout)
    if settings.name not in engines.ENGINES:
        raise UserError(f"unknown engine {settings.name!r}; choose one of {', '.join(engines.ENGINES)}")
    eng = None if offline else engines.Engine(settings)
    translator = Translator(mem, gloss, eng, settings.name, progress=say)

    recorder = record_segments(sources, gloss)
    fill = translator.fill(recorder.segments)
    if fill.down:
        say(f"translation service unavailable ({fill.down}); using the memory only")
    saved = mem.save()
    if saved:
        say(f"memory updated: {mem.path} ({fill.translated} new segment(s))")

    state = _ConversionState(docs)
    report = write_siblings(docs, sources, cc, gloss, translator.render, state.converted)
    state.save()
    result = VariantsResult(report, fill, saved, fill.down, time.monotonic() - started, report.missing)
    say(f"wrote {report.written['zh-Hant']} zh-Hant and {report.written['en']} en file(s) "
        f"({report.articles} article(s), {report.reused['zh-Hant']} unchanged since their last "
        f"conversion, {report.removed} removed) in {result.seconds:.1f} s")
    if fill.placeholder_fallbacks:
        say(f"{fill.placeholder_fallbacks} segment(s) lost a glossary placeholder in translation "
            f"and were sent again with the English names inline")
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
