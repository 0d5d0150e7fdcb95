"""The `lintkit` command through a real subprocess: exit codes, formats, discovery."""

import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
RULE = "style.repeated-phrase"
DEFECT = "以赛促产,以赛促产。\n"  # column 6..10 is the repetition
CLEAN = "这是一篇干净的文章。\n"
ANSI = "\x1b["


def run(args, cwd, stdin=None, env=None):
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "LINTKIT_TRACE_HOOKS")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "lintkit", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=60,
    )


def out(proc):
    return proc.stdout.decode("utf-8")


def err(proc):
    return proc.stderr.decode("utf-8")


@pytest.fixture
def work(tmp_path):
    """A folder with its own rules.yaml that runs only the repeated-phrase rule."""
    (tmp_path / "rules.yaml").write_text(f"select: [{RULE}]\n", encoding="utf-8")
    return tmp_path


def check(work, *args, **kw):
    return run(["check", *args], work, **kw)


# -- exit codes -------------------------------------------------------------------------


def test_exit_0_when_clean(work):
    (work / "a.txt").write_text(CLEAN, encoding="utf-8")
    p = check(work, "a.txt")
    assert p.returncode == 0, err(p)
    assert "No findings in 1 file." in out(p)


def test_exit_1_on_warning(work):
    (work / "a.txt").write_text(DEFECT, encoding="utf-8")
    assert check(work, "a.txt").returncode == 1


@pytest.mark.parametrize("fail_on, code", [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on(work, fail_on, code):
    (work / "a.txt").write_text(DEFECT, encoding="utf-8")
    assert check(work, "a.txt", "--fail-on", fail_on).returncode == code


def test_fail_on_from_config_and_cli_override(work):
    (work / "rules.yaml").write_text(f"select: [{RULE}]\nfail-on: error\n", encoding="utf-8")
    (work / "a.txt").write_text(DEFECT, encoding="utf-8")
    assert check(work, "a.txt").returncode == 0
    assert check(work, "a.txt", "--fail-on", "warning").returncode == 1


def test_severity_override_makes_error(work):
    (work / "rules.yaml").write_text(f"select: [{RULE}]\nseverity:\n  style: error\n", encoding="utf-8")
    (work / "a.txt").write_text(DEFECT, encoding="utf-8")
    p = check(work, "a.txt", "--fail-on", "error", "--format", "json")
    assert p.returncode == 1
    assert json.loads(out(p))["findings"][0]["severity"] == "error"


def test_exit_2_on_missing_path(work):
    p = check(work, "nope.txt")
    assert p.returncode == 2
    assert "nope.txt: no such file or folder" in out(p)


def test_exit_2_on_usage_error(work):
    p = check(work, "--fail-on", "sometimes")
    assert p.returncode == 2 and "usage:" in err(p)
    assert run([], work).returncode == 2


def test_exit_2_on_unknown_format(work):
    (work / "a.txt").write_text(CLEAN, encoding="utf-8")
    p = check(work, "a.txt", "--format", "xml")
    assert p.returncode == 2 and "unknown --format 'xml'" in err(p) and "json" in err(p)


def test_exit_2_on_config_error_names_line(work):
    (work / "rules.yaml").write_text("select: [style]\nignore:\n  - style.repeted-phrase\n", encoding="utf-8")
    (work / "a.txt").write_text(CLEAN, encoding="utf-8")
    p = check(work, "a.txt")
    assert p.returncode == 2
    assert "rules.yaml:3:" in err(p) and f"did you mean '{RULE}'" in err(p)
    assert out(p) == ""


def test_config_is_found_walking_up(work):
    sub = work / "a" / "b"
    sub.mkdir(parents=True)
    (work / "rules.yaml").write_text(f"select: [{RULE}]\nfail-on: never\n", encoding="utf-8")
    (sub / "x.txt").write_text(DEFECT, encoding="utf-8")
    p = run(["check", "x.txt"], sub)
    assert p.returncode == 0 and RULE in out(p)


def test_explicit_config_wins(work, tmp_path_factory):
    other = tmp_path_factory.mktemp("cfg") / "strict.yaml"
    other.write_text(f"ignore: [{RULE}]\n", encoding="utf-8")
    (work / "a.txt").write_text(DEFECT, encoding="utf-8")
    assert check(work, "a.txt", "--config", str(other)).returncode == 0
    p = check(work, "a.txt", "--config", str(other.with_name("missing.yaml")))
    assert p.returncode == 2 and "cannot read" in err(p)


def test_cli_select_and_ignore_override_config(work):
    (work / "rules.yaml").write_text("ignore: [style]\n", encoding="utf-8")
    (work / "a.txt").write_text(DEFECT, encoding="utf-8")
    assert check(work, "a.txt").returncode == 0
    # --select replaces the file's select, but the file's ignore of the prefix
    # is less specific than the explicit id on the command line.
    assert check(work, "a.txt", "--select", RULE).returncode == 1
    (work / "rules.yaml").write_text(f"select: [{RULE}]\n", encoding="utf-8")
    assert check(work, "a.txt", "--ignore", "style").returncode == 0


def test_cli_unknown_selector_is_error(work):
    (work / "a.txt").write_text(CLEAN, encoding="utf-8")
    p = check(work, "a.txt", "--select", "style.repeated-phrse")
    assert p.returncode == 2 and f"did you mean '{RULE}'" in err(p)


# -- json ----------------------------------------------------------------------------------


FINDING_KEYS = {"rule", "severity", "path", "line", "column", "end_line", "end_column", "message", "related", "fix"}


def test_json_shape_and_character_columns(work):
    # astral and CJK characters before the span: columns count code points
    (work / "a.txt").write_text("标题\n𠀀𠀀好,以赛促产,以赛促产。\n", encoding="utf-8")
    p = check(work, "a.txt", "--format", "json")
    assert p.returncode == 1
    data = json.loads(out(p))
    assert set(data) == {"findings", "errors"}
    assert data["errors"] == []
    (f,) = data["findings"]
    assert set(f) == FINDING_KEYS
    assert f["rule"] == RULE and f["severity"] == "warning" and f["path"] == "a.txt"
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (2, 10, 2, 14)
    assert isinstance(f["message"], str) and f["related"] == []
    fix = f["fix"]
    assert set(fix) == {"applicability", "description", "edits"}
    assert fix["applicability"] == "safe"
    (edit,) = fix["edits"]
    assert set(edit) == {"line", "column", "end_line", "end_column", "replacement"}
    assert (edit["line"], edit["column"], edit["end_column"], edit["replacement"]) == (2, 9, 14, "")


def test_json_errors_shape(work):
    (work / "good.txt").write_text(DEFECT, encoding="utf-8")
    (work / "bin.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary")
    p = check(work, "good.txt", "bin.txt", "--format", "json")
    assert p.returncode == 2
    data = json.loads(out(p))
    assert len(data["findings"]) == 1 and data["findings"][0]["path"] == "good.txt"
    (e,) = data["errors"]
    assert e["kind"] == "input" and e["path"] == "bin.txt" and "cannot decode" in e["message"]
    assert set(e) == {"kind", "message", "path", "rule", "plugin"}
    assert e["rule"] is None and e["plugin"] is None
    assert "bin.txt" in err(p)


def test_json_empty_run(work):
    (work / "a.txt").write_text(CLEAN, encoding="utf-8")
    assert json.loads(out(check(work, "a.txt", "--format", "json"))) == {"findings": [], "errors": []}


def test_json_findings_sorted_across_files(work):
    (work / "b.txt").write_text(DEFECT, encoding="utf-8")
    (work / "a.txt").write_text(CLEAN + DEFECT + DEFECT, encoding="utf-8")
    data = json.loads(out(check(work, ".", "--format", "json")))
    keys = [(f["path"], f["line"]) for f in data["findings"]]
    assert keys == sorted(keys) and len(keys) == 3


# -- github ------------------------------------------------------------------------------------


def test_github_format(work):
    (work / "a.txt").write_text(DEFECT, encoding="utf-8")
    p = check(work, "a.txt", "--format", "github")
    assert out(p).splitlines() == [
        f"::warning file=a.txt,line=1,col=6,endLine=1,endColumn=10,title={RULE}::“以赛促产” is repeated"
    ]


def test_github_format_errors(work):
    (work / "bin.txt").write_bytes(b"\x00\x00\x00\x01")
    lines = out(check(work, "bin.txt", "--format", "github")).splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("::error file=bin.txt::bin.txt: cannot decode: ")


# -- text --------------------------------------------------------------------------------------


def test_text_output(work):
    (work / "b.txt").write_text(DEFECT, encoding="utf-8")
    (work / "a.txt").write_text("It was in the the city.\n" + DEFECT, encoding="utf-8")
    p = check(work, "a.txt", "b.txt")
    text = out(p)
    assert ANSI not in text  # not a TTY
    lines = text.splitlines()
    # grouped per file: a header line per file, in order
    assert lines[0] == "a.txt"
    assert "b.txt" in lines and lines.index("b.txt") > lines.index("a.txt")
    assert 'a.txt:1:15: warning style.repeated-phrase "the" is repeated' in lines
    # the caret line underlines the span (wide characters take two cells)
    i = lines.index("b.txt:1:6: warning style.repeated-phrase “以赛促产” is repeated")
    assert lines[i + 1] == "  1 | 以赛促产,以赛促产。"
    assert lines[i + 2] == "    | " + " " * 9 + "^" * 8
    assert lines[-1] == "0 errors, 3 warnings, 0 info in 2 of 2 files"


def test_text_output_color_only_when_asked(work):
    (work / "a.txt").write_text(DEFECT, encoding="utf-8")
    assert ANSI in out(check(work, "a.txt", "--color", "always"))
    assert ANSI not in out(check(work, "a.txt", "--color", "auto"))


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_text_color_on_tty_and_no_color(work):
    import pty  # noqa: F401 - only to be sure the platform has ptys

    (work / "a.txt").write_text(DEFECT, encoding="utf-8")

    def on_tty(env):
        master, slave = os.openpty()
        try:
            full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | env
            proc = subprocess.run(
                [sys.executable, "-m", "lintkit", "check", "a.txt"],
                cwd=work,
                stdout=slave,
                stderr=subprocess.PIPE,
                env=full_env,
                timeout=60,
            )
            os.close(slave)
            slave = None
            chunks = []
            while True:
                try:
                    data = os.read(master, 4096)
                except OSError:
                    break
                if not data:
                    break
                chunks.append(data)
            return proc.returncode, b"".join(chunks).decode("utf-8", "replace")
        finally:
            if slave is not None:
                os.close(slave)
            os.close(master)

    code, text = on_tty({})
    assert code == 1 and ANSI in text
    code, text = on_tty({"NO_COLOR": "1"})
    assert code == 1 and ANSI not in text and RULE in text


def test_text_errors_and_summary(work):
    (work / "a.txt").write_text(CLEAN, encoding="utf-8")
    (work / "bin.txt").write_bytes(b"\x00\x01")
    p = check(work, "a.txt", "bin.txt")
    assert p.returncode == 2
    text = out(p)
    assert "error: bin.txt: cannot decode" in text
    assert text.splitlines()[-1].endswith("1 error stopped part of the run")


# -- stdin, discovery, encodings ----------------------------------------------------------


def test_stdin(work):
    p = check(work, "-", "--format", "json", stdin=DEFECT.encode("utf-8"))
    assert p.returncode == 1
    assert json.loads(out(p))["findings"][0]["path"] == "<stdin>"
    p = check(work, "-", "--stdin-filename", "story.txt", "--format", "json", stdin=DEFECT.encode("gbk"))
    assert json.loads(out(p))["findings"][0]["path"] == "story.txt"


def test_stdin_markdown_name_uses_markdown_blocks(work):
    text = "```\n以赛促产,以赛促产。\n```\n"
    assert check(work, "-", stdin=text.encode()).returncode == 1
    assert check(work, "-", "--stdin-filename", "x.md", stdin=text.encode()).returncode == 0


def test_folder_discovery_skips_hidden_excluded_and_other_suffixes(work):
    (work / "rules.yaml").write_text(f"select: [{RULE}]\nexclude: ['drafts', '*.min.md']\n", encoding="utf-8")
    for rel in [
        "a.txt",
        "sub/b.md",
        ".hidden/c.txt",
        "sub/.git/d.txt",
        "drafts/e.txt",
        "sub/drafts/f.txt",
        "g.min.md",
        "h.html",
        "i.TXT",
    ]:
        path = work / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DEFECT, encoding="utf-8")
    data = json.loads(out(check(work, ".", "--format", "json")))
    paths = sorted(pathlib.PurePath(f["path"]).as_posix() for f in data["findings"])
    assert paths == ["a.txt", "i.TXT", "sub/b.md"]


def test_explicit_file_of_any_suffix_is_linted(work):
    (work / "notes.text").write_text(DEFECT, encoding="utf-8")
    assert check(work, "notes.text").returncode == 1


def test_encodings_through_the_cli(work):
    (work / "gbk.txt").write_bytes(DEFECT.encode("gbk"))
    (work / "u16.txt").write_bytes("\ufeff".encode("utf-16-le") + DEFECT.encode("utf-16-le"))
    (work / "bom.txt").write_bytes(b"\xef\xbb\xbf" + DEFECT.encode("utf-8"))
    data = json.loads(out(check(work, ".", "--format", "json")))
    assert sorted((f["path"], f["column"]) for f in data["findings"]) == [
        ("bom.txt", 6),
        ("gbk.txt", 6),
        ("u16.txt", 6),
    ]


def test_forced_encoding(work):
    (work / "a.txt").write_bytes(DEFECT.encode("utf-16-le"))  # no BOM: not detected
    p = check(work, "a.txt")
    assert p.returncode == 2 and "cannot decode" in out(p)
    assert check(work, "a.txt", "--encoding", "utf-16-le").returncode == 1
    (work / "b.txt").write_bytes(DEFECT.encode("gbk"))
    p = check(work, "b.txt", "--encoding", "utf-8")
    assert p.returncode == 2 and "not valid utf-8" in out(p)
    p = check(work, "b.txt", "--encoding", "klingon")
    assert p.returncode == 2 and "unknown encoding" in out(p)


def test_undecodable_file_does_not_stop_the_others(work):
    (work / "a.txt").write_text(DEFECT, encoding="utf-8")
    (work / "b.txt").write_bytes(bytes(range(256)))
    (work / "c.txt").write_text(DEFECT, encoding="utf-8")
    data = json.loads(out(p := check(work, ".", "--format", "json")))
    assert p.returncode == 2
    assert sorted(f["path"] for f in data["findings"]) == ["a.txt", "c.txt"]
    assert [e["path"] for e in data["errors"]] == ["b.txt"]


# -- rules, plugins, inspect --------------------------------------------------------------------


def test_rules_list(work):
    p = run(["rules"], work)
    assert p.returncode == 0, err(p)
    lines = out(p).splitlines()
    assert lines[0].split()[:5] == ["RULE", "SEVERITY", "PLUGIN", "STATUS", "SUMMARY"]
    row = next(line for line in lines if line.startswith(RULE))
    assert row.split()[1:4] == ["warning", "style", "on"]
    assert "repeated by mistake" in row


def test_rules_list_reflects_config(work):
    (work / "rules.yaml").write_text("ignore: [style]\nseverity:\n  style: error\n", encoding="utf-8")
    row = next(line for line in out(run(["rules"], work)).splitlines() if line.startswith(RULE))
    assert row.split()[1:4] == ["error", "style", "off"]


def test_rules_one(work):
    p = run(["rules", RULE], work)
    assert p.returncode == 0
    text = out(p)
    assert text.startswith(f"{RULE}  (plugin style, default severity warning, scope ")
    assert "Options:" in text and "allow" in text
    p = run(["rules", "style.repeted"], work)
    assert p.returncode == 2 and "no rule" in err(p)


def test_plugins(work):
    p = run(["plugins"], work)
    assert p.returncode == 0, err(p)
    lines = out(p).splitlines()
    style = next(line for line in lines if line.startswith("style "))
    assert "0.1.0" in style and "register_rules" in style
    assert any(line.startswith("lintkit.reporters ") and "register_reporters" in line for line in lines)


def test_inspect(work):
    (work / "m.txt").write_text(
        "湖边的清晨\n\nMorning by the Lake\n\n文 / 林晓\n\n清晨，湖面起雾。\n", encoding="utf-8"
    )
    p = run(["inspect", "m.txt", "--blocks"], work)
    assert p.returncode == 0
    text = out(p)
    assert "m.txt: utf-8, " in text and "4 blocks, plain text" in text
    assert "1 article, genre magazine\n" in text and "#1 lines 1-7: 湖边的清晨" in text
    assert "byline      L5     林晓" in text
    assert "en-headline L3" in text
    p = run(["inspect", "missing.txt"], work)
    assert p.returncode == 2


def test_inspect_a_translation_pair_and_its_alignment(work):
    (work / "r.zh.txt").write_text("年会召开\n\n今年共有120家企业参会。\n\n会议签署了5项协议。\n", encoding="utf-8")
    (work / "r.en.txt").write_text(
        "Annual Meeting Held\n\nThis year 120 companies attended.\n\nThe meeting signed 5 agreements.\n",
        encoding="utf-8",
    )
    p = run(["inspect", "r.zh.txt", "--align"], work)
    assert p.returncode == 0, err(p)
    text = out(p)
    assert "genre parallel, translated in r.en.txt" in text
    assert "en-translationr.en.txt:L3" in text.replace(" ", "") or "r.en.txt:L3" in text
    assert "↳ L3     今年共有120家企业参会。" in text


def test_check_compares_a_translation_pair_and_points_into_both_files(work):
    (work / "r.zh.txt").write_text("年会召开\n\n今年共有120家企业参会。\n\n会议签署了5项协议。\n", encoding="utf-8")
    (work / "r.en.txt").write_text(
        "Annual Meeting Held\n\nThis year 120 companies attended.\n\nThe meeting signed 7 agreements.\n",
        encoding="utf-8",
    )
    p = run(["check", "r.zh.txt", "r.en.txt", "--format", "json", "--select", "numbers"], work)
    found = json.loads(out(p))["findings"]
    (f,) = [f for f in found if f["rule"] == "numbers.zh-en-mismatch"]
    assert (f["path"], f["line"]) == ("r.en.txt", 5)
    assert f["related"][0]["path"] == "r.zh.txt" and f["related"][0]["line"] == 5
    # named differently, paired explicitly
    (work / "a.txt").write_text((work / "r.zh.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (work / "b.txt").write_text((work / "r.en.txt").read_text(encoding="utf-8"), encoding="utf-8")
    p = run(["check", "a.txt", "b.txt", "--pair", "a.txt:b.txt", "--format", "json", "--select", "numbers"], work)
    assert [(f["path"], f["line"]) for f in json.loads(out(p))["findings"]] == [("b.txt", 5)]
    p = run(["check", "a.txt", "b.txt", "--format", "json", "--select", "numbers"], work)
    assert json.loads(out(p))["findings"] == []


def test_pairs_in_rules_yaml(work):
    (work / "rules.yaml").write_text("pairs:\n  - a.txt:b.txt\n", encoding="utf-8")
    (work / "a.txt").write_text("会议签署了5项协议。\n", encoding="utf-8")
    (work / "b.txt").write_text("The meeting signed 7 agreements.\n", encoding="utf-8")
    p = run(["check", "a.txt", "b.txt", "--format", "json", "--select", "numbers"], work)
    assert [(f["path"], f["line"]) for f in json.loads(out(p))["findings"]] == [("b.txt", 1)]
    (work / "rules.yaml").write_text("pairs:\n  - a.txt\n", encoding="utf-8")
    p = run(["check", "a.txt"], work)
    assert p.returncode == 2 and "rules.yaml:2: pairs: 'a.txt' is not CHINESE_FILE:ENGLISH_FILE" in err(p)


def test_version(work):
    p = run(["--version"], work)
    assert p.returncode == 0 and out(p).startswith("lintkit ")


def test_fix_of_stdin_prints_the_fixed_text_and_never_writes_the_stdin_filename(work):
    (work / "story.txt").write_text(CLEAN, encoding="utf-8")
    p = check(work, "-", "--stdin-filename", "story.txt", "--fix", "--select", RULE, stdin=DEFECT.encode("utf-8"))
    assert p.returncode == 0 and out(p) != DEFECT and "以赛促产,以赛促产" not in out(p)  # the fixed text
    assert "applied 1 fix" in err(p)  # the report goes to standard error
    assert (work / "story.txt").read_text(encoding="utf-8") == CLEAN


def test_fix_of_clean_stdin_prints_it_unchanged(work):
    p = check(work, "-", "--fix", "--select", RULE, stdin=CLEAN.encode("utf-8"))
    assert p.returncode == 0 and out(p) == CLEAN


def test_diff_shows_what_fix_would_change_and_writes_nothing(work):
    (work / "a.txt").write_text(DEFECT, encoding="utf-8")
    (work / "b.txt").write_text(CLEAN, encoding="utf-8")
    p = check(work, "a.txt", "b.txt", "--diff", "--select", RULE)
    assert p.returncode == 1
    assert out(p).startswith("--- a.txt\n+++ a.txt\n@@") and "b.txt" not in out(p)
    assert (work / "a.txt").read_text(encoding="utf-8") == DEFECT
    assert check(work, "b.txt", "--diff", "--select", RULE).returncode == 0


def test_inspect_seed_magazine(seed_magazine, tmp_path):
    p = run(["inspect", str(seed_magazine)], tmp_path)
    assert p.returncode == 0
    text = out(p)
    assert "\n29 articles, genre magazine\n" in text
    block = text.split("从航天大国到空天强国的战略跃迁\n", 1)[1].split("\n\n", 1)[0]
    assert "byline      L903   王世明" in block
    assert "en-summary  L934   In 2026, China's" in block


def test_packaged_default_config_is_used_without_rules_yaml(tmp_path):
    if any((p / "rules.yaml").is_file() for p in (tmp_path.resolve(), *tmp_path.resolve().parents)):
        pytest.skip("a rules.yaml exists above the temporary folder")
    (tmp_path / "a.txt").write_text(DEFECT, encoding="utf-8")
    (tmp_path / "b.min.md").write_text(DEFECT, encoding="utf-8")  # excluded by the packaged default
    p = run(["check", ".", "--select", RULE, "--format", "json"], tmp_path)
    assert p.returncode == 1, err(p)
    assert [f["path"] for f in json.loads(out(p))["findings"]] == ["a.txt"]


def test_inspect_names_lists_the_cast(work):
    (work / "c.txt").write_text(
        "示范区主任陈思远表示，今年将新建两座公园。\n主任陈思达介绍，公园将于年底开放。\n", encoding="utf-8"
    )
    p = run(["inspect", "c.txt", "--names"], work)
    assert p.returncode == 0, err(p)
    text = out(p)
    assert "2 names found" in text
    assert "陈思远    1×  L1  — role before; roles: 主任" in text


def test_inspect_references_shows_entries_and_markers(work):
    (work / "p.txt").write_text(
        "# 题目\n\n正文引用[1]，又见[3]。\n\n参考文献\n\n"
        "[1] 王明. 标题[J]. 学报, 2020, 3(2): 1-5.\n[2] 李华. 书名[M]. 北京: 科学出版社, 2019.\n",
        encoding="utf-8",
    )
    p = run(["inspect", "p.txt", "--references"], work)
    assert p.returncode == 0, err(p)
    text = out(p)
    assert "[1]" in text and "[2]" in text and "3" in text


def test_an_output_format_that_raises_is_an_error_with_exit_2(work):
    import contextlib
    import io
    import types

    from lintkit import hookimpl
    from lintkit.cli import main
    from lintkit.testing import use_plugin

    def boom(result, *, color=False):
        raise RuntimeError("no")

    plugin = types.SimpleNamespace(register_reporters=hookimpl(lambda register: register("boom", boom)))
    (work / "a.txt").write_text("正文。\n", encoding="utf-8")
    stderr = io.StringIO()
    with use_plugin(plugin, "badfmt"), contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        code = main(["check", str(work / "a.txt"), "--format", "boom"])
    assert code == 2 and "the 'boom' output format failed: RuntimeError: no" in stderr.getvalue()


def test_output_file_statistics_and_exit_zero(work):
    (work / "a.txt").write_text("我们要以学促干，以学促干。\n", encoding="utf-8")
    p = run(
        ["check", "a.txt", "--select", "style", "-o", "report.json", "--format", "json", "--statistics", "--exit-zero"],
        work,
    )
    assert p.returncode == 0 and out(p) == ""
    assert json.loads((work / "report.json").read_text(encoding="utf-8"))["findings"]
    assert "1  warning  style.repeated-phrase" in err(p)


def test_init_writes_a_commented_rules_yaml_once(work):
    p = run(["init", "mine.yaml"], work)
    assert p.returncode == 0 and "time-budget" in (work / "mine.yaml").read_text(encoding="utf-8")
    assert run(["init", "mine.yaml"], work).returncode == 2  # never overwrites without --force
    (work / "a.txt").write_text("正文。\n", encoding="utf-8")
    assert run(["check", "a.txt", "--config", "mine.yaml"], work).returncode == 0  # a valid configuration


def test_quiet_prints_one_line_per_finding_and_nothing_else(work):
    (work / "a.txt").write_text(DEFECT, encoding="utf-8")
    p = check(work, "a.txt", "-q", "--select", RULE)
    assert p.returncode == 1
    assert out(p) == f"a.txt:1:6: warning {RULE} “以赛促产” is repeated\n"
    p = check(work, "a.txt", "-q", "--fix", "--select", RULE)
    assert p.returncode == 0 and out(p) == "" and err(p) == ""


def test_the_command_exits_without_teardown_but_flushes_output_and_runs_exit_handlers(work):
    """``lintkit.cli.run`` ends the process with ``os._exit`` (no freeing of
    every object): all the output is still written, the exit status is
    main's, and ``atexit`` handlers still run."""
    (work / "a.txt").write_text(DEFECT * 200, encoding="utf-8")
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('exit handler ran', file=sys.stderr))\n"
        "sys.argv = ['lintkit', 'check', 'a.txt', '--format', 'json']\n"
        "from lintkit.cli import run\n"
        "run()\n"
        "print('not reached', file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    p = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, env=env, timeout=60)
    assert p.returncode == 1, err(p)
    assert len(json.loads(out(p))["findings"]) == 200
    assert err(p) == "exit handler ran\n"


def test_the_command_tunes_the_garbage_collector_and_main_does_not(work):
    (work / "a.txt").write_text(CLEAN, encoding="utf-8")
    code = (
        "import atexit, gc, sys\n"
        "from lintkit.cli import GC_THRESHOLD, main, run\n"
        "default = gc.get_threshold()\n"
        "main(['check', 'a.txt', '-q'])\n"
        "assert gc.get_threshold() == default and gc.get_freeze_count() == 0\n"
        "atexit.register(lambda: print(gc.get_threshold()[0] == GC_THRESHOLD, gc.get_freeze_count() > 1000))\n"
        "sys.argv = ['lintkit', 'check', 'a.txt', '-q']\n"
        "run()\n"
    )
    p = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, timeout=60)
    assert p.returncode == 0, err(p)
    assert out(p).split() == ["True", "True"]
