"""The benchmark's archive generator (benchmarks/archive.py): deterministic, varied, valid input."""
from __future__ import annotations

import datetime as dt
import sys

from build_scripts.ingest import read_dump
from build_scripts.manifest import load_manifest, meta_for
from build_scripts.segment import segment

from segment_helpers import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import archive  # noqa: E402


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted((folder / "dumps").iterdir())}


def test_same_seed_same_archive_other_seed_other_archive(tmp_path):
    archive.write_archive(tmp_path / "a", 2, seed=3)
    archive.write_archive(tmp_path / "b", 2, seed=3)
    archive.write_archive(tmp_path / "c", 2, seed=4)
    a, b, c = _files(tmp_path / "a"), _files(tmp_path / "b"), _files(tmp_path / "c")
    assert len(a) == 2 * archive.PAGES_PER_ISSUE + 1  # + manifest.yaml
    assert a == b
    assert a.keys() == c.keys()
    assert all(a[name] != c[name] for name in a if name != "manifest.yaml")


def test_one_more_issue_leaves_the_others_as_they_were(tmp_path):
    archive.write_archive(tmp_path / "a", 2, seed=1)
    archive.write_archive(tmp_path / "b", 3, seed=1)
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert {k: v for k, v in b.items() if k in a and k != "manifest.yaml"} == \
        {k: v for k, v in a.items() if k != "manifest.yaml"}


def test_manifest_loads_and_pages_segment_like_their_sample(tmp_path):
    paths = archive.write_archive(tmp_path, 2, seed=1, start=dt.date(2024, 2, 28))
    entries = load_manifest(tmp_path / "dumps" / "manifest.yaml")
    assert [e.file.name for e in entries] == [p.name for p in paths]
    assert {e.meta.date for e in entries} == {dt.date(2024, 2, 28), dt.date(2024, 2, 29)}
    assert sorted({e.meta.page for e in entries}) == list(range(1, 9))
    assert all(e.meta.publication == archive.PUBLICATION and e.meta.page_name for e in entries)

    expected = {name: sorted(a.title for a in segment(read_dump(ROOT / "dumps" / name, None)).articles)
                for name in (archive.FRONT, archive.INSIDE)}
    bodies, orders, authors = [], set(), set()
    for path in paths:
        meta = meta_for(entries, path)
        seg = segment(read_dump(path, meta))
        titles = [a.title for a in seg.articles]
        # Whole articles moved: the same articles as the sample page, none lost or split.
        assert sorted(titles) == expected[archive.FRONT if meta.page % 2 else archive.INSIDE], path.name
        orders.add(tuple(titles))
        bodies += ["\n".join(b.text for b in a.body) for a in seg.articles]
        authors.update(name for a in seg.articles for name in a.authors)
    assert len(bodies) == 2 * (4 * 6 + 4 * 9)
    assert len(set(bodies)) == len(bodies), "two generated articles have the same body"
    assert len(orders) > 4, "article order is not shuffled"
    pool = set(archive.name_pool()[2] + archive.name_pool()[3])
    assert len(authors) > 20 and authors <= pool
