"""Names in the field (invented fixtures, one per class, firing and quiet).

People named without newsroom cues (a spokesperson's answers, people known
only from the English), a misspelling that occurs once against a spelling
that occurs once, a mistyped surname, a one-syllable given name romanized
one letter off — and what must stay quiet: two real people one character
apart, Hong Kong and Taiwan romanizations, ordinary words.
"""

from lintkit.analysis.names import names
from lintkit.model.document import Document
from lintkit.testing import lint

SPELLING = "names.spelling-variant"
ROMAN = "names.romanization-mismatch"

BRIEFING = """\
2024年3月5日外交部发言人林海峰主持例行记者会
Foreign Ministry Spokesperson Lin Haifeng's Regular Press Conference on March 5, 2024
林海峰欢迎各位记者。今天有三项消息发布。
Lin Haifeng Welcome, friends from the press. I have three announcements today.
"""


def test_a_spokesperson_named_without_a_role_word_is_found():
    found = {m.text for m in names(Document(BRIEFING, "b.txt")).mentions}
    assert "林海峰" in found


def test_a_name_written_once_right_and_once_wrong_is_a_tie_reported_without_a_fix():
    text = BRIEFING.replace("林海峰欢迎", "林海锋欢迎")
    (f,) = lint(text, SPELLING, path="b.txt")
    assert "which is right?" in f.message and f.fix is None
    assert {f.start.line, f.related[0].start.line} == {1, 3}


def test_a_tie_the_english_decides_gets_a_fix():
    # one slip in the same singling-out role (主任), and the English spells
    # one of the two: that one is right
    text = (
        "示范区主任陈思远表示，今年将新建两座公园。\n"
        "Chen Siyuan, director of the zone, said two parks would be built this year.\n"
        "主任陈思达介绍，公园将于年底开放。\n"
        "The parks will open at the end of the year, he added.\n"
    )
    (f,) = lint(text, SPELLING, path="z.txt")
    assert f.start.line == 3 and "which the English spells" in f.message
    assert f.fix is not None and f.fix.edits[0].replacement == "陈思远"


def test_a_mistyped_surname_off_the_surname_list_is_reported():
    text = "发言人赵明远表示，双方将加强合作。\n发言人赵明远指出，会谈取得成果。\n肇明远还介绍了访问安排。\n"
    (f,) = lint(text, SPELLING, path="s.txt")
    assert f.start.line == 3 and "surnames" in f.message


def test_two_real_surnames_once_each_are_not_merged():
    # 肖/萧 are both common surnames: one mention each is no evidence of a slip
    text = "研究员肖立群出席会议。\n\n另一场会议上，研究员萧立群作了报告。\n"
    assert lint(text, SPELLING, path="s.txt") == []


def test_two_people_one_character_apart_side_by_side_stay_quiet():
    text = "院士李文涛和院士李文清出席。\n李文涛院士说，合作很重要。\n李文清院士说，要加强交流。\n"
    assert lint(text, SPELLING, path="p.txt") == []


def test_a_one_syllable_given_name_one_letter_off_in_english():
    text = (
        "外交部长陈毅会见来访客人。\nForeign Minister Chen Ye met the visitors.\n"
        "双方讨论了合作。\nThe two sides discussed cooperation.\n"
    )
    (f,) = lint(text, ROMAN, path="r.txt")
    assert "Chen Ye" in f.message and "陈毅" in f.message


def test_a_one_syllable_name_is_not_guessed_when_the_chinese_has_one_that_reads_so():
    # 陈烨 (Chen Ye) is named with no cue the analysis knows: still no finding
    text = (
        "外交部长陈毅会见了陈烨。\nForeign Minister Chen Yi met Chen Ye.\n"
        "双方讨论了合作。\nThe two sides discussed cooperation.\n"
    )
    assert [f for f in lint(text, ROMAN, path="r.txt") if "Chen Ye" in f.message] == []


def test_a_name_known_only_from_the_english_counterpart():
    # named once, with no role or verb: the English "Zhou Mingyuan" confirms it
    text = "今天周明远到访。\nToday Zhou Mingyan visited.\n双方讨论了合作。\nThe two sides discussed cooperation.\n"
    (f,) = lint(text, ROMAN, path="e.txt")
    assert "Zhou Mingyan" in f.message and "周明远" in f.message


def test_hong_kong_and_taiwan_romanizations_stay_quiet():
    text = (
        "发言人张国荣表示，会议顺利。\nSpokesman Cheung Kwok-wing said the meeting went well.\n"
        "双方讨论了合作。\nThe two sides discussed cooperation.\n"
    )
    assert lint(text, ROMAN, path="h.txt") == []


def test_a_rank_before_a_role_is_not_part_of_the_name():
    found = {m.text for m in names(Document("会上，毛晓宁副司长作了报告。\n", "r.txt")).mentions}
    assert "毛晓宁" in found and "毛晓宁副" not in found


def test_ordinary_words_are_not_names():
    text = "推动产业高端化发展。\n产业高端化是方向，高质量发展是目标，高质量发展要坚持。\n"
    assert {m.text for m in names(Document(text, "w.txt")).mentions} == set()


def test_pinyin_surnames_in_capitals_are_not_acronyms():
    text = (
        "参考文献\n[1] 张三. 标题[J]. 学报, 2020, 1(2): 3-4. [ZHANG S. Title[J]. Journal, 2020, 1(2): 3-4.]\n"
        "[2] 詹四. 标题[J]. 学报, 2021, 2(2): 5-6. [ZHAN S. Title[J]. Journal, 2021, 2(2): 5-6.]\n"
        "[3] 张五. 标题[J]. 学报, 2022, 3(2): 7-8. [ZHANG W. Title[J]. Journal, 2022, 3(2): 7-8.]\n"
    )
    assert lint(text, "names.english-variant", path="refs.txt") == []


def test_a_look_alike_slip_against_a_spelling_in_use():
    text = "会长王力军表示，协会将扩大合作。\n会长王力军指出，明年举办年会。\n王力车还介绍了会员情况。\n"
    (f,) = lint(text, SPELLING, path="l.txt")
    assert f.start.line == 3 and "look alike" in f.message


def test_look_alikes_once_each_with_no_other_evidence_stay_quiet():
    text = "工程师王魁参加了测试。\n\n另一组由工程师王魂负责。\n"  # 魁/魂 look alike, sound unalike
    assert lint(text, SPELLING, path="l.txt") == []


def test_a_dictionary_name_inside_other_words_is_no_name():
    # 马奔腾 is a name in jieba's dictionary; in 骏马奔腾 it is a horse
    text = "封面\n骏马奔腾迎新春\n\n正文里再说骏马奔腾迎新春。\n"
    assert "马奔腾" not in {m.text for m in names(Document(text, "h.txt")).mentions}


def test_a_transliterated_foreign_name_respelt_once():
    text = (
        "博物馆馆长梅根·豪厄尔·史密斯表示，展览将持续一年。\n"
        "梅根·豪厄尔·史密斯说，藏品来自各地。\n梅根·好厄尔·史密斯还介绍了开放时间。\n"
    )
    (f,) = lint(text, SPELLING, path="t.txt")
    assert f.start.line == 3 and "豪 and 好 sound alike" in f.message.replace("好 and 豪", "豪 and 好")


def test_two_foreign_names_that_differ_in_sound_stay_quiet():
    text = "约翰·史密斯和约翰·斯密特出席。\n约翰·史密斯发言。\n"
    assert lint(text, SPELLING, path="t.txt") == []


def test_a_slip_before_a_vice_role_is_found():
    text = (
        "外交部发言人林海峰主持例行记者会。\nForeign Ministry Spokesperson Lin Haifeng held a press conference.\n"
        "请大家支持林海锋副司长的工作。\nPlease support Deputy Director Lin Haifeng.\n"
    )
    (f,) = lint(text, SPELLING, path="v.txt")
    assert f.start.line == 3


# -- evidence that links two spellings (one class each, firing and quiet) ------------


def test_a_surname_slipped_along_a_fuzzy_pinyin_confusion_is_reported():
    # zheng/zeng: speakers who do not tell zh from z type one for the other
    text = "管委会主任郑立新表示，园区将扩建。\n郑立新指出，扩建需要两年。\n曾立新还介绍了招商计划。\n"
    (f,) = lint(text, SPELLING, path="s.txt")
    assert f.start.line == 3 and "surnames 曾 and 郑 (zeng/zheng)" in f.message


def test_two_spellings_one_english_name_are_one_person():
    # 汪/王 are both common surnames; the English names one Wang Xiaofeng
    text = (
        "2024年5月6日外交部发言人汪晓峰主持例行记者会\n"
        "Foreign Ministry Spokesperson Wang Xiaofeng's Regular Press Conference on May 6, 2024\n"
        "王晓峰今天上午，双方举行了会谈。\n"
        "Wang Xiaofeng This morning, the two sides held talks.\n"
    )
    (f,) = lint(text, SPELLING, path="b.txt")
    assert "which is right?" in f.message and {f.start.line, f.related[0].start.line} == {1, 3}


def test_an_author_cited_in_the_text_and_spelled_otherwise_in_the_reference_list():
    text = (
        "# 一种图像分割方法\n\n"
        "国内外学者开展了大量研究。黎明华等[2]针对传统方法提出了改进。\n\n"
        "## 参考文献\n\n"
        "[1] 张立. 图像处理[M]. 北京: 科学出版社, 2010.\n"
        "[2] 李明华, 钱洁. 基于聚类的图像分割[J]. 计算机学报, 2011, 19(1): 3-5.\n"
    )
    (f,) = lint(text, SPELLING, path="p.md")
    assert {f.start.line, f.related[0].start.line} == {3, 8}


def test_a_cited_author_who_differs_from_the_entry_by_more_than_a_slip_is_quiet():
    text = (
        "# 一种图像分割方法\n\n"
        "国内外学者开展了大量研究。黎明华等[2]针对传统方法提出了改进。\n\n"
        "## 参考文献\n\n"
        "[1] 张立. 图像处理[M]. 北京: 科学出版社, 2010.\n"
        "[2] 李光荣, 钱洁. 基于聚类的图像分割[J]. 计算机学报, 2011, 19(1): 3-5.\n"
    )
    assert lint(text, SPELLING, path="p.md") == []


def test_the_same_post_in_the_same_body_links_two_articles():
    text = "# 年会召开\n\n大会由科协副会长许军主持。\n\n# 代表团来访\n\n代表团与科协副会长徐军等领导座谈。\n"
    (f,) = lint(text, SPELLING, path="m.md")
    assert {f.start.line, f.related[0].start.line} == {3, 7}


def test_the_same_post_in_different_bodies_is_no_evidence():
    text = "# 年会召开\n\n大会由科协副会长许军主持。\n\n# 代表团来访\n\n代表团与商会副会长徐军等领导座谈。\n"
    assert lint(text, SPELLING, path="m.md") == []


def test_a_bare_mention_after_someone_introduced_refers_back_to_them():
    text = "3月2日，某科技公司负责人汪瑞向记者介绍最新进展。\n回顾企业成长历程，王瑞深有感触。\n"
    (f,) = lint(text, SPELLING, path="n.txt")
    assert {f.start.line, f.related[0].start.line} == {1, 2}


def test_two_people_each_introduced_with_a_post_are_not_merged():
    text = "3月2日，某科技公司负责人汪瑞向记者介绍最新进展。\n同行的工程师王瑞说，设备已经调试完毕。\n"
    assert lint(text, SPELLING, path="n.txt") == []


def test_a_slip_where_jieba_reads_a_name_is_found_without_punctuation_around_it():
    text = "外长王毅表示，中方愿加强合作。王毅指出，双方应保持沟通。\n访问期间，王移还将会见该国总理。\n"
    (f,) = lint(text, SPELLING, path="n.txt")
    assert f.start.line == 2 and "移" in f.message


def test_authors_named_with_deng_ren_are_found():
    found = {m.text for m in names(Document("因此徐立等人提出了平滑方法。此后徐理等人改进了它。", "j.txt")).mentions}
    assert found == {"徐立", "徐理"}


def test_a_role_word_after_a_surname_is_not_a_slip_of_a_name():
    # 李会长: jieba cuts 李 / 会长, so 李会 is no misspelling of 李辉
    text = "特使李辉表示，双方将加强沟通。李辉指出，对话是唯一出路。会上，李会长也发了言。\n"
    assert lint(text, SPELLING, path="n.txt") == []


def test_a_three_part_foreign_name_with_its_middle_name_respelt_is_reported():
    text = (
        "委员会主席安娜·卡特琳·施密特表示，展览将于下月开幕。\n"
        "安娜·卡特琳·施密特说，展品来自全国各地。\n"
        "对安娜·卡特森·施密特来说，这正是展览的意义。\n"
    )
    (f,) = lint(text, SPELLING, path="n.txt")
    assert f.start.line == 3 and "森 for 琳" in f.message and f.fix.edits[0].replacement == "琳"


def test_two_foreign_names_that_share_only_a_first_name_are_quiet():
    text = "安娜·卡特琳·施密特和安娜·玛丽亚·施密特都出席了开幕式。安娜·卡特琳·施密特致辞。\n"
    assert lint(text, SPELLING, path="n.txt") == []


def test_a_look_alike_named_bare_after_the_person_was_introduced():
    text = "3月2日，某科技公司负责人王瑞向记者介绍最新进展。\n回顾企业成长历程，王端深有感触。\n"
    (f,) = lint(text, SPELLING, path="n.txt")
    assert "look alike" in f.message


def test_a_role_added_in_the_configuration_is_read_as_a_role():
    from lintkit_names.evidence import doc_names

    text = "村支书陈德顺和村民一起修路。\n"
    plain = doc_names(Document(text, "v.txt"), {})
    assert "村支书" not in {m.role for m in plain.mentions}
    extended = doc_names(Document(text, "v.txt"), {"roles": ["村支书"]})
    assert [(m.text, m.cue, m.role) for m in extended.mentions] == [("陈德顺", "role-before", "村支书")]


def test_the_vocabulary_of_one_configuration_does_not_leak_into_another():
    from lintkit_names.evidence import doc_names

    text = "村支书陈德顺和村民一起修路。\n"
    doc_names(Document(text, "v.txt"), {"roles": ["村支书"]})
    assert "村支书" not in {m.role for m in doc_names(Document(text, "w.txt"), {}).mentions}


PAPER_WITH_ENGLISH_REFERENCES = """\
# 基于稀疏梯度的图像平滑

## 1 引言

图像平滑是图像处理的基础问题，周立等人提出使用梯度稀疏约束的方法，取得了较好效果。
此后，邹立等人又将该方法用于边缘检测，并给出了快速求解算法[1]。

## 参考文献

[1] Zhou, L., Wang, J. and Chen, H. (2011) Image Smoothing via Sparse Gradients. Journal of Imaging, 3, 1-10.
"""


def test_a_mistyped_surname_of_an_author_the_english_reference_list_romanizes_once():
    (f,) = lint(PAPER_WITH_ENGLISH_REFERENCES, SPELLING, path="p.md")
    assert {f.start.line, f.related[0].start.line} == {5, 6}


def test_two_authors_the_reference_list_romanizes_apart_are_two_people():
    text = (
        PAPER_WITH_ENGLISH_REFERENCES
        + "[2] Zou, L. and Li, H. (2015) Fast Edge Detection. Journal of Imaging, 7, 11-20.\n"
    )
    assert lint(text, SPELLING, path="p.md") == []


def test_a_mistyped_surname_with_a_one_character_given_name_needs_the_reference_list():
    text = PAPER_WITH_ENGLISH_REFERENCES.split("## 参考文献")[0]
    assert lint(text, SPELLING, path="p.md") == []


def test_a_confirmed_name_wins_over_a_cut_that_took_only_its_start():
    # after 会长 the cut took 汪卫 of 汪卫军代表…; the slip 汪卫军 (王卫军 twice elsewhere) is the name there
    text = (
        "某分会会长汪卫军代表分会郑重承诺，将发挥桥梁纽带作用。\n\n某分会会长王卫军致辞\n\n"
        "某分会会长王卫军作总结发言，对做好工作提出了要求。\n"
    )
    (f,) = lint(text, SPELLING)
    assert f.start.line == 1 and "汪卫军" in f.message and "王卫军" in f.message
