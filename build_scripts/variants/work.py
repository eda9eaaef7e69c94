"""The per-article work of the variants stage, in this process or across processes.

Two kinds of work, each a list of articles cut into chunks:

* ``prepare``: parse a new or changed zh-Hans source and record its pass-1
  segments (before the memory is filled: the fill needs every segment);
* ``run_jobs``: convert to zh-Hant and/or render and write the English page.

With more than ``threshold`` articles, chunks go to a pool of processes
(``workers.process_pool``: spawn, ``workers.job_count()`` of them).
A worker never loads the memory: each chunk carries a plain dict of the answers
its articles' segments get. Small runs (tests, a sample) stay in this process,
where starting workers would cost more than it saves. Both ways run the same
functions on the same answers, so they write the same bytes.
"""
from __future__ import annotations

import math
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..workers import job_count, process_pool
from .convert import Converter
from .glossary import Glossary
from .translate import Rendering, Segment
from .write import EN, HANT, Source, article_segments, read_source, write_english, write_traditional

PARALLEL_THRESHOLD = 200
CHUNKS_PER_WORKER = 4  # a few chunks each, so one slow chunk does not hold the others up


@dataclass
class Job:
    rel: Path
    source: Source | None         # parsed already, or None: read it where the job runs
    hant: bool                    # convert to zh-Hant
    en: bool                      # render the English page
    segments: list[Segment] = field(default_factory=list)  # pass 1 (for en)


@dataclass
class Done:
    rel: Path
    converted: bool = False       # the zh-Hant sibling was made (written if its text changed)
    hant_written: bool = False
    en_written: bool = False
    used: list[int] | None = None
    digest: str = ""
    untranslated: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # per kind of work ("zh-Hant", "en")


@dataclass
class Tools:
    docs: Path
    glossary: Glossary
    converter: Converter | None
    render: Callable[[Segment], Rendering]


def do_job(job: Job, tools: Tools) -> Done:
    started = time.perf_counter()
    src = job.source or read_source(tools.docs, job.rel)
    done = Done(job.rel)
    if job.hant:
        done.converted = True
        done.hant_written = write_traditional(tools.docs, src, tools.converter)
        done.seconds[HANT] = time.perf_counter() - started
        started = time.perf_counter()
    if job.en:
        outcome = write_english(tools.docs, src, tools.glossary, tools.render, job.segments)
        done.en_written, done.used, done.digest = outcome.written, outcome.used, outcome.digest
        done.untranslated = outcome.untranslated
        done.seconds[EN] = time.perf_counter() - started
    return done


def prepare_one(docs: Path, rel: Path, glossary: Glossary) -> tuple[Source, list[Segment]]:
    src = read_source(docs, rel)
    return src, article_segments(src, glossary)


# -- in a worker process -------------------------------------------------------------------
_converters: dict[tuple, Converter] = {}  # one per worker process and spec (loading costs ~0.1 s)


def keep_converter(spec: tuple[str, Path | None], converter: Converter) -> None:
    """The converter this process made for ``spec``: forked workers start with it instead of
    loading their own (spawned ones still load theirs)."""
    _converters[spec] = converter


def _converter(spec: tuple[str, Path | None] | None) -> Converter | None:
    if spec is None:
        return None
    if spec not in _converters:
        _converters[spec] = Converter.from_files(*spec)
    return _converters[spec]


def _prepare_chunk(docs: Path, glossary: Glossary, rels: list[Path]) -> list[tuple[Source, list[Segment]]]:
    return [prepare_one(docs, rel, glossary) for rel in rels]


def _jobs_chunk(docs: Path, glossary: Glossary, converter_spec, answers: dict, jobs: list[Job]) -> list[Done]:
    def render(segment: Segment) -> Rendering:
        return answers[(segment.source, segment.machine)]
    tools = Tools(docs, glossary, _converter(converter_spec), render)
    return [do_job(job, tools) for job in jobs]


# -- in the main process ---------------------------------------------------------------------
def _chunks(items: list, workers: int) -> list[list]:
    size = max(1, math.ceil(len(items) / (workers * CHUNKS_PER_WORKER)))
    return [items[i:i + size] for i in range(0, len(items), size)]


class Workers:
    """Runs chunks here or in a process pool (started on first need, shut down on exit)."""

    def __init__(self, threshold: int = PARALLEL_THRESHOLD, processes: int | None = None):
        self.threshold = threshold
        self.processes = processes or job_count()
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def parallel(self, n: int) -> bool:
        return n > self.threshold

    @property
    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = process_pool(self.processes)
        return self._pool

    def prepare(self, docs: Path, rels: list[Path], glossary: Glossary) -> list[tuple[Source, list[Segment]]]:
        """Parse and record pass 1 for ``rels``, in order."""
        if not self.parallel(len(rels)):
            return [prepare_one(docs, rel, glossary) for rel in rels]
        futures = [self.pool.submit(_prepare_chunk, docs, glossary, chunk)
                   for chunk in _chunks(rels, self.processes)]
        return [item for f in futures for item in f.result()]

    def run(self, jobs: list[Job], tools: Tools, answers, converter_spec) -> list[Done]:
        """Do ``jobs``; ``answers`` is the ``state.Answers`` the chunks' dicts are taken from."""
        if not self.parallel(len(jobs)):
            return [do_job(job, tools) for job in jobs]
        futures = []
        for chunk in _chunks(jobs, self.processes):
            needed = answers.for_segments([s for job in chunk if job.en for s in job.segments])
            futures.append(self.pool.submit(_jobs_chunk, tools.docs, tools.glossary,
                                            converter_spec if any(j.hant for j in chunk) else None,
                                            needed, chunk))
        return [done for f in futures for done in f.result()]
