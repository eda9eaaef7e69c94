"""zh-Hant conversion: the config choice, the project phrase list inside OpenCC's chain, what is converted."""
from __future__ import annotations

import pytest

from build_scripts.errors import UserError
from build_scripts.model import BodyBlock
from build_scripts.variants.convert import Converter, phrases_hash, read_phrases
from build_scripts.variants.write import Source, traditional
from variants_fixtures import PHRASES


def test_default_s2tw_keeps_mainland_vocabulary():
    cc = Converter()
    assert cc.convert("程序员在项目里发展理发业务。") == "程序員在項目裡發展理髮業務。"


def test_s2twp_and_s2hk_are_selectable():
    assert Converter("s2twp").convert("程序员的项目") == "程式設計師的專案"
    assert Converter("s2hk").convert("里面") == "裏面"


def test_unknown_config_is_a_user_error():
    with pytest.raises(UserError, match="s2tw, s2twp, s2hk"):
        Converter("t2s")


def test_a_phrase_entry_takes_effect(tmp_path):
    assert Converter("s2tw").convert("于洪说") == "於洪說"       # OpenCC alone: the preposition
    path = tmp_path / "phrases.txt"
    path.write_text("# surname\n于洪\t于洪\n", encoding="utf-8")
    assert Converter.from_files("s2tw", path).convert("于洪说") == "于洪說"


def test_later_steps_do_not_undo_a_phrase_entry(tmp_path):
    # s2twp's Taiwan-phrases step would turn 項目 into 專案; our entry is final.
    path = tmp_path / "phrases.txt"
    path.write_text("项目\t項目\n", encoding="utf-8")
    cc = Converter.from_files("s2twp", path)
    assert cc.convert("这个项目的程序员") == "這個項目的程式設計師"


def test_every_entry_of_the_project_list_takes_effect():
    phrases = read_phrases(PHRASES)
    assert phrases
    for config in ("s2tw", "s2twp", "s2hk"):
        cc = Converter(config, phrases)
        for simplified, traditional_form in phrases.items():
            assert cc.convert(f"是{simplified}。") == f"是{traditional_form}。", (config, simplified)


def test_bad_phrase_line_names_file_and_line(tmp_path):
    path = tmp_path / "phrases.txt"
    path.write_text("于洪\t于洪\n于海 于海\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"phrases\.txt:2: expected"):
        read_phrases(path)


def test_phrase_hash_changes_with_the_list():
    assert phrases_hash({"于洪": "于洪"}) != phrases_hash({"于洪": "於洪"})
    assert len(phrases_hash({})) == 12


def test_everything_a_reader_sees_is_converted_and_nothing_else():
    meta = {
        "id": "20251215-01-abcdef", "lang": "zh-Hans", "title": "激发科技", "kicker": "开发区发力",
        "subtitle": None, "authors": ["卢显艳"], "byline": "本报记者 卢显艳", "dateline": "本报讯",
        "publication": "通辽日报", "page": 1, "page_name": "要闻", "order": 1, "slug": "jifa-keji",
        "captions": ["刚生产出的铝箔产品。"],
        "source": {"file": "dumps/001_发展.txt", "lines": [3, 53], "sha256": "c8" * 32},
    }
    body = [BodyBlock("subhead", "产业转型", level=2),
            BodyBlock("paragraph", "坐拥风光。发展1410万千瓦。", lead_in="坐拥风光。")]
    out, blocks = traditional(Source(None, meta, body), Converter())
    assert list(out)[:-1] == list(meta) and list(out)[-1] == "conversion"
    assert (out["title"], out["kicker"], out["byline"], out["dateline"], out["page_name"]) == \
        ("激發科技", "開發區發力", "本報記者 盧顯豔", "本報訊", "要聞")
    assert out["authors"] == ["盧顯豔"] and out["captions"] == ["剛生產出的鋁箔產品。"]
    assert out["publication"] == "通遼日報" and out["lang"] == "zh-Hant"
    assert out["source"] == meta["source"]                   # file names are never converted
    assert (out["id"], out["slug"], out["page"], out["order"]) == ("20251215-01-abcdef", "jifa-keji", 1, 1)
    assert out["conversion"]["tool"] == "opencc" and out["conversion"]["config"] == "s2tw"
    assert out["conversion"]["version"] == "1.4.2"
    assert blocks == [BodyBlock("subhead", "產業轉型", level=2),
                      BodyBlock("paragraph", "坐擁風光。發展1410萬千瓦。", lead_in="坐擁風光。")]


def test_texts_converted_together_as_one_by_one():
    cc = Converter("s2tw", {"通辽日报": "通遼日報"})
    texts = ["通辽", "日报", "通辽日报社", "", "头发发展", "第一行\n第二行", "干部"]
    assert cc.convert_all(texts) == [cc.convert(t) for t in texts]        # a text with a line break
    assert cc.convert_all(texts[:5]) == [cc.convert(t) for t in texts[:5]]  # one call
    assert cc.convert_all(["通辽", "日报"]) == ["通遼", "日報"]       # no phrase across two texts
    assert cc.convert_all([]) == []
