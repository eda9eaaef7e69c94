"""Score a segmentation against per-article gold: the rules of the evaluation corpus.

The gold format is the one of the development corpus (one JSON per page, an ``articles``
list with ``title``, ``kicker``, ``subtitle``, ``title_line``, ``body_first12``… ; see the
corpus README). The rules, as the corpus defines them:

- titles: a gold article matches a predicted one whose title, or kicker + title + subtitle,
  contains the gold title once both are folded (NFKC; white space, punctuation and Markdown
  marks removed); one-to-one, exact title before whole head, nearest by line first;
- kicker and subtitle: folded equality on matched articles (empty equals missing);
- boundaries: a matched article's body (captions appended) starts with the gold body's first
  12 characters within 40 folded characters of slack, or its own first 12 lie within the
  gold's first 60; and ends likewise.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

SLACK = 40
_MARKDOWN = set("`>^|~+=<$\\*#_")
_COLUMN_TAG = re.compile(r"[（(][^（）()]{1,40}[）)]$")


def fold(text) -> str:
    text = unicodedata.normalize("NFKC", html.unescape(str(text or "")))
    return "".join(ch for ch in text if not (ch.isspace() or unicodedata.category(ch)[0] in "PZC"
                                             or ch in _MARKDOWN))


def strip_column_tag(title: str) -> str:
    """``…（人民时评）`` → ``…``, for the lenient count."""
    t = str(title or "").rstrip()
    while True:
        m = _COLUMN_TAG.search(t)
        if not m or m.start() < 4:
            return t
        t = t[:m.start()].rstrip()


def _head_fields(article: dict) -> tuple[str, str]:
    column = article.get("column")
    tag = f"（{column}）" if column else ""
    title = str(article.get("title") or "") + tag
    head = " ".join(str(article.get(k) or "") for k in ("kicker", "title", "subtitle")) + tag
    return fold(title), fold(head)


def _start_line(article: dict) -> int | None:
    lines = (article.get("source") or {}).get("lines")
    return lines[0] if lines and isinstance(lines[0], int) else None


def match(gold: list[dict], predicted: list[dict], form: str = "pages",
          lenient: bool = False) -> dict[int, int]:
    """{gold index: predicted index}, one-to-one."""
    fields = [_head_fields(a) for a in predicted]
    pairs = []
    for gi, g in enumerate(gold):
        wanted = fold(strip_column_tag(g.get("title")) if lenient else g.get("title"))
        if not wanted:
            continue
        title_line = (g.get("title_line") or {}).get(form)
        for pi, (title, head) in enumerate(fields):
            if wanted in title or wanted in head:
                start = _start_line(predicted[pi])
                distance = abs(start - title_line) if start is not None and title_line is not None \
                    else abs(pi - gi) * 1000
                pairs.append((0 if wanted in title else 1, distance, gi, pi))
    matched, used = {}, set()
    for _, _, gi, pi in sorted(pairs):
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched


def _bodies(article: dict) -> list[str]:
    body = fold(article.get("body"))
    captions = [c.get("text", "") if isinstance(c, dict) else str(c) for c in article.get("captions") or []]
    return [body, fold(str(article.get("body") or "") + "\n" + "\n".join(captions))] if captions else [body]


def boundaries(gold: dict, article: dict) -> tuple[bool, bool]:
    """(start right, end right)."""
    firsts = [f for f in {fold(gold.get("body_first12")), fold(gold.get("body_first12_core"))} if f]
    lasts = [f for f in {fold(gold.get("body_last12")), fold(gold.get("body_last12_core"))} if f]
    head, tail = fold(gold.get("body_head60")), fold(gold.get("body_tail60"))
    bodies = _bodies(article)
    if not firsts:  # a gold item without body: the prediction should hold (almost) none
        ok = any(len(b) <= SLACK for b in bodies)
        return ok, ok
    start = any(f in b[:len(f) + SLACK] for b in bodies for f in firsts) or \
        any(len(b) >= 12 and head and b[:12] in head for b in bodies)
    end = any(f in b[-(len(f) + SLACK):] for b in bodies for f in lasts) or \
        any(len(b) >= 12 and tail and b[-12:] in tail for b in bodies)
    return start, end


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    lenient_matched: int = 0
    kicker_right: int = 0
    subtitle_right: int = 0
    starts: int = 0
    ends: int = 0
    both: int = 0
    misses: list[str] = field(default_factory=list)

    def add_page(self, name: str, gold: list[dict], predicted: list[dict], form: str = "pages") -> None:
        matched = match(gold, predicted, form)
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.matched += len(matched)
        self.lenient_matched += len(match(gold, predicted, form, lenient=True))
        for gi, pi in matched.items():
            g, p = gold[gi], predicted[pi]
            where = f"{name} L{(g.get('title_line') or {}).get(form, '?')}"
            for role in ("kicker", "subtitle"):
                right = fold(g.get(role)) == fold(p.get(role))
                setattr(self, f"{role}_right", getattr(self, f"{role}_right") + right)
                if not right:
                    self.misses.append(f"{where}: {role} {p.get(role)!r}, gold {g.get(role)!r}")
            start, end = boundaries(g, p)
            self.starts += start
            self.ends += end
            self.both += start and end
            if not (start and end):
                self.misses.append(f"{name} L{(g.get('title_line') or {}).get(form, '?')}: boundary "
                                   f"(start {'ok' if start else 'off'}, end {'ok' if end else 'off'}) {g['title']}")
        for gi, g in enumerate(gold):
            if gi not in matched:
                self.misses.append(f"{name} L{(g.get('title_line') or {}).get(form, '?')}: missed {g['title']}")
        used = set(matched.values())
        for pi, p in enumerate(predicted):
            if pi not in used:
                lines = (p.get("source") or {}).get("lines") or ["?", "?"]
                self.misses.append(f"{name} L{lines[0]}-{lines[1]}: spurious {p.get('title')}")

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def share(self, count: int) -> float:
        return count / self.matched if self.matched else 0.0
