"""Tests of ``names.organisation-mismatch``: an organisation's English name or
acronym against its Chinese name."""

import pathlib

import pytest

from lintkit import Document
from lintkit.testing import lint, lint_documents
from plugins.lintkit_names.organisations import (
    acronym_letter_missing,
    chinese_names_in,
    english_words,
    extra_words,
    missing_morphemes,
    pairings,
    segment_name,
)

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "names" / "organisations"
RULE = "names.organisation-mismatch"
VARIANT = "names.english-variant"
# english-variant's acronym and organisation checks, now rules of their own (the old id selects them)
SPLIT_FROM_VARIANT = ("names.acronym-variant", "names.organisation-variant")


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def found(name: str, rules=RULE):
    return [(f.rule, f.start.line, f.message) for f in lint(fixture(name), rules, path=name)]


# -- the glossary ------------------------------------------------------------------


def test_segment_name_stops_at_unknown_words_and_leading_particles():
    morphs, complete = segment_name("如国际标准化组织")
    assert [m.text for m in morphs] == ["国际", "标准化", "组织"]
    assert complete  # 如 is a particle before the name
    morphs, complete = segment_name("摩擦学者协会")
    assert morphs[-1].text == "协会"
    assert not complete  # 摩擦 is not in the glossary: the name may go on


def test_two_names_joined_by_a_conjunction_are_two_names():
    text = "广东国际科技协会与广东科技协会联合举办论坛"
    names = [n for _, n, _, _ in chinese_names_in(text, 0, len(text))]
    assert "广东国际科技协会" in names and "广东科技协会" in names
    assert "广东国际科技协会与广东科技协会" not in names


def test_missing_and_extra_words():
    morphs, _ = segment_name("上海国际科技促进会")
    en = english_words("Shanghai Association for Promotion of Science and Technology")
    assert missing_morphemes(morphs, en) == [("国际", "International")]
    en_ok = english_words("Shanghai International Association for Promotion of Science and Technology")
    assert missing_morphemes(morphs, en_ok) == []
    assert extra_words("科技促进会", english_words("International Association of Technology")) == ["International"]
    assert extra_words("北京科技协会", english_words("Peking Association of Technology")) == []
    assert extra_words("科技协会", english_words("Beijing Association of Technology")) == ["Beijing"]


def test_acronym_letter_missing_only_for_a_key_word_of_the_chinese_name():
    morphs, _ = segment_name("上海国际科技促进会")
    words = english_words("Shanghai International Association for Promotion of Science and Technology")
    assert acronym_letter_missing("SAPST", words, morphs) == ("International", "国际", "SIAPST")
    assert acronym_letter_missing("SIAPST", words, morphs) is None
    # a lost letter of a word the glossary does not render: no report
    morphs2, _ = segment_name("国际海洋协会")
    assert acronym_letter_missing("IA", english_words("International Marine Association"), morphs2) is None


# -- fixtures: positive --------------------------------------------------------------


def test_label_pairing_missing_word_fires():
    got = lint(fixture("label_missing.txt"), RULE)
    assert len(got) == 1
    assert "lacks International (国际)" in got[0].message
    assert "上海国际海洋科技协会" in got[0].message
    assert got[0].related and "上海国际海洋科技协会" in got[0].related[0].message


def test_parenthesis_pairings_fire():
    got = found("parenthesis.txt")
    messages = [m for _, _, m in got]
    assert len(messages) == 3, messages
    assert any("lacks Tianjin (天津)" in m for m in messages)  # place name via pypinyin
    assert any(m.startswith("acronym ZAPAT has no letter for “International”") for m in messages)
    (acr,) = [f for f in lint(fixture("parenthesis.txt"), RULE) if f.message.startswith("acronym")]
    assert acr.fix.applicability == "display" and acr.fix.edits[0].replacement == "ZIAPAT"
    assert any("adds International" in m and "中国材料学会" in m for m in messages)


def test_acronym_used_for_the_chinese_name_elsewhere_pairs_the_english_name():
    got = lint(fixture("acronym_elsewhere.txt"), RULE)
    assert len(got) == 1  # one report, not one per pairing route
    assert got[0].start.line == 5
    assert "lacks Science" in got[0].message and "浙江省科学技术协会" in got[0].message


def test_article_english_summary_against_the_chinese_body():
    got = lint(fixture("article.txt"), RULE)
    assert len(got) == 1
    f = got[0]
    assert f.start.line == 7
    assert "“Guangdong Association of Science and Technology” lacks International (国际)" in f.message


# -- fixtures: negative -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["label_ok.txt", "parenthesis_ok.txt", "article_ambiguous.txt"])
def test_quiet_fixtures(name):
    assert found(name) == []


def test_no_double_report_of_what_english_variant_reports():
    text = fixture("english_variant_overlap.txt")
    both = lint(text, [RULE, VARIANT])
    variant = [f for f in both if f.rule in SPLIT_FROM_VARIANT]
    mine = [f for f in both if f.rule == RULE]
    assert variant, "english-variant should report the short spelling"
    assert mine == []
    # without english-variant's finding the same span would be reported
    from plugins.lintkit_names.rules import organisation_mismatch as om

    doc = Document(text, "x.txt")
    doc._analyses[om._english_variant_spans] = []
    problems = list(om.organisation_mismatch.check(doc, {"accepted-names": []}))
    assert [text[p.start : p.end] for p in problems] == ["Shanghai Association of Science and Technology"]


def test_head_words_translated_freely_and_established_acronyms_are_quiet():
    text = (
        "本报讯 中国计算机学会（China Computer Federation, CCF）与国际标准化组织"
        "（International Organization for Standardization, ISO）签约。\n"
    )
    assert lint(text, RULE) == []


def test_pairings_are_found_for_each_form():
    doc = Document(fixture("parenthesis.txt") + fixture("acronym_elsewhere.txt"), "x.txt")
    hows = sorted({p.how for p in pairings(doc)})
    assert hows == ["acronym", "parenthesis"]
    doc2 = Document(fixture("label_ok.txt"), "y.txt")
    (p,) = pairings(doc2)
    assert p.how == "label" and p.cn == "上海国际海洋科技协会" and p.acr == "SIAMST"


# -- the seeds ------------------------------------------------------------------------


def test_seed_magazine_association_is_paired_and_consistent(seed_magazine):
    doc = Document(seed_magazine.read_text(encoding="utf-8"), str(seed_magazine))
    labels = [p for p in pairings(doc) if p.how == "label"]
    assert any(p.cn == "中国国际科技促进会" and p.acr == "CIAPST" for p in labels)
    # The headline/contents lines naming the association without
    # "International" are english-variant's finding: not reported twice.
    result = lint_documents([doc], [RULE, VARIANT])
    variant_lines = {f.start.line for f in result.findings if f.rule in SPLIT_FROM_VARIANT}
    mine = [f for f in result.findings if f.rule == RULE]
    assert {36, 299} <= variant_lines
    assert mine == []
    # ...and it is the de-duplication that keeps them out: the rule sees them.
    from plugins.lintkit_names.rules import organisation_mismatch as om

    fresh = Document(doc.text, "x.txt")
    fresh._analyses[om._english_variant_spans] = []
    seen = {fresh.position(p.start).line for p in om.organisation_mismatch.check(fresh, {"accepted-names": []})}
    assert seen == {36, 299}


def test_label_describes_the_name_set_off_before_it():
    text = "本报讯 经国家科学技术委员会批准，上海国际科技协会，英文名称 Shanghai Association of Science and Technology，成立于2001年。\n"
    (f,) = lint(text, RULE)
    assert "上海国际科技协会" in f.message and "lacks International" in f.message


def test_english_that_renders_too_little_of_the_chinese_name_is_not_a_pairing():
    # "Marine Research Institute" renders only the head of 上海国际海洋科技研究所.
    text = "本报讯 上海国际海洋科技研究所（Marine Research Institute）发布报告。\n"
    assert lint(text, RULE) == []


def test_accepted_names_option_silences_a_checked_spelling():
    text = fixture("label_missing.txt")
    assert len(lint(text, RULE)) == 1
    accepted = ["Shanghai  Association of Marine Science and Technology"]
    assert lint(text, RULE, options={"accepted-names": accepted}) == []
    assert len(lint(text, RULE, options={"accepted-names": ["Other Name"]})) == 1


def test_place_pinyin_from_the_cached_table_agrees_with_pypinyin():
    from pypinyin import lazy_pinyin

    from lintkit_names.organisations import PLACES, _place_pinyin

    for place in PLACES:
        assert _place_pinyin(place)[0] == "".join(lazy_pinyin(place)).replace("ü", "v"), place
