"""One shard built in a folder of its own, from one year's dumps, as a project's build is:

    SHARD/docs/      the year's articles in every language, and the project's hand-written pages
    SHARD/build/     its caches: segment and variants state, staging, MkDocs parts, search bundles
    SHARD/site/      the year as a site of its own (its home, archive and author pages are the
                     year's only: the merge makes those of the whole archive)
    SHARD/catalog/   what the merge reads besides site/: shard.json, <lang>.pickle (the front
                     matter cache of its articles, as staging keeps it), presence.json (its pages)

Dumps stay where the project has them (front matter and source pages name them from the
project root), and the translation memory is the project's (a CI runner hands its additions
on as an artifact).
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from .. import atomic
from ..cache import code_fingerprint
from ..manifest import load_manifest
from ..project import Project
from ..redirects import MOVED_FILE
from ..segment_pages import segment_pages
from ..site import catalog
from ..site.labels import LANGS
from ..site.staging import PRESENCE_FILE
from .select import entries_of, newest_month

CATALOG = "catalog"
INFO_FILE = "shard.json"
PRESENCE = "presence.json"          # staging's .presence.json: the pages of each language
FORMAT = 1


def build_shard(name: str, out: Path, root: Path, manifest: Path, site_url: str, *, offline: bool,
                engine: str, strict: bool, search: bool) -> None:
    """Segment, translate and build shard ``name`` of the project at ``root`` (its dumps as
    ``manifest`` lists them) into ``out``."""
    from ..site.build import build_site
    from ..variants import make_variants

    entries = entries_of(manifest, name)
    docs, build = out / "docs", out / "build"
    _copy_hand_written(root / "docs", docs)
    counts = segment_pages([e.file for e in entries], entries, docs, build / "reports", root=root,
                           state_file=build / "cache" / "segment-state.json")
    print(f"shard {name}: {counts['articles']} articles from {counts['dumps']} dumps "
          f"({counts['segmented']} segmented)", file=sys.stderr)
    make_variants(docs, offline=offline, engine=engine, strict=strict)
    build_site(docs, out / "site", dumps_root=root, build_dir=build, strict=True, search=search,
               log=lambda line: print(f"shard {name}: {line}", file=sys.stderr),
               newest_month=newest_month(load_manifest(manifest)))
    export_catalog(build / "docs", out / CATALOG, name, site_url, site_inputs(Project(root, site_url=site_url)))


def _copy_hand_written(project_docs: Path, docs: Path) -> None:
    """The project's hand-written pages, and its record of moved articles when the shard has none
    yet (segment adds the moves it makes to the shard's own)."""
    for page in project_docs.glob("*.md"):
        atomic.write_if_changed(docs / page.name, page.read_bytes(), sync=False)
    moved = project_docs / MOVED_FILE
    if moved.is_file() and not (docs / MOVED_FILE).exists():
        atomic.write_bytes(docs / MOVED_FILE, moved.read_bytes(), sync=False)


def site_inputs(project: Project) -> str:
    """What every page of a shard depends on besides its own inputs: the code, configs and
    templates (build.build_inputs_hash) and the hand-written pages (the nav shows their titles).
    The merge takes a shard's pages only when its own is the same."""
    from ..site.build import build_inputs_hash
    h = hashlib.sha256()
    for lang in LANGS:
        h.update(build_inputs_hash(project.root, lang, project.site_url).encode())
    for page in sorted((project.root / "docs").glob("*.md")):
        h.update(page.name.encode() + b"\0" + hashlib.sha256(page.read_bytes()).digest())
    return h.hexdigest()


def export_catalog(staging: Path, dest: Path, name: str, site_url: str, inputs: str) -> None:
    """The shard's catalog and page list, and what it was built with (the merge checks it)."""
    for lang in LANGS:
        atomic.write_if_changed(dest / f"{lang}.pickle", catalog.cache_path(staging, lang).read_bytes(),
                                sync=False)
    atomic.write_if_changed(dest / PRESENCE, (staging / PRESENCE_FILE).read_bytes(), sync=False)
    info = {"format": FORMAT, "name": name, "site_url": site_url, "code": code_fingerprint(), "inputs": inputs}
    atomic.write_if_changed(dest / INFO_FILE, json.dumps(info, indent=1) + "\n", sync=False)
