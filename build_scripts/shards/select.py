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


def inputs_digest(entries: list[ManifestEntry]) -> str:
    """A digest of what a shard is made from besides the code: its manifest entries, their
    dumps and corrections files (a CI cache per shard, keyed by it, changes with its year only)."""
    h = hashlib.sha256()
    for e in sorted(entries, key=lambda e: str(e.file)):
        fixes = corrections_path(e.file)
        h.update(f"{e.file.name}\0{e.meta!r}\0".encode())
        h.update(hashlib.sha256(e.file.read_bytes()).digest())
        h.update(hashlib.sha256(fixes.read_bytes()).digest() if fixes.is_file() else b"-")
    return h.hexdigest()[:32]


def shard_list(manifest: Path) -> list[dict[str, str]]:
    """Each shard's name and inputs digest, oldest first: the CI matrix."""
    entries = load_manifest(manifest)
    return [{"name": name, "inputs": inputs_digest([e for e in entries if shard_of(e) == name])}
            for name in shard_names(manifest)]
