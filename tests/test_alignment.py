"""lintkit.model.alignment: pairing English units with the Chinese units they render.

All text here is invented for the tests.
"""

from __future__ import annotations

import pytest

from lintkit.model.alignment import Bead, align, anchors, en_to_zh

# An invented news story, paragraph by paragraph, and its English rendering.
ZH = [
    "澜河市政府周二宣布，将在未来三年投入1.2亿元，改造老城区的供水管网，并同步更换部分排水设施。",
    "据市水务局介绍，老城区目前约有3.5万户居民，其中不少住宅楼的供水管道已经使用了超过40年。",
    "去年夏天，由于管道老化破裂，部分街区曾连续停水两天，许多居民只能到临时供水点排队取水。",
    "副市长王晓红表示，工程将分段施工、错峰作业，尽量减少对居民日常生活和沿街商铺的影响。",
    "新管网将采用智能水表和5G远程监测系统，管网漏损率有望从目前的18%降至8%以下。",
    "这一做法借鉴了其他城市的经验。多位专家认为，精细化管理往往比单纯扩建更加重要，也更省钱。",
    "首批改造将覆盖东门、南桥两个街道，涉及管道长度约26公里，预计于2025年底前全部完工。",
    "市民可以通过市民服务热线或官方小程序，随时反映施工期间遇到的停水、噪音和交通等问题。",
]
EN = [
    "The Lanhe city government announced on Tuesday that it will invest 120 million yuan over the next "
    "three years to upgrade the water mains of the old town and replace part of its drainage.",
    "According to the municipal water bureau, about 35,000 households live in the old town, and the water "
    "pipes in many residential buildings have been in use for more than 40 years.",
    "Last summer ageing pipes burst and left several blocks without water for two days in a row, and many "
    "residents had to queue for water at temporary supply points.",
    "Deputy mayor Wang Xiaohong said the work would be done in sections and at off-peak hours to keep "
    "disruption to residents' daily lives and to shops along the streets to a minimum.",
    "The new network will use smart meters and a 5G remote monitoring system, and the leakage rate is "
    "expected to fall from 18% today to below 8%.",
    "The approach draws on the experience of other cities. Several experts believe that careful management "
    "often matters more than simply building more, and costs less.",
    "The first phase will cover the Dongmen and Nanqiao subdistricts and some 26 kilometres of pipes, and "
    "is expected to be completed by the end of 2025.",
    "Residents can report water cuts, noise, traffic and other problems during the works at any time "
    "through the citizens' hotline or the city's official mini-program.",
]


def assert_complete(beads: list[Bead], n_zh: int, n_en: int) -> None:
    """Every index of both sides exactly once, in order: the contract of align()."""
    zh = [i for b in beads for i in b.zh]
    en = [j for b in beads for j in b.en]
    assert zh == list(range(n_zh))
    assert en == list(range(n_en))
    assert all(b.zh or b.en for b in beads)


def pairs(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.zh, b.en) for b in beads]


# ---------------------------------------------------------------- translation


def test_clean_translation_aligns_one_to_one():
    beads = align(ZH, EN)
    assert_complete(beads, len(ZH), len(EN))
    assert pairs(beads) == [((i,), (i,)) for i in range(8)]


def test_one_to_one_without_any_anchor():
    """Lengths alone carry a clean translation: strip every figure and Latin word."""
    zh = [p for k, p in enumerate(ZH) if k in (2, 5, 7)]
    en = [p for k, p in enumerate(EN) if k in (2, 5, 7)]
    assert not any(anchors(t) & anchors(e) for t in zh for e in en)
    assert pairs(align(zh, en)) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_one_chinese_paragraph_as_two_english_paragraphs():
    en = (
        EN[:1]
        + [
            "According to the municipal water bureau, about 35,000 households live in the old town.",
            "In many residential buildings the water pipes have been in use for more than 40 years.",
        ]
        + EN[2:]
    )
    beads = align(ZH, en)
    assert_complete(beads, len(ZH), len(en))
    assert ((1,), (1, 2)) in pairs(beads)
    assert en_to_zh(beads)[1] == en_to_zh(beads)[2] == (1,)
    assert en_to_zh(beads)[3] == (2,) and en_to_zh(beads)[8] == (7,)


def test_two_chinese_paragraphs_as_one_english_paragraph():
    merged = (
        "The first phase will cover the Dongmen and Nanqiao subdistricts and some 26 kilometres of pipes and "
        "is expected to be completed by the end of 2025; residents can report water cuts, noise, traffic and "
        "other problems during the works at any time through the citizens' hotline or the official mini-program."
    )
    en = EN[:6] + [merged]
    beads = align(ZH, en)
    assert_complete(beads, len(ZH), len(en))
    assert ((6, 7), (6,)) in pairs(beads)
    assert pairs(beads)[:6] == [((i,), (i,)) for i in range(6)]


def test_english_paragraph_with_no_chinese():
    # Background for foreign readers, with no Chinese counterpart: the usual insertion.
    note = (
        "Lanhe, a river port of about two million people in the south-east of the country, grew quickly in "
        "the 1980s and 1990s, when much of its old town was rebuilt in haste; many of the buildings put up "
        "then still rely on the original pipes, and the city has struggled for years to find the money to "
        "replace them without closing streets for months."
    )
    en = EN[:3] + [note] + EN[3:]
    beads = align(ZH, en)
    assert_complete(beads, len(ZH), len(en))
    assert ((), (3,)) in pairs(beads)
    assert en_to_zh(beads)[3] == ()
    assert en_to_zh(beads)[4] == (3,) and en_to_zh(beads)[2] == (2,)


def test_chinese_paragraph_left_out():
    en = EN[:5] + EN[6:]
    beads = align(ZH, en)
    assert_complete(beads, len(ZH), len(en))
    assert ((5,), ()) in pairs(beads)
    assert en_to_zh(beads) == {0: (0,), 1: (1,), 2: (2,), 3: (3,), 4: (4,), 5: (6,), 6: (7,)}


# Two Chinese paragraphs of similar length; the English renders only the
# second.  The first is a little closer in length to the English, so lengths
# alone choose it; the figures say otherwise.
OPENING_ZH = "澜河市统计局周一发布了2024年上半年的经济运行情况，主要指标总体平稳，部分行业出现回升。"
OPENING_EN = (
    "The Lanhe statistics bureau released its figures for the first half of 2024 on Monday: the main "
    "indicators were broadly stable and some industries picked up."
)
CLOSING_ZH = "统计局表示，下半年将继续加强监测，及时发布GDP等相关数据，为政府决策提供参考。"
CLOSING_EN = (
    "The bureau said it would keep monitoring closely in the second half and publish GDP and other data "
    "promptly to inform government decisions."
)
DECOY_ZH = "其中，全市的餐饮业营业额增加明显，多数商户表示客流已经基本恢复正常。"


@pytest.mark.parametrize(
    ("zh_figure", "en_figure"),
    [("3.5万", "35,000"), ("1.2亿", "120 million"), ("12.5%", "12.5 percent")],
)
def test_figures_decide_which_paragraph_is_rendered(zh_figure, en_figure):
    rendered_zh = f"全市新增就业人数达到{zh_figure}人，创下近五年来的最高水平，其中青年占比有所上升。"
    rendered_en = (
        f"Employment in the city grew by {en_figure}, the most in five years, with young people accounting "
        "for a larger share."
    )
    zh = [OPENING_ZH, DECOY_ZH, rendered_zh, CLOSING_ZH]
    en = [OPENING_EN, rendered_en, CLOSING_EN]
    beads = align(zh, en)
    assert_complete(beads, 4, 3)
    assert en_to_zh(beads) == {0: (0,), 1: (2,), 2: (3,)}
    assert ((1,), ()) in pairs(beads)
    rendered = next(b for b in beads if b.en == (1,))
    assert rendered.anchors == 1

    # The control: without the figures, the decoy's length wins.
    plain_zh = [OPENING_ZH, DECOY_ZH, rendered_zh.replace(zh_figure, "许多"), CLOSING_ZH]
    plain_en = [OPENING_EN, rendered_en.replace(en_figure, "many"), CLOSING_EN]
    assert en_to_zh(align(plain_zh, plain_en))[1] == (1,)


def test_alternating_bilingual_text_split_by_language():
    """The halves of a text that alternates Chinese and English paragraphs."""
    zh, en = ZH[:4], EN[:4]
    assert pairs(align(zh, en)) == [((i,), (i,)) for i in range(4)]


def test_long_omission_revealed_by_anchors_stays_in_the_band():
    """30 Chinese paragraphs left out, more than the band: the unique anchors bend the band."""
    zh, en = [], []
    for k in range(60):
        zh.append(f"第{100 + k}号项目已经完成验收，相关资料已经存档备查，后续维护工作将由属地负责。")
        if not 10 <= k < 40:
            en.append(
                f"Project No. {100 + k} has passed inspection; its records are filed and local "
                "authorities will maintain it."
            )
    beads = align(zh, en)
    assert_complete(beads, 60, 30)
    mapping = en_to_zh(beads)
    assert [mapping[j] for j in range(30)] == [(k,) for k in range(10)] + [(k,) for k in range(40, 60)]


def test_long_omission_without_anchors_found_by_widening_the_band():
    """40 paragraphs left out and no anchor at all: the path hits the band's edge, the band moves."""
    sizes = [(k * 37) % 23 * 8 + 30 for k in range(300)]  # varied, reproducible lengths
    zh = ["这" + "的" * size + "。" for size in sizes]
    kept = [k for k in range(300) if not 100 <= k < 140]
    en = ["This " + "word " * int(sizes[k] * 1.2) + "end." for k in kept]
    beads = align(zh, en)
    assert_complete(beads, 300, 260)
    mapping = en_to_zh(beads)
    right = sum(mapping[j] == (k,) for j, k in enumerate(kept))
    assert right >= 240  # a band that stayed put gets about 170


def test_cost_and_anchor_count_of_beads():
    beads = align(ZH, EN)
    anchored = {b.en[0]: b.anchors for b in beads}
    assert anchored[0] == 1  # 1.2亿 / 120 million
    assert anchored[1] == 2  # 3.5万 / 35,000 and 40
    assert anchored[3] == 1  # 王晓红 / Wang Xiaohong
    assert anchored[2] == 0
    cheapest = min(beads, key=lambda b: b.cost)
    assert cheapest.anchors > 0  # shared anchors lower the cost


def test_deterministic():
    assert align(ZH, EN) == align(ZH, EN)
    assert align(ZH, EN[:2], mode="summary") == align(ZH, EN[:2], mode="summary")


def test_linear_cost_on_a_long_input():
    """3,000 × 3,000 short units: the band keeps this linear; a full table would not finish quickly."""
    zh = [f"第{k}段：{'新闻' * (1 + k % 7)}内容。" for k in range(3000)]
    en = [f"Paragraph {k}: {'news ' * (2 + 2 * (k % 7))}text." for k in range(3000)]
    beads = align(zh, en)
    assert_complete(beads, 3000, 3000)
    assert sum(1 for b in beads if b.zh == b.en) > 2900


# -------------------------------------------------------------------- summary

ARTICLE = [
    "澜河市今年的春季招聘会于3月在会展中心开幕，吸引了大批求职者到场。",
    "主办方介绍，本次招聘会共设置展位400余个，涵盖制造、物流、餐饮等多个行业。",
    "据统计，参会企业共提供岗位1.2万个，比去年同期增加了两成左右。",
    "现场不少企业负责人表示，今年用工需求明显回暖，技术岗位尤其紧缺。",
    "一家物流公司的招聘经理说，他们希望招到有经验的叉车司机和仓库管理员。",
    "在会场一角，一些求职者正在排队咨询，希望找到离家更近的工作。",
    "世界卫生组织（WHO）近期的报告指出，稳定就业对心理健康有积极影响。",
    "市人社局负责人表示，将继续为困难群体提供一对一的就业帮扶。",
    "该负责人还说，今年将为高校毕业生举办更多专场招聘活动。",
    "此外，全市计划全年新增城镇就业3.5万人，目前已完成全年目标的一半。",
    "有求职者表示，希望招聘信息能够更加透明，薪资待遇写得更清楚。",
    "下一场招聘会将于秋季举行，具体时间另行通知。",
]
SUMMARY = [
    "Employers offered 12,000 jobs at the Lanhe spring fair.",
    "A WHO report links stable work to better mental health.",
    "The city aims to add 35,000 urban jobs this year.",
]


def test_summary_sentences_find_the_paragraphs_with_their_anchors():
    beads = align(ARTICLE, SUMMARY, mode="summary")
    assert_complete(beads, len(ARTICLE), len(SUMMARY))
    assert en_to_zh(beads) == {0: (2,), 1: (6,), 2: (9,)}
    for bead in beads:
        if bead.en:
            assert bead.anchors >= 1
        else:
            assert len(bead.zh) == 1  # everything else is left out, one paragraph at a time
    assert sum(1 for b in beads if not b.en) == len(ARTICLE) - 3


def test_summary_order_breaks_the_tie_of_a_repeated_anchor():
    article = list(ARTICLE)
    article[1] = "主办方介绍，世界卫生组织（WHO）也在现场设置了咨询台，涵盖多个行业。"
    summary = [
        "Employers offered 12,000 jobs at the Lanhe spring fair.",
        "A WHO report links stable work to better mental health.",
    ]
    # WHO is in paragraphs 1 and 6; only 6 comes after the jobs figure of paragraph 2.
    assert en_to_zh(align(article, summary, mode="summary")) == {0: (2,), 1: (6,)}


def test_summary_sentence_spanning_contiguous_paragraphs():
    summary = [
        "Some 400 stands offered 12,000 jobs.",
        "The city aims to add 35,000 urban jobs this year.",
    ]
    beads = align(ARTICLE, summary, mode="summary")
    assert en_to_zh(beads) == {0: (1, 2), 1: (9,)}
    assert next(b for b in beads if b.en == (0,)).anchors == 2


def test_summary_sentences_sharing_one_paragraph_form_one_bead():
    """An abstract of three sentences against the one paragraph of the Chinese abstract."""
    article = [
        "摘要：本文利用2019年至2022年的观测数据，分析了澜河流域的碳通量变化。",
        "1 引言",
        "澜河流域位于我国东南部，是重要的农业区。",
        "2 数据与方法",
        "本研究使用涡度相关（EC）方法，在3个站点开展了连续观测。",
    ]
    abstract = [
        "Using observations from 2019 to 2022, we analyse carbon fluxes in the Lanhe basin.",
        "The fluxes were measured from 2019 on.",
        "Data up to 2022 are included.",
    ]
    beads = align(article, abstract, mode="summary")
    assert_complete(beads, 5, 3)
    assert ((0,), (0, 1, 2)) in pairs(beads)
    assert en_to_zh(beads) == {0: (0,), 1: (0,), 2: (0,)}


def test_summary_sentence_without_anchor_is_placed_between_its_neighbours():
    summary = [SUMMARY[0], "Many job seekers queued to ask questions.", SUMMARY[1], SUMMARY[2]]
    beads = align(ARTICLE, summary, mode="summary")
    assert_complete(beads, len(ARTICLE), len(summary))
    mapping = en_to_zh(beads)
    assert mapping[0] == (2,) and mapping[2] == (6,) and mapping[3] == (9,)
    assert len(mapping[1]) == 1 and 2 < mapping[1][0] < 6
    guessed = next(b for b in beads if b.en == (1,))
    anchored = next(b for b in beads if b.en == (0,))
    assert guessed.anchors == 0 and guessed.cost > anchored.cost  # low confidence


def test_summary_sentence_with_no_room_left_gets_no_chinese():
    summary = [SUMMARY[0], "It was busy.", "Employers said technical jobs are hard to fill, with 400 stands."]
    # The 400 stands are in paragraph 1, before the 12,000 jobs of paragraph 2: order
    # wins, so the last sentence and the one before it have nowhere to go but after 2.
    beads = align(ARTICLE, summary, mode="summary")
    assert_complete(beads, len(ARTICLE), len(summary))
    mapping = en_to_zh(beads)
    assert mapping[0] == (2,)
    assert all(not z or z[0] > 2 for z in (mapping[1], mapping[2]))


# -------------------------------------------------------------------- anchors


@pytest.mark.parametrize(
    ("texts", "anchor"),
    [
        (["3.5万人", "35,000 people", "35000"], "n:35000"),
        (["12.5%", "12.5 percent", "12.5 per cent", "１２．５％"], "p:12.5"),
        (["1.2亿元", "120 million yuan", "120,000,000"], "n:120000000"),
        (["5120亿美元", "$512 billion", "$512bn"], "n:512000000000"),
        (["2019年", "in 2019"], "n:2019"),
        (["世卫组织（WHO）", "the WHO's report", "who"], "w:who"),
        (["5G网络", "5G networks"], "w:5g"),
        (["COVID-19疫情", "covid-19"], "w:covid-19"),
        (["见https://www.example.org/report/。", "see www.example.org/report."], "w:example.org/report"),
        (["副市长王晓红表示", "Wang Xiaohong said", "Xiaohong Wang", "WANG Xiao-hong"], "name:wangxiaohong"),
        (["3月", "三月", "in March 2020", "Mar. 5"], "month:3"),
        (["吕伟说", "Lu Wei"], "name:luwei"),
        (["吕伟说", "Lyu Wei"], "name:lvwei"),
    ],
)
def test_anchor_normalisation(texts, anchor):
    for text in texts:
        assert anchor in anchors(text), text


def test_anchors_leave_out_what_anchors_nothing():
    assert anchors("共有5人参加") == frozenset()  # one digit alone
    assert "n:19" not in anchors("COVID-19")  # part of a name, not a figure
    assert anchors("the people of the city") == {"w:people", "w:city"}  # function words dropped
    assert not any(a.startswith("month:") for a in anchors("May I ask? A march began."))
    assert not any(a.startswith("name:") for a in anchors("The Ministry said so."))


def test_anchors_of_a_whole_sentence():
    assert anchors("据世卫组织（WHO）统计，2019年全球新增3.5万例，增长12.5%。") == {
        "w:who",
        "n:2019",
        "n:35000",
        "p:12.5",
    }


# --------------------------------------------------------------- the API edges


def test_en_to_zh():
    beads = [
        Bead((0,), (0, 1), 0.5, 1),
        Bead((1,), (), 5.0, 0),
        Bead((), (2,), 5.0, 0),
        Bead((2, 3), (3,), 1.0, 2),
    ]
    assert en_to_zh(beads) == {0: (0,), 1: (0,), 2: (), 3: (2, 3)}
    assert en_to_zh([]) == {}


def test_unknown_mode_is_an_error():
    with pytest.raises(ValueError, match="mode"):
        align(ZH, EN, mode="abstract")
    with pytest.raises(ValueError):
        align([], [], mode="")


@pytest.mark.parametrize("mode", ["translation", "summary"])
def test_empty_inputs(mode):
    assert align([], [], mode=mode) == []
    assert pairs(align(ZH[:2], [], mode=mode)) == [((0,), ()), ((1,), ())]
    assert pairs(align([], EN[:2], mode=mode)) == [((), (0,)), ((), (1,))]
    assert en_to_zh(align([], EN[:2], mode=mode)) == {0: (), 1: ()}
