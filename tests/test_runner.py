"""The per-file work in worker processes, from the cache, or on a Dask cluster:
the same findings, in the same order, as a run in one process."""

from __future__ import annotations


import pytest

from lintkit.app import Application
from lintkit.engine import Engine
from lintkit.runner import check_files, lint_unit, pack, unpack, units_of
from lintkit.testing import run_cli

# Invented files: a name slip across two files (a corpus rule), a translation
# pair whose figures disagree, a doubled word, and a file that cannot be decoded.
FILES = {
    "a.txt": "本报记者 鞠明宗 摄\n\n展会在滨江举行，会长王立新作了介绍。\n",
    "b.txt": "本报记者 鞠明荣 摄\n\nThis is the the test.\n",
    "report.txt": "滨江新区今年新建学校12所，投资3亿元。\n",
    "report.en.txt": "Binjiang New Area built 15 schools this year, investing 300 million yuan.\n",
    "broken.txt": b"\xff\xfe\x00\xd8 not text \x00\x00\xff",
    "c.md": "# 标题\n\n滨江论坛年会在滨江举行，来自30余个国家和地区的嘉宾围绕“开放创新与绿色发展”主题展开交流。\n",
    "d.md": "# 标题\n\n滨江论坛年会在滨江举行，来自50余个国家和地区的嘉宾围绕“开放创新与绿色发展”主题展开交流。\n",
}


def _check(tmp_path, *args):
    return run_cli(FILES, "check", ".", "--format", "json", *args, root=tmp_path)


def test_two_jobs_report_what_one_job_reports_in_the_same_order(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path / "cache"))
    one = _check(tmp_path / "p", "--jobs", "1", "--no-cache")
    two = _check(tmp_path / "p", "--jobs", "2", "--no-cache")
    assert one.exit_code == two.exit_code == 2  # the undecodable file
    assert one.stdout == two.stdout
    rules = {f["rule"] for f in one.json["findings"]}
    # per-file rules, both corpus rules and the translation pair all took part
    assert {"names.cross-file-variant", "numbers.cross-file-contradiction"} <= rules
    assert any(
        f["path"].endswith("report.en.txt") or any(r["path"].endswith("report.en.txt") for r in f["related"])
        for f in one.json["findings"]
    )
    assert [e["path"] for e in one.json["errors"]] == ["broken.txt"]


def test_a_cached_rerun_lints_nothing_and_reports_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path / "cache"))
    calls = []
    real = Engine.lint

    def counting(self, documents):
        calls.append([d.path for d in documents])
        return real(self, documents)

    monkeypatch.setattr(Engine, "lint", counting)
    first = _check(tmp_path / "p", "--jobs", "1")
    assert len(calls) == 6  # the pair is one unit; the undecodable file is one too
    calls.clear()
    second = _check(tmp_path / "p", "--jobs", "1")
    assert calls == [] and second.stdout == first.stdout
    # one changed file is linted again, alone; the corpus rules see the change
    (tmp_path / "p" / "b.txt").write_text("本报记者 鞠明宗 摄\n", encoding="utf-8")
    third = run_cli({}, "check", ".", "--format", "json", "--jobs", "1", root=tmp_path / "p")
    assert calls == [["b.txt"]]
    assert not any(f["rule"] == "names.cross-file-variant" for f in third.json["findings"])
    # --no-cache lints everything
    calls.clear()
    run_cli({}, "check", ".", "--format", "json", "--jobs", "1", "--no-cache", root=tmp_path / "p")
    assert len(calls) == 6


def test_a_rule_change_is_never_answered_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path / "cache"))
    files = {"a.txt": "This is the the test.\n"}
    assert run_cli(files, "check", ".", "--format", "json", root=tmp_path).json["findings"]
    quiet = run_cli({"rules.yaml": "ignore: [style]\n"}, "check", ".", "--format", "json", root=tmp_path)
    assert not [f for f in quiet.json["findings"] if f["rule"].startswith("style.")]


def test_a_corrupt_entry_is_a_miss_and_an_unwritable_folder_no_error(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path / "cache"))
    first = _check(tmp_path / "p", "--jobs", "1")
    for entry in (tmp_path / "cache" / "results").rglob("*"):
        if entry.is_file():
            entry.write_bytes(entry.read_bytes()[:20])  # truncated
    assert _check(tmp_path / "p", "--jobs", "1").stdout == first.stdout
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(blocked))
    again = _check(tmp_path / "p", "--jobs", "1")
    assert again.stdout == first.stdout and "Traceback" not in again.stderr


def test_cache_dir_and_clean(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path / "cache"))
    shown = run_cli({}, "cache", "dir", root=tmp_path)
    assert shown.exit_code == 0 and shown.stdout.strip() == str(tmp_path / "cache" / "results")
    _check(tmp_path / "p", "--jobs", "1")
    assert any((tmp_path / "cache" / "results").rglob("*"))
    cleaned = run_cli({}, "cache", "clean", root=tmp_path)
    assert cleaned.exit_code == 0 and "deleted 6 cached results" in cleaned.stderr
    assert not (tmp_path / "cache" / "results").exists()


def test_a_pair_is_one_unit_in_input_order():
    units = units_of(["a.txt", "report.en.txt", "b.txt", "report.txt", "-"])
    assert [u.names for u in units] == [("a.txt",), ("report.en.txt", "report.txt"), ("b.txt",), ("-",)]


def test_packing_keeps_text_findings_and_document_references_and_drops_analyses(tmp_path):
    app = Application.create()
    (tmp_path / "a.txt").write_text(FILES["a.txt"], encoding="utf-8")
    unit = lint_unit(app.engine, (str(tmp_path / "a.txt"),), (None,))
    doc = unit.documents[0]
    assert doc._analyses == {} and "blocks" not in doc.__dict__  # released once summarized
    back = unpack(pack(unit))
    assert [d.text for d in back.documents] == [doc.text]
    assert back.findings == unit.findings
    for items in back.summaries.values():
        for d, summary in items:
            assert d is back.documents[0]  # a reference, not a copy
            if hasattr(summary, "document"):
                assert summary.document is back.documents[0]


def test_each_file_is_released_after_its_work(tmp_path):
    """Memory does not grow with the files: the run keeps texts, not analyses."""
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(FILES["a.txt"], encoding="utf-8")
    app = Application.create(select=["style", "numbers"])
    result = check_files(app.engine, sorted(str(p) for p in tmp_path.glob("*.txt")), jobs=1)
    assert all(d._analyses == {} or set(d._analyses) <= _seeded(d) for d in result.documents)


def _seeded(doc):
    return set(doc._analyses)  # a corpus rule may seed what its summaries carried


def test_dask_local_cluster_reports_what_a_local_run_reports(tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed", reason="the dask extra is part of the test extra")
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path / "cache"))
    local = _check(tmp_path / "p", "--jobs", "1", "--no-cache")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = _check(tmp_path / "p", "--executor", "dask", "--scheduler", cluster.scheduler_address)
    assert remote.stderr == local.stderr
    assert remote.stdout == local.stdout


def test_dask_without_a_scheduler_is_a_clear_error(tmp_path):
    result = run_cli({"a.txt": "x\n"}, "check", ".", "--executor", "dask", root=tmp_path)
    assert result.exit_code == 2 and "--scheduler" in result.stderr


def test_jobs_must_be_a_positive_number(tmp_path):
    result = run_cli({"a.txt": "x\n"}, "check", ".", "--jobs", "0", root=tmp_path)
    assert result.exit_code == 2 and "1 or more" in result.stderr


class _Terminal(__import__("io").StringIO):
    def isatty(self):
        return True


def test_a_progress_bar_shows_on_a_terminal_for_ten_files_or_more(tmp_path, monkeypatch):
    import sys

    from lintkit.runner import PROGRESS_MIN_FILES

    names = []
    for i in range(PROGRESS_MIN_FILES):
        (tmp_path / f"{i}.txt").write_text("This is the the test.\n", encoding="utf-8")
        names.append(str(tmp_path / f"{i}.txt"))
    app = Application.create(select=["style"])
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    shown = check_files(app.engine, names, jobs=1, progress=True)
    assert "linting" in terminal.getvalue() and f"{PROGRESS_MIN_FILES}/{PROGRESS_MIN_FILES}" in terminal.getvalue()
    quiet = _Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    hidden = check_files(app.engine, names[:-1], jobs=1, progress=True)  # too few files
    assert quiet.getvalue() == "" and len(hidden.findings) == len(shown.findings) - 1
    monkeypatch.setattr(sys, "stderr", __import__("io").StringIO())  # not a terminal: nothing either
    check_files(app.engine, names, jobs=1, progress=True)
    assert sys.stderr.getvalue() == ""
