"""A tiny docs tree in the shape ARCHITECTURE.md describes, for the site tests.

Two pages of one issue, three articles, three languages; one article carries
hostile dump text (<script>, {{ config }}, Markdown specials) everywhere a dump
string can go.
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml

from build_scripts.body import render_body
from build_scripts.model import BodyBlock

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_JINJA = "{{ config }}"

DUMP_A = "dumps/001_fixture.txt"
DUMP_B = "dumps/000_fixture.txt"

_ARTICLES = [
    {
        "rel": "2025/12/15/01/jifa-keji.md",
        "meta": dict(id="20251215-01-aaaaaa", title="激发科技『向新力』打造闪亮『铝程碑』",
                     kicker="科技创新", subtitle="我市铝基产业迈向高端", authors=["包雷晶", "卢显艳"],
                     byline="通讯员 包雷晶 本报记者 卢显艳", dateline=None, page=1, page_name="要闻",
                     order=1, slug="jifa-keji", captions=["刚生产出的铝箔产品。", "生产车间一角。"],
                     source={"file": DUMP_A, "lines": [3, 12], "sha256": "0" * 64}),
        "body": [BodyBlock("paragraph", "今年以来，我市以科技创新重塑铝基产业格局，推动铝产业高质量发展。"),
                 BodyBlock("subhead", "产业转型 构建“铝程碑”低碳底座", level=3),
                 BodyBlock("paragraph", "全市新能源装机1410万千瓦，绿色发展成效显著。"),
                 BodyBlock("paragraph", "霍林郭勒市堪称是这场转型的先锋样板。")],
        "en": dict(title="Sparking the 'new force' of technology for a shining aluminium milestone",
                   kicker="Innovation", subtitle="The city's aluminium industry moves up the value chain",
                   authors=["Bao Leijing", "Lu Xianyan"],
                   byline="Correspondent Bao Leijing, staff reporter Lu Xianyan", page_name="News",
                   captions=["Freshly produced aluminium foil.", "A corner of the workshop."]),
        "en_body": [BodyBlock("paragraph", "Since the start of the year the city has reshaped its aluminium industry through innovation."),
                    BodyBlock("subhead", "Transition: a low-carbon base for the aluminium milestone", level=3),
                    BodyBlock("paragraph", "New energy capacity reached 14.1 GW; green development shows results."),
                    BodyBlock("paragraph", "Huolingole is a pioneer of this transition.")],
    },
    {
        "rel": "2025/12/15/01/hostile.md",
        "meta": dict(id="20251215-01-bbbbbb", title=f"{HOSTILE_SCRIPT} 标题 {HOSTILE_JINJA}",
                     kicker=f"<b>引题</b> {HOSTILE_JINJA}", subtitle="[链接](javascript:alert(1)) *强调*",
                     authors=[f"{HOSTILE_SCRIPT}"], byline=f"本报记者 {HOSTILE_JINJA}",
                     dateline="本报讯", page=1, page_name="要闻", order=2, slug="hostile",
                     captions=[f"{HOSTILE_SCRIPT}图片"],
                     source={"file": DUMP_A, "lines": [14, 16], "sha256": "0" * 64}),
        "body": [BodyBlock("paragraph", f"正文里有 {HOSTILE_SCRIPT} 和 {HOSTILE_JINJA} 两段文字。"),
                 BodyBlock("paragraph", "# 不是标题 <img src=x onerror=alert(1)> **不是粗体**")],
        "en": dict(title=f"{HOSTILE_SCRIPT} headline {HOSTILE_JINJA}", kicker=f"<b>kicker</b> {HOSTILE_JINJA}",
                   subtitle="[link](javascript:alert(1)) *emphasis*", authors=[HOSTILE_SCRIPT],
                   byline=f"Staff reporter {HOSTILE_JINJA}", page_name="News",
                   captions=[f"{HOSTILE_SCRIPT} picture"]),
        "en_body": [BodyBlock("paragraph", f"The body holds {HOSTILE_SCRIPT} and {HOSTILE_JINJA} as text."),
                    BodyBlock("paragraph", "# not a heading <img src=x onerror=alert(1)> **not bold**")],
    },
    {
        "rel": "2025/12/15/02/lilun.md",
        "meta": dict(id="20251215-02-cccccc", title="以理论创新引领实践发展", kicker=None, subtitle=None,
                     authors=["王樱润"], byline="本报讯（王樱润）", dateline="本报讯", page=2, page_name="理论·综合",
                     order=1, slug="lilun", captions=[],
                     source={"file": DUMP_B, "lines": [1, 5], "sha256": "0" * 64}),
        "body": [BodyBlock("paragraph", "理论创新是社会发展和变革的先导。"),
                 BodyBlock("paragraph", "坚持问题导向，推动理论与实践相结合。")],
        "en": dict(title="Theoretical innovation leads practice", kicker=None, subtitle=None,
                   authors=["Wang Yingrun"], byline="Tongliao Daily report (Wang Yingrun)",
                   dateline="Tongliao Daily report", page_name="Theory",
                   captions=[]),
        # one block fewer than the Chinese: the bilingual view must say so
        "en_body": [BodyBlock("paragraph", "Theoretical innovation guides social development and change.")],
    },
]

DUMP_TEXT = {
    DUMP_A: "\n".join(["", "", "今年以来，我市以科技创新重塑铝基产业格局。", "", "### 产业转型",
                       "全市新能源装机1410万千瓦。", "", "# 激发科技『向新力』打造闪亮『铝程碑』",
                       "通讯员 包雷晶 本报记者 卢显艳", "", "刚生产出的铝箔产品。", "生产车间一角。", "",
                       HOSTILE_SCRIPT, HOSTILE_JINJA, "正文"]) + "\n",
    DUMP_B: "以理论创新引领实践发展\n王樱润\n理论创新是社会发展和变革的先导。\n\n坚持问题导向。\n",
}


REPO = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("mkdocs.yml", "config", "overrides")


def make_project(root: Path, copy: bool = False) -> Path:
    """Make ``root`` a project the CLI and MkDocs find: the repository's mkdocs.yml, config/
    and overrides/, linked (or copied, for a test that must not see later edits)."""
    for name in PROJECT_FILES:
        source, target = REPO / name, root / name
        if not copy:
            target.symlink_to(source)
        elif source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    return root


def _write(path: Path, meta: dict, body: list[BodyBlock]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{head}---\n\n{render_body(body)}", encoding="utf-8")


def make_docs(root: Path, with_pages: bool = True) -> Path:
    """Write docs/ and dumps/ under ``root``; return the docs dir."""
    import opencc
    s2t = opencc.OpenCC("s2twp")
    docs = root / "docs"
    for f, text in DUMP_TEXT.items():
        (root / f).parent.mkdir(parents=True, exist_ok=True)
        (root / f).write_text(text, encoding="utf-8")
    for a in _ARTICLES:
        base = {"id": a["meta"]["id"], "lang": "zh-Hans", **a["meta"],
                "publication": "通辽日报", "date": dt.date(2025, 12, 15)}
        base = {k: base[k] for k in ["id", "lang", "title", "kicker", "subtitle", "authors", "byline",
                                     "dateline", "publication", "date", "page", "page_name", "order",
                                     "slug", "captions", "source"]}
        _write(docs / "zh-Hans" / a["rel"], base, a["body"])

        def conv(v):
            if isinstance(v, str):
                return s2t.convert(v)
            if isinstance(v, list):
                return [conv(x) for x in v]
            return v
        hant = {k: (conv(v) if k in {"title", "kicker", "subtitle", "authors", "byline", "dateline",
                                      "publication", "page_name", "captions"} else v)
                for k, v in base.items()}
        hant["lang"] = "zh-Hant"
        hant["conversion"] = {"engine": "OpenCC 1.4.2", "config": "s2twp.json"}
        _write(docs / "zh-Hant" / a["rel"], hant,
               [BodyBlock(b.kind, s2t.convert(b.text), b.level) for b in a["body"]])
        en = {**base, **a["en"], "lang": "en", "publication": "Tongliao Daily",
              "translation": {"engine": "fixture-mt", "date": dt.date(2025, 12, 16), "reviewed": False}}
        _write(docs / "en" / a["rel"], en, a["en_body"])
    if with_pages:
        repo_docs = Path(__file__).resolve().parent.parent / "docs"
        for p in repo_docs.glob("*.md"):
            (docs / p.name).write_bytes(p.read_bytes())
    return docs
