"""The font pdfium is given for Chinese, Japanese and Korean type a PDF does not embed:
every character a box of its em (880 units above the baseline, 120 below, 1000 wide), CJK
punctuation in its corner of the em, ASCII in half of it, spaces empty.

pdfium needs some font for such type, to measure its glyphs: otherwise it asks the machine,
and then what a page reads as depends on what is installed there. With Noto CJK (an
OpenType/CFF font) outlining every glyph of a page twice (the page, its text page) was nine
tenths of the reading; with no CJK font at all, pdfium drops the characters it cannot
measure (rotated lines, lone characters). The text layer's characters and their advances
come from the PDF either way; this font only gives each glyph a box, the same on every
machine, and costs nothing to outline. Type the PDF embeds is read with its own font.
"""
from __future__ import annotations

import ctypes
import functools
import struct

from pypdfium2 import PdfSysfontBase

ASCENT, DESCENT, EM = 880, -120, 1000
_CJK_CHARSETS = (128, 129, 130, 134, 136)   # FXFONT_*: Shift-JIS, Hangul, Johab, GB2312, Big5
NAME = b"NewsarchiveEmBox"


# Glyphs, by (left, bottom, right, top) in font units: CJK punctuation is drawn in a corner of
# its em the way Chinese fonts draw it (a comma low at the left), since a line's box then ends
# where its ink does, not where a hanging comma's em would push it into the gutter.
_EMPTY = None
_FULL = (0, DESCENT, EM, ASCENT)
_LOW_LEFT = (60, DESCENT, 360, 220)        # ，。、．：；！？ (the marks sit low at the left)
_LEFT_HALF = (60, DESCENT, 480, ASCENT)    # closing brackets and quotes
_RIGHT_HALF = (520, DESCENT, 940, ASCENT)  # opening brackets and quotes
_NARROW = (30, DESCENT, 470, ASCENT)       # Latin letters and digits: half an em (CJK fonts set them so)
GLYPHS = (_EMPTY, _EMPTY, _FULL, _LOW_LEFT, _LEFT_HALF, _RIGHT_HALF, _NARROW)   # 0: .notdef, 1: spaces
_SPACE, _BOX, _MARK, _CLOSE, _OPEN, _LATIN = 1, 2, 3, 4, 5, 6
_MARKS = "、。，．：；！？"
_CLOSING = "」』）》〉】〕”’"
_OPENING = "「『（《〈【〔“‘"


def _char_glyphs() -> list[tuple[int, int, int]]:
    """(first, last, glyph) groups for cmap format 13: every character a full box but spaces,
    CJK punctuation and ASCII."""
    special = {code: _LATIN for code in range(0x21, 0x7F)}
    special.update({ord(" "): _SPACE, 0x3000: _SPACE, 0xA0: _SPACE})
    special.update({ord(c): _MARK for c in _MARKS})
    special.update({ord(c): _CLOSE for c in _CLOSING})
    special.update({ord(c): _OPEN for c in _OPENING})
    groups, start = [], 0
    for code in sorted(special):
        if code > start:
            groups.append((start, code - 1, _BOX))
        groups.append((code, code, special[code]))
        start = code + 1
    groups.append((start, 0x10FFFF, _BOX))
    return groups


def _glyph(box) -> bytes:
    """One square contour, clockwise from the bottom-left corner (padded to 4 bytes); none for a space."""
    if box is None:
        return b""
    left, bottom, right, top = box
    xs, ys = (left, left, right, right), (bottom, top, top, bottom)
    dx = [xs[0]] + [b - a for a, b in zip(xs, xs[1:])]
    dy = [ys[0]] + [b - a for a, b in zip(ys, ys[1:])]
    return (struct.pack(">hhhhh", 1, left, bottom, right, top) + struct.pack(">HH", 3, 0)
            + bytes([0x01] * 4) + struct.pack(">4h", *dx) + struct.pack(">4h", *dy) + b"\0\0")


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF


def _tables() -> dict[bytes, bytes]:
    glyphs = [_glyph(box) for box in GLYPHS]
    offsets = [0]
    for g in glyphs:
        offsets.append(offsets[-1] + len(g))
    groups = _char_glyphs()
    cmap13 = struct.pack(">HHIII", 13, 0, 16 + 12 * len(groups), 0, len(groups)) + \
        b"".join(struct.pack(">III", *g) for g in groups)
    count = len(GLYPHS)
    return {
        b"cmap": struct.pack(">HHHHI", 0, 1, 3, 10, 12) + cmap13,     # one Unicode (UCS-4) subtable
        b"glyf": b"".join(glyphs),
        b"head": struct.pack(">IIIIHHqqhhhhHHhhh", 0x10000, 0x10000, 0, 0x5F0F3CF5, 0x000B, EM, 0, 0,
                             0, DESCENT, EM, ASCENT, 0, 8, 2, 0, 0),
        b"hhea": struct.pack(">IhhhHhhhhhhhhhhhH", 0x10000, ASCENT, DESCENT, 0, EM, 0, 0, EM, 1, 0, 0,
                             0, 0, 0, 0, 0, count),
        b"hmtx": struct.pack(f">{2 * count}h", *[v for _ in GLYPHS for v in (EM, 0)]),
        b"loca": struct.pack(f">{count + 1}H", *(o // 2 for o in offsets)),
        b"maxp": struct.pack(">IHHHHHHHHHHHHHH", 0x10000, count, 4, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0),
        b"name": struct.pack(">HHH", 0, 0, 6),
        b"post": struct.pack(">IIhhIIIII", 0x30000, 0, -100, 50, 1, 0, 0, 0, 0),
    }


@functools.cache
def em_box_font() -> bytes:
    """The font file (TrueType: .notdef, a space, the em box, and three punctuation boxes)."""
    tables = _tables()
    count = len(tables)
    power = 1 << (count.bit_length() - 1)
    header = struct.pack(">IHHHH", 0x10000, count, power * 16, power.bit_length() - 1, (count - power) * 16)
    offset = len(header) + 16 * count
    records, body = b"", b""
    for tag in sorted(tables):
        data = tables[tag]
        records += struct.pack(">4sIII", tag, _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    return header + records + body


class EmBoxFonts(PdfSysfontBase):
    """pdfium's system fonts, except that CJK type it must substitute gets the em-box font."""

    def __init__(self):
        super().__init__()
        data = em_box_font()
        self.data = (ctypes.c_ubyte * len(data)).from_buffer_copy(data)
        # one handle per charset asked for (pdfium asks each handle its charset back)
        self.handles = {charset: ctypes.create_string_buffer(1) for charset in _CJK_CHARSETS}
        self.charsets = {ctypes.addressof(h): c for c, h in self.handles.items()}

    def MapFont(self, _, weight, italic, charset, pitch, face, exact):
        if charset in self.handles:
            return ctypes.addressof(self.handles[charset])
        return self.default.MapFont(self.default, weight, italic, charset, pitch, face, exact)

    def GetFontData(self, _, font, table, buffer, size):
        if font not in self.charsets:
            return self.default.GetFontData(self.default, font, table, buffer, size)
        if table != 0:          # pdfium asks for the whole file (0), or a TTC header it is not
            return 0
        if buffer and size >= len(self.data):
            ctypes.memmove(buffer, self.data, len(self.data))
        return len(self.data)

    def GetFaceName(self, _, font, buffer, size):
        if font not in self.charsets:
            return self.default.GetFaceName(self.default, font, buffer, size)
        if buffer and size > len(NAME):
            ctypes.memmove(buffer, NAME + b"\0", len(NAME) + 1)
        return len(NAME) + 1

    def GetFontCharset(self, _, font):
        if font not in self.charsets:
            return self.default.GetFontCharset(self.default, font)
        return self.charsets[font]

    def DeleteFont(self, _, font):
        if font not in self.charsets:
            self.default.DeleteFont(self.default, font)


@functools.cache
def install() -> EmBoxFonts:
    """Give pdfium the em-box font, once per process, before the first document is read."""
    fonts = EmBoxFonts()
    fonts.setup()
    return fonts
