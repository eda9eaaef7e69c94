"""What the merge reads of a built shard (shard.py): its catalog per language, its pages, and
where its site and articles are; a shard made by other code or for another URL is refused."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from ..site import catalog
from ..site.catalog import Entry
from ..site.labels import DEFAULT_LANG, LANGS
from .shard import CATALOG, FORMAT, INFO_FILE, PRESENCE



@dataclass
class Shard:
    name: str
    folder: Path
    entries: dict[str, list[Entry]]          # per language, in catalog order
    present: dict[str, set[str]]             # per language: the .md pages it staged

    @property
    def site(self) -> Path:
        return self.folder / "site"

    @property
    def docs(self) -> Path:
        return self.folder / "docs"

    def master_authors(self, lang: str) -> dict[str, list[str]] | None:
        """rel → zh-Hans author names, the keys of every language's author links (None in zh-Hans)."""
        return None if lang == DEFAULT_LANG else {str(e.rel): e.authors for e in self.entries[DEFAULT_LANG]}


def _json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"{path}: missing; is {path.parent.parent} a shard built by "
                        f"`python -m build_scripts shard`?") from None
    except (OSError, ValueError) as e:
        raise UserError(f"{path}: unreadable ({e})") from None


def load_shard(folder: Path, site_url: str, code: str, inputs: str) -> Shard:
    """A built shard, checked against the merge's site URL, code and site inputs (shard.site_inputs)."""
    info_path = folder / CATALOG / INFO_FILE
    info = _json(info_path)
    if info.get("format") != FORMAT:
        raise UserError(f"{info_path}: a shard of another format ({info.get('format')}); build it again")
    if info.get("site_url") != site_url:
        raise UserError(f"{info_path}: built for SITE_URL {info.get('site_url')}, merging for {site_url}")
    if info.get("code") != code:
        raise UserError(f"{info_path}: built by other code or library versions; build the shard again")
    if info.get("inputs") != inputs:
        raise UserError(f"{info_path}: built with other configs, templates (overrides/) or hand-written "
                        f"pages (docs/*.md); build the shard again")
    entries = {}
    for lang in LANGS:
        path = folder / CATALOG / f"{lang}.pickle"
        found = catalog.cached_entries(path)
        if found is None:
            raise UserError(f"{path}: missing or of another format; build the shard again")
        entries[lang] = found
    present = _json(folder / CATALOG / PRESENCE)
    return Shard(str(info["name"]), folder, entries, {lang: set(present.get(lang, [])) for lang in LANGS})
