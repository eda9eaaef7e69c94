"""What pdfium sees on a sheet: text runs with their type, picture boxes and rules.

Coordinates are turned to points from the sheet's top-left corner (y grows downward),
the way a reader scans a page. A run is one text object of the content stream (one
``Tj``/``TJ``): layout systems write one per printed line or per stretch of one style.
"""
from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass

import pypdfium2.raw as raw

BOLD_WEIGHT = 600
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|hei|黑", re.IGNORECASE)
_FORCE_BOLD = 1 << 18          # PDF font descriptor flag
_FILL_STROKE = (raw.FPDF_TEXTRENDERMODE_FILL_STROKE, raw.FPDF_TEXTRENDERMODE_STROKE)
PICTURE_MIN = 24.0             # a box smaller than this (points, either side) is a rule or an ornament
RULE_MAX = 3.0                 # a path thinner than this is a rule


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class Run:
    text: str
    box: Box
    size: float
    bold: bool
    angle: int                 # of the baseline, degrees counter-clockwise, rounded to 90
    embedded: bool
    baseline: float = 0.0      # where the text's origin stands, from the top (glyph boxes are tight:
                               # a full stop's box sits low, a quote's high; the baseline does not move)


@dataclass
class Sheet:
    number: int                # 1-based
    width: float
    height: float
    runs: list[Run]
    pictures: list[Box]
    rules: list[Box]
    chars: int = 0             # non-blank characters of pdfium's text layer, for the conservation check


# pdfium's char → text object, returning the address as an int (to key objects by it)
_TEXT_OBJECT_OF = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value)


def _address(pointer) -> int:
    return ctypes.cast(pointer, ctypes.c_void_p).value or 0


NO_OBJECT = 0      # texts_by_object's key for characters pdfium places in no text object
_BLANK = dict.fromkeys(map(ord, " \t\n\r\u3000\u00a0\u2002\u2003\ufeff"))


def non_blank(text: str) -> int:
    return len(text.translate(_BLANK))


def texts_by_object(textpage) -> dict[int, str]:
    """The text page's characters grouped by the text object that printed them (those of no
    object, such as the line breaks pdfium adds, under ``NO_OBJECT``).

    One pass over the page's characters, a stretch of one object at a time: pdfium's own
    per-object call scans the whole page each time, which costs seconds on a page set one
    glyph per object.
    """
    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return {}
    buffer = (ctypes.c_ushort * (count + 1))()
    raw.FPDFText_GetText(textpage, 0, count, buffer)
    units = buffer[:count]
    if any(0xD800 <= u <= 0xDFFF for u in units):   # a character outside the BMP: ask char by char
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    else:
        text = "".join(map(chr, units))
    out: dict[int, list[str]] = {}
    page = _address(textpage)
    start, current = 0, _TEXT_OBJECT_OF(page, 0) or NO_OBJECT
    for i in range(1, count + 1):
        obj = (_TEXT_OBJECT_OF(page, i) or NO_OBJECT) if i < count else None
        if obj != current:
            out.setdefault(current, []).append(text[start:i])
            start, current = i, obj
    return {obj: "".join(parts) for obj, parts in out.items()}


class _Reader:
    """pdfium calls for one sheet, with buffers and font facts kept between objects
    (a sheet holds hundreds of text objects in a handful of fonts)."""

    def __init__(self, page, textpage, height: float):
        self.page, self.textpage, self.height = page, textpage, height
        self.texts = texts_by_object(textpage)
        self.fonts: dict[int, tuple[bool, bool]] = {}
        self.edges = [ctypes.c_float() for _ in range(4)]
        self.refs = [ctypes.byref(e) for e in self.edges]
        self.size = ctypes.c_float()
        self.matrix = raw.FS_MATRIX()

    def bounds(self, obj) -> Box | None:
        if not raw.FPDFPageObj_GetBounds(obj, *self.refs):
            return None
        left, bottom, right, top = (e.value for e in self.edges)
        return Box(left, self.height - top, right, self.height - bottom)

    def text(self, obj) -> str:
        return self.texts.get(_address(obj), "")

    def font(self, obj) -> tuple[bool, bool]:
        """(bold by the font's own weight, flags or name; embedded)."""
        font = raw.FPDFTextObj_GetFont(obj)
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        if key not in self.fonts:
            bold = raw.FPDFFont_GetWeight(font) >= BOLD_WEIGHT or bool(raw.FPDFFont_GetFlags(font) & _FORCE_BOLD) \
                or bool(_BOLD_NAME.search(_font_name(font).split("+")[-1]))
            self.fonts[key] = (bold, bool(raw.FPDFFont_GetIsEmbedded(font)))
        return self.fonts[key]

    def run(self, obj, box: Box) -> Run | None:
        text = self.text(obj)
        if not text.strip():
            return None
        raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(self.size))
        raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(self.matrix))
        m = self.matrix
        angle = 0 if m.b == 0 and m.a > 0 else int(round(math.degrees(math.atan2(m.b, m.a)) / 90.0)) * 90 % 360
        scale = math.sqrt(abs(m.a * m.d - m.b * m.c)) or 1.0   # the size is in text space: apply its matrix
        bold, embedded = self.font(obj)
        # synthetic bold: the glyphs stroked as well as filled
        bold = bold or raw.FPDFTextObj_GetTextRenderMode(obj) in _FILL_STROKE
        return Run(text=text, box=box, size=round(self.size.value * scale, 2), bold=bold, angle=angle,
                   embedded=embedded, baseline=self.height - m.f)


def _font_name(font) -> str:
    n = raw.FPDFFont_GetBaseFontName(font, None, 0)
    buf = ctypes.create_string_buffer(max(n, 1))
    raw.FPDFFont_GetBaseFontName(font, buf, n)
    return buf.value.decode("latin-1", errors="replace")


def _objects(page, depth: int = 0):
    """The sheet's page objects, those inside form XObjects included."""
    count = raw.FPDFPage_CountObjects(page) if depth == 0 else raw.FPDFFormObj_CountObjects(page)
    get = raw.FPDFPage_GetObject if depth == 0 else raw.FPDFFormObj_GetObject
    for i in range(count):
        obj = get(page, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_FORM and depth < 4:
            yield from _objects(obj, depth + 1)
        else:
            yield obj, kind


def read_sheet(page, number: int) -> Sheet:
    width, height = page.get_size()
    textpage = page.get_textpage()
    reader = _Reader(page.raw, textpage.raw, height)
    runs, pictures, rules = [], [], []
    for obj, kind in _objects(page.raw):
        box = reader.bounds(obj)
        if box is None:
            continue
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            run = reader.run(obj, box)
            if run:
                runs.append(run)
        elif kind == raw.FPDF_PAGEOBJ_IMAGE or (kind == raw.FPDF_PAGEOBJ_PATH and min(box.width, box.height) >= PICTURE_MIN):
            pictures.append(box)
        elif kind == raw.FPDF_PAGEOBJ_PATH and min(box.width, box.height) <= RULE_MAX:
            rules.append(box)
    chars = sum(non_blank(text) for text in reader.texts.values())
    textpage.close()
    return Sheet(number, width, height, runs, pictures, rules, chars)
