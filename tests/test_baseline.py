import json

from lintkit.cli import main

SLIP = "以赛促产,以赛促产。\n"


def check(*args):
    return main(["check", "--select", "style", *args])


def test_baseline_hides_recorded_findings_even_when_lines_move(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(SLIP, encoding="utf-8")
    assert check("a.txt", "--write-baseline", "base.json") == 0
    recorded = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert [e["rule"] for e in recorded["findings"]] == ["style.repeated-phrase"]
    assert check("a.txt", "--baseline", "base.json") == 0

    # the old slip moved down a line and a new one appeared: only the new one counts
    (tmp_path / "a.txt").write_text("新的一行。\n" + SLIP + "It is the the end.\n", encoding="utf-8")
    capsys.readouterr()
    assert check("a.txt", "--baseline", "base.json", "--format", "json") == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["line"], f["message"]) for f in findings] == [(3, '"the" is repeated')]


def test_one_more_occurrence_than_recorded_is_new(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(SLIP, encoding="utf-8")
    check("a.txt", "--write-baseline", "base.json")
    (tmp_path / "a.txt").write_text(SLIP + SLIP, encoding="utf-8")
    capsys.readouterr()
    assert check("a.txt", "--baseline", "base.json", "--format", "json") == 1
    assert len(json.loads(capsys.readouterr().out)["findings"]) == 1


def test_a_file_that_is_not_a_baseline_is_an_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(SLIP, encoding="utf-8")
    (tmp_path / "base.json").write_text("{}", encoding="utf-8")
    assert check("a.txt", "--baseline", "base.json") == 2
    assert "not a lintkit baseline" in capsys.readouterr().err
    assert check("a.txt", "--baseline", "missing.json") == 2


def test_a_count_in_the_message_changing_does_not_bring_a_finding_back(tmp_path, monkeypatch, capsys):
    # "spelled X (1×) but Y (2×)" becomes "(3×)" when the article names the person once more
    monkeypatch.chdir(tmp_path)
    text = "会长王建明表示，要合作。\n王建明会长指出，要创新。\n会上，会长王健明作报告。\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert main(["check", "--select", "names.spelling-variant", "a.txt", "--write-baseline", "base.json"]) == 0
    (tmp_path / "a.txt").write_text(text + "会长王建明强调，要持续推进。\n", encoding="utf-8")
    capsys.readouterr()
    assert (
        main(["check", "--select", "names.spelling-variant", "a.txt", "--baseline", "base.json", "--format", "json"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_a_baseline_is_found_from_another_folder(tmp_path, monkeypatch, capsys):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(SLIP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert check("docs/a.txt", "--write-baseline", "base.json") == 0
    monkeypatch.chdir(tmp_path / "docs")
    capsys.readouterr()
    assert check("a.txt", "--baseline", "../base.json", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_a_version_1_baseline_is_still_read(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(SLIP, encoding="utf-8")
    old = {
        "lintkit-baseline": 1,
        "findings": [
            {"path": "a.txt", "rule": "style.repeated-phrase", "message": "“以赛促产” is repeated", "text": "以赛促产"}
        ],
    }
    (tmp_path / "base.json").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert check("a.txt", "--baseline", "base.json", "--format", "json") == 0


def test_a_baseline_written_before_a_rule_was_split_still_hides_its_findings(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    text = "本数据集时间跨度为2020–2022年。\n数据集时间跨度为2019–2022年。\n观测数据的时间跨度为2020–2022年。\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    args = ("a.txt", "--select", "numbers.odd-year-range")
    assert main(["check", *args, "--write-baseline", "base.json"]) == 0
    data = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert [e["rule"] for e in data["findings"]] == ["numbers.odd-year-range"]
    # as the release before the split wrote it: the rule's former id
    data["findings"][0]["rule"] = "numbers.contradiction"
    (tmp_path / "base.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", *args, "--baseline", "base.json"]) == 0
    data["findings"][0]["rule"] = "numbers.part-count"  # another rule's id hides nothing
    (tmp_path / "base.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", *args, "--baseline", "base.json"]) == 1
