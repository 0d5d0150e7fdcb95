"""Tests of the ``names`` plugin: fixtures of our own, docstring examples, the seeds."""

import pathlib

import pytest
import regex

from lintkit import Document
from lintkit.analysis.names import names, names_analysis
from lintkit.testing import lint, lint_documents, registry

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "names"
SPELLING = "names.spelling-variant"
ROMAN = "names.romanization-mismatch"
ENGLISH = "names.english-variant"
CROSS = "names.cross-file-variant"
ALL = [SPELLING, ROMAN, ENGLISH, CROSS]


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def flagged(findings, rule=None):
    return [(f.rule, f.message) for f in findings if rule is None or f.rule == rule]


# -- the shared analysis -------------------------------------------------------


def test_analysis_finds_names_by_cue():
    doc = Document(fixture("variant_roles.txt"), "a.txt")
    found = doc.analysis(names)
    counts = {n: len(ms) for n, ms in found.by_name.items()}
    assert counts["王建明"] == 3
    assert counts["王剑明"] == 1
    assert counts["赵海涛"] == 2
    assert "林可欣" in counts  # the byline
    assert {m.cue for m in found.by_name["王建明"]} >= {"role-before", "role-after"}
    # computed once, shared
    assert doc.analysis(names) is found


def test_analysis_credit_answer_and_list():
    doc = Document(
        "记者：问题是什么？\n\n张明远：答案在这里。\n\n张明远：还有一点。\n\n"
        "院士王海涛、李春生、赵小东参加会议。\n\n新华社记者 周国华 摄\n",
        "a.txt",
    )
    found = doc.analysis(names)
    cues = {m.text: m.cue for m in found.mentions}
    assert cues["张明远"] == "answer"
    assert cues["周国华"] == "credit"
    assert cues["李春生"] == "list" and cues["赵小东"] == "list"
    assert "记者" not in cues


def test_analysis_skips_common_words_and_places():
    doc = Document("江西：六大成果。\n\n专家强调，要加强合作。顾问表示赞同。\n", "a.txt")
    assert doc.analysis(names).mentions == []


def test_analysis_name_cut_by_page_break_is_not_a_name():
    doc = Document("会上，会长刘建\n国作总结讲话。\n", "a.txt")
    assert "刘建" not in doc.analysis(names).by_name


def test_user_dictionary(tmp_path):
    d = tmp_path / "names.txt"
    d.write_text("欧阳子涵 10 nr\n", encoding="utf-8")
    doc = Document("欧阳子涵出席了会议并发言。\n", "a.txt")
    found = doc.analysis(names_analysis(str(d)))
    assert "欧阳子涵" in found.by_name
    assert names_analysis(str(d)) is names_analysis(str(d))
    from lintkit.analysis.tokens import jieba_tokenizer

    # one rule's option does not change jieba for the rest of the process
    assert "欧阳子涵" not in jieba_tokenizer().FREQ


# -- names.spelling-variant ----------------------------------------------------


def test_spelling_variant_homophone_and_shared_role():
    findings = lint(fixture("variant_roles.txt"), SPELLING)
    got = sorted((f.start.line, f.message.split(" ")[2]) for f in findings)
    assert got == [(11, "王剑明"), (13, "赵海清")]
    f = next(f for f in findings if "王剑明" in f.message)
    assert "王建明 (3×)" in f.message
    assert f.fix is not None and str(f.fix.applicability) == "display"
    assert f.fix.edits[0].replacement == "王建明"
    assert [r.message for r in f.related] == ["spelled 王建明 here (3×)"]


def test_spelling_variant_traps_stay_quiet():
    # 王志发/王金宝 differ in two characters; two academicians; homophones
    # side by side in one sentence; a name cut by a line break.
    assert lint(fixture("variant_traps.txt"), SPELLING) == []


def test_spelling_variant_interview_answers():
    findings = lint(fixture("interview.txt"), SPELLING)
    assert [(f.start.line, f.start.column) for f in findings] == [(13, 1)]
    assert "刘泽" in findings[0].message and "刘洋 (3×)" in findings[0].message


def test_two_character_names_in_different_articles_are_not_merged():
    text = (
        "春耕时节田间忙\n\n■ 张伟\n\n本报讯 农民在田间劳作。\n\n"
        "机器人展示穿针引线\n\n■ 张梅\n\n本报讯 机器人在穿针引线。\n\n"
        "展会开幕\n\n■ 张伟\n\n本报讯 展会开幕。\n"
    )
    assert len(Document(text, "a.txt").articles) == 3
    assert lint(text, SPELLING) == []


def test_min_occurrences_and_accepted_variants():
    text = fixture("variant_roles.txt")
    assert not [f for f in lint(text, SPELLING, options={"min-occurrences": 4})]
    quiet = lint(text, SPELLING, options={"accepted-variants": ["王建明 王剑明"]})
    assert [f.message.split(" ")[2] for f in quiet] == ["赵海清"]


def test_different_people_in_english_are_not_merged():
    text = (
        "院士风采\n\n■ 林可欣\n\n会长李德仁表示，要重视基础研究。会长李德仁指出，要加强合作。\n\n"
        "会上，会长李德毅作报告。\n\n"
        "Summary: Li Deren and Li Deyi spoke at the meeting.\n"
    )
    assert lint(text, SPELLING) == []
    # without the English evidence the shared role links them
    assert len(lint(text.replace("Li Deyi", "others"), SPELLING)) == 1


# -- names.romanization-mismatch -----------------------------------------------


def test_romanization_mismatch_fires():
    findings = lint(fixture("romanization.txt"), ROMAN)
    assert len(findings) == 1
    f = findings[0]
    assert "Wang Jianning" in f.message and "王建明" in f.message and "Wang Jianming" in f.message
    assert f.start.line == 7


def test_romanization_accepts_order_hyphens_heteronyms_and_non_pinyin():
    assert lint(fixture("romanization_ok.txt"), ROMAN) == []


def test_romanization_allow_list():
    assert lint(fixture("romanization.txt"), ROMAN, options={"accepted-romanizations": ["Wang Jianning"]}) == []
    assert lint(fixture("romanization.txt"), ROMAN, options={"accepted-romanizations": ["Wang Jianning=王建明"]}) == []
    assert len(lint(fixture("romanization.txt"), ROMAN, options={"accepted-romanizations": ["Li Ming"]})) == 1


def test_romanization_ignores_unrelated_surnames():
    text = "会议召开\n\n■ 林可欣\n\n会长王建明表示，要加强合作。\n\nSummary: President Zhang Jianning spoke.\n"
    assert lint(text, ROMAN) == []


# -- names.english-variant ----------------------------------------------------


def test_acronym_losing_a_letter():
    findings = [f for f in lint(fixture("acronym.txt"), ENGLISH) if f.message.startswith("acronym")]
    # BPST lost a letter of the defined BAPST; CAS/CASS, NSA/NASA are never compared
    assert [(f.start.line, f.message.split(" ")[1]) for f in findings] == [(3, "BPST")]
    assert findings[0].fix.edits[0].replacement == "BAPST"


def test_english_given_name_changes_within_article():
    findings = lint(fixture("english_name.txt"), ENGLISH)
    assert len(findings) == 1
    assert "Wang Jianmin " in findings[0].message and "Wang Jianming" in findings[0].message
    # Li Deren and Li Deyi are two people of the article: not reported
    assert not any("Li De" in f.message for f in findings)


# -- names.cross-file-variant --------------------------------------------------


def docs(*names_):
    return [Document(fixture(n), str(FIXTURES / n)) for n in names_]


def test_cross_file_photo_credit():
    result = lint_documents(docs("credit_a.txt", "credit_b.txt", "credit_c.txt"), CROSS)
    assert len(result.findings) == 1
    f = result.findings[0]
    assert f.path.endswith("credit_b.txt") and "鞠明荣" in f.message
    assert [r.path.endswith("credit_a.txt") for r in f.related] == [True]
    assert f.fix is None  # a tie: the editor decides, no suggestion


def test_cross_file_option_off_and_single_file():
    off = lint_documents(docs("credit_a.txt", "credit_b.txt"), CROSS, {"compare-across-files": False})
    assert off.findings == []
    assert lint_documents(docs("credit_b.txt"), CROSS).findings == []


# -- docstring examples --------------------------------------------------------


def _examples(doc: str) -> tuple[str, str]:
    parts = {}
    for label in ("fires", "does not fire"):
        m = regex.search(rf"Example that {label}[^\n]*:\n\n((?:    .*\n|\n)+)", doc + "\n")
        parts[label] = "\n".join(line.strip() for line in m.group(1).splitlines() if line.strip()) + "\n"
    return parts["fires"], parts["does not fire"]


@pytest.mark.parametrize("rule_id", [SPELLING, ROMAN, ENGLISH])
def test_docstring_examples(rule_id):
    rule = registry().rules[rule_id]
    fires, quiet = _examples(rule.doc)
    if rule_id == ROMAN:
        fires = "会议\n\n■ 林可欣\n\n" + fires
        quiet = "会议\n\n■ 林可欣\n\n" + quiet
    assert lint(fires, rule_id), f"{rule_id}: the example that fires is quiet"
    assert lint(quiet, rule_id) == [], f"{rule_id}: the example that does not fire fires"


def test_rules_are_registered_with_documentation():
    rules = registry().rules
    for rule_id in ALL:
        assert rule_id in rules and rules[rule_id].plugin
        doc = rules[rule_id].doc
        assert "Example that fires" in doc and "Options" in doc


# -- the seeds -----------------------------------------------------------------


def test_seed_magazine_president_variants(seed_magazine):
    doc = Document.from_path(seed_magazine)
    result = lint_documents([doc], [SPELLING, ROMAN, ENGLISH])
    spelling = [f for f in result.findings if f.rule == SPELLING]
    spelt = sorted({f.message.split(" ")[2] for f in spelling})
    assert spelt == ["张钺", "段沐毅", "段洙毅", "段涑毅"]
    assert len(spelling) == 12
    assert all("段冰毅" in f.message for f in spelling if "段" in f.message)
    roman = [f for f in result.findings if f.rule == ROMAN]
    assert len(roman) == 5 and all("Duan Miyi" in f.message for f in roman)
    assert any("Duan Bingyi" in f.message for f in roman)
    # names.english-variant selects the acronym and organisation checks split out of it
    english = [f for f in result.findings if f.rule in (ENGLISH, "names.acronym-variant", "names.organisation-variant")]
    assert {f.message.split(" ")[1] for f in english if f.message.startswith("acronym")} == {"CAPST"}
    assert len(english) == 5  # CAPST 3×, the association's name without "International" 2×
    assert sum("“International”" in f.message for f in english) == 2
    # two different people sharing a surname are never merged
    assert not any("王金宝" in f.message or "李德仁" in f.message for f in result.findings)


def test_seed_corpus_cross_file(seeds):
    documents = [Document.from_path(p) for p in sorted(seeds.glob("*.txt"))]
    result = lint_documents(documents, CROSS)
    assert len(result.findings) == 1
    assert "鞠焕" in result.findings[0].message


def test_organisation_name_losing_a_word():
    findings = [f for f in lint(fixture("acronym.txt"), ENGLISH) if "organisation" in f.message]
    assert [(f.start.line, f.start.column) for f in findings] == [(9, 5)]
    assert "“Industrial”" in findings[0].message
    assert findings[0].fix.edits[0].replacement == "Shanghai Industrial Technology Association"
    # CAS / CASS: both defined, never compared
    assert not any("Social" in f.message or "Academy" in f.message for f in findings)


# -- the English veto needs two different romanizations ------------------------


def test_shared_romanization_does_not_veto_a_homophone():
    # 辉 and 晖 are both "hui": "Zhou Minghui" is the pinyin of both
    # spellings, so the English cannot tell them apart as two people.
    findings = lint(fixture("shared_romanization.txt"), SPELLING)
    assert [(f.start.line, f.message.split(" ")[2]) for f in findings] == [(9, "周明晖")]
    assert "周明辉 (2×)" in findings[0].message


def test_distinct_in_english_requires_one_romanization_per_spelling():
    from lintkit_names.evidence import distinct_in_english

    def doc(english):
        return Document(f"会议\n\n■ 陈雨桐\n\n本报讯 会议召开。\n\nSummary: {english}\n", "a.txt")

    shared = doc("Zhou Minghui spoke.")
    assert not distinct_in_english([shared], "周明辉", "周明晖")
    two = doc("Zhou Minghui and Zhou Minghua spoke.")
    assert distinct_in_english([two], "周明辉", "周明华")
    # one side only: not enough
    assert not distinct_in_english([shared], "周明辉", "周明华")
    # the shared one and a second that is also the pinyin of both
    assert not distinct_in_english([doc("Zhou Minghui and ZHOU Minghui spoke.")], "周明辉", "周明晖")
    # across documents
    assert distinct_in_english([shared, doc("Zhou Minghua spoke.")], "周明辉", "周明华")


# -- speed: name tags and pinyin without jieba.posseg or pypinyin --------------


def test_block_tokens_match_posseg_words_and_name_tags():
    from lintkit.analysis.tokens import block_tokens, pos_tags
    from lintkit.model.language import EN

    checked = 0
    for text in (fixture("tagging.txt"), fixture("variant_roles.txt"), fixture("interview.txt")):
        doc = Document(text, "a.txt")
        for bi, block in enumerate(doc.blocks):
            if block.lang == EN:
                continue
            light = [(t.text, t.start, t.end, t.pos.startswith("nr")) for t in block_tokens(doc, bi)]
            full = [(t.text, t.start, t.end, t.pos.startswith("nr")) for t in pos_tags(doc, bi)]
            assert light == full
            checked += len(full)
            assert block_tokens(doc, bi) is block_tokens(doc, bi)  # cached
    assert checked > 100
    # chunk_tokens: the same tokens, cut from the run around one offset only
    from lintkit.analysis.tokens import chunk_tokens

    for text in (fixture("tagging.txt"), fixture("interview.txt")):
        doc, fresh = Document(text, "a.txt"), Document(text, "a.txt")
        for bi, block in enumerate(doc.blocks):
            if block.lang == EN:
                continue
            whole = block_tokens(doc, bi)
            for offset in range(block.start, block.end):
                part = chunk_tokens(fresh, bi, offset)
                assert chunk_tokens(doc, bi, offset) == part  # sliced from the cached block
                assert all(t in whole for t in part)
                assert not part or part[0].start <= offset < part[-1].end
    doc = Document(fixture("tagging.txt"), "a.txt")
    assert chunk_tokens(doc, 0, doc.text.index("，")) == []  # punctuation
    s = doc.text.index("喻子玘")  # the run between "、" and "。"
    e = doc.text.index("。", s)
    got = chunk_tokens(doc, 0, s + 1)
    assert got == [t for t in block_tokens(doc, 0) if s <= t.start and t.end <= e]
    assert got[0].start == s and got[-1].end == e
    tags = {t.text: t.pos for t in block_tokens(doc, 0)}
    assert tags["王建明"].startswith("nr")  # in jieba's dictionary as a name
    assert tags["会长"] == ""  # a dictionary word, not a name
    assert tags["2024"] == "m" and tags["AI"] == "eng"


def test_name_tag():
    from lintkit.analysis.tokens import name_tag

    assert name_tag("王建明").startswith("nr")
    assert name_tag("强调") == ""
    assert name_tag("喻子玘") is None  # not in the dictionary


def test_disk_cache(tmp_path):
    from lintkit.analysis.tokens import disk_cache

    calls = []

    def build():
        calls.append(1)
        return {"a": "b"}

    assert disk_cache("t", "k1", build, str(tmp_path)) == {"a": "b"}
    assert disk_cache("t", "k1", build, str(tmp_path)) == {"a": "b"}
    assert len(calls) == 1  # read back from disk
    assert disk_cache("t", "k2", build, str(tmp_path)) == {"a": "b"}
    assert len(calls) == 2  # another key, another file
    files = list(tmp_path.glob("lintkit.t.*.cache"))
    assert len(files) == 2
    for f in files:
        f.write_bytes(b"\x00garbage")
    assert disk_cache("t", "k1", build, str(tmp_path)) == {"a": "b"}
    assert len(calls) == 3  # a corrupt file is rebuilt
    missing = tmp_path / "no" / "such" / "folder"
    assert disk_cache("t", "k1", build, str(missing)) == {"a": "b"}  # unwritable: built, not cached


def test_pinyin_table_agrees_with_pypinyin():
    from pypinyin import Style, lazy_pinyin, pinyin

    from lintkit.analysis.names import default_pinyin, pinyin_readings, pinyin_syllables
    from lintkit_names.evidence import display_pinyin

    for char in "单曾解朴区冰涛滔辉晖绿王明乐长行":
        expected = {r.lower() for g in pinyin(char, style=Style.NORMAL, heteronym=True, v_to_u=False) for r in g}
        assert pinyin_readings(char) == expected, char
    assert pinyin_readings("单") >= {"dan", "shan", "chan"}
    assert pinyin_readings("a") == frozenset()
    for text in ("冰清", "长春", "朝阳", "乐", "行健", "单于", "重庆", "海涛"):
        assert list(default_pinyin(text)) == lazy_pinyin(text, style=Style.NORMAL), text
    syl = pinyin_syllables()
    assert {"zhuang", "lv", "a", "er"} <= syl and "ê" not in syl and len(syl) > 380
    assert display_pinyin("王冰清") == "Wang Bingqing"
    assert display_pinyin("曾乐行") == "Zeng " + "".join(lazy_pinyin("乐行", style=Style.NORMAL)).capitalize()


def test_names_rules_never_import_posseg_or_pypinyin():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from lintkit import Document\n"
        "from lintkit.testing import lint_documents\n"
        f"text = open({str(FIXTURES / 'romanization.txt')!r}, encoding='utf-8').read()\n"
        f"text += open({str(FIXTURES / 'variant_roles.txt')!r}, encoding='utf-8').read()\n"
        "r = lint_documents([Document(text, 'a.txt')], "
        f"{[SPELLING, ROMAN, ENGLISH]!r})\n"
        "assert any(f.rule == 'names.romanization-mismatch' for f in r.findings), r.findings\n"
        "print('jieba.posseg' in sys.modules, 'pypinyin' in sys.modules, 'jieba' in sys.modules,\n"
        "      'pkg_resources' in sys.modules)\n"
    )
    # the first process may build the pinyin table (from pypinyin); the second reads it
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
    # nor pkg_resources, which jieba imports only to open its files (~90 ms)
    assert out.stdout.split() == ["False", "False", "True", "False"]


def test_a_verb_of_meeting_closes_a_name_after_a_role():
    doc = Document("昨天，某部副部长钱卫东召见某国驻华大使。\n", "a.txt")
    cues = {m.text: m.cue for m in doc.analysis(names).mentions}
    assert cues == {"钱卫东": "role-before"}
