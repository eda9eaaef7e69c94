"""The site stage: staging docs dirs → one MkDocs build per language, in parallel
processes → site/ (zh-Hans at the root, zh-Hant/ and en/ below) → sitemap → Pagefind.

The language configs (mkdocs.yml, config/zh-Hant.yml, config/en.yml) are used
as they are; only docs_dir and site_dir are overridden, so a build can stage and
write anywhere (tests build into a temporary dir).
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from . import seo
from .labels import LANGS, PREFIX
from .staging import stage

ROOT = Path(__file__).resolve().parents[2]
CONFIGS = {"zh-Hans": "mkdocs.yml", "zh-Hant": "config/zh-Hant.yml", "en": "config/en.yml"}


@dataclass
class Result:
    site: Path
    articles: dict[str, int]
    indexed: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def _mkdocs_build(config_file: str, docs_dir: str, site_dir: str, strict: bool, site_url: str | None,
                  verbose: bool) -> float:
    """One language build (runs in its own process)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(f"[{Path(config_file).name}] %(levelname)s %(message)s"))
    log = logging.getLogger("mkdocs")
    log.addHandler(handler)
    log.setLevel(logging.INFO if verbose else logging.WARNING)
    start = time.perf_counter()
    overrides = {"docs_dir": docs_dir, "site_dir": site_dir, "strict": strict}
    if site_url:
        overrides["site_url"] = site_url
    try:
        cfg = load_config(config_file=config_file, **overrides)
        build(cfg)
    except (Abort, ConfigurationError) as e:
        raise RuntimeError(f"{config_file}: {e}") from None
    return time.perf_counter() - start


def run_mkdocs(staging: Path, parts: Path, strict: bool = True, site_url: str | None = None,
               verbose: bool = False, root: Path = ROOT) -> dict[str, float]:
    """Build every language into parts/<lang>/, in parallel processes."""
    ctx = multiprocessing.get_context("spawn")
    times = {}
    with ProcessPoolExecutor(max_workers=len(LANGS), mp_context=ctx) as pool:
        futures = {lang: pool.submit(_mkdocs_build, str(root / CONFIGS[lang]), str(staging / lang),
                                     str(parts / lang), strict, site_url, verbose)
                   for lang in LANGS}
        errors = []
        for lang, fut in futures.items():
            try:
                times[lang] = fut.result()
            except Exception as e:  # noqa: BLE001 - reported below, one line per language
                errors.append(f"{lang}: {e}")
        if errors:
            raise UserError("MkDocs build failed: " + "; ".join(errors))
    return times


def assemble(parts: Path, site: Path) -> None:
    """parts/zh-Hans → site/, parts/<lang> → site/<lang>/."""
    if site.exists():
        shutil.rmtree(site)
    shutil.move(str(parts / LANGS[0]), str(site))
    for lang in LANGS[1:]:
        shutil.move(str(parts / lang), str(site / PREFIX[lang].strip("/")))


def write_discovery(site: Path, site_url: str) -> None:
    """One sitemap.xml for all languages with hreflang alternates, and robots.txt."""
    for lang in LANGS[1:]:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (site / PREFIX[lang] / name).unlink(missing_ok=True)
    (site / "sitemap.xml.gz").unlink(missing_ok=True)
    (site / "sitemap.xml").write_text(seo.sitemap(site, site_url, PREFIX), encoding="utf-8")
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n",
                                     encoding="utf-8")


def site_url_setting() -> str:
    url = os.environ.get("SITE_URL") or "https://example.github.io/newsarchive/"
    return url if url.endswith("/") else url + "/"


def build_site(docs: Path, site: Path, *, dumps_root: Path | None = None, build_dir: Path | None = None,
               strict: bool = True, search: bool = True, verbose: bool = False,
               log=print) -> Result:
    docs, site = docs.resolve(), site.resolve()
    build_dir = (build_dir or ROOT / "build").resolve()
    if not (docs / LANGS[0]).is_dir():
        raise UserError(f"{docs / LANGS[0]}: no articles; run `python -m build_scripts segment` first")
    t0 = time.perf_counter()
    counts = stage(docs, build_dir / "docs", dumps_root=dumps_root or docs.parent)
    t1 = time.perf_counter()
    log(f"site: staged {', '.join(f'{n} {lang}' for lang, n in counts.items())} articles "
        f"in {build_dir / 'docs'} ({t1 - t0:.1f} s)")
    parts = build_dir / "site-parts"
    if parts.exists():
        shutil.rmtree(parts)
    url = site_url_setting()
    times = run_mkdocs(build_dir / "docs", parts, strict=strict, site_url=url, verbose=verbose)
    t2 = time.perf_counter()
    log(f"site: MkDocs built {len(LANGS)} languages in parallel in {t2 - t1:.1f} s "
        f"({', '.join(f'{lang} {s:.1f} s' for lang, s in times.items())})")
    assemble(parts, site)
    write_discovery(site, url)
    result = Result(site, counts, seconds={"stage": t1 - t0, "mkdocs": t2 - t1, **times})
    if search:
        from .search import index_site
        result.indexed = index_site(site, build_dir / "pagefind-src")
        t3 = time.perf_counter()
        result.seconds["pagefind"] = t3 - t2
        log(f"site: Pagefind indexed {', '.join(f'{n} {lang}' for lang, n in result.indexed.items())} "
            f"pages in {t3 - t2:.1f} s")
    result.seconds["total"] = time.perf_counter() - t0
    log(f"site: {site} ({result.seconds['total']:.1f} s)")
    return result
