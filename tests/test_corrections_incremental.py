"""A correction re-segments its dump only, and downstream only what it changed: zh-Hant and
English of the changed articles; the engine (LibreTranslate on loopback) sees only the paragraph
whose text the correction changed; a reviewed translation of an unchanged paragraph stays."""
from __future__ import annotations

import shutil

from build_scripts import redirects
from build_scripts.manifest import load_manifest
from build_scripts.segment_pages import segment_pages
from build_scripts.site.labels import PREFIX
from build_scripts.variants import make_variants
from build_scripts.variants.memory import Memory
from segment_helpers import DUMPS
from variants_fixtures import GLOSSARY, PHRASES, fast, libre  # noqa: F401

P000 = "000_8df7ef33810d7782"
PAGE2 = "tongliao-ribao/2025/12/15/02"
KAIZHAN = "开展宣讲活动"
P87 = ("为进一步深化“感党恩、听党话、跟党走”群众教育实践活动，鄂尔多斯供电公司负荷管理服务中心组织“电靓暖城”"
       "共产党员服务队走进工业园区、重点企业，围绕党的惠民政策、电力保供举措开展宣讲，推动党的方针政策深入人心，"
       "全力保障企业冬季安全用电。")
REVIEWED = "To deepen the campaign, the load management centre sent its Party members' service team out."


def project(tmp_path):
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    for path in DUMPS.glob("*.txt"):
        shutil.copy(path, dumps / path.name)
    shutil.copy(DUMPS / "manifest.yaml", dumps / "manifest.yaml")
    return dumps


def segment(tmp_path, dumps):
    entries = load_manifest(dumps / "manifest.yaml")
    return segment_pages([e.file for e in entries], entries, tmp_path / "docs", tmp_path / "reports",
                         root=tmp_path, state_file=tmp_path / "state.json", quiet=True, jobs=1)


def variants(tmp_path, libre_url):
    return make_variants(tmp_path / "docs", phrases=PHRASES, glossary=GLOSSARY, memory=tmp_path / "en.jsonl",
                         engine_settings=fast(libre_url), progress=None)


def snapshot(docs):
    return {p.relative_to(docs).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in docs.rglob("*.md")}


def test_a_correction_remakes_only_what_it_changed(tmp_path, libre):
    dumps = project(tmp_path)
    first = segment(tmp_path, dumps)
    assert (first["segmented"], first["reused"]) == (2, 0)
    variants(tmp_path, libre.url)
    memory = Memory.load(tmp_path / "en.jsonl")
    memory.add_reviewed(P87, REVIEWED, reviewer="编辑甲", reviewed_on="2025-12-20")
    memory.save()
    variants(tmp_path, libre.url)
    before = snapshot(tmp_path / "docs")
    libre.requests.clear()

    (dumps / "corrections").mkdir()
    (dumps / "corrections" / f"{P000}.yaml").write_text(
        "- {line: 91, join: true}\n- {line: 93, replace: [一对一直电指导, 一对一用电指导]}\n", encoding="utf-8")
    again = segment(tmp_path, dumps)
    assert (again["segmented"], again["reused"]) == (1, 1)        # the other dump is not cut again
    assert again["removed"] == 1                                  # 保障用电安全 is part of 开展宣讲活动 now
    variants(tmp_path, libre.url)
    after = snapshot(tmp_path / "docs")

    changed = {rel for rel in after if rel not in before or after[rel] != before[rel]}
    gone = set(before) - set(after)
    kaizhan = next(rel for rel in after if rel.startswith("zh-Hans/") and KAIZHAN in after[rel][1].decode())
    name = kaizhan.split("/", 1)[1]
    # the joined article, and the two after it on the page whose order moved up by one
    moved = {rel.split("/", 1)[1] for rel in changed if rel.startswith("zh-Hans/")}
    assert name in moved and len(moved) == 3
    assert changed == {f"{lang}/{rel}" for lang in ("zh-Hans", "zh-Hant", "en") for rel in moved}
    assert len(gone) == 3 and all(rel.endswith("baozhang-yongdian-anquan.md") for rel in gone)
    assert not any("/2025/12/15/01/" in rel for rel in changed)  # page 1 untouched
    # only the paragraph whose text changed went to the engine
    assert len(libre.translated) == 1 and "一对一用电指导" in libre.translated[0]
    english = after[f"en/{name}"][1].decode()
    assert REVIEWED in english                                    # the reviewed paragraph stayed
    assert f"{PAGE2}/kaizhan-xuanjiang-huodong.md" == name


def test_an_article_joined_away_leaves_a_redirect_until_the_join_is_undone(tmp_path):
    dumps = project(tmp_path)
    segment(tmp_path, dumps)
    docs = tmp_path / "docs"
    old, new = f"{PAGE2}/baozhang-yongdian-anquan/", f"{PAGE2}/kaizhan-xuanjiang-huodong/"
    moved = docs / redirects.MOVED_FILE
    assert (docs / "zh-Hans" / f"{old[:-1]}.md").exists() and not moved.exists()
    fixes = dumps / "corrections" / f"{P000}.yaml"
    fixes.parent.mkdir()
    fixes.write_text("- {line: 91, join: true}\n", encoding="utf-8")
    segment(tmp_path, dumps)
    assert not (docs / "zh-Hans" / f"{old[:-1]}.md").exists()
    assert redirects.load(moved) == {old: new}
    assert "commit it" in moved.read_text(encoding="utf-8")

    site = tmp_path / "site"
    pages = {"zh-Hans": {new}, "zh-Hant": {new}, "en": set()}   # en not built yet: no redirect to nothing
    assert redirects.write_pages(site, "https://example.org/archive/", pages, redirects.load(moved), PREFIX) == 2
    html = (site / "zh-Hant" / old / "index.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="refresh" content="0; url=https://example.org/archive/zh-Hant/{new}">' in html
    assert f'<link rel="canonical" href="https://example.org/archive/zh-Hant/{new}">' in html
    assert (site / old / "index.html").exists() and not (site / "en" / old).exists()

    fixes.unlink()                       # undone: the article is back at its URL, the redirect goes
    segment(tmp_path, dumps)
    assert (docs / "zh-Hans" / f"{old[:-1]}.md").exists() and not moved.exists()


def test_redirects_follow_a_chain_and_drop_what_is_an_article_again(tmp_path):
    a, b, c = (tmp_path / f"{x}.md" for x in "abc")
    for path, lines in ((a, [1, 20]), (b, [10, 20]), (c, [30, 40])):   # a now holds b's lines
        path.write_text(f"---\nsource: {{file: d.txt, lines: {lines}}}\n---\n\ntext\n", encoding="utf-8")
    # b went into a; an older redirect pointed x at b: x now goes to a, not to a page that is gone
    moved = redirects.record_moves({"x/": "b/", "c/": "q/"}, {"b.md": b}, {"a.md": a, "c.md": c})
    assert moved == {"x/": "a/", "b/": "a/"}              # c is an article again: its old redirect is dropped
