"""Segment many dumps: in parallel processes, incrementally, and all-or-nothing.

- Parallel: each dump is read, segmented and rendered in a worker process; the
  worker writes its Markdown files into a staging folder and hands back only
  paths and counts, so memory stays bounded however many pages there are.
- Incremental: ``build/cache/segment-state.json`` (a cache.py state record, so
  made by this code) remembers each dump's content hash, its manifest entry and
  its editor's corrections file (hash); an unchanged dump is not segmented again.
- All-or-nothing: any bad dump stops the run before a single docs file changes.
  Then each staged file replaces the docs file only if its content differs, so
  unchanged files keep their mtime.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import redirects as redirect_record
from .atomic import write_if_changed
from .cache import load_state, save_state
from .corrections import corrections_path, load_for_dump
from .ingest import check_dump, read_bytes, read_dump
from .manifest import Lookup, ManifestEntry
from .model import PageMeta
from .report import page_warnings, render_report
from .segment import segment
from .workers import job_count, process_pool
from .write import LANG, article_files, relative_to_root, source_path

STATE_VERSION = 1


@dataclass
class PageResult:
    source: str                    # dump path relative to the project root
    sha256: str
    files: list[str]               # article files, relative to docs/zh-Hans
    articles: int = 0
    unsure: int = 0
    warnings: list[str] = field(default_factory=list)
    reused: bool = False


def _segment_one(path: Path, meta: PageMeta | None, root: Path, staging: Path) -> PageResult:
    dump = read_dump(path, meta)
    seg = segment(dump, corrections=load_for_dump(path))
    files = article_files(seg, root)
    for rel, text in files.items():
        target = staging / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (staging / ".reports").mkdir(exist_ok=True)
    (staging / ".reports" / f"{path.stem}.md").write_text(render_report(seg), encoding="utf-8")
    return PageResult(source=source_path(seg, root), sha256=dump.sha256, files=sorted(files),
                      articles=len(seg.articles), unsure=sum(r.unsure for r in seg.repairs),
                      warnings=page_warnings(seg))


def _meta_key(meta: PageMeta | None) -> str:
    return json.dumps(asdict(meta) if meta else None, default=str, sort_keys=True)


class State:
    """What the last run made of each dump (build/cache/segment-state.json); made by
    other code (a changed rule), or unreadable, it is empty and every dump is cut again."""

    def __init__(self, path: Path | None):
        self.path = path
        self.dumps: dict[str, dict] = load_state(path, STATE_VERSION).get("dumps", {}) if path else {}

    def unchanged(self, source: str, sha256: str, meta_key: str, fixes_key: str, lang_dir: Path) -> dict | None:
        entry = self.dumps.get(source)
        if entry and entry["sha256"] == sha256 and entry["meta"] == meta_key \
                and entry.get("corrections") == fixes_key \
                and all((lang_dir / rel).exists() for rel in entry["files"]):
            return entry
        return None

    def save(self) -> None:
        if self.path:
            save_state(self.path, STATE_VERSION, {"dumps": self.dumps})


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(read_bytes(path)).hexdigest()


def _corrections_key(dump_path: Path) -> str:
    """Hash of the dump's corrections file ("none" without one): a changed fix re-segments the dump."""
    path = corrections_path(dump_path)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "none"


def segment_pages(paths: list[Path], entries: list[ManifestEntry], docs: Path, reports: Path, root: Path,
                  jobs: int = 0, state_file: Path | None = None, quiet: bool = False) -> dict:
    """Segment ``paths`` into ``docs/zh-Hans``; return counts of what happened."""
    started = time.perf_counter()
    lang_dir = docs / LANG
    state = State(state_file)
    manifest = Lookup(entries)
    todo, results = [], []
    for path in paths:
        check_dump(path)  # before anything resolves the path (a symlink loop) or opens it (a FIFO)
        meta = manifest.meta_for(path)
        source = relative_to_root(path, root)
        entry = state.unchanged(source, _file_sha256(path), _meta_key(meta), _corrections_key(path), lang_dir)
        if entry:
            results.append(PageResult(source, entry["sha256"], entry["files"], entry["articles"],
                                      entry["unsure"], reused=True))
        else:
            todo.append((path, meta))
    staging = Path(tempfile.mkdtemp(prefix="segment-"))  # nothing under docs/ until all dumps are good
    try:
        results += _run_workers(todo, root, staging, jobs, quiet)
        counts = _move_into_place(results, staging, lang_dir, reports, state)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for result in results:
        if result.reused:       # its entry holds what was just checked (a year: ~3,000 dumps)
            continue
        state.dumps[result.source] = {"sha256": result.sha256, "files": result.files,
                                      "articles": result.articles, "unsure": result.unsure,
                                      "meta": _meta_key(manifest.meta_for(root / result.source)),
                                      "corrections": _corrections_key(root / result.source)}
    state.save()
    counts.update(dumps=len(paths), segmented=len(todo), reused=len(paths) - len(todo),
                  seconds=time.perf_counter() - started,
                  unsure=sum(r.unsure for r in results))
    return counts


def _run_workers(todo, root: Path, staging: Path, jobs: int, quiet: bool) -> list[PageResult]:
    if not todo:
        return []
    jobs = jobs or job_count()
    say = (lambda *_: None) if quiet else _progress(len(todo))
    if jobs == 1 or len(todo) < 4:
        done = []
        for path, meta in todo:
            done.append(_segment_one(path, meta, root, staging))
            say(done[-1])
        return done
    done = []
    with process_pool(jobs) as pool:
        futures = [pool.submit(_segment_one, path, meta, root, staging) for path, meta in todo]
        try:
            for future in futures:
                done.append(future.result())
                say(done[-1])
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return done


def _progress(total: int):
    state = {"n": 0, "last": 0.0}

    def say(result: PageResult) -> None:
        state["n"] += 1
        for warning in result.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        now = time.perf_counter()
        if total <= 20 or now - state["last"] > 1 or state["n"] == total:
            state["last"] = now
            print(f"[{state['n']}/{total}] {Path(result.source).name}: {result.articles} articles, "
                  f"{result.unsure} to check", file=sys.stderr)
    return say


def _move_into_place(results: list[PageResult], staging: Path, lang_dir: Path, reports: Path,
                     state: State) -> dict:
    written = unchanged = removed = 0
    redirects = before = redirect_record.load(lang_dir.parent / redirect_record.MOVED_FILE)
    for result in results:
        if result.reused:
            unchanged += len(result.files)
            continue
        for rel in result.files:
            if write_if_changed(lang_dir / rel, (staging / rel).read_bytes(), sync=False):
                written += 1
            else:
                unchanged += 1
        report = staging / ".reports" / f"{Path(result.source).stem}.md"
        write_if_changed(reports / report.name, report.read_bytes(), sync=False)
        previous = state.dumps.get(result.source, {}).get("files", [])
        gone = {rel: lang_dir / rel for rel in sorted(set(previous) - set(result.files)) if (lang_dir / rel).exists()}
        redirects = redirect_record.record_moves(redirects, gone, {rel: lang_dir / rel for rel in result.files})
        for path in gone.values():
            path.unlink()
            removed += 1
    if redirects != before:
        redirect_record.save_moved(lang_dir.parent, redirects)
    return {"articles": sum(len(r.files) for r in results), "written": written,
            "unchanged": unchanged, "removed": removed}
