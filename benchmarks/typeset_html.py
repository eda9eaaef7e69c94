"""Typeset newspaper pages as PDFs the way a web-to-print export does: HTML + CSS columns,
printed by headless Chromium with Noto CJK fonts embedded (a second, independent look at
the same stories as benchmarks/typeset_pages.py).

    python benchmarks/typeset_html.py OUT_DIR [--pages 10] [--seed 1]

Needs ``chromium`` on the PATH (Debian: apt-get install chromium fonts-noto-cjk). The
page: a banner line with a rule under it, rows of stories side by side (CSS grid), each a
head (kicker, title in bold sans, subtitle) over its body set in CSS columns, justified,
indented paragraphs, a framed empty picture box with its caption, and a footer.
Deterministic for a seed, but Chromium's own output may differ between its versions.
"""
from __future__ import annotations

import argparse
import html
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from typeset_pages import Furniture, Story, generated_story, rows_of  # noqa: E402

CSS = """
@page { size: 350mm 500mm; margin: 14mm 14mm 16mm 14mm; }
body { font-family: 'Noto Serif CJK SC'; font-size: 9pt; line-height: 1.4; margin: 0; }
.banner { display: flex; justify-content: space-between; border-bottom: 1.2pt solid #000;
          padding-bottom: 3pt; margin-bottom: 8pt; font-size: 9pt; }
.banner b { font-family: 'Noto Sans CJK SC'; font-size: 12pt; }
.row { display: grid; column-gap: 12pt; border-bottom: 0.5pt solid #000; padding-bottom: 8pt;
       margin-bottom: 10pt; break-inside: auto; }
.story + .story { border-left: 0.4pt solid #000; padding-left: 6pt; }
.kicker, .subtitle { font-size: 13pt; margin: 0; }
.title { font-family: 'Noto Sans CJK SC'; font-weight: 700; margin: 2pt 0 4pt 0; line-height: 1.2; }
.subtitle { margin-bottom: 6pt; }
.body { column-gap: 12pt; text-align: justify; }
.body p { margin: 0; text-indent: 2em; }
.body .byline { text-indent: 0; font-weight: 700; }
.body h3 { font-family: 'Noto Sans CJK SC'; font-size: 10.5pt; margin: 6pt 0 2pt 0; }
.picture { border: 0.5pt solid #000; margin-bottom: 2pt; break-inside: avoid; }
.caption { font-size: 8pt; margin: 0 0 8pt 0; text-indent: 0 !important; }
.footer { position: fixed; bottom: -8mm; left: 0; font-size: 8pt; }
"""


def _story_html(story: Story, span: int, rng: random.Random, lead: bool) -> str:
    e = html.escape
    size = rng.choice((26, 28)) if lead else rng.choice((18, 20, 22))
    align = rng.choice(("left", "center"))
    head = []
    if story.kicker:
        head.append(f'<p class="kicker" style="text-align:{align}">{e(story.kicker)}</p>')
    head.append(f'<h1 class="title" style="font-size:{size}pt;text-align:{align}">{e(story.title)}</h1>')
    if story.subtitle:
        head.append(f'<p class="subtitle" style="text-align:{align}">{e(story.subtitle)}</p>')
    body = []
    if story.caption:
        body.append(f'<div class="picture" style="height:{rng.choice((70, 100, 130))}pt"></div>'
                    f'<p class="caption">{e(story.caption)}{e(story.credit or "")}</p>')
    if story.byline:
        body.append(f'<p class="byline">{e(story.byline)}</p>')
    for n, paragraph in enumerate(story.paragraphs):
        if n in story.subheads:
            body.append(f"<h3>{e(story.subheads[n])}</h3>")
        body.append(f"<p>{e(paragraph)}</p>")
    return (f'<div class="story" style="grid-column: span {span}">{"".join(head)}'
            f'<div class="body" style="column-count:{span}">{"".join(body)}</div></div>')


def page_html(stories: list[Story], seed: int, columns: int | None = None,
              furniture: Furniture | None = None) -> str:
    rng = random.Random(seed)
    columns = columns or rng.choice((4, 5, 6))
    f = furniture or Furniture()
    rows = []
    for n, row in enumerate(rows_of(stories, rng)):
        if len(row) == 1:
            spans = [columns]
        else:
            sizes = [sum(map(len, s.paragraphs)) + 200 for s in row]
            first = min(max(round(columns * sizes[0] / sum(sizes)), 1), columns - 1)
            spans = [first, columns - first]
        cells = "".join(_story_html(s, k, rng, n == 0 and i == 0) for i, (s, k) in enumerate(zip(row, spans)))
        rows.append(f'<div class="row" style="grid-template-columns: repeat({columns}, 1fr)">{cells}</div>')
    e = html.escape
    return (f'<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><style>{CSS}</style></head><body>'
            f'<div class="banner"><span>{e(f.date)}</span><b>{e(f.page_name)}</b><span>第{f.page}版</span></div>'
            f'{"".join(rows)}<div class="footer">{e(f.editor)}</div></body></html>')


def typeset_html_page(stories: list[Story], path: Path, seed: int = 1, columns: int | None = None,
                      furniture: Furniture | None = None) -> Path:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("chromium not found: apt-get install chromium fonts-noto-cjk")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "page.html"
        source.write_text(page_html(stories, seed, columns, furniture), encoding="utf-8")
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={path}", source.as_uri()], check=True, capture_output=True, timeout=120)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for n in range(args.pages):
        rng = random.Random(args.seed * 1000 + n)
        stories = [generated_story(rng, k) for k in range(rng.randint(3, 7))]
        typeset_html_page(stories, args.out / f"page_{n:03d}.pdf", seed=args.seed * 1000 + n)
    print(f"{args.pages} pages in {args.out}")


if __name__ == "__main__":
    main()
