"""Chinese person names in pinyin, surname first: 高山 → Gao Shan, 欧阳修 → Ouyang Xiu.

Used where a name must not go through machine translation (the authors list,
names in a byline) and the glossary has no entry for it. pypinyin reads a
character by its commonest sound; a few surnames are read differently as
surnames (单 Shan, 曾 Zeng, 解 Xie), so those are listed here.
"""
from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin

COMPOUND_SURNAMES = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
    "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "呼延", "独孤", "南宫", "万俟",
    "闻人", "澹台", "申屠", "太史", "钟离", "拓跋", "百里", "东郭", "西门",
}
SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "区": "ou", "仇": "qiu", "朴": "piao",
    "查": "zha", "覃": "qin", "翟": "zhai", "乐": "yue", "盖": "ge", "缪": "miao",
    "召": "shao", "种": "chong", "繁": "po", "尉迟": "yuchi", "长孙": "zhangsun",
    "万俟": "moqi", "员": "yun", "黑": "he", "重": "chong", "藏": "zang", "秘": "bi",
}


def _syllables(text: str) -> list[str]:
    return lazy_pinyin(text, style=Style.NORMAL, v_to_u=True, errors="default")


def _join(syllables: list[str]) -> str:
    """Syllables of one name part; an apostrophe before a/o/e (Xi'an, not Xian)."""
    out = ""
    for s in syllables:
        if out and s[:1] in "aoe":
            out += "'"
        out += s
    return out.capitalize()


def split_name(name: str) -> tuple[str, str]:
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


@lru_cache(maxsize=1 << 16)     # a byline name comes back on many articles (pypinyin: ~0.1 ms a name)
def romanise(name: str) -> str:
    """A Chinese person name as pinyin, surname first; anything else comes back unchanged."""
    name = name.strip()
    if not name or not all("\u4e00" <= c <= "\u9fff" or c == "·" for c in name):
        return name
    if "·" in name:  # a transcribed minority or foreign name: each part as one word
        return " ".join(_join(_syllables(part)) for part in name.split("·") if part)
    surname, given = split_name(name)
    # The whole name at once: pypinyin reads 长 in 周长玉 as chang, in 长玉 alone as zhang.
    syllables = _syllables(name)
    family = SURNAME_READINGS.get(surname) or "".join(syllables[:len(surname)])
    parts = [family.capitalize()]
    if given:
        parts.append(_join(syllables[len(surname):]))
    return " ".join(parts)
