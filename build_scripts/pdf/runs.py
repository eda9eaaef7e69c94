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

import pypdfium2 as pdfium
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


@dataclass
class Sheet:
    number: int                # 1-based
    width: float
    height: float
    runs: list[Run]
    pictures: list[Box]
    rules: list[Box]
    chars: int = 0             # characters in pdfium's text layer, for the conservation check


def _text(obj, textpage) -> str:
    n = raw.FPDFTextObj_GetText(obj, textpage, None, 0)
    if n <= 2:
        return ""
    buf = (ctypes.c_ushort * (n // 2))()
    raw.FPDFTextObj_GetText(obj, textpage, buf, n)
    return bytes(buf).decode("utf-16-le", errors="replace").rstrip("\0")


def _font_name(font) -> str:
    n = raw.FPDFFont_GetBaseFontName(font, None, 0)
    buf = ctypes.create_string_buffer(max(n, 1))
    raw.FPDFFont_GetBaseFontName(font, buf, n)
    return buf.value.decode("latin-1", errors="replace")


def _bold(obj, font) -> bool:
    if raw.FPDFTextObj_GetTextRenderMode(obj) in _FILL_STROKE:
        return True   # synthetic bold: the glyphs stroked as well as filled
    if raw.FPDFFont_GetWeight(font) >= BOLD_WEIGHT or raw.FPDFFont_GetFlags(font) & _FORCE_BOLD:
        return True
    return bool(_BOLD_NAME.search(_font_name(font).split("+")[-1]))


def _matrix(obj) -> tuple[float, float, float, float]:
    m = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m))
    return m.a, m.b, m.c, m.d


def _run(obj, textpage, height: float, bounds) -> Run | None:
    text = _text(obj, textpage)
    if not text.strip():
        return None
    size = ctypes.c_float()
    raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
    a, b, c, d = _matrix(obj)
    font = raw.FPDFTextObj_GetFont(obj)
    angle = int(round(math.degrees(math.atan2(b, a)) / 90.0)) * 90 % 360
    left, bottom, right, top = bounds
    return Run(text=text, box=Box(left, height - top, right, height - bottom), size=round(size.value, 2),
               bold=_bold(obj, font), angle=angle, embedded=bool(raw.FPDFFont_GetIsEmbedded(font)))


def read_sheet(page, number: int) -> Sheet:
    width, height = page.get_size()
    textpage = page.get_textpage()
    runs, pictures, rules = [], [], []
    for obj in page.get_objects(max_depth=4):
        try:
            bounds = obj.get_bounds()
        except pdfium.PdfiumError:
            continue
        left, bottom, right, top = bounds
        if obj.type == raw.FPDF_PAGEOBJ_TEXT:
            run = _run(obj.raw, textpage.raw, height, bounds)
            if run:
                runs.append(run)
            continue
        box = Box(left, height - top, right, height - bottom)
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE or (obj.type == raw.FPDF_PAGEOBJ_PATH
                                                   and min(box.width, box.height) >= PICTURE_MIN):
            pictures.append(box)
        elif obj.type == raw.FPDF_PAGEOBJ_PATH and min(box.width, box.height) <= RULE_MAX:
            rules.append(box)
    chars = textpage.count_chars()
    textpage.close()
    return Sheet(number, width, height, runs, pictures, rules, chars)
