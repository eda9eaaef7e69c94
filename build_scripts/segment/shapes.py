"""Questions about the shape of a piece of newspaper text.

The segmenter's rules are about shape (punctuation at a break, length, marks),
never about any particular page's words; every predicate lives here.
"""
from __future__ import annotations

import re

SENTENCE_END = "\u3002\uff01\uff1f!?\u2026"          # 。！？!?…
CLAUSE_PUNCT = "\uff0c\u3001,"                          # ，、,
CLOSERS = "\u201d\u2019\u300f\u300d\uff09\u300b\u3011\"')"   # ”’』」）》】
PAIRS = {"\u201c": "\u201d", "\u2018": "\u2019", "\u300e": "\u300f", "\u300c": "\u300d",
         "\uff08": "\uff09", "(": ")", "\u300a": "\u300b", "\u3010": "\u3011"}  # “” ‘’ 『』 「」 （） () 《》 【】
ENDS_LIST_ITEM = "\uff1b;\uff1a:"                    # ；;：:
ENDS_EXCLAIMING = "\uff01!\uff1f?"                   # ！!？?
_BRACKETS = re.compile("[" + re.escape("".join(PAIRS) + "".join(PAIRS.values())) + "]")

MAX_HEADING = 50      # longest display line (kicker, title, subhead) we expect
MAX_MARKED_HEADING = 80  # a '#'-marked line longer than this is a paragraph the converter marked
MAX_CAPTION = 60
MAX_TAIL = 80         # longest sentence tail that may have been displaced

# Datelines: who filed the story, where and when. ``据`` (according to) marks a story taken
# from an agency; the place may list several cities; the date is optional (本报电, 新华社电).
_PLACE_DATE = r"(?!记者|通讯员|特约)[\u4e00-\u9fff、·]{0,14}?(?:\d{1,2}月\d{1,2}日)?"
_AGENCIES = "新华社|中新社|中新网|人民网|新华网|央视网|光明网|中央社|法新社|路透社|美联社|塔斯社|共同社"
DATELINE = re.compile(
    rf"^(据)?(?:本报讯|本报{_PLACE_DATE}[讯电]|(?:{_AGENCIES}){_PLACE_DATE}电)"
)
# How a picture caption opens: 图为…, 图①…, ▲…, 上图…, 图片：…
CAPTION_OPENING = re.compile(r"^(图为|图[①-⑳\d]|[▲△▼▽◀▶]|[上下左右]图|图片[:\uff1a])")
# A short signature after a dash, a writer's or a note's: ``——张三``, ``——编 者``.
DASH_SIGNATURE = re.compile(r"^——\s*(?P<who>[\u4e00-\u9fff][\u4e00-\u9fff\s]{0,6})$")
# A bullet opening a list item or a summary line.
BULLET = re.compile("^[■□●○◆◇▲△★☆▶►•]")
# A column tag printed after a headline: ``…（社区时评）``, ``…(礼赞70年)``.
COLUMN_TAG = re.compile(r"[\uff08(][^\uff08\uff09()]{2,40}[\uff09)]$")
# Numbered points (一、 （二） 3. 第四，): the shape of subheads, never of headlines.
ENUMERATED = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.\uff0e]|[\uff08(][一二三四五六七八九十\d]{1,3}[\uff09)]|\d{1,2}[、.\uff0e](?!\d)"
    r"|第[一二三四五六七八九十]{1,3}[，,、\uff1a:\s])")
# Phrases a story's first paragraph typically opens with.
LEDE_OPENING = re.compile(r"^(近日|日前|近年来|今年以来|连日来|\d{1,2}月\d{1,2}日|[一二三四五六七八九十]+月)")
# A short first sentence standing as a bold lead-in: "政务服务再提速。…"
LEAD_IN = re.compile(r"^[^,\uff0c\u3002;\uff1b:\uff1a!\uff01?\uff1f\u3001\s]{2,20}?[\u3002\uff01\uff1f!?](?=\S)")
# Words a heading never ends on: a line ending on them was cut mid-sentence.
_DANGLING = set("的了着过和与及或在为对把被将从向以于而并但且之其")


def strip_closers(text: str) -> str:
    return text.rstrip(CLOSERS + " ")


def balanced(text: str) -> bool:
    """Every opening quote or bracket closed, in order."""
    stack = []
    for ch in _BRACKETS.findall(text):
        if ch in PAIRS:
            stack.append(PAIRS[ch])
        elif ch in PAIRS.values():
            if not stack or stack.pop() != ch:
                return False
    return not stack


def leaves_open(text: str) -> bool:
    """A quote or bracket opened and not closed by the end (stray closers are ignored:
    they close what an earlier fragment opened)."""
    return bool(_still_open(text))


def _match_brackets(text: str) -> tuple[list[str], list[str]]:
    """(the closing marks the text still owes at its end, innermost last; the closing marks
    that close nothing the text itself opened, in order)."""
    owed, strays = [], []
    for ch in _BRACKETS.findall(text):
        if ch in PAIRS:
            owed.append(PAIRS[ch])
        elif owed and ch == owed[-1]:
            owed.pop()
        elif ch in CLOSERS:
            strays.append(ch)
    return owed, strays


def _still_open(text: str) -> list[str]:
    """The closing marks a text still owes at its end, innermost last."""
    return _match_brackets(text)[0]


def first_stray_closer(text: str) -> str | None:
    """The first closing mark that closes nothing the text itself opened: the text is the
    second half of something quoted or bracketed before it (``…都说好”。后来``)."""
    strays = _match_brackets(text)[1]
    return strays[0] if strays else None


def closes_what_is_left_open(left: str, right: str) -> bool:
    """``right`` closes the quote or bracket that ``left`` leaves open at its end."""
    owed = _still_open(left)
    return bool(owed) and first_stray_closer(right) == owed[-1]


def ends_sentence(text: str) -> bool:
    core = strip_closers(text)
    return bool(core) and core[-1] in SENTENCE_END


def ends_mid_sentence(text: str) -> bool:
    """A paragraph that stops where no paragraph can stop: a column break.

    ``;`` and ``:`` may end a paragraph (list items, a quote announced), so may ``——``
    (请看一组数字——), any bulleted item (■ 坚持…的总体目标) and a dash signature
    (——编者), which papers print without a full stop.
    """
    core = strip_closers(text)
    if not core:
        return False
    if leaves_open(text):
        return True
    return core[-1] not in SENTENCE_END + ENDS_LIST_ITEM and not core.endswith("——") \
        and not BULLET.match(text) and not DASH_SIGNATURE.match(text)


def ends_with_word_cut(text: str) -> bool:
    """Cut inside a clause (no punctuation at all), not merely after a comma."""
    return ends_mid_sentence(text) and strip_closers(text)[-1] not in CLAUSE_PUNCT


def ends_dangling(text: str) -> bool:
    """Ends on a function word standing alone (…发展的, …推动以): cut mid-sentence.
    A word that merely ends in such a character (方向, 目的) is no dangling word."""
    from .words import is_word

    return text[-1:] in _DANGLING and not is_word(text[-2:])


def quoted_speech(text: str) -> bool:
    """``“这条路修好了吗？”``: a line of dialogue, not a headline."""
    return text.startswith("\u201c") and text.endswith("\u201d") and ends_sentence(text)


def heading_shaped(text: str) -> bool:
    """Short, balanced, no comma, one sentence at most, and not ending the way body text does."""
    if not text or len(text) > MAX_HEADING or not balanced(text) or quoted_speech(text):
        return False
    if not one_sentence(text):
        return False
    if "\u3002" in text or any(c in text for c in ",\uff0c") \
            or text[-1] in CLAUSE_PUNCT + ENDS_LIST_ITEM + ENDS_EXCLAIMING or ends_dangling(text):
        return False
    return True


MAX_DISPLAY = 60     # longest flush line that may still be display type on an indented page


def one_sentence(text: str) -> bool:
    """No full stop, question or exclamation before the end (a column tag aside)."""
    return not any(c in (COLUMN_TAG.sub("", text) or text)[:-1] for c in "\u3002\uff1f\uff01?!")


def display_shaped(text: str) -> bool:
    """Looser than ``heading_shaped``, for lines something else marks as display type:
    commas allowed, one sentence, and not ending the way a clause does."""
    if not text or len(text) > MAX_DISPLAY or not balanced(text) or "\u3002" in text \
            or not one_sentence(text):
        return False
    last = strip_closers(COLUMN_TAG.sub("", text) or text)[-1:]
    if not last or last in CLAUSE_PUNCT + ENDS_LIST_ITEM:
        return False
    return sum(text.count(c) for c in ",\uff0c") <= 2


def kicker_shaped(text: str) -> bool:
    """``市人大代表周敏——``, ``…。某县山区——``: a line that announces a headline.

    It ends on ``——`` or ``：``; it may hold sentences, but no question or exclamation
    (those announce what follows in the text).
    """
    return text.endswith(("——", "\uff1a")) and len(text) <= MAX_DISPLAY and balanced(text) \
        and not any(c in text for c in "\uff1f\uff01?!")


def has_lead_in(text: str) -> str | None:
    m = LEAD_IN.match(text)
    return m.group(0) if m else None


MIN_LEAD_IN = 4       # a bold lead-in is a phrase; one word and a full stop (…声音。) ends a cut sentence


def opens_with_a_word_and_a_stop(text: str) -> bool:
    """``声音。管理员说…``: a word, then a full stop, then more: the end of a sentence cut
    before it, not a lead-in of its own."""
    lead_in = has_lead_in(text)
    return lead_in is not None and len(lead_in) - 1 < MIN_LEAD_IN


def starts_like_new_paragraph(text: str) -> bool:
    """Opens with a dateline, a lede phrase or a bold lead-in: not a continuation."""
    return bool(DATELINE.match(text) or LEDE_OPENING.match(text) or has_lead_in(text))


def similar_length(a: str, b: str, ratio: float = 0.75) -> bool:
    short, long_ = sorted((len(a), len(b)))
    return long_ > 0 and short / long_ >= ratio
