"""A page PDF → ``Dump``: its text in reading order, one dump line per paragraph, and the
layout facts of each line (``Dump.layout``).

Every non-blank character of the text layer lands in the dump text, each exactly once:
the segmenter's own conservation then carries it into an article or the report. Bad PDFs
are refused with one line naming the file: not a PDF, damaged, encrypted, or without a
text layer (a scan: OCR it first).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pypdfium2 as pdfium

from ..errors import UserError
from ..model import Dump, PageMeta
from . import boxfont
from .lines import Line, body_size, sheet_lines
from .order import Item, reading_order
from .paragraphs import (FULL, INDENT, SAME_SIZE, Assembler, column_of, columns, facts,
                         in_margins, size_ranks, under_pictures)
from .runs import non_blank, read_sheet

MAGIC = b"%PDF-"
DISPLAY_SCALE = 1.3    # type this much larger than the body's is headline type, for the reading order
_LEADING_SPACE = ("\u3000", " ", "\t")


def is_pdf(path: Path, head: bytes) -> bool:
    """A PDF by name or by its first bytes (the header may follow a little junk)."""
    return path.suffix.lower() == ".pdf" or MAGIC in head[:1024]


def _open(path: Path, data: bytes):
    boxfont.install()
    name = str(path)
    if MAGIC not in data[:1024]:
        raise UserError(f"{name}: not a PDF (no %PDF- header)")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        reason = str(e).lower()
        if "password" in reason:
            raise UserError(f"{name}: encrypted PDF, cannot read it without its password") from None
        raise UserError(f"{name}: damaged PDF, pdfium cannot read it ({e})") from None


def _check_placed(path: Path, sheet) -> None:
    """Every character of the sheet's text layer is in a text run: pdfium may list
    characters it gives no text object or box (a font it cannot measure), which no line
    would then carry: refuse the page rather than lose them."""
    placed = sum(non_blank(run.text) for run in sheet.runs)
    if placed != sheet.chars:
        raise UserError(f"{path}: PDF page {sheet.number}: {sheet.chars - placed} of its {sheet.chars} characters "
                        "have no place on the page (no text object or box), not segmented so as to lose none")


def _read_sheets(path: Path, doc):
    sheets = []
    try:
        for n in range(len(doc)):
            page = doc[n]
            sheet = read_sheet(page, n + 1)
            page.close()
            _check_placed(path, sheet)
            sheets.append((sheet, sheet_lines(sheet.number, sheet.runs, sheet.rules)))
    except pdfium.PdfiumError as e:
        raise UserError(f"{path}: damaged PDF, pdfium cannot read page {len(sheets) + 1} ({e})") from None
    return sheets


def _feed_sheet(asm: Assembler, sheet, lines: list[Line], body: float) -> None:
    margin = in_margins(sheet, lines, body)
    captions = under_pictures(sheet, lines, body)
    cols = columns(lines, body)
    head = sorted((ln for ln in lines if id(ln) in margin and ln.box.top < sheet.height / 2),
                  key=lambda ln: (ln.box.top, ln.box.left))
    foot = sorted((ln for ln in lines if id(ln) in margin and ln.box.top >= sheet.height / 2),
                  key=lambda ln: (ln.box.top, ln.box.left))
    display = body * DISPLAY_SCALE
    inner = [Item(ln.box, ln, ln.size >= display) for ln in lines if id(ln) not in margin] + \
        [Item(pic, None) for pic in sheet.pictures]
    for ln in head:
        asm.add(ln, "margin")
    for ln in reading_order(inner, body, sheet.rules):
        if id(ln) in captions:
            asm.add(ln, "caption")
        elif ln.size > body + SAME_SIZE or ln.vertical:
            asm.add(ln, "display")
        else:
            n = column_of(ln, cols)
            col = cols[n] if n is not None else None
            indent = ln.text.startswith(_LEADING_SPACE) or \
                (col is not None and ln.box.left - col.left >= INDENT * ln.size)
            full = col is not None and ln.box.right >= col.right - FULL * ln.size
            asm.add(ln, "body", column=n, indent=indent, full=full)
    for ln in foot:
        asm.add(ln, "margin")


def read_pdf(path: Path, data: bytes, meta: PageMeta | None = None) -> Dump:
    doc = _open(path, data)
    try:
        sheets = _read_sheets(path, doc)
    finally:
        doc.close()
    every = [ln for _, lines in sheets for ln in lines]
    if not any(ln.text.strip() for ln in every):
        pictures = sum(len(s.pictures) for s, _ in sheets)
        raise UserError(f"{path}: no text layer ({len(sheets)} page(s), {pictures} picture(s)): "
                        "a scanned page, OCR needed before it can be segmented")
    body = body_size(every)
    ranks = size_ranks(every)
    asm = Assembler()
    for sheet, lines in sheets:
        _feed_sheet(asm, sheet, lines, body)
    paragraphs = [p for p in asm.paragraphs if p.text]
    text = "\n".join(p.text for p in paragraphs) + "\n"
    read, printed = non_blank(text), non_blank("".join(ln.text for ln in every))
    if read != printed:  # the reader lost or doubled characters: never cut a page from that
        raise UserError(f"{path}: internal error reading the text layer ({printed} characters printed, "
                        f"{read} read)")
    return Dump(path=path, text=text, encoding="pdf", sha256=hashlib.sha256(data).hexdigest(),
                meta=meta or PageMeta(),
                layout={n: facts(p, ranks, body) for n, p in enumerate(paragraphs, start=1)})
