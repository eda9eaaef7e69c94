"""One writer at a time: a second run waits for the build lock (or stops with --no-wait), and an
import of reviewed translations during a running translation is never lost."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from build_scripts.lock import lock_path
from build_scripts.variants.memory import Memory
from libretranslate_stub import latin
from variants_fixtures import GLOSSARY, PHRASES, libre, write_docs  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
REVIEWED = {"群众纷纷点赞。": "People gave it a thumbs-up.", "奈曼旗融媒体中心开放共享资源。":
            "The Naiman Banner media centre opens its shared resources."}


def cli(*args) -> list[str]:
    return [sys.executable, "-m", "build_scripts", *map(str, args)]


def env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT), "LIBRE_API_KEY": "test-key"}


def holder(project: Path) -> subprocess.Popen:
    """Another process holding the project's build lock until its stdin closes."""
    code = ("import sys; from filelock import FileLock; lock = FileLock(sys.argv[1]); lock.acquire(); "
            "print('held', flush=True); sys.stdin.read()")
    path = lock_path(project / "build")
    path.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen([sys.executable, "-c", code, str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def one_error_line(result) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    return errors[0]


@pytest.mark.parametrize("command", [
    ["build", "--offline"], ["segment"], ["variants", "--offline"], ["site"],
    ["variants", "--import-reviewed", "todo.jsonl"],
])
def test_a_second_writer_with_no_wait_stops_at_once_with_one_line(tmp_path, command):
    lock = holder(tmp_path)
    try:
        started = time.monotonic()
        result = subprocess.run(cli(*command, "--no-wait"), cwd=tmp_path, env=env(),
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 2
        line = one_error_line(result)
        assert "build/.lock" in line and "another run" in line and "--no-wait" in line
        assert time.monotonic() - started < 30
        assert not (tmp_path / "docs").exists() and not (tmp_path / "site").exists()  # nothing written
    finally:
        lock.communicate("")


def test_a_second_writer_waits_saying_so_and_runs_when_the_first_is_done(tmp_path):
    lock = holder(tmp_path)
    todo = tmp_path / "todo.jsonl"
    todo.write_text(json.dumps({"zh": "群众纷纷点赞。", "en": "Praise.", "reviewer": "Editor A"},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    memory = tmp_path / "memory.jsonl"
    second = subprocess.Popen(cli("variants", "--import-reviewed", todo, "--memory", memory),
                              cwd=tmp_path, env=env(), stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(3)
        assert second.poll() is None                     # still waiting
        assert not memory.exists()
    finally:
        lock.communicate("")
    _, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    assert "waiting for another run" in err
    assert Memory.load(memory).reviewed_for("群众纷纷点赞。").text == "Praise."


def test_an_import_during_a_running_translation_is_kept(tmp_path, libre):
    """Two real processes: `variants` translating slowly online, and an editor's import meanwhile."""
    docs = tmp_path / "docs"
    write_docs(docs)
    memory = tmp_path / "translations" / "memory" / "en.jsonl"
    todo = tmp_path / "todo.jsonl"
    todo.write_text("".join(json.dumps({"zh": zh, "en": en, "reviewer": "Editor A"}, ensure_ascii=False) + "\n"
                            for zh, en in REVIEWED.items()), encoding="utf-8")
    libre.default, libre.delay = latin, 0.3
    common = ["--docs", docs, "--memory", memory, "--glossary", GLOSSARY, "--phrases", PHRASES]
    run = subprocess.Popen(cli("variants", *common, "--engine", "libretranslate", "--engine-url", libre.url,
                               "--jobs", "1"), cwd=tmp_path, env=env(), stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not libre.requests and time.monotonic() < deadline:  # the run is translating now
        time.sleep(0.05)
    assert libre.requests, "the translation run never reached the service"
    imp = subprocess.run(cli("variants", "--import-reviewed", todo, "--memory", memory), cwd=tmp_path,
                         env=env(), capture_output=True, text=True, timeout=120)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 0, err
    assert imp.returncode == 0, imp.stderr
    mem = Memory.load(memory)
    for zh, en in REVIEWED.items():
        assert mem.reviewed_for(zh).text == en            # the editor's work survived the run
    assert len(mem.machine) >= 5                          # and so did the run's translations


def test_memory_saves_merge_what_another_writer_saved_meanwhile(tmp_path):
    path = tmp_path / "en.jsonl"
    running = Memory.load(path)                           # a long run loads the memory …
    editor = Memory.load(path)                            # … an editor's import loads it too
    editor.add_reviewed("群众纷纷点赞。", "People gave it a thumbs-up.", "Editor A", "2025-12-21")
    assert editor.save()
    running.add_machine("奈曼旗融媒体中心。", "Naiman media centre.", "google", "g1", "2025-12-22")
    assert running.save()                                 # … and saves last
    on_disk = Memory.load(path)
    assert on_disk.reviewed_for("群众纷纷点赞。").text == "People gave it a thumbs-up."
    assert on_disk.lookup("奈曼旗融媒体中心。", "google", "g1").text == "Naiman media centre."
    assert running.reviewed_for("群众纷纷点赞。") is not None  # the run sees the import too
