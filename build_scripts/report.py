"""The segmentation report: what an editor reads to check a page's cut in a minute."""
from __future__ import annotations

from .body import render_body
from .corrections import apply_replacements
from .model import Segmentation


def article_record(seg: Segmentation, n: int) -> dict:
    """One article as the ``segment --json`` list gives it."""
    a = seg.articles[n]
    return {
        "title": a.title or None,
        "kicker": a.kicker,
        "subtitle": a.subtitle,
        "authors": a.authors,
        "byline": a.byline,
        "dateline": a.dateline,
        "body": render_body(a.body),
        "captions": a.captions,
        "source": {"file": str(seg.dump.path), "lines": list(a.lines)},
        "order": a.order,
        "confidence": a.confidence,
    }


def page_warnings(seg: Segmentation) -> list[str]:
    """What an editor must hear about at once, not only in the report."""
    warnings = list(seg.dump.warnings)
    if not any(a.title for a in seg.articles):
        warnings.append(f"{seg.dump.path}: no headline found; the page is kept as "
                        f"{len(seg.articles)} untitled article(s)")
    return warnings


def render_report(seg: Segmentation) -> str:
    dump, meta = seg.dump, seg.dump.meta
    unsure = [r for r in seg.repairs if r.unsure]
    out = [f"# Segmentation report: {dump.path.name}", ""]
    if meta.date or meta.publication:
        out.append(f"{meta.publication or '?'}, {meta.date or 'undated'}, page {meta.page or '?'}"
                   f" {meta.page_name or ''}".rstrip())
    else:
        out.append("Not in the manifest: publication, date and page unknown.")
    source = "read from a page PDF (boxes in points from the page's top-left corner)" \
        if dump.layout else f"Encoding {dump.encoding}"
    out += [f"{source}; {len(seg.articles)} articles; {len(seg.repairs)} repairs, "
            f"{len(unsure)} to check; {len(seg.furniture)} piece(s) set aside.", ""]
    out += [f"- warning: {w}" for w in dump.warnings]
    out += ["## Articles", "", "Confidence 1.00 is a cut with nothing in doubt; check the lowest first.", ""]
    for a in seg.articles:
        head = " / ".join(x for x in (a.kicker, a.title or "(无标题)", a.subtitle) if x)
        out.append(f"{a.order}. lines {a.lines[0]}–{a.lines[1]} (confidence {a.confidence:.2f}): {head} — "
                   f"{', '.join(a.authors) or 'no author'}; {len(a.body)} blocks, "
                   f"{sum(len(b.text) for b in a.body)} characters")
    out += ["", "## Editor's corrections", ""]
    out += _corrections(seg)
    out += ["", "## To check", "", "Most doubtful first.", ""]
    out += [f"- lines {_lines(r.lines)}{_printed(dump, r.lines)} (doubt {r.doubt:.2f}, {r.step}): {r.what}"
            for r in sorted(unsure, key=lambda r: (-r.doubt, r.lines))] or ["- nothing"]
    out += ["", "## Repairs made", ""]
    out += [f"- lines {_lines(r.lines)}{_printed(dump, r.lines)} ({r.step}): {r.what}"
            for r in seg.repairs if not r.unsure] or ["- none"]
    out += ["", "## Set aside (in no article)", ""]
    out += [f"- line {b.first_line}{_printed(dump, [b.first_line])} ({b.role}): “{b.text}”"
            for b in seg.furniture] or ["- nothing"]
    return "\n".join(out) + "\n"


def _corrections(seg: Segmentation) -> list[str]:
    """Every fix of the dump's corrections file, where it stands; for a line whose text was
    replaced, the text as printed and as the segmenter read it (what conservation compares)."""
    found = seg.corrections
    if found is None or not found.items:
        return ["- none"]
    out = [f"- {found.where(item)}: {item.describe()}" for item in found.items]
    replaced = sorted({c.line for c in found.of("replace")})
    if replaced:
        printed, read = seg.dump.lines, apply_replacements(found, seg.dump.lines)
        out += [f"- line {n} as printed: “{printed[n - 1].strip()}”; as read: “{read[n - 1].strip()}”"
                for n in replaced]
    return out


def _lines(lines: list[int]) -> str:
    return ", ".join(map(str, lines))


def _printed(dump, lines: list[int]) -> str:
    """Where the lines stand on the PDF page (page and box in points from its top-left
    corner), for a dump read from a page PDF; nothing for a text dump."""
    boxes = [dump.layout[n] for n in lines if n in dump.layout]
    if not boxes:
        return ""
    where = []
    for lay in boxes:
        left, top, right, bottom = lay.box
        where.append(f"PDF page {lay.page}, box {left:.0f},{top:.0f}–{right:.0f},{bottom:.0f}")
    return " [" + "; ".join(dict.fromkeys(where)) + "]"
