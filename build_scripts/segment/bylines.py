"""Recognise bylines in the forms Chinese papers print them, and pull out the names.

Opening forms (they stand under a headline or open the first paragraph):
``通讯员 包雷晶 本报记者 卢显艳``, ``本报记者 甲 乙 通讯员 丙``, a bare ``刘宏杰`` under a
headline, ``本报讯(记者 王樱润) 今年以来…``, ``新华社北京12月3日电(记者 …)``,
``据新华社北京2月13日电``, ``本报2月13日讯``.

Closing forms (they end an article): ``(李清)``, ``(兴和县明德小学 张慧慧 白凤艳)``
(affiliation + names), ``(…副主任、讲师 高山)``, a bracketed dateline at the end
``(本报开罗2月18日电)`` / ``(新华社北京10月15日电)``, ``(作者为…)``, ``(作者单位:…)``,
``(据《…》)``, ``(本报记者 X 整理)``, a reader's signature ``山东济南市  马洪利``.

Photo and graphics credits (they go with a caption): ``(记者 X 摄)``, ``新华社记者 李 鑫摄``,
``杨  奕摄(影像中国)``, ``本报记者 X 摄影报道``, ``制图:X``, ``图片来源:X``, ``曹 一图 杨立新文``.

Names printed with padding to align them (``刘  磊``: a two-character name with a space
inside) are read as one name. Brackets are full-width by now (the typography pass).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .shapes import DASH_SIGNATURE, DATELINE, ends_sentence

ROLES = ("本报记者", "本报通讯员", "本报特约记者", "特约通讯员", "特约记者", "见习记者",
         "实习记者", "融媒记者", "全媒体记者", "新华社记者", "中新社记者", "新华社特稿", "实习生",
         "通讯员", "记者", "撰稿", "摄影", "文/图", "图/文", "文图", "文", "图")
_ROLE = "|".join(sorted(map(re.escape, ROLES), key=len, reverse=True))
# Words that look like names by length but are titles or roles.
TITLES = set("讲师 教授 主任 副主任 书记 主席 院长 校长 局长 经理 编辑 教师 老师 干部 博士 "
             "硕士 研究员 记者 作者 委员 代表 社长 站长 所长 处长 科长 部长 总编 主编 "
             "本报 通讯员 摄影 供图 制图 整理 采写 报道 编者 作者 读者".split())
AFFILIATION_ENDINGS = re.compile(
    r"(学|校|院|所|局|委|会|部|处|室|中心|公司|集团|银行|政府|党校|支部|法院|检察院|队|站|馆|社|"
    r"报|台|厅|办|组|团|村|镇|乡|苏木|嘎查|旗|县|区|市|省|州|盟|师|员|长|任|记|席|授|士|工)$")
NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,10}$")
_HAN = re.compile(r"^[\u4e00-\u9fff]$")
# What follows the credited names in a photo or graphics credit.
_PHOTO_VERB = r"(?P<verb>摄影报道|摄影|摄|供图|图|作)"
_AGENCY_NOTE = r"(?:\s*[\uff08(][^()\uff08\uff09]{1,12}[\uff09)])?"   # (影像中国) (新华社发)
PHOTO_CREDIT = re.compile(
    rf"^(?:(?P<role>{_ROLE})\s*)?(?P<names>[\u4e00-\u9fff·\s]{{2,30}}?)\s*/?\s*{_PHOTO_VERB}{_AGENCY_NOTE}"
    rf"(?:\s+(?P<writer>[\u4e00-\u9fff\s]{{2,12}}?)\s*文)?$")
# Graphics and picture sources: ``制图:X``, ``本版制图:X``, ``图片来源:X``, ``数据来源:X``.
PICTURE_SOURCE = re.compile(r"^(?:本版)?(?:制图|图片来源|图片提供|数据来源|资料来源|图表来源)\s*[\uff1a:]"
                            r"|^[\uff08(](?:图表?|图片|资料图片)[^()\uff08\uff09]{0,16}[\uff09)]$|^新华社发$")
SOURCE_CREDIT = re.compile(r"^(据|来源[:\uff1a]|转自|原载|稿件来源|摘编自|摘自)")
AUTHOR_NOTE = re.compile(r"^作者(为|系|是|单位)")
# ``(本报记者 X 整理)``, ``(X参与采写)``, ``(实习生 X 对本文亦有贡献)``: credits that close.
HELPED = re.compile(r"(整理|采写|参与采写|参与采访|对本文亦有贡献|亦有贡献|采访整理|综合报道|报道)$")
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
    photo: bool = False          # a photo or graphics credit: belongs with a caption
    closing: bool = False        # a form that only ever ends an article


def _join_padded_names(tokens: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """``刘``, ``磊`` → ``刘磊``: single characters in pairs are a name printed with padding."""
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(tokens):
        token, after_role = tokens[i]
        if _HAN.match(token) and i + 1 < len(tokens) and _HAN.match(tokens[i + 1][0]):
            out.append((token + tokens[i + 1][0], after_role))
            i += 2
            continue
        out.append((token, after_role))
        i += 1
    return out


def _split_roles(text: str) -> list[tuple[str, bool]]:
    """Tokens of a credit with, for each, whether a role word announced it."""
    tokens: list[tuple[str, bool]] = []
    after_role = False
    for raw in _SPLIT.split(text.strip()):
        while raw:
            m = re.match(rf"^({_ROLE})", raw)
            rest = raw[len(m.group(1)):] if m else ""
            # 文 and 图 are roles only standing apart (``图 王明``), never inside a word (图片报道).
            if m and (not rest or (len(m.group(1)) > 1 and (NAME.match(rest) or _HAN.match(rest)))):
                after_role, raw = True, rest
                continue
            tokens.append((raw, after_role))
            break
    return _join_padded_names(tokens)


def parse_credit(text: str, bare: bool = False) -> Byline | None:
    """Names in a credit like ``记者 王樱润`` or ``兴和县明德小学 张慧慧 白凤艳``.

    Every token must be a name, a role or an affiliation, and at least one a name.
    ``bare`` (no brackets, no role words) demands names only.
    """
    if not text or "。" in text or len(text) > 80:
        return None
    authors = []
    for token, after_role in _split_roles(text):
        if looks_like_name(token, after_role):
            authors.append(token)
        elif bare or not (token in TITLES or AFFILIATION_ENDINGS.search(token)):
            return None
    if not authors:
        return None
    return Byline(text=text, authors=authors)


def _names(text: str, after_role: bool = True) -> list[str]:
    return [t for t, announced in _split_roles(text) if looks_like_name(t, after_role or announced)]


def parse_photo_credit(line: str) -> Byline | None:
    """``新华社记者 李 鑫摄``, ``杨  奕摄(影像中国)``, ``制图:蔡华伟``, ``(记者 X 摄)``."""
    if len(line) > 40:
        return None
    inner = BRACKETED.match(line)
    text = inner.group("inner") if inner and not PICTURE_SOURCE.match(line) else line
    if PICTURE_SOURCE.match(text) or PICTURE_SOURCE.match(line):
        drawn_by = text.split("制图", 1)[1].lstrip("\uff1a: ") if "制图" in text else ""
        return Byline(text=line, authors=_names(drawn_by), photo=True)
    m = PHOTO_CREDIT.match(text)
    if not m:
        return None
    # ``X摄`` is a photographer's credit whatever X; before 图 or 作 without a role word the
    # names must read as names: ``宏伟蓝图`` is no credit of 宏伟蓝.
    names = _names(m.group("names"), after_role=bool(m.group("role")) or m.group("verb").startswith("摄"))
    if m.group("writer"):
        names += _names(m.group("writer"), after_role=False)
    return Byline(text=line, authors=names, photo=True) if names else None


def _helped_authors(inner: str) -> list[str] | None:
    """``本报记者 某甲采访整理``, ``王小明参与采写``: who helped; None if no such credit."""
    m = HELPED.search(inner)
    if not m:
        return None
    found = parse_credit(inner[:m.start()].strip())
    return found.authors if found else []


def parse_standalone(line: str) -> Byline | None:
    """A whole line that is a byline (any bracketed, role-led or signature form)."""
    if len(line) > 90:
        return None
    photo = parse_photo_credit(line)
    if photo:
        return photo
    m = BRACKETED.match(line)
    if m:
        return _bracketed(line, m.group("inner"))
    if re.match(rf"^({_ROLE})", line) and not line.endswith("摄"):
        found = parse_credit(line)
        return Byline(text=line, authors=found.authors) if found else None
    return _signature(line) or _dash_signature(line)




def dash_signed(line: str) -> bool:
    """``——张三``, ``——编 者``: a short signature after a dash, a name's or a note's (never display type)."""
    return DASH_SIGNATURE.match(line) is not None


def _dash_signature(line: str) -> Byline | None:
    """``——张三`` under a letter: it closes what it signs. (``——编者`` signs an editor's note
    at an article's top, and the article goes on: that stays text.)"""
    m = DASH_SIGNATURE.match(line)
    who = "".join(m.group("who").split()) if m else ""
    return Byline(text=line, authors=[who], closing=True) if who and looks_like_name(who) else None


def _bracketed(line: str, inner: str) -> Byline | None:
    dateline = DATELINE.match(inner)
    if dateline and dateline.end() == len(inner):
        return Byline(text=line, dateline=inner, closing=True)
    if AUTHOR_NOTE.match(inner) or SOURCE_CREDIT.match(inner):
        return Byline(text=line, closing=True)
    helped = _helped_authors(inner)
    if helped is not None:
        return Byline(text=line, authors=helped, closing=True)
    found = parse_credit(inner)
    return Byline(text=line, authors=found.authors) if found else None


def _signature(line: str) -> Byline | None:
    """``山东济南市  马洪利``: where the writer lives or works, then the name (a reader's letter)."""
    if len(line) > 30 or not re.search(r"\s", line):
        return None
    tokens = _split_roles(line)
    if len(tokens) < 2 or not AFFILIATION_ENDINGS.search(tokens[0][0]) or len(tokens[0][0]) < 3:
        return None
    names = [t for t, _ in tokens[1:]]
    if not all(looks_like_name(t, after_role=True) for t in names):
        return None
    return Byline(text=line, authors=names, closing=True)


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
    if dateline:    # alone on its line too: the story's text was set apart from it (a column break)
        return Byline(text=dateline, dateline=dateline), rest.lstrip()
    return None


_TRAILING_CREDIT = re.compile(r"\s*[(\uff08](?P<inner>[^()\uff08\uff09]{1,60})[)\uff09]$")


def split_trailing(text: str) -> tuple[str, Byline] | None:
    """``…赢得点赞好评。(李清)`` → (paragraph, byline); a credit at a paragraph's end closes.

    Only after a finished sentence: brackets after a headline (``…润良田（民生观察·聚焦）``)
    hold its column tag, not a credit.
    """
    if not text.endswith((")", "\uff09")):
        return None
    m = _TRAILING_CREDIT.search(text, max(0, len(text) - 70))
    if not m or m.start() == 0 or not ends_sentence(text[:m.start()].rstrip()):
        return None
    found = parse_standalone(m.group(0).strip())
    if not found:
        return None
    found.closing = not found.photo
    return text[: m.start()].rstrip(), found
