"""Corrections on the bundled sample page 000, through ``segment --json``.

The expected articles are written from reading the dump: lines 85–89 (开展宣讲活动, 郎晨) and
91–95 (保障用电安全, 郎晨) are one story of 鄂尔多斯供电 printed in two pieces; line 77
(温暖辖区商户) is marked page furniture, so 寒冬上门服务 keeps only its first line as title and
its paragraph cut at line 75 still continues at line 79.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

from segment_helpers import DUMPS, ROOT

P000 = DUMPS / "000_8df7ef33810d7782.txt"


def segment_json(dump) -> list[dict]:
    run = subprocess.run([sys.executable, "-m", "build_scripts", "segment", str(dump), "--json"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_join_and_furniture_on_the_sample_page(tmp_path):
    dump = tmp_path / P000.name
    shutil.copy(P000, dump)
    today = segment_json(dump)
    fixes = tmp_path / "corrections" / f"{P000.stem}.yaml"
    fixes.parent.mkdir()
    fixes.write_text("- {line: 91, join: true}\n- {line: 77, role: furniture}\n", encoding="utf-8")

    corrected = segment_json(dump)

    assert [(a["order"], a["source"]["lines"], a["title"]) for a in corrected] == [
        (1, [3, 37], "通辽市因地制宜培育能源领域新质生产力"),
        (2, [39, 47], "以雪为令 平安出行"),
        (3, [49, 59], "风雪暖途"),
        (4, [61, 67], "活力展风采"),
        (5, [69, 83], "寒冬上门服务"),
        (6, [85, 95], "开展宣讲活动"),
        (7, [97, 109], "课堂传扬文化 活动凝聚同心"),
        (8, [111, 149], "思政铸魂数智赋能 构建一体化教学育人体系"),
    ]
    joined = corrected[5]
    assert joined["authors"] == ["郎晨"]
    assert joined["byline"] == "（郎晨） （郎晨）"      # both credits, as printed
    assert joined["body"] == (
        "为进一步深化“感党恩、听党话、跟党走”群众教育实践活动，鄂尔多斯供电公司负荷管理服务中心组织"
        "“电靓暖城”共产党员服务队走进工业园区、重点企业，围绕党的惠民政策、电力保供举措开展宣讲，"
        "推动党的方针政策深入人心，全力保障企业冬季安全用电。\n\n"
        "## 保障用电安全\n\n"
        "同时，负荷管理服务中心将宣讲成效转化为惠民实效，聚焦企业年度生产用电难题，提供一对一直电指导，"
        "以务实行动办好电力民生大事，护航企业稳产增效，为企业的发展提供更加坚实的用电保障，共同促进地方经济发展。\n")
    tax = corrected[4]
    assert (tax["kicker"], tax["subtitle"], tax["authors"]) == (None, None, ["倪静"])
    paragraphs = tax["body"].split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[2].startswith("走访中，税务干部手把手指导经营者")
    assert "高效办结税务登记手续，真正实现“商户少跑腿、服务送上门”。" in paragraphs[2]
    assert "温暖辖区商户" not in tax["body"]
    # the articles the fixes do not touch are cut as before
    untouched = [a for a in today if a["source"]["lines"][0] not in (69, 85, 91)]
    assert untouched == [b | {"order": b["order"] + (b["order"] >= 7)} for b in corrected
                         if b["source"]["lines"][0] not in (69, 85)]

    fixes.unlink()
    assert segment_json(dump) == today


def test_report_of_the_corrected_sample(tmp_path):
    dump = tmp_path / P000.name
    shutil.copy(P000, dump)
    fixes = tmp_path / "corrections" / f"{P000.stem}.yaml"
    fixes.parent.mkdir()
    fixes.write_text("- {line: 91, join: true}\n- {line: 77, role: furniture}\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "build_scripts", "segment", str(dump), "--out", str(tmp_path / "docs"),
                          "--reports", str(tmp_path / "reports"), "--state", str(tmp_path / "state.json"),
                          "--manifest", str(DUMPS / "manifest.yaml")],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    report = (tmp_path / "reports" / f"{P000.stem}.md").read_text(encoding="utf-8")
    section = report.split("## Editor's corrections")[1].split("##")[0]
    assert f"{fixes}:1: line 91: continues the article before" in section
    assert f"{fixes}:2: line 77: is furniture" in section
    assert "- line 77 (marked furniture by the editor): “温暖辖区商户”" in report.split("## Set aside")[1]
