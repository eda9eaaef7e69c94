"""The project: its folders, its languages and where it is published, made once.

Every language of the site is declared here and only here (``LANGUAGES``); labels.py,
the site stage and the variants read them from this list. A ``Project`` is found from
the folder a command runs in (the one holding ``mkdocs.yml``, or above it), never from
where this package is installed.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UserError


@dataclass(frozen=True)
class Language:
    code: str              # BCP 47, as in every path and front matter (zh-Hans …)
    prefix: str            # where it lives under the site URL ("" for the site's root language)
    config: str            # its MkDocs config, relative to the project root
    og_locale: str         # OpenGraph locale
    native_name: str       # its name, written in it (the language switcher)
    pagefind: str          # the language Pagefind indexes it as ("und": our own tokens)


LANGUAGES = (
    Language("zh-Hans", "", "mkdocs.yml", "zh_CN", "简体中文", "und"),
    Language("zh-Hant", "zh-Hant/", "config/zh-Hant.yml", "zh_TW", "繁體中文", "und"),
    Language("en", "en/", "config/en.yml", "en_US", "English", "en"),
)
DEFAULT_SITE_URL = "https://example.github.io/newsarchive/"
MARKER = "mkdocs.yml"      # the project root holds the root language's MkDocs config


def site_url_setting() -> str:
    """Where the site is published: $SITE_URL (the deploy sets it), ending in "/"."""
    url = os.environ.get("SITE_URL") or DEFAULT_SITE_URL
    return url if url.endswith("/") else url + "/"


@dataclass(frozen=True)
class Project:
    root: Path
    languages: tuple[Language, ...] = LANGUAGES
    site_url: str = field(default_factory=site_url_setting)

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The project holding ``start`` (default: the working folder)."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / MARKER).is_file():
                return cls(folder)
        raise UserError(f"{here}: no {MARKER} here or above; run this in the project's folder")

    @property
    def build(self) -> Path:
        return self.root / "build"

    def config_file(self, lang: str) -> Path:
        return self.root / next(x.config for x in self.languages if x.code == lang)
