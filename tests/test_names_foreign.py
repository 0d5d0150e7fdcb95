"""names.foreign-name-mismatch: a titled foreign person whose English name the
aligned Chinese spells as someone else (invented fixtures, firing and quiet)."""

import pytest

from lintkit.testing import lint
from lintkit_names.transliteration import sounds_like

RULE = "names.foreign-name-mismatch"
HEAD = "2031年5月24日某部发言人主持例行记者会\n\nSpokesperson's Regular Press Conference on May 24, 2031\n\n"


def briefing(zh: str, en: str) -> str:
    return HEAD + zh + "\n\n" + en + "\n"


def test_a_foreign_minister_named_as_someone_else_in_the_english():
    text = briefing("部长同莫雷诺外长举行会谈。", "The minister held talks with Foreign Minister Karl Lindgren.")
    (f,) = lint(text, RULE)
    assert "Karl Lindgren" in f.message and "莫雷诺" in f.message and f.related[0].start.line == 5


def test_the_same_person_transliterated_is_quiet():
    text = briefing("部长同莫雷诺外长举行会谈。", "The minister held talks with Foreign Minister Luis Moreno.")
    assert lint(text, RULE) == []


def test_a_given_name_chinese_uses_for_the_person_is_quiet():
    text = briefing("部长会见了卡洛斯总统。", "The minister met with President Carlos Ortega.")
    assert lint(text, RULE) == []


def test_a_chinese_name_in_pinyin_is_left_to_the_romanization_rule():
    text = briefing(
        "王明外长同莫雷诺外长举行会谈。", "Foreign Minister Wang Ming held talks with Foreign Minister Luis Moreno."
    )
    assert lint(text, RULE) == []
    slip = briefing(
        "王明外长同莫雷诺外长举行会谈。", "Foreign Minister Wang Ning held talks with Foreign Minister Luis Moreno."
    )
    assert lint(slip, RULE) == []


def test_a_chinese_leader_named_by_surname_is_quiet():
    text = briefing("王明主席会见了莫雷诺总统。", "President Wang met with President Luis Moreno.")
    assert lint(text, RULE) == []


def test_a_japanese_name_in_characters_is_not_a_transliteration():
    text = briefing("部长同山田外长举行会谈。", "The minister held talks with Foreign Minister Taro Yamada.")
    assert lint(text, RULE) == []


def test_traditional_characters():
    text = briefing("部長同莫雷諾外長舉行會談。", "The minister held talks with Foreign Minister Karl Lindgren.")
    assert len(lint(text, RULE)) == 1


def test_a_newsroom_adds_a_title():
    text = briefing("部长会见了莫雷诺大使。", "The minister met with Ambassador Karl Lindgren.")
    assert lint(text, RULE) == []
    assert len(lint(text, RULE, options={"titles": {"大使": "Ambassador"}})) == 1


@pytest.mark.parametrize(
    "english, chinese",
    [
        ("Moreno", "莫雷诺"),
        ("Schmidt", "施密特"),
        ("Vargas", "巴尔加斯"),
        ("Petrovic", "彼得罗维奇"),
        ("Brown", "布朗"),
    ],
)
def test_transliterations_sound_like_their_english(english, chinese):
    assert sounds_like(english, chinese)


@pytest.mark.parametrize(
    "english, chinese", [("Dow", "莫雷诺"), ("Lindgren", "莫雷诺"), ("Haddad", "施密特"), ("Rodrigo", "杜特尔特")]
)
def test_other_names_do_not(english, chinese):
    assert not sounds_like(english, chinese)


def test_the_rule_never_imports_pypinyin():
    """Its pinyin comes from lintkit's cached table: pypinyin's import costs
    about 50 MiB and a quarter of a second per process."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from lintkit import Document\n"
        "from lintkit.testing import lint_documents\n"
        f"text = {briefing('部长同莫雷诺外长举行会谈，（双方）达成3项共识。', 'The minister held talks with Foreign Minister Karl Lindgren.')!r}\n"
        f"r = lint_documents([Document(text, 'a.txt')], {RULE!r})\n"
        "assert len(r.findings) == 1, r.findings\n"
        "print('pypinyin' in sys.modules)\n"
    )
    # the first process may build the pinyin table (from pypinyin); the second reads it
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False"]


def test_a_country_before_the_title_is_not_the_persons_name():
    # 克里斯托弗 sounds like nothing in the English; the country 吉尔吉斯斯坦 sounds like "Chingiz"
    zh = "吉尔吉斯斯坦外交部长克里斯托弗将访华。"
    assert lint(briefing(zh, "Foreign Minister Chingiz Lindqvist of the Kyrgyz Republic will visit China."), RULE)
    assert (
        lint(briefing(zh, "Foreign Minister Chingiz Kristoffer of the Kyrgyz Republic will visit China."), RULE) == []
    )


def test_a_surname_of_two_words_transliterated_as_one():
    text = briefing("部长会见了德韦弗首相。", "The minister met with Prime Minister Bart De Wever.")
    assert lint(text, RULE) == []
    slip = briefing("部长会见了德韦弗首相。", "The minister met with Prime Minister Bart Lindgren.")
    assert len(lint(slip, RULE)) == 1


def test_a_japanese_name_in_characters_against_an_english_name_no_japanese_romanization_gives():
    zh = "日本外相山田太郎将率团出席。"
    (f,) = lint(briefing(zh, "Japanese Foreign Minister Taro Lindgren will lead a delegation."), RULE)
    assert "“Taro Lindgren”, which is no Japanese romanization" in f.message and "山田太郎" in f.message
    # any Hepburn spelling is left alone: which reading a given name takes cannot be told
    assert lint(briefing(zh, "Japanese Foreign Minister Taro Yamada will lead a delegation."), RULE) == []
    assert lint(briefing(zh, "Japanese Foreign Minister Tarō Yamata will lead a delegation."), RULE) == []
    # without 日本 before the title, the characters are not known to be a Japanese name
    assert (
        lint(briefing("外相山田太郎将率团出席。", "Foreign Minister Taro Lindgren will lead a delegation."), RULE) == []
    )
