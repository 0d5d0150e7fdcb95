"""Find checkable claims cheaply: statistics, market figures, forecasts, study results.

A *statistic* here is a figure a reader would want to trace: a percentage
or share, a multiple, an amount of money, a large count with a growth or
market word beside it, a ranking, a forecast with a number.  Dates,
years, durations, distances, ordinals, figure/table numbers and plain
small counts ("8 家分店", "50 余位专家") are not statistics.
"""

from __future__ import annotations

import regex

__all__ = ["statistic_figures", "research_cue", "figures_of", "distinctive", "superlative_claims"]

_NUM = r"(?:\d+(?:[.,，]\d+)*(?:\.\d+)?|[零一二两三四五六七八九十百千万亿半]+(?:点[零一二三四五六七八九]+)?)"
_NUM_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"

_PERCENT = regex.compile(
    r"(?:" + _NUM_DIGITS + r"(?:\s*[-–~～至到]\s*" + _NUM_DIGITS + r")?\s*(?:%|％|个百分点)"
    r"|百分之[零一二三四五六七八九十百点]+|" + _NUM_DIGITS + r"\s*成(?=[以左的])|[一二三四五六七八九]成(?=[以左的])"
    r")"
)
# Chinese shares written as words: 三成 (30%), 两成半, 七成以上, 三分之一, 半数, 过半.
# "成" and "半" are everywhere in ordinary words (一成不变, 这一成果, 统一成, 五成熟,
# 八成是忘了, 时间过半, 经过半年, 成功的一半), so a share needs a quantity context: the
# numeral follows the start of a clause or a word that takes a quantity (占, 增长了,
# 不足, 近, 其中…), and what follows 成 is not the rest of an ordinary word.
_SHARE_BEFORE = r"(?<=^|[\s\p{P}了占近超逾约达有仅只到足的过至为是和与及降升长加少高低出余剩中])"
_SHARE_WORD_AFTER = (
    r"不变|熟|功|立|长|本|果|绩|就|员|都|型|品|交|年|人|效|分|份|语|才|全|家|名|败|天|群|事|真|像|"
    r"形|文|器|色|套|批|片|堆|行|新|心|为了|为何"
)
# a fraction of a size is a comparison, not a statistic: 长度的十分之一
_SIZE_BEFORE = r"(?<!直径的|长度的|厚度的|宽度的|高度的|重量的|体积的|面积的|尺寸的|大小的)"
_SHARE_NOUN = (
    r"的|数|以上|受访|被访|被调查|居民|企业|用户|网民|家庭|学生|员工|职工|股东|成员|会员|样本|人口|"
    r"国家|城市|地区|省份|消费者|参与者|机构|比例|席位|门店|项目"
)
_SHARE = regex.compile(
    _SHARE_BEFORE + r"[一二两三四五六七八九]成(?:半|[一二三四五六七八九])?(?!" + _SHARE_WORD_AFTER + r")"
    r"|"
    + _SHARE_BEFORE
    + _SIZE_BEFORE
    + r"(?:[一二两三四五六七八九十百千万]+|\d+)分之(?:[一二两三四五六七八九十]+|\d+)"
    r"|(?:占|占比|比例|份额|比重)(?:已|已经|均|仍)?(?:超|超过|逾|近|接近)?过?半数?"
    r"|(?<![经跨度])过半数?(?=" + _SHARE_NOUN + r")"
    r"|(?:超过|逾|近|超|不到|不足|将近|接近|约)?半数"
    r"|(?:占|超过|超|逾|近|不到|不足|将近|接近)一半|一半以上"
)
_MULTIPLE = regex.compile(r"(?<![第])" + _NUM_DIGITS + r"(?:\s*[-–~～至到]\s*" + _NUM_DIGITS + r")?\s*倍")
_MONEY = regex.compile(
    _NUM_DIGITS
    + r"(?:\s*[-–~～至到]\s*"
    + _NUM_DIGITS
    + r")?\s*(?:多|余)?\s*(?:万亿|千亿|百亿|亿|千万|百万|万)\s*(?:多|余)?\s*"
    r"(?:元|美元|欧元|日元|英镑|港元|人民币|美金)"
    r"|(?:数|几)(?:十|百|千)?(?:万亿|亿|万)\s*(?:元|美元|欧元|日元|英镑|港元|人民币|美金)"
    r"|(?:US)?\$\s*" + _NUM_DIGITS + r"\s*(?:billion|million|trillion|bn|m)\b"
    r"|" + _NUM_DIGITS + r"\s*(?:billion|million|trillion)\s+(?:dollars|yuan|euros)",
    regex.I,
)
# A large count is a statistic only beside a market/growth word.
_LARGE = regex.compile(_NUM_DIGITS + r"\s*(?:多|余)?\s*(?:万亿|亿|万)")
_MARKET_WORD = regex.compile(
    r"规模|市场|营收|收入|产值|估值|融资|投资|出货|销量|销售额|市值|GDP|国内生产总值|用户|份额|占比|增速|同比|环比|"
    r"增长|下降|下滑|上升|提升|减少|增加"
)
_RANKING = regex.compile(
    r"(?:排名|排行|位居|位列|名列|跃居|稳居)(?:全球|世界|全国|国内|亚洲|行业|同类)?第[一二三四五六七八九十\d]+"
    r"|(?:全球|世界|全国)(?:排名)?第[一二三]\b|(?:全球|世界)(?:首位|之首)"
)
_FORECAST = regex.compile(r"(?:预计|预测|有望|将达到?|将突破|将超过)[^，。；]{0,20}?\d")
_RESEARCH = regex.compile(
    r"(?:研究|调查|调研|实验|试验|统计|数据|报告|研报|问卷|民调|分析)(?:结果)?(?:显示|表明|发现|证明|指出|预计|预测|警告)"
    r"|(?:调查|问卷|民调|研究)(?:中|里)?[^，。]{0,10}(?:受访者|参与者|样本)"
)
# numbers that never make a statistic: years, dates, figure/table/page refs, ordinals
_NOT_A_FIGURE = regex.compile(
    r"(?:图|表|第|附录|Fig\.?|Table)\s*\d+|\d{4}\s*年(?:\s*\d{1,2}\s*月)?|\d{1,2}\s*月\s*\d{1,2}\s*日"
)


_QUOTED_TERM = regex.compile(r"[“‘「『\"][^“”‘’「」『』\"。！？]{1,12}[”’」』\"]")
# What every statistic pattern above needs (a digit, 成, 半, 分之, 万/亿, 第, 首):
# most sentences have none of these and are skipped without running them.
_MAY_HOLD_FIGURE = regex.compile(r"\d|[成半万亿第首]|分之")


# What each pattern's every match holds (a necessary condition, checked with
# ``in`` or one short search before the pattern runs over the sentence): a
# sentence with a year or a count in it has no percentage, multiple or amount
# of money in most cases.
_MONEY_MARK = regex.compile(r"[元币镑金$]|illion", regex.I)  # (as _MONEY matches "billion")


def _may_percent(s: str) -> bool:
    return "%" in s or "％" in s or "百分" in s or "成" in s


def _may_share(s: str) -> bool:
    return "成" in s or "半" in s or "分之" in s


def _may_multiple(s: str) -> bool:
    return "倍" in s


def _may_money(s: str) -> bool:
    return _MONEY_MARK.search(s) is not None


def _may_rank(s: str) -> bool:
    return "第" in s or "首" in s


def _may_large(s: str) -> bool:
    return "万" in s or "亿" in s


_FIGURE_PATTERNS = (
    (_PERCENT, "percentage", _may_percent),
    (_SHARE, "percentage", _may_share),
    (_MULTIPLE, "multiple", _may_multiple),
    (_MONEY, "amount", _may_money),
    (_RANKING, "ranking", _may_rank),
)


def statistic_figures(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of the statistics in ``text`` (kind: percentage,
    multiple, amount, figure, ranking, forecast)."""
    found: list[tuple[int, int, str]] = []
    if not _MAY_HOLD_FIGURE.search(text):
        return found
    masked = _NOT_A_FIGURE.sub(lambda m: " " * len(m.group()), text)
    # a short term in quotation marks is a name (“双百计划”), not a figure
    masked = _QUOTED_TERM.sub(lambda m: " " * len(m.group()), masked)
    for pattern, kind, may_match in _FIGURE_PATTERNS:
        if may_match(masked):
            for m in pattern.finditer(masked):
                found.append((m.start(), m.end(), kind))
    if _may_large(masked) and _MARKET_WORD.search(masked):
        for m in _LARGE.finditer(masked):
            if not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), "figure"))
    if found:
        for m in _FORECAST.finditer(masked):
            found.append((m.start(), m.end(), "forecast"))
    found = sorted(set(found))
    return found


def research_cue(text: str):
    """The "研究表明 / 调查显示" match in ``text``, or None."""
    return _RESEARCH.search(text)


def figures_of(text: str, stats: list[tuple[int, int, str]] | None = None) -> frozenset[str]:
    """The normalized statistics of ``text`` ("60%", "500-800亿元"), to recognise a repeat.
    ``stats``: ``statistic_figures(text)`` when the caller has it already."""
    if stats is None:
        stats = statistic_figures(text)
    return frozenset(
        regex.sub(r"[\s,，多余]|以上|左右", "", text[s:e]).replace("％", "%")
        for s, e, kind in stats
        if kind != "forecast"
    )


def distinctive(figures: frozenset[str]) -> bool:
    """Are these figures specific enough that seeing them again means a repeat?

    Two or more figures together, or one with a decimal, a range or three
    significant digits; a lone "60%" recurs by chance."""
    if len(figures) >= 2:
        return True
    return any(regex.search(r"\d\.\d|\d\s*[-–~～至到]\s*\d|[1-9]\d{2}", f) for f in figures)


# A superlative or ranking claim about the world, not about the paper's own
# measurements: 全球最大, 世界首个, 国内领先, 国际领先水平, 居世界第一,
# "the world's largest", "world-leading".  最大值 / 最大风速 / 最高温度 (a
# measured quantity) are not claims; the scope word (全球, 世界, 国内…) is required.
_SCOPE = r"(?:全球|世界|全世界|国际|国内|全国|亚洲|欧洲|业内|业界|行业内?|同类产品中|同行业)"
_SUPERLATIVE = regex.compile(
    r"(?<!\p{Han}[的在])"
    + _SCOPE
    + r"(?:上|范围内|范围)?(?:最大|最高|最多|最早|最快|最强|最先进|最长|最好|首个|首家|首次|首台|首座|"
    r"第一(?![次步个阶批期章节部分条款])|之最|领先)"
    r"|(?:居|位居|处于|达到|保持|跻身)(?:" + _SCOPE + r")(?:的)?(?:领先|先进|一流)(?:地位|水平)?"
    r"|(?:居|位居|位列|稳居)" + _SCOPE + r"(?:第一|首位|之首|前列)"
    r"|\b(?:the\s+world'?s\s+(?:largest|biggest|first|fastest|highest|leading|most\s+advanced)"
    r"|world-leading|world's\s+leading|the\s+(?:largest|biggest|first)\s+[a-z\- ]{1,30}\s+in\s+the\s+world"
    r"|(?:globally|internationally)\s+leading)\b",
    regex.I,
)


def superlative_claims(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, "superlative claim")`` of the superlative and ranking claims in
    ``text`` (全球最大, 国际领先水平, 居世界第一, "the world's largest")."""
    return [(m.start(), m.end(), "superlative claim") for m in _SUPERLATIVE.finditer(text)]


# A share of the world's or a country's whole, or a national aggregate: the
# kind of figure only a statistics office, an agency or a survey can give,
# so even news names its source.  全球约九成的, 占全球比重为12%,
# 占全国总量的一半, 进出口总值突破100亿元 — not a company's or a town's own figures.
_WHOLE = r"(?:全球|全世界|世界|全国|全美|全欧|国际)"
_PCT = r"(?:" + _NUM + r")\s*(?:%|％|个百分点)|百分之" + _NUM
_AGGREGATE = regex.compile(
    r"占"
    + _WHOLE
    + r"[^，。；！？]{0,14}?(?:比重|份额|比例|总量|总额|总和|的)?(?:为|达|达到|超过|约|近|逾)?\s*(?:"
    + _PCT
    + r"|[一二三四五六七八九]成|一半|半数|[一二三四五六七八九十]分之[一二三四五六七八九])"
    + r"|"
    + _WHOLE
    + r"(?:约|近|超过|逾|大约)?\s*(?:"
    + _PCT
    + r")的"
    + r"|(?:进出口|外贸|对外贸易|货物贸易|货运|国内生产|工业|制造业)(?:总值|总额|增加值|总量)[^，。；！？]{0,10}?"
    r"(?:突破|达到?|超过|为|增长|下降)\s*(?:" + _NUM_DIGITS + r"\s*(?:万亿|亿|万)|" + _PCT + r")"
)


def aggregate_claims(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, "share of a whole")`` of the figures in ``text`` that are
    shares of the world's or a country's whole, or national aggregates."""
    return [(m.start(), m.end(), "share of a whole") for m in _AGGREGATE.finditer(text)]
