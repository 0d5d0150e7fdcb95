"""What needs no reference because it is the author's own: first-party data
(本文 / 本研究 / 本次调查, 笔者 / 课题组, 据…记录, 受访者 / 有效问卷) and a
paper's results read off its own tables, figures and experiments (由表3可知,
如图2所示, 实验结果表明, 本文方法).

Kept apart from the attributions: these spans excuse a claim from needing a
source, where an attribution supplies one.
"""

from __future__ import annotations

import regex

# --------------------------------------------------------------------------
# First-party data

# Data the authors collected themselves need no reference: a paper's own survey,
# sample, fieldwork or records, and a newspaper's own inquiry (本报调查).
_RESEARCH_ACT = (
    r"(?:调查|调研|研究|统计|测算|估算|问卷|访谈|实验|试验|观察|观测|测量|测定|分析|发现|整理|收集|回收|"
    r"走访|抽样|抽取|选取|跟踪|监测|计算|汇总|梳理|比较|对比|考察|采集|记录)"
)
FIRST_PARTY = regex.compile(
    # the work itself: 本文, 本研究, 本次调查, 本轮问卷, 本课题, 本调查
    r"本(?:文|研究|课题|项目组|调查|调研|实验|试验|问卷|报告|书)"
    r"|本(?:次|轮|期)"
    + _RESEARCH_ACT
    +
    # its authors: 笔者, 课题组, 研究团队, 作者团队, 本报记者 / 记者调查
    r"|笔者|课题组|项目组|调查组|调研组|研究组|研究团队|作者团队|本报记者|本报(?="
    + _RESEARCH_ACT
    + r")"
    r"|记者(?:实地|近日|日前|多次|先后|随机)?(?:调查|走访|统计|梳理|查阅|测算|采访)"
    # 我们 as the authors, doing research (not 我们 in a quoted speaker's mouth: that has a speaker)
    r"|我们(?:的)?(?:在|对|于|从|共|还|也|先后|随机|分别|进一步)?[^，。；！？“”]{0,10}?" + _RESEARCH_ACT +
    # primary records the study used: 据各社区的投诉记录, 根据访谈记录, 根据问卷结果
    r"|(?:据|根据|依据|来自|基于)[^，。；！？“”]{0,20}?(?:记录|档案|台账|问卷|访谈|座谈|走访|实地调查|田野调查|"
    r"入户调查|抽样调查|观察|观测|实测|测量|实验数据|样本)"
)
# the survey's own respondents and sample: the author's only when no one else's
# survey was just named ("一项调查显示…。受访者中…" is that survey's)
RESPONDENTS = regex.compile(r"有效问卷|有效样本|回收问卷|受访者|被访者|受访居民|受访企业|被调查者|调查对象|样本中")


def first_party(text: str, start: int = 0, end: int | None = None, respondents: bool = True) -> list[tuple[int, int]]:
    """Spans in ``text[start:end]`` presenting data as the author's own.

    本文 / 本研究 / 本次调查 / 笔者 / 课题组 / "我们调查" / 据…记录, and with
    ``respondents`` also 有效问卷 / 受访者 / 样本中: a paper's own findings (its
    survey, sample, records, fieldwork) need no reference marker, and a
    newspaper's own inquiry (本报记者调查) names its source.
    """
    end = len(text) if end is None else end
    spans = [m.span() for m in FIRST_PARTY.finditer(text, start, end)]
    if respondents:
        spans += [m.span() for m in RESPONDENTS.finditer(text, start, end)]
    return sorted(spans)


# --------------------------------------------------------------------------
# A paper's own results

# What a paper derives from its own tables, figures and experiments needs no
# reference: 由表3可知, 如图2所示, 从图4可以看出, 实验结果表明, 本文方法,
# 所提方法.  Only for articles that cite (with a reference list): in news,
# "实验结果表明" is somebody else's experiment.
OWN_RESULTS = regex.compile(
    r"(?:由|从|据|根据|如|见|对比|比较|结合)?\s*(?:表|图|Table|Fig(?:ure)?\.?)\s*\d+(?:[-.–]\d+)?"
    r"\s*(?:[(（][a-z][)）])?\s*(?:中|的结果|的数据)?\s*(?:可知|可以看出|可看出|可见|所示|显示|表明|列出|给出|中|的)"
    r"|(?:实验|试验|仿真|测试|消融|对比|模拟|计算|回归|拟合)(?:结果|数据)(?:表明|显示|证明|说明|可知|发现)"
    r"|本文(?:所提|提出)?(?:的)?(?:方法|模型|算法|框架|系统|方案)|所提(?:出)?(?:的)?(?:方法|模型|算法|框架|网络|方案)"
    r"|(?:本|该)(?:方法|模型|算法)(?=[^。；]{0,30}(?:提高|提升|降低|减少|优于|高于|低于|达到))"
    r"|(?:Table|Fig(?:ure)?\.?)\s*\d+\s*(?:shows|indicates|demonstrates)|(?:our|the proposed)\s+(?:method|model|approach)",
    regex.I,
)


def own_results(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans in ``text[start:end]`` presenting a result as the paper's own:
    read off its own table or figure (由表3可知, 如图2所示), its experiments
    (实验结果表明), its method (本文方法, 所提方法)."""
    end = len(text) if end is None else end
    return [m.span() for m in OWN_RESULTS.finditer(text, start, end)]
