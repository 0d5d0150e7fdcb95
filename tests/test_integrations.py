"""The pre-commit hook and the GitHub Action call lintkit the way it works."""

from __future__ import annotations

import pathlib
import shlex

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_the_pre_commit_hook_runs_lintkit_check_on_articles_in_one_run():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "lintkit" and shlex.split(hook["entry"]) == ["lintkit", "check"]
    assert hook["language"] == "python" and hook["require_serial"] is True
    import re

    pattern = re.compile(hook["files"])
    assert pattern.search("issue.txt") and pattern.search("paper.md") and pattern.search("draft.docx")
    assert not pattern.search("setup.py")


def test_the_action_installs_this_repository_and_annotates_with_the_github_format():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    commands = [s.get("run", "") for s in action["runs"]["steps"]]
    assert any("pip install" in c and "github.action_path" in c for c in commands)
    lint = next(c for c in commands if c.startswith("lintkit check"))
    assert "--format github" in lint and "inputs.paths" in lint


def test_the_console_script_the_hook_and_the_action_call_exists():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["lintkit"] == "lintkit.cli:run"
    from lintkit.cli import run

    assert callable(run)
