"""Pagefind's bundle files made the same for the same pages.

Pagefind 1.5 writes each filter's values in the order of a Rust hash map, which is
seeded anew in every run: two runs over the same pages give filter files with other
bytes and names, so the language's ``pf_meta`` (which names them) and
``pagefind-entry.json`` (which names the meta) differ too. ``make_canonical`` sorts the
values of every filter file (and the filters in the meta), names each rewritten file by
a hash of its bytes as Pagefind does, and updates the references, so a bundle depends
on its pages only (and an incremental build equals a clean one). It also cuts the word
index into smaller chunks (pagefind_chunks.py), so a query fetches less. ``prune`` takes
out what the search box never loads (Pagefind's own UIs, its worker, the wasm of languages
the bundle does not hold; a language without one loads wasm.unknown): a fifth of a shard's bytes, in every shard.

The files are gzip'd CBOR after a ``pagefind_dcd`` signature; ``read_cbor`` and
``cbor`` handle what they hold (integers, strings, arrays, maps, simple values).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path

from .pagefind_chunks import rechunk, target_of

SIGNATURE = b"pagefind_dcd"
ENTRY_FILE = "pagefind-entry.json"


def read_cbor(b: bytes, i: int = 0):
    """One CBOR value of ``b`` at ``i``; returns (value, next index)."""
    ib = b[i]
    i += 1
    major, info = ib >> 5, ib & 31
    if major == 7:
        simple = {20: False, 21: True, 22: None, 23: None}
        if info in simple:
            return simple[info], i
        fmt, size = {25: (">e", 2), 26: (">f", 4), 27: (">d", 8)}[info]
        return struct.unpack_from(fmt, b, i)[0], i + size
    if info < 24:
        n = info
    elif info == 31:
        n = None
    else:
        size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
        n = int.from_bytes(b[i:i + size], "big")
        i += size
    if major == 0:
        return n, i
    if major == 1:
        return -1 - n, i
    if major in (2, 3):
        s = b[i:i + n]
        return (s.decode("utf-8") if major == 3 else bytes(s)), i + n
    if major == 4:
        out = []
        while (n is None and b[i] != 0xFF) or (n is not None and len(out) < n):
            v, i = read_cbor(b, i)
            out.append(v)
        return out, (i + 1 if n is None else i)
    if major == 5:
        d = {}
        for _ in range(n):
            k, i = read_cbor(b, i)
            d[k], i = read_cbor(b, i)
        return d, i
    return read_cbor(b, i)  # a tag: its value


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise ValueError(f"CBOR: {n} is too large")


def cbor(value) -> bytes:
    """``value`` as CBOR, every length in its shortest form (as Pagefind writes it)."""
    if value is False or value is True or value is None:
        return bytes([0xF4 + (value is True) if value is not None else 0xF6])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(map(cbor, value))
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(cbor(k) + cbor(v) for k, v in value.items())
    raise TypeError(f"CBOR: cannot write {type(value).__name__}")


def _payload(path: Path) -> bytes:
    """A Pagefind file's CBOR (gunzip'd, after the signature)."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind file")
    return data[len(SIGNATURE):]


def read_file(path: Path):
    return read_cbor(_payload(path))[0]


def _file_bytes(value) -> bytes:
    """A Pagefind file of ``value``; bytes are CBOR already (word chunks: gzip level 6,
    Pagefind's own, their bulk making level 9 cost a second a language)."""
    if isinstance(value, bytes):
        return gzip.compress(SIGNATURE + value, compresslevel=6, mtime=0)
    return gzip.compress(SIGNATURE + cbor(value), compresslevel=9, mtime=0)


def _write_named(folder: Path, lang: str, hex_chars: int, prefix: str, suffix: str, value,
                 taken: set[str] | None = None) -> str:
    """Write ``value`` as ``<prefix><lang>_<hash><suffix>`` in ``folder``; return ``<lang>_<hash>``.
    A name already in ``taken`` (another file of the same kind) gets a longer hash, as Pagefind does."""
    blob = _file_bytes(value)
    digest = hashlib.sha256(blob).hexdigest()
    name = f"{lang}_{digest[:hex_chars]}"
    while taken is not None and name in taken:
        hex_chars += 1
        name = f"{lang}_{digest[:hex_chars]}"
    if taken is not None:
        taken.add(name)
    (folder / f"{prefix}{name}{suffix}").write_bytes(blob)
    return name


def _hex_chars(name: str) -> int:
    return len(name.rsplit("_", 1)[-1])


def _rechunk(bundle: Path, lang: str, listed: list) -> list:
    """The word index of a bundle in smaller chunks (pagefind_chunks); returns the pf_meta's
    new chunk list ([from, to, name] each)."""
    chunks = []
    for _, _, name in listed:
        path = bundle / "index" / f"{name}.pf_index"
        chunks.append(_payload(path))
        path.unlink()
    taken: set[str] = set()
    hex_chars = _hex_chars(listed[0][2]) if listed else 7
    return [[first, last, _write_named(bundle / "index", lang, hex_chars, "", ".pf_index", raw, taken)]
            for first, last, raw in rechunk(chunks, target_of(lang))]


def make_canonical(bundle: Path) -> None:
    """Rewrite the filter files, the word chunks, the meta and the entry of one Pagefind
    bundle in a fixed order."""
    entry_path = bundle / ENTRY_FILE
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read_file(meta_path)
        filters = []
        for name, old in meta[3]:
            path = bundle / "filter" / f"{old}.pf_filter"
            content = read_file(path)
            content[1].sort(key=lambda value: value[0])
            path.unlink()
            filters.append([name, _write_named(bundle / "filter", lang, _hex_chars(old), "", ".pf_filter",
                                               content)])
        meta[3] = sorted(filters)
        meta[2] = _rechunk(bundle, lang, meta[2])
        meta_path.unlink()
        info["hash"] = _write_named(bundle, lang, _hex_chars(info["hash"]), "pagefind.", ".pf_meta", meta)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# What a bundle keeps besides its index, fragment and filter folders and the language
# files (pagefind.<hash>.pf_meta, wasm.<wasm>.pagefind): the script search.js imports and
# the entry it reads. Pagefind's UIs (pagefind-ui, -component-ui, -modular-ui, -highlight)
# are never loaded, nor the worker (search.js runs Pagefind with noWorker).
KEPT = {"pagefind.js", ENTRY_FILE}


def prune(bundle: Path) -> int:
    """Delete the files of one bundle that search.js never loads; the bytes taken out."""
    entry = json.loads((bundle / ENTRY_FILE).read_text(encoding="utf-8"))
    keep = set(KEPT)
    for info in entry["languages"].values():
        keep |= {f"pagefind.{info['hash']}.pf_meta", f"wasm.{info['wasm'] or 'unknown'}.pagefind"}
    gone = 0
    for path in bundle.iterdir():
        if path.is_file() and path.name not in keep:
            gone += path.stat().st_size
            path.unlink()
    return gone
