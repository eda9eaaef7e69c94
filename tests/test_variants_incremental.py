"""A rebuild converts only zh-Hans articles that are new or changed since their zh-Hant sibling."""
from __future__ import annotations

import os

from build_scripts.variants import make_variants
from build_scripts.variants.convert import Converter
from variants_fixtures import GLOSSARY, PHRASES, docs, memory_path  # noqa: F401


def run(docs, memory_path, phrases=PHRASES):
    return make_variants(docs, phrases=phrases, glossary=GLOSSARY, memory=memory_path, offline=True,
                         progress=None)


def test_unchanged_sources_are_not_converted_again(docs, memory_path, monkeypatch):
    first = run(docs, memory_path)
    sources = sorted((docs / "zh-Hans").rglob("*.md"))
    assert first.written.reused["zh-Hant"] == 0 and first.written.written["zh-Hant"] == len(sources)
    calls = []
    real, real_all = Converter.convert, Converter.convert_all
    monkeypatch.setattr(Converter, "convert", lambda self, text: calls.append(text) or real(self, text))
    monkeypatch.setattr(Converter, "convert_all", lambda self, texts: calls.append(texts) or real_all(self, texts))
    again = run(docs, memory_path)
    assert again.written.reused["zh-Hant"] == len(sources) and calls == []
    edited = sources[0]
    edited.write_text(edited.read_text(encoding="utf-8").replace("。", "!", 1), encoding="utf-8")
    os.utime(edited, ns=(edited.stat().st_atime_ns, edited.stat().st_mtime_ns + 10**9))
    third = run(docs, memory_path)
    assert third.written.reused["zh-Hant"] == len(sources) - 1 and calls
    assert third.written.written["zh-Hant"] == 1


def test_a_changed_phrase_list_converts_everything_again(docs, memory_path, tmp_path):
    run(docs, memory_path)
    phrases = tmp_path / "phrases.txt"
    phrases.write_text(PHRASES.read_text(encoding="utf-8") + "铝箔\t鋁箔片\n", encoding="utf-8")
    again = run(docs, memory_path, phrases=phrases)
    assert again.written.reused["zh-Hant"] == 0


def test_a_damaged_or_old_conversion_state_converts_everything_again_and_writes_nothing(docs, memory_path):
    from build_scripts.variants.state import cache_dir
    run(docs, memory_path)
    state = cache_dir(docs) / "zh-Hant-state.json"
    sources = len(list((docs / "zh-Hans").rglob("*.md")))
    for damage in ['{"2025/12/15/01/a.md": [1, 2', '{"2025/12/15/01/a.md": [1, 2, "opencc"]}']:  # cut; old shape
        state.write_text(damage, encoding="utf-8")
        again = run(docs, memory_path)
        assert again.written.reused["zh-Hant"] == 0 and again.written.written["zh-Hant"] == 0
        assert run(docs, memory_path).written.reused["zh-Hant"] == sources    # the state is whole again
