"""`make test` on a fresh machine first installs what its browser tests and actionlint need
(.ci/test-deps), saying what it does; the system's commands are stand-ins recording their calls."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / ".ci" / "test-deps"


def fake_system(tmp_path: Path, uid: int, have: set[str]) -> tuple[dict, Path]:
    """A PATH of stand-ins: id, apt-get, dpkg-query, playwright (and shellcheck if in ``have``)."""
    bin_dir, log = tmp_path / "bin", tmp_path / "calls.log"
    bin_dir.mkdir()
    for tool in ("grep",):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    stand_ins = {
        "id": f'echo {uid}',
        "apt-get": f'echo "apt-get $*" >> {log}',
        "playwright": f'echo "playwright $*" >> {log}',
        "dpkg-query": 'case " $* " in *" fonts-noto-cjk "*) [ -n "$HAVE_FONTS" ] && printf "install ok installed";; esac; true',
    }
    if "shellcheck" in have:
        stand_ins["shellcheck"] = "true"
    for name, body in stand_ins.items():
        (bin_dir / name).write_text(f"#!/bin/sh\n{body}\n")
        (bin_dir / name).chmod(0o755)
    chromium = bin_dir / "chromium"
    if "chromium" in have:
        chromium.write_text("#!/bin/sh\n")
        chromium.chmod(0o755)
    env = {"PATH": str(bin_dir), "CHROMIUM": str(chromium), "PLAYWRIGHT": str(bin_dir / "playwright"),
           "HAVE_FONTS": "1" if "fonts" in have else ""}
    return env, log


def run(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["/bin/sh", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)


def calls(log: Path) -> list[str]:
    return log.read_text().splitlines() if log.exists() else []


def test_as_root_installs_the_debian_packages_and_says_so(tmp_path):
    env, log = fake_system(tmp_path, 0, set())
    result = run(env)
    assert result.returncode == 0, result.stderr
    assert calls(log) == ["apt-get update -qq",
                          "apt-get install -y -qq chromium chromium-driver fonts-noto-cjk shellcheck"]
    assert "installing what the tests need: chromium chromium-driver fonts-noto-cjk shellcheck" in result.stdout


def test_as_root_installs_only_what_is_missing(tmp_path):
    env, log = fake_system(tmp_path, 0, {"chromium", "fonts"})
    assert run(env).returncode == 0
    assert calls(log) == ["apt-get update -qq", "apt-get install -y -qq shellcheck"]


def test_not_root_fetches_playwrights_chromium_and_says_what_else_to_install(tmp_path):
    env, log = fake_system(tmp_path, 1000, set())
    result = run(env)
    assert result.returncode == 0, result.stderr
    assert calls(log) == ["playwright install chromium"]
    assert "fetching Playwright's Chromium" in result.stdout
    assert "sudo apt-get install fonts-noto-cjk" in result.stdout
    assert "sudo apt-get install shellcheck" in result.stdout


@pytest.mark.parametrize("uid", [0, 1000])
def test_nothing_is_done_or_said_when_all_is_there(tmp_path, uid):
    env, log = fake_system(tmp_path, uid, {"chromium", "fonts", "shellcheck"})
    result = run(env)
    assert result.returncode == 0 and result.stdout == "" and calls(log) == []


def test_make_test_runs_the_step_before_pytest_and_ci_calls_make_test():
    plan = subprocess.run(["make", "-n", "-W", "pyproject.toml", "test"], cwd=REPO, capture_output=True,
                          text=True, timeout=60).stdout.splitlines()
    step = next(i for i, line in enumerate(plan) if ".ci/test-deps" in line)
    tests = next(i for i, line in enumerate(plan) if "-m pytest" in line)
    assert step < tests
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci and "apt-get" not in ci
