"""Page PDFs through the segmenter: articles cut by the layout, every character kept,
``segment page.pdf --json``, a manifest entry that is a PDF, the report's PDF boxes."""
from __future__ import annotations

import collections
import json
import subprocess
import sys

import pypdfium2 as pdfium

from build_scripts.ingest import read_dump, source_text
from build_scripts.model import SUBHEAD
from build_scripts.report import article_record, render_report
from build_scripts.segment import PASSES, segment

from pdf_pages import typeset_pages
from segment_helpers import DUMPS, ROOT, canon_chars, output_chars

Story = typeset_pages.Story

STORIES = [
    Story(kicker="冬季出行安全提示——", title="以雪为令守护平安路", subtitle="——全市环卫工人连夜清雪保畅通",
          byline="本报记者 王明",
          paragraphs=["本报讯　入冬以来第一场大雪昨夜降临，全市两千余名环卫工人连夜上岗，清扫主干道积雪，确保市民早高峰出行顺畅。"
                      "天亮前，城区主干道已全部打通，公交车按时发车。",
                      "记者在城区主要路口看到，铲雪车和撒布机往来穿梭，交警在易滑路段设置了提示牌，引导车辆减速慢行。" * 3,
                      "市城市管理局负责人介绍，今年全市储备融雪剂三千吨，并对重点桥梁、坡道实行专人值守，遇雪即清。" * 2],
          subheads={2: "重点路段专人值守"},
          caption="图为环卫工人在人民路清扫积雪。", credit="本报记者 李华摄"),
    Story(title="社区食堂开到家门口",
          paragraphs=["家住河东街道的张大爷最近多了一个好去处：社区新开的长者食堂，一荤两素只要十二元，还能送餐上门。" * 3,
                      "街道负责人表示，食堂由政府提供场地、企业运营、志愿者参与服务，目前每天为三百多位老人供餐。" * 2]),
    Story(title="乡村图书室里书香浓", subtitle="——农家书屋成为村民精神家园",
          paragraphs=["寒假期间，村里的农家书屋格外热闹，孩子们在这里读书写作业，老人们翻看种植养殖类图书。" * 3,
                      "据了解，全县已建成农家书屋二百六十个，每年更新图书两万余册，并开展读书分享活动。" * 2]),
]


def typeset(tmp_path, name="page.pdf", seed=3):
    return typeset_pages.typeset_page(STORIES, tmp_path / name, seed=seed, columns=5)


def pdf_text_layer(path) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        return "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def test_articles_are_cut_by_the_printed_page(tmp_path):
    seg = segment(read_dump(typeset(tmp_path)))
    heads = [(a.kicker, a.title, a.subtitle) for a in seg.articles]
    assert heads == [(s.kicker, s.title, s.subtitle) for s in STORIES]
    first = seg.articles[0]
    assert first.authors == ["王明"]
    assert first.captions == ["图为环卫工人在人民路清扫积雪。本报记者 李华摄"]
    assert [b.text for b in first.body if b.kind == "subhead"] == ["重点路段专人值守"]
    assert first.dateline == "本报讯"
    for article, story in zip(seg.articles, STORIES):
        paragraphs = [b.text for b in article.body if b.kind == "paragraph"]
        assert paragraphs == [p.removeprefix("本报讯\u3000") for p in story.paragraphs]
    furniture = {b.text for b in seg.furniture}
    assert {"责任编辑：王 明", "第1版", "要闻"} <= furniture


def test_every_character_of_the_text_layer_ends_in_an_article_or_the_report(tmp_path):
    path = typeset(tmp_path)
    seg = segment(read_dump(path))
    assert output_chars(seg) == canon_chars(pdf_text_layer(path))


def test_a_headline_shaped_line_in_body_type_stays_body_text(tmp_path):
    story = Story(title="大标题", paragraphs=["开头一段话说明了事情的来龙去脉，内容完整。" * 4, "短行不是标题",
                                             "又一段正文，讲述后来发生的事情，结尾有句号。" * 4])
    seg = segment(read_dump(typeset_pages.typeset_page([story], tmp_path / "p.pdf", seed=1, columns=4)))
    assert [a.title for a in seg.articles] == ["大标题"]
    assert "短行不是标题" in [b.text for b in seg.articles[0].body if b.kind == "paragraph"]


def test_without_layout_facts_the_layout_pass_changes_nothing():
    dump = read_dump(DUMPS / "001_348aeecdd38910cd.txt")
    with_pass, without = segment(dump), segment(dump, PASSES.without("apply_layout_facts"))
    assert with_pass.articles == without.articles
    assert with_pass.repairs == without.repairs
    assert PASSES.names()[0] == "apply_layout_facts"


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "build_scripts", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_segment_page_pdf_json(tmp_path):
    path = typeset(tmp_path)
    result = run("segment", path, "--json")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert [r["title"] for r in records] == [s.title for s in STORIES]
    assert all(r["source"]["file"] == str(path) for r in records)
    lines = [r["source"]["lines"] for r in records]
    assert lines == sorted(lines) and lines[0][0] > 1   # the banner's lines come first


def test_a_manifest_entry_that_is_a_pdf(tmp_path):
    typeset(tmp_path, name="p01.pdf")
    (tmp_path / "manifest.yaml").write_text(
        "publication: 测试日报\ndumps:\n  - file: p01.pdf\n    date: 2025-12-15\n    page: 1\n"
        "    page_name: 要闻\n", encoding="utf-8")
    result = run("segment", "--manifest", tmp_path / "manifest.yaml", "--out", tmp_path / "docs",
                 "--reports", tmp_path / "reports", "--state", tmp_path / "state.json", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    files = sorted((tmp_path / "docs/zh-Hans").glob("*/2025/12/15/01/*.md"))   # docs/<lang>/<paper>/…
    assert len(files) == len(STORIES)
    text = "\n".join(f.read_text(encoding="utf-8") for f in files)
    assert "publication: 测试日报" in text and "file: p01.pdf" in text or "p01.pdf" in text
    report = (tmp_path / "reports/p01.md").read_text(encoding="utf-8")
    assert "read from a page PDF" in report
    assert collections.Counter(line.count("[PDF page 1, box ") for line in report.splitlines())[1] > 5


def test_the_report_names_the_pdf_box_of_a_repair(tmp_path):
    seg = segment(read_dump(typeset(tmp_path)))
    report = render_report(seg)
    banner = next(line for line in report.splitlines() if "“第1版”" in line and "set aside" not in line)
    assert "[PDF page 1, box " in banner
    subhead = next(b for a in seg.articles for b in a.body if b.kind == "subhead")
    assert subhead.text == "重点路段专人值守" and SUBHEAD == "subhead"


def test_the_typesetter_is_deterministic(tmp_path):
    for name in "abc":
        (tmp_path / name).mkdir()
    a = typeset_pages.typeset_page(STORIES, tmp_path / "a/page.pdf", seed=5)
    b = typeset_pages.typeset_page(STORIES, tmp_path / "b/page.pdf", seed=5)
    c = typeset_pages.typeset_page(STORIES, tmp_path / "c/page.pdf", seed=6)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()


def test_the_source_view_shows_the_pdf_text_the_lines_number(tmp_path):
    path = typeset(tmp_path)
    text = source_text(path)
    record = article_record(segment(read_dump(path)), 1)
    first, last = record["source"]["lines"]
    lines = text.split("\n")
    assert lines[first - 1] == STORIES[1].title
    assert lines[last - 1] == STORIES[1].paragraphs[-1]
