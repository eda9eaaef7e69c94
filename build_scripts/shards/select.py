"""Which dumps make which shard: the year of each manifest entry's date ("undated" without one).

A shard's pages are its year's issues, printed pages, articles, sources and search bundles;
every one of them is made from that year's dumps only (plan.py lists the pages that are not).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..corrections import corrections_path
from ..errors import UserError
from ..manifest import ManifestEntry, load_manifest

UNDATED = "undated"


def shard_of(entry: ManifestEntry) -> str:
    return str(entry.meta.date.year) if entry.meta.date else UNDATED


def shard_names(manifest: Path) -> list[str]:
    """The shards of a manifest, oldest first (undated last)."""
    names = {shard_of(e) for e in load_manifest(manifest)}
    return sorted(names - {UNDATED}) + sorted(names & {UNDATED})


def entries_of(manifest: Path, name: str) -> list[ManifestEntry]:
    """The manifest entries of one shard; a shard the manifest does not have is an error."""
    entries = load_manifest(manifest)
    chosen = [e for e in entries if shard_of(e) == name]
    if not chosen:
        have = ", ".join(shard_names(manifest)) or "none"
        raise UserError(f"{manifest}: no dumps of shard {name!r} (the manifest has: {have})")
    return chosen


def newest_month(entries: list[ManifestEntry]) -> str | None:
    """The archive's newest month ("2025-12"): each shard's search index is cut as one build of
    the whole archive cuts it (site/search.py), so the merged site equals that build."""
    dates = [e.meta.date for e in entries if e.meta.date]
    return f"{max(dates):%Y-%m}" if dates else None


def inputs_digest(entries: list[ManifestEntry], newest_month: str | None = None) -> str:
    """A digest of what a shard is made from besides the code: its manifest entries, their
    dumps and corrections files (a CI cache per shard, keyed by it, changes with its year only),
    and whether it holds the archive's newest month (``newest_month``), which its search index
    cuts into weeks (site/search.py)."""
    h = hashlib.sha256()
    months = {f"{e.meta.date:%Y-%m}" for e in entries if e.meta.date}
    h.update(b"newest\0" if newest_month in months else b"older\0")
    for e in sorted(entries, key=lambda e: str(e.file)):
        fixes = corrections_path(e.file)
        h.update(f"{e.file.name}\0{e.meta!r}\0".encode())
        h.update(hashlib.sha256(e.file.read_bytes()).digest())
        h.update(hashlib.sha256(fixes.read_bytes()).digest() if fixes.is_file() else b"-")
    return h.hexdigest()[:32]


def shard_list(manifest: Path) -> list[dict[str, str]]:
    """Each shard's name and inputs digest, oldest first: the CI matrix."""
    entries = load_manifest(manifest)
    newest = newest_month(entries)
    return [{"name": name, "inputs": inputs_digest([e for e in entries if shard_of(e) == name], newest)}
            for name in shard_names(manifest)]
