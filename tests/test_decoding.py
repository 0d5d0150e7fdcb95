"""Every accepted encoding, detection, forcing, and refusal of binary input."""

import codecs

import pytest

from lintkit.model.decoding import DecodeError, decode
from lintkit.model.document import Document
from lintkit.engine import load_documents

TEXT = "科技创新“引领”发展，𠀀 and English.\n第二行。\n"


def test_utf8_without_bom():
    d = decode(TEXT.encode("utf-8"))
    assert (d.text, d.encoding, d.bom) == (TEXT, "utf-8", False)


def test_utf8_with_bom_is_removed_and_remembered():
    d = decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert d.text == TEXT
    assert d.bom and d.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_with_bom(codec, bom):
    d = decode(bom + TEXT.encode(codec))
    assert d.text == TEXT
    assert d.bom
    assert not d.text.startswith("\ufeff")


def test_utf16_position_counts_astral_as_one_column():
    doc = Document.from_bytes(codecs.BOM_UTF16_LE + "𠀀x".encode("utf-16-le"), "a.txt")
    assert doc.position(doc.text.index("x")).column == 2


@pytest.mark.parametrize("codec", ["gb18030", "gbk"])
def test_gb18030_and_gbk_are_detected(codec):
    text = "国际科技促进会在北京举行年会，会议讨论了人工智能标准化。\n"
    d = decode(text.encode(codec))
    assert d.text == text
    assert d.encoding == "gb18030"
    assert not d.bom


def test_short_gbk_text_is_detected():
    assert decode("中文".encode("gbk")).text == "中文"


def test_forced_encoding_is_used():
    data = "科技".encode("gbk")
    assert decode(data, "gbk").text == "科技"
    # forcing a wrong codec is not silently "fixed" by detection
    with pytest.raises(DecodeError, match="not valid utf-8"):
        decode(data, "utf-8")


def test_forced_latin1_reads_what_detection_would_not():
    data = "café".encode("latin-1")
    assert decode(data, "latin-1").text == "café"


def test_forced_encoding_strips_bom():
    d = decode(codecs.BOM_UTF8 + "文".encode("utf-8"), "utf-8")
    assert d.text == "文" and d.bom


def test_unknown_forced_encoding():
    with pytest.raises(DecodeError, match="unknown encoding"):
        decode(b"abc", "no-such-codec")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        bytes(range(256)) * 4,
        b"\x00\x01\x02\x03\x04\x05 some text",
        b"abc\x00def",
    ],
)
def test_binary_is_refused(data):
    with pytest.raises(DecodeError):
        decode(data)


def test_invalid_utf16_after_bom_is_an_error():
    with pytest.raises(DecodeError, match="byte-order mark"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8")  # lone high surrogate


def test_load_documents_keeps_going_after_a_bad_file(tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes("好文章。\n".encode("gbk"))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary\xff\xfe")
    also = tmp_path / "also.txt"
    also.write_text("另一篇。\n", encoding="utf-8")
    docs, errors = load_documents([str(good), str(bad), str(also)])
    assert [d.path for d in docs] == [str(good), str(also)]
    assert docs[0].text == "好文章。\n"
    assert len(errors) == 1
    assert errors[0].kind == "input" and errors[0].path == str(bad)
    assert "cannot decode" in errors[0].message


def test_missing_file_is_an_input_error(tmp_path):
    docs, errors = load_documents([str(tmp_path / "nope.txt")])
    assert docs == [] and errors[0].kind == "input"


def test_a_few_control_characters_do_not_make_text_binary():
    from lintkit.model.decoding import decode

    text = "正文第一段。\x1b[0m 终端里粘来的转义。\x0c\n" * 20
    assert decode(text.encode("utf-8")).text == text


def test_binary_is_told_by_what_was_found():
    import pytest

    from lintkit.model.decoding import DecodeError, decode

    with pytest.raises(DecodeError, match="contains NUL bytes"):
        decode(b"abc\x00def")
    with pytest.raises(DecodeError, match="control characters in its first"):
        decode(bytes(range(1, 32)) * 20)


def test_a_codec_that_is_not_a_text_encoding_is_a_clear_error():
    import pytest

    from lintkit.model.decoding import DecodeError, decode

    with pytest.raises(DecodeError, match="'rot13' is not a text encoding"):
        decode(b"abc", "rot13")


# -- Big5 and CP1252 are not read as GB18030 ---------------------------------------------------

_TRADITIONAL = "記者從統計部門獲悉，今年前三季度全港零售業總銷貨價值按年上升，旅遊業復甦帶動消費。\n"
_ENGLISH_1252 = (
    "The café’s “new” menu costs €12 — a naïve résumé of the season, said the chef, who trained in Besançon.\n"
)


def test_big5_is_detected_and_read_right():
    d = decode(_TRADITIONAL.encode("big5"))
    assert d.encoding == "big5" and d.text == _TRADITIONAL


def test_cp1252_english_is_read_as_cp1252_not_gb18030():
    d = decode(_ENGLISH_1252.encode("cp1252"))
    assert d.encoding == "cp1252" and d.text == _ENGLISH_1252


def test_long_gb18030_text_stays_gb18030():
    text = "国际科技促进会在北京举行年会，会议讨论了人工智能标准化和数据治理等议题。\n" * 3
    assert decode(text.encode("gb18030")).encoding == "gb18030"
