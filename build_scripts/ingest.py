"""Read a page dump from disk into a ``Dump``: decoding, line ends, sanity checks.

A page PDF (by its name or its ``%PDF-`` header) is read by ``build_scripts.pdf``.

Dumps come from PDF converters and OCR tools of every age, so the bytes may be
UTF-8 (with or without BOM), UTF-16, or GB18030/GBK. Anything else is refused
with a one-line reason naming the file.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
from pathlib import Path

from .errors import UserError
from .model import Dump, PageMeta
from .pdf import is_pdf, read_pdf

LARGE_DUMP_BYTES = 1_000_000  # a printed page is ~20 KB of text; 1 MB is not one page


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding) or raise UserError naming the file."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"),
                          (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _strict(data, encoding, name), encoding
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if not encoding:
            raise UserError(f"{name}: binary file (NUL bytes), not a text dump")
        return _strict(data, encoding, name), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        line = data[:utf8_error.start].count(b"\n") + 1
        raise UserError(f"{name}:{line}: not UTF-8, UTF-16 or GB18030 text "
                        f"(undecodable byte 0x{data[utf8_error.start]:02x})") from None
    return text, "gb18030"


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text has most NUL bytes (from ASCII characters, line ends among them) on one
    side of each byte pair; a few on the other come from characters like 一 (U+4E00)."""
    if len(data) % 2:
        return None
    odd, even = data[1::2].count(0), data[0::2].count(0)
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    if min(odd, even) > max(odd, even) // 5 or max(odd, even) < len(data) // 200:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    plausible = "\n" in text and _control_characters(text) <= max(8, len(text) // 200)
    return encoding if plausible else None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise UserError(f"{name}: not valid {encoding} at byte {e.start}") from None


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")


def _control_characters(text: str) -> int:
    return len(_CONTROL.findall(text))


def dump_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as a dump (a phrase), or None. Looks without opening:
    opening a FIFO would wait for a writer for ever."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "broken symbolic link" if os.path.islink(path) else "no such file"
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "symbolic link loop, not a dump"
        return f"cannot read ({e.strerror})"
    if stat.S_ISDIR(st.st_mode):
        return "is a directory, not a dump"
    if not stat.S_ISREG(st.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode) else "a device"
        return f"is {kind}, not a regular file"
    return None


def check_dump(path: Path) -> None:
    problem = dump_problem(path)
    if problem:
        raise UserError(f"{path}: {problem}")


def read_bytes(path: Path) -> bytes:
    """The dump's bytes, or one line naming it (permission denied, vanished, …)."""
    check_dump(path)
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise UserError(f"{path}: cannot read ({e.strerror or e})") from None


def read_dump(path: Path, meta: PageMeta | None = None) -> Dump:
    name = str(path)
    data = read_bytes(path)
    if not data.strip():
        raise UserError(f"{name}: empty file, nothing to segment")
    if is_pdf(path, data):
        return read_pdf(path, data, meta)
    text, encoding = decode(data, name)
    warnings = []
    if encoding not in ("utf-8", "utf-8-sig"):
        warnings.append(f"{name}: decoded as {encoding}, not UTF-8")
    if _control_characters(text) > max(8, len(text) // 200):
        raise UserError(f"{name}: binary file (control characters), not a text dump")
    if len(data) > LARGE_DUMP_BYTES:
        warnings.append(f"{name}: {len(data) / 1e6:.1f} MB is unusually large for one page")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise UserError(f"{name}: only white space, nothing to segment")
    return Dump(path=path, text=text, encoding=encoding,
                sha256=hashlib.sha256(data).hexdigest(), meta=meta or PageMeta(),
                warnings=warnings)


def source_text(path: Path) -> str:
    """A dump's lines as the source view shows them: a page PDF's text as the reader put it
    in reading order (the line numbers articles cite), a text dump's bytes as they are."""
    data = path.read_bytes()
    if is_pdf(path, data):
        return read_pdf(path, data).text
    return data.decode("utf-8", errors="replace")
