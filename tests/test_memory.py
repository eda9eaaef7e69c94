"""The translation memory: hits, misses, one changed paragraph, reviewed entries, corrupt lines."""
from __future__ import annotations

import json

import pytest

from build_scripts.cli import main as cli
from build_scripts.errors import UserError
from build_scripts.variants import make_variants
from build_scripts.variants.exchange import export_segments, import_reviewed
from build_scripts.variants.glossary import Glossary
from build_scripts.variants.memory import Memory, source_hash
from build_scripts.variants.translate import Translator
from build_scripts.variants.write import read_sources, record_segments
from variants_fixtures import GLOSSARY, PHRASES, docs, fast, libre, memory_path  # noqa: F401


def run(docs, memory_path, settings=None, **kw):
    return make_variants(docs, phrases=PHRASES, glossary=GLOSSARY, memory=memory_path,
                         engine_settings=settings, progress=None, **kw)


def test_hit_and_miss(tmp_path):
    path = tmp_path / "en.jsonl"
    m = Memory(path)
    m.add_machine("你好 世界", "Hello world", "google", "g1", "2025-12-20")
    assert m.save()
    m = Memory.load(path)
    assert m.lookup("你好  世界\n", "google", "g1").text == "Hello world"   # normalised source
    assert m.lookup("你好 世界", "deepl", "g1") is None                     # other engine: miss
    assert m.lookup("你好 世界", "google", "g2") is None                    # other glossary: miss
    assert m.lookup("你好 世界", "deepl", "g2", allow_stale=True).text == "Hello world"
    assert m.lookup("再见", "google", "g1") is None


def test_file_is_sorted_stable_and_diffable(tmp_path):
    path = tmp_path / "en.jsonl"
    m = Memory(path)
    for i in range(20):
        m.add_machine(f"第{i}段", f"Paragraph {i}", "google", "g1", "2025-12-20")
    m.save()
    first = path.read_bytes()
    lines = first.decode().splitlines()
    hashes = [json.loads(x)["source_hash"] for x in lines]
    assert hashes == sorted(hashes) and len(lines) == 20
    m = Memory.load(path)
    m.dirty = True
    m.save()
    assert path.read_bytes() == first
    assert not Memory.load(path).save()          # nothing changed: not rewritten


def test_rebuild_retranslates_only_the_changed_paragraph(docs, memory_path, libre):
    run(docs, memory_path, fast(libre.url))
    first_round = list(libre.translated)
    assert first_round and memory_path.exists()
    en_files = sorted((docs / "en").rglob("*.md"))
    before = {p: p.read_text(encoding="utf-8") for p in en_files}

    run(docs, memory_path, fast(libre.url))       # nothing changed: nothing asked
    assert libre.translated == first_round

    src = docs / "zh-Hans/2025/12/15/01/naiman.md"
    src.write_text(src.read_text(encoding="utf-8").replace("群众纷纷点赞。", "群众纷纷叫好。"), "utf-8")
    result = run(docs, memory_path, fast(libre.url))
    assert libre.translated[len(first_round):] == ["群众纷纷叫好。"]
    assert result.written.written["en"] == 1
    changed = [p for p in en_files if p.read_text(encoding="utf-8") != before[p]]
    assert [p.name for p in changed] == ["naiman.md"]


def test_reviewed_entries_win_and_survive(docs, memory_path, libre):
    m = Memory(memory_path)
    m.add_reviewed("群众纷纷点赞。", "People applauded.", "Editor A", "2025-12-21")
    m.save()
    run(docs, memory_path, fast(libre.url))
    assert "群众纷纷点赞。" not in libre.translated             # never sent to the machine
    page = (docs / "en/2025/12/15/01/naiman.md").read_text(encoding="utf-8")
    assert "People applauded." in page
    reloaded = Memory.load(memory_path)
    entry = reloaded.reviewed[source_hash("群众纷纷点赞。")]
    assert (entry.text, entry.reviewer, entry.reviewed) == ("People applauded.", "Editor A", True)
    # Engine-independent: found whichever engine and glossary the lookup names.
    assert reloaded.lookup("群众纷纷点赞。", "deepl", "other").text == "People applauded."
    # The machine cannot overwrite it.
    reloaded.add_machine("群众纷纷点赞。", "The masses liked it.", "google", "g", "2025-12-22")
    assert reloaded.lookup("群众纷纷点赞。", "google", "g").text == "People applauded."


def test_editor_marks_a_line_reviewed_by_hand(tmp_path):
    path = tmp_path / "en.jsonl"
    m = Memory(path)
    m.add_machine("你好", "Hi there", "google", "g1", "2025-12-20")
    m.save()
    d = json.loads(path.read_text(encoding="utf-8"))
    d.update(text="Hello", reviewed=True, reviewer="Editor B", reviewed_on="2025-12-22")
    path.write_text(json.dumps(d, ensure_ascii=False) + "\n", encoding="utf-8")
    assert Memory.load(path).lookup("你好", "deepl", "g9").text == "Hello"
    d.pop("reviewer")
    path.write_text(json.dumps(d, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"en\.jsonl:1: a reviewed entry needs a 'reviewer'"):
        Memory.load(path)


def test_corrupt_line_names_file_and_line_and_loses_nothing(docs, memory_path, libre):
    memory_path.parent.mkdir(parents=True)
    good = Memory(memory_path)
    good.add_machine("甲", "A", "libretranslate", "g", "2025-12-20")
    good.add_machine("乙", "B", "libretranslate", "g", "2025-12-20")
    good.save()
    lines = memory_path.read_text(encoding="utf-8").splitlines()
    lines.insert(1, '{"source": "丙", "text": "C"')              # truncated by a bad merge
    memory_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = memory_path.read_bytes()
    with pytest.raises(UserError) as err:
        run(docs, memory_path, fast(libre.url))
    assert f"{memory_path}:2:" in str(err.value) and "not valid JSON" in str(err.value)
    assert memory_path.read_bytes() == before                    # nothing rewritten, nothing lost
    assert libre.requests == []                                   # stopped before any work


@pytest.mark.parametrize("line, message", [
    ('["a list"]', "expected a JSON object"),
    ('{"source": "甲"}', "'text' must be a non-empty string"),
    ('{"source": "甲", "text": "A", "colour": "red"}', "unknown field"),
    ("<<<<<<< HEAD", "merge conflict"),
])
def test_each_kind_of_bad_line(tmp_path, line, message):
    path = tmp_path / "en.jsonl"
    path.write_text('{"source": "乙", "text": "B", "engine": "google"}\n\n' + line + "\n", encoding="utf-8")
    with pytest.raises(UserError, match=f"en.jsonl:3: .*{message}"):
        Memory.load(path)


def test_two_reviewed_translations_of_one_source_are_an_error(tmp_path):
    path = tmp_path / "en.jsonl"
    row = {"source": "甲", "text": "A", "reviewed": True, "reviewer": "E"}
    path.write_text(json.dumps(row) + "\n" + json.dumps({**row, "text": "A2"}) + "\n", encoding="utf-8")
    with pytest.raises(UserError, match="en.jsonl:2: .*first is on line 1"):
        Memory.load(path)


def test_export_for_a_translator_and_import_reviewed(docs, memory_path, tmp_path):
    result = run(docs, memory_path, offline=True)
    assert result.missing
    glossary = Glossary.load(GLOSSARY)
    translator = Translator(Memory.load(memory_path), glossary, None, "google")
    recorder = record_segments(read_sources(docs), glossary)
    out = tmp_path / "for-translator.jsonl"
    n = export_segments(out, recorder, translator, only_missing=True)
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert n == len(rows)
    exported = {place for r in rows for place in r["places"]}
    assert exported == {f"{m.rel.as_posix()} {w}" for m in result.missing for w in m.where}
    assert {"source", "source_hash", "text", "reviewer", "places"} <= set(rows[0])
    by_source = {r["source"]: r for r in rows}
    assert by_source["群众纷纷点赞。"]["places"] == ["2025/12/15/01/naiman.md body[1]"]
    # The translator fills in every line; the file comes back.
    for r in rows:
        r["text"], r["reviewer"] = f"EN {r['source_hash'][:6]}", "Translator T"
    by_source["群众纷纷点赞。"]["text"] = "People applauded."
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    memory = Memory.load(memory_path)
    assert import_reviewed(out, memory) == (len(rows), 0)
    memory.save()
    result = run(docs, memory_path, offline=True, strict=True)   # nothing missing any more
    assert not result.missing
    page = (docs / "en/2025/12/15/01/naiman.md").read_text(encoding="utf-8")
    assert "People applauded." in page and "status: reviewed" in page


def test_import_refuses_an_edited_source(tmp_path):
    out = tmp_path / "back.jsonl"
    out.write_text(json.dumps({"source_hash": source_hash("甲"), "source": "乙", "text": "B",
                               "reviewer": "T"}) + "\n", encoding="utf-8")
    memory = Memory(tmp_path / "en.jsonl")
    with pytest.raises(UserError, match="back.jsonl:1: 'source' was edited"):
        import_reviewed(out, memory)
    assert len(memory) == 0


def test_import_reads_zh_en_files_and_refuses_conflicting_lines(tmp_path):
    back = tmp_path / "sample-en.jsonl"
    rows = [{"article": "甲文", "kind": "byline", "zh": "（李清）", "en": "(Li Qing)"},
            {"article": "乙文", "kind": "byline", "zh": "（李清）", "en": "(Li Qing)"},
            {"article": "乙文", "kind": "title", "zh": "标题", "en": "Headline"}]
    back.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    memory = Memory(tmp_path / "en.jsonl")
    with pytest.raises(UserError, match="no 'reviewer'"):
        import_reviewed(back, memory)
    assert import_reviewed(back, memory, reviewer="Editor C", today="2025-12-30") == (3, 0)
    entry = memory.lookup("（李清）", "google", "g")
    assert (entry.text, entry.reviewer, entry.reviewed_on) == ("(Li Qing)", "Editor C", "2025-12-30")
    # Full-width and half-width punctuation are the same source.
    assert memory.lookup("(李清)", "google", "g") is entry
    rows.append({"zh": "标题", "en": "Another headline"})
    back.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(UserError, match="sample-en.jsonl:4: a different translation .* line 3"):
        import_reviewed(back, Memory(tmp_path / "other.jsonl"), reviewer="Editor C")


def test_reviewed_whole_byline_wins_over_the_rules(docs, memory_path):
    m = Memory(memory_path)
    m.add_reviewed("通讯员 包雷晶 本报记者 卢显艳", "By correspondent Bao Leijing and reporter Lu Xianyan",
                   "Editor A", "2025-12-21")
    m.save()
    run(docs, memory_path, offline=True)
    page = (docs / "en/2025/12/15/01/jifa-keji.md").read_text(encoding="utf-8")
    assert "byline: By correspondent Bao Leijing and reporter Lu Xianyan" in page
    other = (docs / "en/2025/12/15/01/naiman.md").read_text(encoding="utf-8")
    assert "byline: Tongliao Daily report (reporter Wang Yingrun)" in other     # rules still


def test_merge_memory_takes_what_main_lacks_and_keeps_mains_reviewed(tmp_path):
    main_path, built_path = tmp_path / "main.jsonl", tmp_path / "built.jsonl"
    built = Memory(built_path)
    built.add_reviewed("群众纷纷点赞。", "Old wording.", "Editor A", "2025-12-01")
    built.add_reviewed("今年以来。", "Since the start of the year.", "Editor A", "2025-12-01")
    built.add_machine("霍林郭勒市。", "Huolin Gol City.", "google", "g1", "2025-12-21")
    built.save()
    main_memory = Memory(main_path)
    main_memory.add_reviewed("群众纷纷点赞。", "People applauded.", "Editor B", "2025-12-20")  # edited since
    main_memory.save()
    assert cli(["variants", "--memory", str(main_path), "--merge-memory", str(built_path)]) == 0
    merged = Memory.load(main_path)
    assert merged.reviewed_for("群众纷纷点赞。").text == "People applauded."
    assert merged.reviewed_for("今年以来。").text == "Since the start of the year."
    assert merged.lookup("霍林郭勒市。", "google", "g1").text == "Huolin Gol City."
    assert cli(["variants", "--memory", str(main_path), "--merge-memory", str(tmp_path / "gone.jsonl")]) == 2


def test_the_fast_nfkc_is_nfkc():
    import random
    import unicodedata
    from build_scripts.variants.memory import nfkc
    every = [chr(c) for c in range(0x20, 0x30000) if not 0xD800 <= c < 0xE000]
    assert [c for c in every if nfkc(c) != unicodedata.normalize("NFKC", c)] == []
    # mixes of full-width forms, ASCII, ideographs, combining marks, Hangul jamo, superscripts
    pool = [chr(c) for c in [*range(0x20, 0x7F), *range(0xFF00, 0xFFF0), *range(0x3000, 0x3040),
                             *range(0x300, 0x370), *range(0x4E00, 0x4E20), 0x1100, 0x1161, 0x11A8, 0xAC00,
                             0x2126, 0x212B, 0xFB01, 0x2460, 0xB2, 0x2026]]
    rng = random.Random(7)
    mixes = ["".join(rng.choice(pool) for _ in range(rng.randrange(1, 9))) for _ in range(30000)]
    assert [s for s in mixes if nfkc(s) != unicodedata.normalize("NFKC", s)] == []
    assert nfkc("本报讯（记者　王樱润）５月，全市ＧＤＰ增长²") == "本报讯(记者 王樱润)5月,全市GDP增长2"
