"""The translator's file: segments out for human translation, reviewed translations back in.

``export_segments`` writes one JSON object per line and segment::

    {"source_hash": "…", "source": "中文段落", "machine": "draft or null",
     "places": ["2025/12/15/01/x.md body[3]"], "text": "", "reviewer": "", "reviewed_on": ""}

The translator fills ``text`` (starting from ``machine`` if there is one) and
``reviewer``; ``import_reviewed`` stores every line with a ``text`` as a
reviewed entry of the memory, which the machine never overwrites. Lines left
empty are skipped, so a file can come back half done. ``source`` must not be
edited: the hash on the line catches that. Files of ``{"zh": …, "en": …}``
lines (as in ``translations/reviewed/``) are read the same way.
"""
from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

from .. import atomic
from ..errors import UserError
from .memory import Memory, source_hash
from .translate import Recorder, Translator


def export_segments(path: Path, recorder: Recorder, translator: Translator, *, only_missing: bool) -> int:
    """Write the segments without a reviewed translation (or, ``only_missing``, without any)."""
    places: dict[str, list[str]] = {}
    for segment, article in recorder.places:
        if only_missing and not segment.machine:
            continue  # a whole byline: the rules translate it; only an editor may improve it
        places.setdefault(segment.source, []).append(f"{article} {segment.where}".strip())
    lines = []
    for source, where in places.items():
        r = translator.render_quiet(source)
        if r.kind in ("reviewed", "rule") or (only_missing and r.kind == "machine"):
            continue
        lines.append(json.dumps({
            "source_hash": source_hash(source), "source": source,
            "machine": r.text if r.kind == "machine" else None,
            "places": where, "text": "", "reviewer": "", "reviewed_on": "",
        }, ensure_ascii=False))
    atomic.write_text(path, "".join(line + "\n" for line in lines))
    return len(lines)


def import_reviewed(path: Path, memory: Memory, *, reviewer: str | None = None,
                    today: str | None = None) -> tuple[int, int]:
    """Merge a filled-in translator's file into the memory; returns (imported, skipped)."""
    today = today or _dt.date.today().isoformat()
    try:
        raw = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise UserError(f"{path}: file not found") from None
    pending = []
    seen: dict[str, tuple[int, str]] = {}  # source hash → (line, text)
    skipped = 0
    for n, line in enumerate(raw, 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            raise UserError(f"{where}: not valid JSON ({e.msg} at column {e.colno})") from None
        if isinstance(d, dict) and "zh" in d and "source" not in d:  # {"zh": …, "en": …} files
            d = {**d, "source": d.get("zh"), "text": d.get("en")}
        if not isinstance(d, dict) or not isinstance(d.get("source"), str) or not d["source"].strip():
            raise UserError(f"{where}: expected an object with a 'source' (or 'zh')")
        text = d.get("text")
        if not isinstance(text, str) or not text.strip():
            skipped += 1
            continue
        if d.get("source_hash") and d["source_hash"] != source_hash(d["source"]):
            raise UserError(f"{where}: 'source' was edited (it no longer matches 'source_hash')")
        who = d.get("reviewer") or reviewer
        if not who:
            raise UserError(f"{where}: no 'reviewer' (fill it in, or pass --reviewer NAME)")
        text = " ".join(text.split())
        h = source_hash(d["source"])
        if h in seen and seen[h][1] != text:
            raise UserError(f"{where}: a different translation of the same source as line {seen[h][0]}")
        seen[h] = (n, text)
        pending.append((d["source"], text, who, d.get("reviewed_on") or today))
    # Only once the whole file is valid does anything go into the memory.
    for source, text, who, when in pending:
        memory.add_reviewed(source, text, who, when)
    return len(pending), skipped
