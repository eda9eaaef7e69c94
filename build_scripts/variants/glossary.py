"""Fixed English renderings of names and places, kept intact through machine translation.

Before a segment goes to the engine, every glossary term in it is replaced by
a placeholder (``[T0]``, ``[T1]`` …) that engines pass through untouched;
after, the placeholders are replaced by the fixed renderings. Engines do
sometimes drop or mangle a placeholder; ``restore`` then returns ``None`` and
the caller falls back to ``inline`` (the English rendering written into the
Chinese, which engines usually keep) and counts it.

The glossary's version is a hash of its entries, so changing any entry makes
the memory's machine translations made with the old glossary stale.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import UserError

DEFAULT_PATH = Path("translations/glossary.yaml")

# Tolerant of what engines do to a placeholder that survives: spaces inside,
# full-width or lenticular brackets.
PLACEHOLDER = re.compile(r"[\[［【⟦]\s*T\s*(\d+)\s*[\]］】⟧]")


def placeholder(n: int) -> str:
    return f"[T{n}]"


# The section whose terms are only for bylines and datelines (记者 is "reporter"
# in a byline, but running text should translate it in context).
BYLINES = "bylines"


@dataclass
class Glossary:
    terms: dict[str, str] = field(default_factory=dict)
    byline_terms: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        self._pattern = self._compile(self.terms)
        every = {**self.terms, **{f"{BYLINES}:{k}": v for k, v in self.byline_terms.items()}}
        text = "".join(f"{k}\t{v}\n" for k, v in sorted(every.items()))
        self.version = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]

    @staticmethod
    def _compile(terms: dict[str, str]) -> re.Pattern | None:
        if not terms:
            return None
        # Longest first, so 通辽日报 wins over 通辽 and 科左后旗 over 科左.
        alternatives = sorted(terms, key=lambda t: (-len(t), t))
        return re.compile("|".join(map(re.escape, alternatives)))

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> "Glossary":
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except FileNotFoundError:
            raise UserError(f"{path}: glossary not found") from None
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            raise UserError(f"{path}{line}: not valid YAML ({getattr(e, 'problem', e)})") from None
        terms: dict[str, str] = {}
        byline_terms: dict[str, str] = {}
        for section, entries in data.items():
            if not isinstance(entries, dict):
                raise UserError(f"{path}: section '{section}' must map Chinese terms to English")
            for zh, en in entries.items():
                if not isinstance(zh, str) or not isinstance(en, str) or not en.strip():
                    raise UserError(f"{path}: {section}: entry {zh!r} needs an English string")
                into = byline_terms if section == BYLINES else terms
                if zh in into and into[zh] != en.strip():
                    raise UserError(f"{path}: {zh} is listed twice with different renderings")
                into[zh] = en.strip()
        return cls(terms, byline_terms)

    def exact(self, text: str) -> str | None:
        return self.terms.get(text.strip())

    def _matcher(self, extra: dict[str, str] | None):
        if not extra:
            return self._pattern, self.terms
        # Not one pattern of the glossary and the extra terms: compiling the whole glossary
        # again for each byline's names was a sixth of the English pages' time.
        pattern = _compile_terms(frozenset(extra))
        return (_Either(self._pattern, pattern) if self._pattern else pattern), {**self.terms, **extra}

    def protect(self, text: str, extra: dict[str, str] | None = None) -> tuple[str, list[str]]:
        """Terms → placeholders; returns the text to send and the renderings, by number."""
        pattern, terms = self._matcher(extra)
        if pattern is None or PLACEHOLDER.search(text):
            return text, []  # text that already looks like a placeholder is sent as it is
        renderings: list[str] = []

        def swap(m: re.Match) -> str:
            renderings.append(terms[m.group(0)])
            return placeholder(len(renderings) - 1)

        return pattern.sub(swap, text), renderings

    def inline(self, text: str, extra: dict[str, str] | None = None) -> str:
        """Terms → their English renderings, written into the Chinese (the fallback)."""
        pattern, terms = self._matcher(extra)
        if pattern is None:
            return text
        return " ".join(pattern.sub(lambda m: f" {terms[m.group(0)]} ", text).split())

    @staticmethod
    def restore(translated: str, renderings: list[str]) -> str | None:
        """Placeholders → renderings; ``None`` unless each came back exactly once."""
        found = [int(m.group(1)) for m in PLACEHOLDER.finditer(translated)]
        if sorted(found) != list(range(len(renderings))):
            return None
        return PLACEHOLDER.sub(lambda m: renderings[int(m.group(1))], translated)


@lru_cache(maxsize=1 << 12)
def _compile_terms(terms: frozenset[str]) -> re.Pattern | None:
    """``Glossary._compile`` of a byline's extra terms (its names), once per set of names:
    the same names sign many articles."""
    return Glossary._compile(dict.fromkeys(terms))


class _Either:
    """Two term patterns (``Glossary._compile``: longest term first) searched as the one
    pattern of both their terms: the leftmost match of either, and where both match at the
    same place the longer (the same term when as long: ``second``'s, as its rendering wins)."""

    def __init__(self, first: re.Pattern, second: re.Pattern):
        self.first, self.second = first, second

    def sub(self, repl, text: str) -> str:
        out, pos = [], 0
        a, b = self.first.search(text), self.second.search(text)
        while a or b:
            m = b if b and (not a or (b.start(), -b.end()) <= (a.start(), -a.end())) else a
            out += [text[pos:m.start()], repl(m)]
            pos = m.end()
            if a and a.start() < pos:
                a = self.first.search(text, pos)
            if b and b.start() < pos:
                b = self.second.search(text, pos)
        out.append(text[pos:])
        return "".join(out)
