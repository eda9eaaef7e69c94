"""Fixtures for the variants tests: a loopback LibreTranslate, fast engine settings, a tiny docs tree."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from build_scripts.body import render_body
from build_scripts.model import BodyBlock
from build_scripts.variants.engines import EngineSettings
from libretranslate_stub import LibreTranslateStub, latin

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def libre(monkeypatch):
    monkeypatch.setenv("LIBRE_API_KEY", "test-key")
    with LibreTranslateStub() as stub:
        stub.default = latin  # answers like a working service (English letters, placeholders kept)
        yield stub


def fast(url: str, **overrides) -> EngineSettings:
    """Settings for fault tests: short timeout, tiny back-off."""
    values = dict(name="libretranslate", url=url, timeout=0.5, backoff=0.01, max_backoff=0.05,
                  budget=5.0, jobs=4)
    values.update(overrides)
    return EngineSettings(**values)


def article_text(meta: dict, body: list[BodyBlock]) -> str:
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{header}---\n\n{render_body(body)}"


def meta(id_: str, title: str, slug: str, **extra) -> dict:
    m = {
        "id": id_, "lang": "zh-Hans", "title": title, "kicker": None, "subtitle": None,
        "authors": [], "byline": None, "dateline": None, "publication": "通辽日报",
        "date": dt.date(2025, 12, 15), "page": 1, "page_name": "要闻", "order": 1, "slug": slug,
        "captions": [], "source": {"file": "dumps/001_x.txt", "lines": [3, 20], "sha256": "ab" * 32},
    }
    m.update(extra)
    return m


FIRST_BODY = [
    BodyBlock("paragraph", "今年以来,通辽市科技创新重塑铝基产业格局。"),
    BodyBlock("subhead", "产业转型 构建低碳底座", level=2),
    BodyBlock("paragraph", "坐拥风光宝藏。霍林郭勒市堪称是这场转型的先锋样板。", lead_in="坐拥风光宝藏。"),
    BodyBlock("paragraph", "程序员在项目里发展理发业务。"),
]
SECOND_BODY = [
    BodyBlock("paragraph", "奈曼旗融媒体中心开放共享资源。"),
    BodyBlock("paragraph", "群众纷纷点赞。"),
]


def write_docs(docs: Path) -> dict[str, Path]:
    """Two zh-Hans articles, as the segmenter writes them."""
    files = {
        "2025/12/15/01/jifa-keji.md": article_text(meta(
            "20251215-01-aaaaaa", "激发科技向新力", "jifa-keji", authors=["包雷晶", "卢显艳"],
            byline="通讯员 包雷晶 本报记者 卢显艳", captions=["刚生产出的铝箔产品。"]), FIRST_BODY),
        "2025/12/15/01/naiman.md": article_text(meta(
            "20251215-01-bbbbbb", "奈曼旗融媒体中心", "naiman", order=2, byline="本报讯(记者 王樱润)",
            authors=["王樱润"], dateline="本报讯"), SECOND_BODY),
    }
    paths = {}
    for rel, text in files.items():
        path = docs / "zh-Hans" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths[rel] = path
    return paths


@pytest.fixture
def docs(tmp_path) -> Path:
    d = tmp_path / "docs"
    write_docs(d)
    return d


@pytest.fixture
def memory_path(tmp_path) -> Path:
    return tmp_path / "translations" / "memory" / "en.jsonl"


GLOSSARY = ROOT / "translations" / "glossary.yaml"
PHRASES = ROOT / "translations" / "opencc_phrases.txt"
