"""The variants stage end to end on a tiny docs tree: siblings, alignment, labels, offline, --strict."""
from __future__ import annotations

import frontmatter
import pytest

from build_scripts.body import parse_body
from build_scripts.cli import main
from build_scripts.errors import UserError
from build_scripts.variants import make_variants
from build_scripts.variants.memory import Memory
from build_scripts.variants.translate import UNTRANSLATED
from libretranslate_stub import latin
from variants_fixtures import FIRST_BODY, GLOSSARY, PHRASES, docs, fast, libre, memory_path  # noqa: F401

REL = "2025/12/15/01/jifa-keji.md"


def run(docs, memory_path, settings=None, **kw):
    return make_variants(docs, phrases=PHRASES, glossary=GLOSSARY, memory=memory_path,
                         engine_settings=settings, progress=None, **kw)


def load(path):
    post = frontmatter.load(path)
    return post.metadata, parse_body(post.content)


def test_siblings_at_the_same_path_with_same_id_and_own_lang(docs, memory_path):
    res = run(docs, memory_path, offline=True)
    # the stage's clock (the benchmark's per-language split) accounts for its whole time
    assert {"read", "memory", "zh-Hant", "en"} <= set(res.steps)
    assert res.steps["zh-Hant"] > 0 and res.steps["en"] > 0
    assert abs(sum(res.steps.values()) - res.seconds) < 0.05 * res.seconds + 0.01
    for rel in (REL, "2025/12/15/01/naiman.md"):
        zh, _ = load(docs / "zh-Hans" / rel)
        for lang in ("zh-Hant", "en"):
            meta, _ = load(docs / lang / rel)
            assert meta["id"] == zh["id"] and meta["lang"] == lang
            assert list(meta)[:len(zh)] == list(zh)          # same keys, same order, provenance last
            assert (meta["slug"], meta["date"], meta["source"]) == (zh["slug"], zh["date"], zh["source"])


def test_english_online_machine_translation_is_labelled_and_aligned(docs, memory_path, libre):
    run(docs, memory_path, fast(libre.url))
    meta, body = load(docs / "en" / REL)
    assert [b.kind for b in body] == [b.kind for b in FIRST_BODY]        # block n ↔ block n
    assert body[0].text == latin("今年以来,[T0]科技创新重塑铝基产业格局。").replace("[T0]", "Tongliao")
    assert body[1].kind == "subhead" and body[1].level == 2
    # The lead-in was its own segment and is still bold, at the start of its paragraph.
    assert body[2].lead_in == latin("坐拥风光宝藏。")
    assert body[2].text == f"{latin('坐拥风光宝藏。')} {latin('[T0]堪称是这场转型的先锋样板。')}".replace("[T0]", "Huolin Gol")
    assert "坐拥风光宝藏。" in libre.translated
    assert meta["title"] == latin("激发科技向新力") and meta["captions"] == [latin("刚生产出的铝箔产品。")]
    # Names: pinyin, surname first; roles from the glossary; none of it sent to the engine.
    assert meta["authors"] == ["Bao Leijing", "Lu Xianyan"]
    assert meta["byline"] == "Correspondent Bao Leijing, Tongliao Daily reporter Lu Xianyan"
    assert not any("包雷晶" in q for q in libre.translated)
    assert meta["publication"] == "Tongliao Daily" and meta["page_name"] == "Top News"
    t = meta["translation"]
    assert t["status"] == "machine" and t["engines"] == ["libretranslate"]
    assert t["label"].startswith("Machine translation (LibreTranslate, ") and "not reviewed" in t["label"]
    assert t["segments"]["missing"] == 0 and t["segments"]["reviewed"] == 0
    other, _ = load(docs / "en/2025/12/15/01/naiman.md")
    assert other["byline"] == "Tongliao Daily report (reporter Wang Yingrun)"
    assert other["dateline"] == "Tongliao Daily report"


def test_offline_build_uses_the_memory_marks_what_is_missing_and_finishes(docs, memory_path):
    m = Memory(memory_path)
    m.add_reviewed("激发科技向新力", "Science and technology drive new growth", "Editor A", "2025-12-21")
    m.save()
    result = run(docs, memory_path, offline=True)
    meta, body = load(docs / "en" / REL)
    assert meta["title"] == "Science and technology drive new growth"
    assert meta["translation"]["status"] == "incomplete"
    assert "not yet translated" in meta["translation"]["label"]
    assert "body[0]" in meta["translation"]["untranslated"] and "title" not in meta["translation"]["untranslated"]
    # The untranslated Chinese paragraph stays in its place, marked; alignment holds.
    assert [b.kind for b in body] == [b.kind for b in FIRST_BODY]
    assert body[0].text == UNTRANSLATED + FIRST_BODY[0].text
    assert body[2].lead_in == UNTRANSLATED + FIRST_BODY[2].lead_in
    assert {m.rel.as_posix() for m in result.missing} == {REL, "2025/12/15/01/naiman.md"}


def test_strict_fails_on_missing_segments_after_writing(docs, memory_path):
    with pytest.raises(UserError, match="no English translation"):
        run(docs, memory_path, offline=True, strict=True)
    assert (docs / "en" / REL).exists()


def test_cli_exit_codes(docs, memory_path, capsys):
    common = ["variants", "--docs", str(docs), "--memory", str(memory_path), "--glossary", str(GLOSSARY),
              "--phrases", str(PHRASES), "--offline"]
    assert main(common) == 0
    err = capsys.readouterr().err
    assert "not translated" in err and REL in err                  # the missing listing
    assert main(common + ["--strict"]) == 2


def test_mixed_reviewed_and_machine_is_said_so(docs, memory_path, libre):
    m = Memory(memory_path)
    m.add_reviewed("激发科技向新力", "New Drive", "Editor A", "2025-12-21")
    m.save()
    run(docs, memory_path, fast(libre.url))
    meta, _ = load(docs / "en" / REL)
    assert meta["translation"]["status"] == "mixed"
    assert meta["translation"]["segments"]["reviewed"] == 1 and "machine translation" in meta["translation"]["label"]


def test_service_down_falls_back_to_older_machine_translations(docs, memory_path, libre):
    run(docs, memory_path, fast(libre.url))          # memory filled by libretranslate
    result = run(docs, memory_path, offline=True)      # offline, default engine google: other key
    assert not result.missing
    meta, _ = load(docs / "en" / REL)
    assert meta["translation"]["engines"] == ["libretranslate"]


def test_unchanged_rerun_writes_nothing_and_orphans_go(docs, memory_path):
    run(docs, memory_path, offline=True)
    again = run(docs, memory_path, offline=True)
    assert again.written.written == {"zh-Hant": 0, "en": 0}
    (docs / "zh-Hans/2025/12/15/01/naiman.md").unlink()
    hand_made = docs / "en/2025/12/15/01/hand.md"
    hand_made.write_text("---\ntitle: kept\n---\n\nhand-written\n", encoding="utf-8")
    result = run(docs, memory_path, offline=True)
    assert result.written.removed == 2
    assert not (docs / "en/2025/12/15/01/naiman.md").exists()
    assert not (docs / "zh-Hant/2025/12/15/01/naiman.md").exists()
    assert hand_made.exists()                            # not ours: left alone


def test_zh_hant_sibling_content(docs, memory_path):
    run(docs, memory_path, offline=True)
    meta, body = load(docs / "zh-Hant" / REL)
    assert meta["title"] == "激發科技向新力" and meta["byline"] == "通訊員 包雷晶 本報記者 盧顯豔"
    assert body[3].text == "程序員在項目裡發展理髮業務。"          # s2tw: no 程式/專案
    assert body[2].lead_in == "坐擁風光寶藏。"
    assert meta["conversion"]["config"] == "s2tw" and len(meta["conversion"]["phrases"]) == 12
