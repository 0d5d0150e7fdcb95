"""--fix rewrites files in their own encoding, never corrupts or truncates
them, and leaves alone what it cannot write."""

import codecs
import os
import stat

import pytest

from lintkit.cli import main

SLIP = "以赛为媒,以赛促产,以赛促产。"
FIXED = "以赛为媒,以赛促产。"


def fix(path):
    return main(["check", "--select", "style", "--fix", str(path)])


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: t.encode("gb18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16le", "utf16be", "gb18030"],
)
def test_fix_keeps_encoding_bom_and_line_endings(tmp_path, monkeypatch, encode):
    monkeypatch.chdir(tmp_path)
    original = "标题\r\n" + SLIP + "\r\n结尾，没有问题。\r\n"
    (tmp_path / "a.txt").write_bytes(encode(original))
    assert fix("a.txt") == 0  # fixed, and nothing left to report
    assert (tmp_path / "a.txt").read_bytes() == encode(original.replace(SLIP, FIXED))


def test_fix_is_idempotent_and_leaves_clean_files_untouched(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(SLIP + "\n", encoding="utf-8")
    (tmp_path / "clean.txt").write_text("干净的文本。\n", encoding="utf-8")
    before = os.stat(tmp_path / "clean.txt").st_mtime_ns
    fix(".")
    fix(".")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == FIXED + "\n"
    assert os.stat(tmp_path / "clean.txt").st_mtime_ns == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "clean.txt"]  # no temp files left


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_read_only_file_is_reported_and_left_as_it_was(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "a.txt"
    target.write_text(SLIP + "\n", encoding="utf-8")
    target.chmod(stat.S_IRUSR)
    try:
        assert fix("a.txt") == 2
        assert "read-only" in capsys.readouterr().out
        assert target.read_text(encoding="utf-8") == SLIP + "\n"
    finally:
        target.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_unsafe_fixes_only_with_the_flag(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = "将风险管理与创新深度融合发展深度融合，同时提升。\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert fix("a.txt") == 1  # the repetition with words between is an unsafe fix
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == text
    assert main(["check", "--select", "style", "--fix", "--unsafe-fixes", "a.txt"]) == 0
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "将风险管理与创新深度融合发展，同时提升。\n"


# -- links, a concurrent edit, an interrupted write ------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX links")
def test_fixing_through_a_symlink_fixes_the_target_and_keeps_the_link(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "real.txt").write_text(SLIP + "\n", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to("real.txt")
    assert fix("link.txt") == 0
    assert (tmp_path / "link.txt").is_symlink()
    assert (tmp_path / "real.txt").read_text(encoding="utf-8") == FIXED + "\n"


@pytest.mark.skipif(os.name != "posix", reason="POSIX links")
def test_fixing_a_file_with_two_hard_links_fixes_both_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(SLIP + "\n", encoding="utf-8")
    os.link(tmp_path / "a.txt", tmp_path / "b.txt")
    assert fix("a.txt") == 0
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == FIXED + "\n"
    assert os.stat(tmp_path / "a.txt").st_ino == os.stat(tmp_path / "b.txt").st_ino
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_a_file_changed_after_it_was_read_is_not_overwritten(tmp_path):
    from lintkit.model.document import Document
    from lintkit.fixes import write_document_text

    target = tmp_path / "a.txt"
    target.write_text(SLIP + "\n", encoding="utf-8")
    doc = Document.from_path(target)
    target.write_text(SLIP + "\n编辑刚加的一句。\n", encoding="utf-8")  # someone else's edit
    with pytest.raises(ValueError, match="changed after lintkit read it"):
        write_document_text(doc, FIXED + "\n")
    assert target.read_text(encoding="utf-8") == SLIP + "\n编辑刚加的一句。\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_sigterm_during_a_write_leaves_the_original_and_no_temporary_file(tmp_path, monkeypatch):
    import signal

    from lintkit import fixes
    from lintkit.model.document import Document

    target = tmp_path / "a.txt"
    target.write_text(SLIP + "\n", encoding="utf-8")
    doc = Document.from_path(target)
    real_fsync = os.fsync

    def killed(fd):  # the process is told to stop while the new bytes are being flushed
        real_fsync(fd)
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(fixes.os, "fsync", killed)
    with pytest.raises(SystemExit):
        fixes.write_document_text(doc, FIXED + "\n")
    assert target.read_text(encoding="utf-8") == SLIP + "\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_one_fix_run_reaches_the_fixed_point(tmp_path, monkeypatch):
    # removing one repetition reveals the next: one run of --fix must fix them all
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("以赛促产,以赛促产,以赛促产,以赛促产。\n", encoding="utf-8")
    assert fix("a.txt") == 0
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "以赛促产。\n"
