"""Snapshot tests: the whole output of ``lintkit check`` on the bundled
examples and on the development corpus, compared with files kept in
``tests/snapshots/``.

Every change of what lintkit reports — a new finding, a lost one, a message
reworded, a column moved — shows here as a diff to review, not only the
changes a targeted test happens to look at.  After an intended change,
regenerate and review the diff before committing::

    .venv/bin/python -m pytest tests/test_snapshots.py --update-snapshots
    git diff tests/snapshots/
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from lintkit.testing import run_cli

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"


def _compare(name: str, actual: str, request) -> None:
    path = SNAPSHOTS / name
    if request.config.getoption("--update-snapshots"):
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"no snapshot {path.relative_to(ROOT)}: run pytest {__file__} --update-snapshots and review it")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(True), actual.splitlines(True), f"{name} (snapshot)", f"{name} (now)", n=2
            )
        )
        pytest.fail(
            f"output differs from {path.relative_to(ROOT)} (after an intended change: "
            f"--update-snapshots, then review the diff):\n{diff[:6000]}"
        )


def _check(paths, *options) -> str:
    # run in the repository (its rules.yaml), paths as a user there types them
    result = run_cli({}, "check", *paths, "--no-cache", "--jobs", "1", *options, root=ROOT)
    assert result.exit_code in (0, 1), result.stderr
    # where this checkout lives is no part of the output's meaning
    return result.stdout.replace(str(ROOT), "<checkout>")


@pytest.mark.parametrize("fmt,suffix", [("json", "json"), ("text", "txt"), ("sarif", "sarif.json")])
def test_examples(fmt, suffix, request):
    out = _check(["examples"], "--format", fmt, "--color", "never")
    if fmt == "sarif":  # the absolute folder of this checkout is no part of the output's meaning
        data = json.loads(out)
        data["runs"][0].pop("originalUriBaseIds", None)
        out = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    _compare(f"examples.{suffix}", out, request)


def test_corpus(request):
    out = json.loads(_check(["corpus"], "--format", "json"))
    _compare("corpus.json", json.dumps(out, ensure_ascii=False, indent=1) + "\n", request)
