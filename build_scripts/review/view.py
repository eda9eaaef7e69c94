"""What the review page draws, as plain JSON: the dump's lines with the role and article the
cut gave each, the report's To-check items on their lines, the articles and the fixes."""
from __future__ import annotations

from pathlib import Path

from ..corrections import apply_replacements
from ..model import BYLINE, CAPTION, HEADING, PHOTO_CREDIT, TEXT, Block, Segmentation
from ..write import article_files


def role_of(block: Block) -> str:
    """A block's role in the words of a corrections file (corrections.ROLES)."""
    if block.kind == TEXT:
        return "body"
    if block.kind == HEADING:
        return block.role or "title"
    if block.kind == BYLINE:
        return "dateline" if block.dateline and block.dateline == block.text else "byline"
    if block.kind == CAPTION:
        return "credit" if block.role == PHOTO_CREDIT else "caption"
    return "furniture"


def _line_roles(seg: Segmentation) -> dict[int, str]:
    roles: dict[int, str] = {}
    for block in seg.blocks + seg.furniture:
        for line in block.lines:
            roles.setdefault(line, role_of(block))
    return roles


def _checks(seg: Segmentation) -> dict[int, list[str]]:
    """The report's To-check items on each of their lines, most doubtful first."""
    found: dict[int, list[str]] = {}
    for repair in sorted((r for r in seg.repairs if r.unsure), key=lambda r: -r.doubt):
        for line in repair.lines:
            found.setdefault(line, []).append(f"doubt {repair.doubt:.2f}: {repair.what}")
    return found


def page_view(seg: Segmentation, preview: str, root: Path | None = None) -> dict:
    printed = seg.dump.lines
    found = seg.corrections
    read = apply_replacements(found, printed) if found is not None else printed
    roles, checks = _line_roles(seg), _checks(seg)
    article_of = {line: a.order for a in seg.articles for line in a.source_lines}
    lines = [{"n": n, "text": read[n - 1].strip(), "printed": printed[n - 1].strip(),
              "role": roles.get(n, "furniture"), "article": article_of.get(n), "check": checks.get(n, [])}
             for n in range(1, len(printed) + 1) if printed[n - 1].strip()]
    urls = [preview + rel[:-len(".md")] + "/" for rel in article_files(seg, root)]
    articles = [{"order": a.order, "title": a.title or None, "kicker": a.kicker, "subtitle": a.subtitle,
                 "byline": a.byline, "first": a.lines[0], "last": a.lines[1], "confidence": a.confidence,
                 "url": url} for a, url in zip(seg.articles, urls)]
    fixes = [] if found is None else [
        {"index": i, "at": c.at, "line": c.line, "action": c.action,
         "value": list(c.value) if c.action == "replace" else c.value, "what": c.describe()}
        for i, c in enumerate(found.items)]
    to_check = [{"lines": r.lines, "doubt": r.doubt, "what": r.what}
                for r in sorted((r for r in seg.repairs if r.unsure), key=lambda r: (-r.doubt, r.lines))]
    return {"dump": seg.dump.path.name, "file": str(found.path) if found is not None else None,
            "lines": lines, "articles": articles, "corrections": fixes, "to_check": to_check}
