"""Tests of the Japanese class of ``names.organisation-mismatch``: a Japanese
place or body written in characters in the Chinese, romanized in the
English as something no reading of its characters gives.  Every name here
is invented or a textbook example."""

import pytest

from lintkit.testing import lint
from plugins.lintkit_names.japanese import is_romanized, reads_as, starts_with_reading
from plugins.lintkit_names.japanese_names import chinese_names

RULE = "names.organisation-mismatch"


@pytest.mark.parametrize(
    "word, name",
    [
        ("Matsumoto", "松本"),
        ("Tokyo", "东京"),  # tou-kyou, long vowels shortened; 东 read as its traditional form
        ("Osaka", "大阪"),  # oo(kii): a kun reading without its ending
        ("Miyazaki", "宫崎"),  # saki voiced after the first character (rendaku)
        ("Ogawa", "小川"),
        ("Nippon", "日本"),  # nichi + hon: a doubled consonant
        ("Hokkaido", "北海道"),
        ("Shimbashi", "新桥"),  # n written m before b
        ("Hiroshima", "广岛"),
        ("Ohno", "大野"),  # a long o written oh
    ],
)
def test_romanizations_that_read_their_names(word, name):
    assert reads_as(word, name)


@pytest.mark.parametrize("word, name", [("Matsuyama", "松本"), ("Kawasaki", "川西"), ("Songben", "松本")])
def test_romanizations_that_do_not(word, name):
    assert not reads_as(word, name)


def test_a_misreading_begins_with_the_first_characters_reading():
    assert starts_with_reading("Matsuyama", "松本")  # matsu, then not moto
    assert not starts_with_reading("Yamamoto", "松本")


def test_hepburn_words():
    assert is_romanized("Matsumoto") and is_romanized("Hokkaido") and is_romanized("Tōkyō")
    assert not is_romanized("Medical") and not is_romanized("Songben") and not is_romanized("Ono")


def test_chinese_names_after_japan_end_at_generic_words():
    text = "日本松本市立医院和日本传统的乡村，以及日本的医疗中心"
    names = chinese_names(text, 0, len(text))
    assert [(n.name, sorted(n.heads), n.phrase) for n in names] == [("松本", ["医院"], "松本市立医院")]


FIRES = """某地医院访问团考察报告

本文分析了日本松本市立医院的导视设计。

This report studies the signage of Matsuyama City Hospital of Japan.

松本市立医院的标识以绿色为主。
"""


def test_a_misread_name_is_reported_with_the_chinese_name():
    (f,) = lint(FIRES, RULE)
    assert f.start.line == 5
    assert "“Matsuyama” is no Japanese reading of 松本" in f.message
    assert "日本松本市立医院" in f.message
    assert f.related[0].message == "Chinese name 松本市立医院"
    assert f.fix is None  # no other English spelling of the name to offer


def test_the_right_spelling_elsewhere_is_the_fix():
    text = FIRES + "\nFigure 2. Matsumoto City Hospital, the east wing\n\n图 2 松本市立医院东楼\n"
    (f,) = lint(text, RULE)
    assert f.start.line == 5 and "writes “Matsumoto” elsewhere" in f.message
    assert f.fix.edits[0].replacement == "Matsumoto"


@pytest.mark.parametrize(
    "english",
    [
        "Matsumoto City Hospital of Japan",  # right
        "Songben City Hospital of Japan",  # pinyin: another kind of slip, not this rule's
        "Matsuyama Port, a day's drive away",  # renders no head of the Chinese name
    ],
)
def test_quiet(english):
    assert lint(FIRES.replace("Matsuyama City Hospital of Japan", english), RULE) == []


def test_a_second_place_named_in_the_chinese_is_not_a_misreading():
    text = FIRES.replace("松本市立医院的标识以绿色为主。", "松本市立医院的标识借鉴了松山的做法。")
    assert lint(text, RULE) == []


def test_no_japan_no_comparison():
    # without 日本 the characters may be a Chinese place (松本 is read Songben there)
    assert lint(FIRES.replace("日本松本市立医院", "松本市立医院"), RULE) == []
