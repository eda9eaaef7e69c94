"""A deterministic synthetic newspaper archive made from the two real sample pages.

    python benchmarks/archive.py OUT --issues 30 [--seed 1] [--start 2025-01-01]

writes ``OUT/dumps/YYYYMMDD-PP.txt`` (one dump per page) and
``OUT/dumps/manifest.yaml`` in the project's manifest format
(``build_scripts/manifest.py``). Issue *i* is dated ``start + i`` days and has
8 pages, numbered 1–8 with page names; odd pages are variants of the sample
front page (6 articles), even pages of the sample inside page (9 articles), so
an issue holds 60 articles.

How a page is varied (all from one ``random.Random`` seeded by seed, date and
page, so issue *i* is the same whatever the number of issues generated, and an
archive of N+1 issues is an archive of N plus one):

- **Article order**: the sample's articles (their line ranges as the segmenter
  cuts the untouched sample) are moved as whole blocks. The lead article stays
  first; the others are shuffled into the other article slots. What lies
  between articles (blank lines, a column banner) stays where it was, so every
  layout quirk inside an article (headline printed in the middle, title line
  in the body, column breaks) travels with its article.
- **Text**: as in ``generate.py``: digits redrawn and the sentences of each long
  paragraph rotated; and one sentence carrying a serial number unique in the
  archive is added to a paragraph of every article, so no two article bodies
  are identical.
- **Names**: the credited authors are renamed from a pool of ~600 names (same
  length, a common surname first), so author pages have realistic sizes.

Headlines are left as printed (the segmenter's heading rules depend on them).
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import SAMPLES, _vary_paragraph  # noqa: E402

PUBLICATION = "通辽日报"
PAGES_PER_ISSUE = 8
PAGE_NAMES = ["要闻", "综合", "经济", "社会", "理论", "旗县区", "文化", "专刊"]
# Page 1, 3, 5, 7 vary the sample front page; 2, 4, 6, 8 the sample inside page.
FRONT, INSIDE = "001_348aeecdd38910cd.txt", "000_8df7ef33810d7782.txt"

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
_GIVEN = "明华丽静伟芳敏强磊军洋勇艳杰娟涛超霞平刚英晨宇欣雪琳颖斌鹏飞婷慧萍建峰海波亮红玲瑞佳"
_SENTENCES = [
    "截至目前，相关工作已累计惠及群众{n}人次。",
    "据统计，该项目累计完成投资{n}万元。",
    "本次活动共有{n}名干部群众参与。",
    "目前，已有{n}家企业和单位加入其中。",
    "今年以来，累计办理相关事项{n}件。",
]
_SENTENCE_END = ("。", "”", "！", "？", "）", ")")


@dataclass(frozen=True)
class SampleArticle:
    first: int                # 1-based first line of the article in the sample
    last: int                 # 1-based last line
    authors: tuple[str, ...]


@dataclass(frozen=True)
class Sample:
    name: str
    lines: tuple[str, ...]
    articles: tuple[SampleArticle, ...]


@lru_cache(maxsize=None)
def sample(name: str) -> Sample:
    """A sample page and where its articles are, as the segmenter cuts the untouched page."""
    from build_scripts.ingest import read_dump
    from build_scripts.segment import segment

    path = next(p for p in SAMPLES if p.name == name)
    seg = segment(read_dump(path, None))
    arts = tuple(SampleArticle(a.lines[0], a.lines[1], tuple(a.authors)) for a in seg.articles)
    for a, b in zip(arts, arts[1:]):
        if not a.last < b.first:
            raise RuntimeError(f"{name}: articles overlap ({a.first}-{a.last}, {b.first}-{b.last})")
    return Sample(name, tuple(path.read_text(encoding="utf-8").split("\n")), arts)


@lru_cache(maxsize=None)
def name_pool() -> dict[int, tuple[str, ...]]:
    """Names of 2 and 3 characters, a common surname first; fixed, not seeded."""
    rng = random.Random("names")
    pool: dict[int, list[str]] = {2: [], 3: []}
    seen = set()
    while len(pool[2]) < 300 or len(pool[3]) < 300:
        n = rng.choice((2, 3))
        if len(pool[n]) >= 300:
            continue
        name = rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(n - 1))
        if name not in seen:
            seen.add(name)
            pool[n].append(name)
    return {k: tuple(v) for k, v in pool.items()}


def _unique_sentence(lines: list[str], serial: int, rng: random.Random) -> None:
    """Add a sentence naming ``serial`` to the last whole paragraph of an article (in place)."""
    sentence = rng.choice(_SENTENCES).format(n=serial)
    candidates = [i for i, line in enumerate(lines)
                  if len(line) >= 30 and line.endswith("。") and not line.startswith("#")]
    # A paragraph that starts a sentence: the line before it (if any) ends one.
    whole = [i for i in candidates
             if not any(lines[j].strip() for j in range(i)) or
             next(lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()).endswith(_SENTENCE_END)]
    pick = (whole or candidates or [None])[-1]
    if pick is None:  # no paragraph ends a sentence: one of its own after the last line
        lines.extend(["", sentence])
    else:
        lines[pick] += sentence


def generate_issue_page(date: dt.date, page: int, seed: int = 1) -> str:
    """The dump text of one page of the issue of ``date`` (deterministic)."""
    rng = random.Random(f"{seed}-{date.isoformat()}-{page}")
    smp = sample(FRONT if page % 2 else INSIDE)
    lines = list(smp.lines)
    arts = smp.articles
    # Fixed pieces: what precedes the first article, and each gap after an article.
    head = lines[: arts[0].first - 1]
    gaps = [lines[a.last: (arts[k + 1].first - 1 if k + 1 < len(arts) else len(lines))]
            for k, a in enumerate(arts)]
    order = [0] + rng.sample(range(1, len(arts)), len(arts) - 1)
    names = name_pool()
    renames: dict[str, str] = {}
    for a in arts:
        for author in a.authors:
            if author not in renames and len(author) in names:
                choices = [n for n in names[len(author)] if n not in renames.values()]
                renames[author] = rng.choice(choices)
    day = (date - dt.date(2000, 1, 1)).days
    out = list(head)
    for slot, k in enumerate(order):
        a = arts[k]
        block = [_vary_paragraph(line, rng) for line in lines[a.first - 1: a.last]]
        serial = (day * PAGES_PER_ISSUE + page - 1) * 16 + k + 1000
        _unique_sentence(block, serial, rng)
        out += block
        out += gaps[slot]
    text = "\n".join(out)
    for old in sorted(renames, key=len, reverse=True):
        text = text.replace(old, renames[old])
    return text


def issue_dates(issues: int, start: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range(issues)]


def dump_name(date: dt.date, page: int) -> str:
    return f"{date:%Y%m%d}-{page:02d}.txt"


def manifest_text(dates: list[dt.date], seed: int) -> str:
    out = [f"# Synthetic archive: {len(dates)} issue(s) of {PAGES_PER_ISSUE} pages generated by",
           f"# benchmarks/archive.py (seed {seed}) from the two sample pages in dumps/.",
           f"publication: {PUBLICATION}", "dumps:"]
    for date in dates:
        for page in range(1, PAGES_PER_ISSUE + 1):
            out += [f"  - file: {dump_name(date, page)}", f"    date: {date.isoformat()}",
                    f"    page: {page}", f"    page_name: {PAGE_NAMES[page - 1]}"]
    return "\n".join(out) + "\n"


def _write_if_changed(path: Path, text: str) -> bool:
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except FileNotFoundError:
        pass
    path.write_text(text, encoding="utf-8")
    return True


def write_archive(out: Path, issues: int, seed: int = 1,
                  start: dt.date = dt.date(2025, 1, 1)) -> list[Path]:
    """Write ``out/dumps/*.txt`` and ``out/dumps/manifest.yaml``; return the dump paths.

    Files whose text is already right are not rewritten (adding an issue
    touches only its own pages and the manifest)."""
    dumps = out / "dumps"
    dumps.mkdir(parents=True, exist_ok=True)
    dates = issue_dates(issues, start)
    paths = []
    for date in dates:
        for page in range(1, PAGES_PER_ISSUE + 1):
            path = dumps / dump_name(date, page)
            _write_if_changed(path, generate_issue_page(date, page, seed))
            paths.append(path)
    _write_if_changed(dumps / "manifest.yaml", manifest_text(dates, seed))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder; the dumps go to OUT/dumps/")
    parser.add_argument("--issues", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=dt.date.fromisoformat, default=dt.date(2025, 1, 1),
                        help="date of the first issue (YYYY-MM-DD)")
    args = parser.parse_args()
    paths = write_archive(args.out, args.issues, args.seed, args.start)
    print(f"{len(paths)} page dumps and manifest.yaml in {args.out / 'dumps'}")


if __name__ == "__main__":
    main()
