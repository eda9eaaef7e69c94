"""A rebuild renders an English page again only if its source, the glossary, the
translation code or one of the memory's answers it uses changed; the output is
always what a run from scratch writes, whether in one process or several."""
from __future__ import annotations

import json
import os
import shutil

import pytest

import build_scripts.variants.state as state_module
import build_scripts.variants.write as write_module
from build_scripts.errors import UserError
from build_scripts.model import BodyBlock
from build_scripts.variants import make_variants
from build_scripts.variants.glossary import Glossary
from build_scripts.variants.memory import Memory
from build_scripts.variants.write import read_sources, record_segments
from libretranslate_stub import latin
from variants_fixtures import (GLOSSARY, PHRASES, article_text, fast, libre, meta,  # noqa: F401
                               write_docs)

SHARED = "群众纷纷点赞。"              # also in naiman.md (SECOND_BODY)
LEFT_OUT = "这是第3篇报道的第一段。"   # no translation in the memory: extra-3 stays incomplete
NAIMAN = "2025/12/15/01/naiman.md"


def extra_rel(n: int) -> str:
    return f"2025/12/16/0{n + 1}/extra-{n}.md"


def write_archive(docs):
    """The two fixture articles and four more; extra-0 and extra-1 share a paragraph with naiman."""
    write_docs(docs)
    for n in range(4):
        body = [BodyBlock("paragraph", f"这是第{n}篇报道的第一段。")]
        if n < 2:
            body.append(BodyBlock("paragraph", SHARED))
        path = docs / "zh-Hans" / extra_rel(n)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_text(meta(f"20251216-0{n + 1}-cccccc", f"第{n}篇", f"extra-{n}",
                                          page=n + 1), body), encoding="utf-8")


def fill_memory(docs, memory_path, engine="google"):
    """A machine translation for every segment but LEFT_OUT, as a run with ``engine`` looks them up."""
    gloss = Glossary.load(GLOSSARY)
    mem = Memory.load(memory_path)
    for s in record_segments(read_sources(docs), gloss).segments:
        if s.machine and s.source != LEFT_OUT:
            mem.add_machine(s.source, f"EN {s.source}", engine, gloss.version, "2025-12-20")
    mem.save()


@pytest.fixture
def archive(tmp_path):
    docs, memory_path = tmp_path / "a" / "docs", tmp_path / "a" / "en.jsonl"
    write_archive(docs)
    fill_memory(docs, memory_path)
    return docs, memory_path


def articles(docs) -> list[str]:
    return sorted(p.relative_to(docs / "zh-Hans").as_posix() for p in (docs / "zh-Hans").rglob("*.md"))


def run(docs, memory_path, **kw):
    kw.setdefault("offline", True)
    return make_variants(docs, phrases=PHRASES, glossary=GLOSSARY, memory=memory_path, progress=None, **kw)


def outputs(docs) -> dict[str, tuple[int, bytes]]:
    """Every generated file: (mtime_ns, bytes)."""
    found = {}
    for lang in ("zh-Hant", "en"):
        for path in sorted((docs / lang).rglob("*.md")):
            found[f"{lang}/{path.relative_to(docs / lang).as_posix()}"] = (path.stat().st_mtime_ns, path.read_bytes())
    return found


def from_scratch(docs, memory_path, tmp_path, name="fresh", **kw) -> dict[str, bytes]:
    """The same sources and memory run in a new folder with no state."""
    copy = tmp_path / name / "docs"
    shutil.copytree(docs / "zh-Hans", copy / "zh-Hans")
    memory_copy = tmp_path / name / "en.jsonl"
    shutil.copy(memory_path, memory_copy)
    run(copy, memory_copy, **kw)
    return {k: data for k, (_, data) in outputs(copy).items()}


def contents(docs) -> dict[str, bytes]:
    return {k: data for k, (_, data) in outputs(docs).items()}


@pytest.fixture
def rendered(monkeypatch):
    """The articles whose English page was rendered (in this process)."""
    calls = []
    real = write_module.english

    def counting(src, *a, **k):
        calls.append(src.rel.as_posix())
        return real(src, *a, **k)
    monkeypatch.setattr(write_module, "english", counting)
    return calls


def edit(path, old, new):
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # a coarse clock must see it too


def test_changing_one_source_remakes_only_its_siblings(archive, tmp_path, rendered):
    docs, memory_path = archive
    run(docs, memory_path)
    before = outputs(docs)
    changed = extra_rel(2)
    edit(docs / "zh-Hans" / changed, "第一段", "第一个段落")
    rendered.clear()
    result = run(docs, memory_path)
    n = len(articles(docs))
    assert rendered == [changed]
    assert result.written.reused == {"zh-Hant": n - 1, "en": n - 1}
    assert result.written.written == {"zh-Hant": 1, "en": 1}
    after = outputs(docs)
    differ = {k for k in after if after[k] != before[k]}
    assert differ == {f"zh-Hant/{changed}", f"en/{changed}"}
    assert contents(docs) == from_scratch(docs, memory_path, tmp_path)


def test_a_changed_memory_answer_remakes_exactly_the_articles_using_it(archive, tmp_path, rendered):
    docs, memory_path = archive
    run(docs, memory_path)
    before = outputs(docs)
    mem = Memory.load(memory_path)
    mem.add_reviewed(SHARED, "People applauded.", "Editor A", "2025-12-22")
    mem.save()
    rendered.clear()
    result = run(docs, memory_path)
    users = {NAIMAN, extra_rel(0), extra_rel(1)}
    assert sorted(rendered) == sorted(users)
    assert result.written.written == {"zh-Hant": 0, "en": 3}
    after = outputs(docs)
    assert {k for k in after if after[k] != before[k]} == {f"en/{rel}" for rel in users}
    assert "People applauded." in (docs / "en" / NAIMAN).read_text(encoding="utf-8")
    assert contents(docs) == from_scratch(docs, memory_path, tmp_path)


def test_a_run_with_nothing_to_do_renders_and_parses_nothing(archive, rendered, monkeypatch):
    docs, memory_path = archive
    run(docs, memory_path)
    parsed = []
    real_read = write_module.read_source
    monkeypatch.setattr(write_module, "read_source", lambda d, rel: parsed.append(rel) or real_read(d, rel))
    monkeypatch.setattr("build_scripts.variants.work.read_source",
                        lambda d, rel: parsed.append(rel) or real_read(d, rel))
    rendered.clear()
    result = run(docs, memory_path)
    n = len(articles(docs))
    assert result.written.reused == {"zh-Hant": n, "en": n}
    assert result.written.written == {"zh-Hant": 0, "en": 0}
    assert rendered == [] and parsed == []


def test_a_deleted_page_or_a_new_glossary_or_code_renders_again(archive, rendered, monkeypatch):
    docs, memory_path = archive
    run(docs, memory_path)
    (docs / "en" / NAIMAN).unlink()
    rendered.clear()
    assert run(docs, memory_path).written.written == {"zh-Hant": 0, "en": 1} and rendered == [NAIMAN]
    monkeypatch.setattr(state_module, "code_fingerprint", lambda: "other code")
    rendered.clear()
    again = run(docs, memory_path)
    assert again.written.reused["en"] == 0 and sorted(rendered) == articles(docs)
    assert again.written.written["en"] == 0  # same code in fact: same pages


def test_missing_segments_are_still_reported_and_translated_for_skipped_articles(archive, rendered, libre):
    docs, _ = archive
    memory_path = docs.parent / "libre.jsonl"
    fill_memory(docs, memory_path, engine="libretranslate")
    settings = fast(libre.url)
    first = run(docs, memory_path, engine_settings=settings)  # offline, with libretranslate's entries
    assert [(m.rel.as_posix(), m.where) for m in first.missing] == [(extra_rel(3), ["body[0]"])]
    rendered.clear()
    again = run(docs, memory_path, engine_settings=settings)
    assert rendered == [] and again.written.reused["en"] == len(articles(docs))
    assert [(m.rel.as_posix(), m.where) for m in again.missing] == [(extra_rel(3), ["body[0]"])]
    with pytest.raises(UserError, match="--strict"):
        run(docs, memory_path, engine_settings=settings, strict=True)
    # Online, the skipped article's missing segment goes to the engine, and only its page is remade.
    rendered.clear()
    online = run(docs, memory_path, engine_settings=settings, offline=False)
    assert libre.translated == [LEFT_OUT]
    assert online.missing == [] and rendered == [extra_rel(3)]
    assert latin(LEFT_OUT).replace("<", "&lt;").replace(">", "&gt;") in (docs / "en" / extra_rel(3)).read_text(encoding="utf-8")


def test_processes_write_the_same_bytes_as_one_process(archive, tmp_path, rendered):
    docs, memory_path = archive
    serial = from_scratch(docs, memory_path, tmp_path, "serial", parallel_threshold=10**6)
    parallel = from_scratch(docs, memory_path, tmp_path, "parallel", parallel_threshold=0)
    assert parallel == serial and rendered == articles(docs)  # the serial run's; workers are elsewhere
    # And incrementally: a changed memory answer, remade by workers.
    docs_p, memory_p = tmp_path / "parallel" / "docs", tmp_path / "parallel" / "en.jsonl"
    mem = Memory.load(memory_p)
    mem.add_reviewed(SHARED, "People applauded.", "Editor A", "2025-12-22")
    mem.save()
    result = run(docs_p, memory_p, parallel_threshold=0)
    assert result.written.written == {"zh-Hant": 0, "en": 3}
    assert result.written.reused["en"] == len(articles(docs)) - 3
    assert contents(docs_p) == from_scratch(docs_p, memory_p, tmp_path, "serial-again",
                                            parallel_threshold=10**6)


def test_a_changed_memory_has_only_the_articles_asking_for_a_changed_source_checked(archive, tmp_path, rendered,
                                                                                     monkeypatch):
    docs, memory_path = archive
    run(docs, memory_path)
    mem = Memory.load(memory_path)
    mem.add_reviewed(SHARED, "People applauded.", "Editor A", "2025-12-22")
    mem.save()
    checked = []
    real = state_module.answers_digest

    def counting(renderings):
        checked.append(1)
        return real(renderings)
    monkeypatch.setattr(state_module, "answers_digest", counting)
    rendered.clear()
    run(docs, memory_path)
    users = {NAIMAN, extra_rel(0), extra_rel(1)}
    assert sorted(rendered) == sorted(users)
    assert len(checked) == len(users)             # the others' answers were not asked for again
    assert contents(docs) == from_scratch(docs, memory_path, tmp_path)
    # a state that does not know the memory's sources (another memory stamp): every article is checked
    index = docs.parent / "build" / "cache" / "en-state" / "index.json"
    data = json.loads(index.read_text())
    data["basis"][0], data["sources"] = None, None
    index.write_text(json.dumps(data))
    checked.clear()
    run(docs, memory_path)
    assert len(checked) == len(articles(docs))
