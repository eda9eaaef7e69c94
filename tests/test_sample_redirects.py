"""The sample's old URLs (before the paper was in the path: config/redirects.tsv) still lead
to their pages, in every language."""
from __future__ import annotations

import re

from build_scripts.site.labels import PREFIX
from segment_helpers import ROOT


def _legacy() -> dict[str, str]:
    lines = (ROOT / "config" / "redirects.tsv").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line and not line.startswith("#"))


def test_every_old_sample_url_sends_readers_to_the_page_now_there(served):
    site, base = served["site"], served["base"]
    legacy = _legacy()
    assert len(legacy) >= 10
    for prefix in PREFIX.values():
        for old, new in legacy.items():
            assert (site / prefix / new / "index.html").is_file(), f"{prefix}{new}: no page"
            stub = (site / prefix / old / "index.html").read_text(encoding="utf-8")
            target = base + prefix + new
            assert f'<link rel="canonical" href="{target}">' in stub
            assert re.search(rf'http-equiv="refresh" content="0; url={re.escape(target)}"', stub)
