"""Recognise bylines in the forms Chinese papers print them, and pull out the names.

Forms: ``(李清)``, ``(兴和县明德小学 张慧慧 白凤艳)`` (affiliation + names),
``(…副主任、讲师 高山)``, ``通讯员 包雷晶 本报记者 卢显艳``, a bare ``刘宏杰`` under
a headline, ``本报讯(记者 王樱润) 今年以来…`` inline, ``新华社北京12月3日电(记者 …)``,
``(记者 X 摄)``, ``(作者为…)``, ``(据《…》)``; ASCII or full-width brackets
(the typography pass has made them full-width by now).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .shapes import DATELINE

ROLES = ("本报记者", "本报通讯员", "本报特约记者", "特约通讯员", "特约记者", "见习记者",
         "实习记者", "融媒记者", "全媒体记者", "新华社记者", "实习生", "通讯员", "记者",
         "撰稿", "摄影", "文/图", "图/文", "文图", "文", "图")
_ROLE = "|".join(sorted(map(re.escape, ROLES), key=len, reverse=True))
# Words that look like names by length but are titles or roles.
TITLES = set("讲师 教授 主任 副主任 书记 主席 院长 校长 局长 经理 编辑 教师 老师 干部 博士 "
             "硕士 研究员 记者 作者 委员 代表 社长 站长 所长 处长 科长 部长 总编 主编 "
             "本报 通讯员 摄影 供图 制图".split())
AFFILIATION_ENDINGS = re.compile(
    r"(学|校|院|所|局|委|会|部|处|室|中心|公司|集团|银行|政府|党校|支部|法院|检察院|队|站|馆|社|"
    r"报|台|厅|办|组|团|村|镇|乡|苏木|嘎查|旗|县|区|市|省|师|员|长|任|记|席|授|士|工)$")
NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,10}$")
PHOTO_CREDIT = re.compile(rf"^(?:(?:{_ROLE})\s*)?(?P<names>[\u4e00-\u9fff· ]{{2,30}}?)\s*/?\s*摄$")
SOURCE_CREDIT = re.compile(r"^(据|来源[:\uff1a]|转自|原载|稿件来源)")
AUTHOR_NOTE = re.compile(r"^作者(为|系|是|单位)")
BRACKETED = re.compile(r"^[(\uff08]\s*(?P<inner>[^()\uff08\uff09]{1,80}?)\s*[)\uff09]$")
_SPLIT = re.compile(r"[\s\u3001,\uff0c;\uff1b]+")


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    text = resources.files("build_scripts.data").joinpath("surnames.txt").read_text("utf-8")
    words = [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]
    return (frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2))


def looks_like_name(token: str, after_role: bool = False) -> bool:
    """A person's name: 2–4 Han characters (or a transliterated name with ·).

    After a role word (记者, 通讯员) any such token is a name (Mongolian and other
    names need not start with a Han surname); standing alone it must.
    """
    if not NAME.match(token) or token in TITLES:
        return False
    if AFFILIATION_ENDINGS.search(token) and not after_role:
        return False
    if after_role or "·" in token:
        return True
    single, double = surnames()
    if token[:2] in double:
        return True
    # Four characters behind a one-character surname read as a phrase (平安出行), not a name.
    return token[0] in single and len(token) <= 3


@dataclass
class Byline:
    text: str
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    photo: bool = False          # a photo credit: belongs with a caption


def _split_roles(text: str) -> list[tuple[str, bool]]:
    """Tokens of a credit with, for each, whether a role word announced it."""
    tokens: list[tuple[str, bool]] = []
    after_role = False
    for raw in _SPLIT.split(text.strip()):
        while raw:
            m = re.match(rf"^({_ROLE})", raw)
            if m and (len(raw) == len(m.group(1)) or NAME.match(raw[len(m.group(1)):])):
                after_role, raw = True, raw[len(m.group(1)):]
                continue
            tokens.append((raw, after_role))
            break
    return tokens


def parse_credit(text: str, bare: bool = False) -> Byline | None:
    """Names in a credit like ``记者 王樱润`` or ``兴和县明德小学 张慧慧 白凤艳``.

    Every token must be a name, a role or an affiliation, and at least one a name.
    ``bare`` (no brackets, no role words) demands names only.
    """
    if not text or "。" in text or len(text) > 80:
        return None
    authors, others = [], 0
    tokens = _split_roles(text)
    for token, after_role in tokens:
        if looks_like_name(token, after_role):
            authors.append(token)
        elif bare or not (token in TITLES or AFFILIATION_ENDINGS.search(token)):
            return None
        else:
            others += 1
    if not authors:
        return None
    return Byline(text=text, authors=authors)


def parse_standalone(line: str) -> Byline | None:
    """A whole line that is a byline (any bracketed or role-led form)."""
    if len(line) > 90:
        return None
    m = BRACKETED.match(line)
    if m:
        inner = m.group("inner")
        if AUTHOR_NOTE.match(inner) or SOURCE_CREDIT.match(inner):
            return Byline(text=line)
        photo = PHOTO_CREDIT.match(inner)
        if photo:
            names = [t for t, _ in _split_roles(photo.group("names")) if NAME.match(t)]
            return Byline(text=line, authors=names, photo=True) if names else None
        found = parse_credit(inner)
        return Byline(text=line, authors=found.authors) if found else None
    if re.match(rf"^({_ROLE})", line) and not line.endswith("摄"):
        found = parse_credit(line)
        return Byline(text=line, authors=found.authors) if found else None
    photo = PHOTO_CREDIT.match(line)
    if photo and len(line) <= 30:
        names = [t for t, _ in _split_roles(photo.group("names")) if NAME.match(t)]
        return Byline(text=line, authors=names, photo=True) if names else None
    return None


def parse_bare_names(line: str) -> Byline | None:
    """``刘宏杰`` or ``张三 李四``: names only, as printed under a headline."""
    if len(line) > 20:
        return None
    found = parse_credit(line, bare=True)
    return Byline(text=line, authors=found.authors) if found else None


_LEADING_CREDIT = re.compile(r"^[(\uff08](?P<credit>[^()\uff08\uff09]{1,60})[)\uff09]\s*")


def split_leading(text: str) -> tuple[Byline, str] | None:
    """``本报讯(记者 王樱润) 今年以来…`` → (byline, rest of the paragraph)."""
    m = DATELINE.match(text)
    dateline = m.group(0) if m else None
    rest = text[m.end():] if m else text
    credit_match = _LEADING_CREDIT.match(rest.lstrip())
    credit = parse_credit(credit_match.group("credit")) if credit_match else None
    if credit:
        rest = rest.lstrip()
        printed = text[: len(text) - len(rest)] + credit_match.group(0).rstrip()
        rest = rest[credit_match.end():]
        return Byline(text=printed.strip(), authors=credit.authors, dateline=dateline), rest.lstrip()
    if dateline and rest.strip():
        return Byline(text=dateline, dateline=dateline), rest.lstrip()
    return None


_TRAILING_CREDIT = re.compile(r"\s*[(\uff08](?P<inner>[^()\uff08\uff09]{1,60})[)\uff09]$")


def split_trailing(text: str) -> tuple[str, Byline] | None:
    """``…赢得点赞好评。(李清)`` → (paragraph, byline)."""
    if not text.endswith((")", "\uff09")):
        return None
    m = _TRAILING_CREDIT.search(text, max(0, len(text) - 70))
    if not m or m.start() == 0:
        return None
    found = parse_standalone(m.group(0).strip())
    if not found:
        return None
    return text[: m.start()].rstrip(), found
