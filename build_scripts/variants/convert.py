"""Simplified → Traditional Chinese through OpenCC, with the project's phrase list.

The phrase list (``translations/opencc_phrases.txt``) fixes names and terms
OpenCC gets wrong. It is applied *inside* OpenCC's own chain, not as a
search-and-replace afterwards: we write a copy of the chosen config whose
segmentation and first conversion step consult our dictionary first, and whose
later steps (Taiwan/Hong Kong variants and phrases) leave our renderings
alone. That way our entries take part in OpenCC's longest-match segmentation
like any of its own phrases, and a later step cannot undo them.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import opencc

from ..errors import UserError

# s2tw is the default: s2twp also swaps vocabulary (程序 → 程式, 项目 → 專案),
# which is wrong for a mainland paper's news.
CONFIGS = ("s2tw", "s2twp", "s2hk")
DEFAULT_CONFIG = "s2tw"
DEFAULT_PHRASES = Path("translations/opencc_phrases.txt")

_SHARE_DIR = Path(opencc.__file__).parent / "clib" / "share" / "opencc"


def read_phrases(path: Path) -> dict[str, str]:
    """``简体<TAB>繁體`` lines; ``#`` starts a comment; blank lines are ignored."""
    phrases: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise UserError(f"{path}: phrase list not found") from None
    for n, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise UserError(f"{path}:{n}: expected '简体<TAB>繁體', got {raw!r}")
        simplified, traditional = parts[0].strip(), parts[1].strip()
        if simplified in phrases and phrases[simplified] != traditional:
            raise UserError(f"{path}:{n}: {simplified} is listed twice with different renderings")
        phrases[simplified] = traditional
    return phrases


def phrases_hash(phrases: dict[str, str]) -> str:
    text = "".join(f"{s}\t{t}\n" for s, t in sorted(phrases.items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _absolute_files(node):
    """Point every ``file`` of a stock config at the package's data directory."""
    if isinstance(node, dict):
        return {k: (str(_SHARE_DIR / v) if k == "file" else _absolute_files(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [_absolute_files(v) for v in node]
    return node


def _ahead_of(ours: dict, theirs: dict, policy: str) -> dict:
    return {"type": "group", "match_policy": policy, "dicts": [ours, theirs]}


def custom_config(config: str, phrases_file: Path, guard_file: Path) -> dict:
    """The stock ``config`` with our phrase dictionary spliced into its chain."""
    stock = json.loads((_SHARE_DIR / f"{config}.json").read_text(encoding="utf-8"))
    cfg = _absolute_files(stock)
    ours = {"type": "text", "file": str(phrases_file)}
    guard = {"type": "text", "file": str(guard_file)}  # 繁體 → 繁體: later steps keep ours
    cfg["name"] = f"{stock.get('name', config)} + project phrases"
    seg = cfg["segmentation"]
    seg["dict"] = _ahead_of(ours, seg["dict"], "union")  # our phrases segment as units
    chain = cfg["conversion_chain"]
    chain[0]["dict"] = _ahead_of(ours, chain[0]["dict"], "short_circuit")
    for step in chain[1:]:
        step["dict"] = _ahead_of(guard, step["dict"], "short_circuit")
    return cfg


@dataclass(frozen=True)
class Provenance:
    config: str
    phrases: str

    def as_front_matter(self) -> dict:
        return {"tool": "opencc", "version": opencc.__version__, "config": self.config,
                "phrases": self.phrases}

    @property
    def key(self) -> str:
        """Everything that decides a conversion's output, in one string."""
        return f"opencc {opencc.__version__} {self.config} {self.phrases}"


class Converter:
    """``Converter("s2tw", phrases).convert(text)``; one instance per run (loading costs ~0.1 s)."""

    def __init__(self, config: str = DEFAULT_CONFIG, phrases: dict[str, str] | None = None):
        if config not in CONFIGS:
            raise UserError(f"unknown OpenCC config {config!r}; choose one of {', '.join(CONFIGS)}")
        phrases = phrases or {}
        self.provenance = Provenance(config, phrases_hash(phrases))
        if not phrases:
            self._cc = opencc.OpenCC(config)
            return
        # OpenCC reads every dictionary while constructing, so the files can go right after.
        with tempfile.TemporaryDirectory(prefix="opencc-") as tmp:
            d = Path(tmp)
            phrases_file, guard_file = d / "phrases.txt", d / "guard.txt"
            phrases_file.write_text("".join(f"{s}\t{t}\n" for s, t in sorted(phrases.items())), "utf-8")
            guard_file.write_text("".join(f"{t}\t{t}\n" for t in sorted(set(phrases.values()))), "utf-8")
            config_file = d / f"{config}-project.json"
            config_file.write_text(json.dumps(custom_config(config, phrases_file, guard_file),
                                              ensure_ascii=False, indent=1), "utf-8")
            self._cc = opencc.OpenCC(os.fspath(config_file))

    @classmethod
    def from_files(cls, config: str = DEFAULT_CONFIG, phrases_path: Path | None = DEFAULT_PHRASES):
        return cls(config, read_phrases(phrases_path) if phrases_path else {})

    def convert(self, text: str | None) -> str | None:
        if not text:
            return text
        return self._cc.convert(text)

    def convert_all(self, texts: list[str]) -> list[str]:
        """``[self.convert(t) for t in texts]``, in one call of OpenCC where it can be (convert_joined)."""
        joined = convert_joined(self._cc.convert, texts)
        return joined if joined is not None else [self.convert(t) for t in texts]


def convert_joined(convert: Callable[[str], str], texts: list[str]) -> list[str] | None:
    """``[convert(t) for t in texts]`` in one call of an OpenCC ``convert``: the texts joined by
    line breaks, which no phrase of a dictionary holds, so none spans two texts (a call per
    text costs a third more). None when a text holds a line break or the parts do not come
    back one for one: then the caller converts each."""
    if not texts:
        return []
    if any("\n" in t for t in texts):
        return None
    out = convert("\n".join(texts)).split("\n")
    return out if len(out) == len(texts) else None
