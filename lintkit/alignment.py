"""Align English units with the Chinese units they render.

Why
---
A rule that checks an English figure or name against "the Chinese" should
compare it with the Chinese paragraph or sentence that the English renders,
not with the whole article: 2019 in the English lead is right if the
Chinese lead says 2019年, whatever the fifth paragraph says.  :func:`align`
groups the units (paragraphs or sentences, as the caller splits them) into
*beads* so that a rule can look only at the Chinese of an English unit's
bead (:func:`en_to_zh`).

Two modes
---------
``mode="translation"`` (a full translation, or the two halves of an
alternating bilingual text)
    Gale–Church dynamic programming (Gale & Church 1993) over unit lengths,
    beads 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2.  A bead costs -log of its prior
    plus -log of the probability of its length difference.  Lengths are
    characters; the Chinese ones are scaled by the English/Chinese ratio
    *of this text*, since how many English characters a Chinese character
    becomes depends on the text.  The ratio is measured on units known to
    pair (unique anchors, then the 1-1 beads of a first pass), not on the
    two totals alone, which a long omission would bias.
``mode="summary"`` (an English summary or abstract of a longer Chinese
article)
    Lengths say nothing here: one English sentence may stand for three
    Chinese paragraphs, and most of the article is left out.  Each English
    unit gets a window of 1–3 *contiguous* Chinese units that shares an
    anchor with it (consecutive English units may share one window, and
    then form one bead), English order follows Chinese order, and Chinese
    units are skipped almost for free: the score is the anchors, plus a
    slight pull towards the proportional position to break ties.  An
    English unit the DP leaves without Chinese (no anchor, or anchors out
    of order) is then placed by position, in the middle of the Chinese
    left between its neighbours' beads, with a high cost and
    ``anchors == 0``: a low-confidence guess the caller may discount.

The anchor bonus
----------------
Lengths are easily misled (two paragraphs of similar length, a paragraph
left out), so a bead whose two sides share *anchors* costs less.
:func:`anchors` gives one unit's anchors as canonical strings:

* ``n:35000`` — Arabic figures with their magnitude: 3.5万 = 35,000 =
  35000, 1.2亿 = 120 million, 2019年 = 2019; a one-digit number alone is
  ignored (too common to tell anything);
* ``p:12.5`` — percentages and percentage points (12.5%, 12.5 percent,
  12.5 per cent, 12.5个百分点);
* ``w:who`` — Latin strings of two characters or more (WHO, 5G, GPT-4o,
  URLs), case-folded; an English unit yields all its words but function
  words, and only those some Chinese unit also has ever count;
* ``month:3`` — 3月 / 三月 and March;
* ``name:wangxiaohong`` — a Chinese name (common surname + one or two
  characters) and its pinyin, either order (Wang Xiaohong, Xiaohong Wang,
  WANG Xiao-hong); :func:`align` reads the pinyin of Chinese only when the
  English has such a name at all.

An anchor counts only when it occurs on both sides.  Its weight is that of
its kind (``_KIND_WEIGHT``) divided by the number of units it occurs in on
the busier side: a figure found once on each side is strong evidence,
"WHO" in every paragraph almost none.  A bead's bonus is the sum of the
weights of the anchors its sides share, capped, and is subtracted from its
cost, which may therefore be negative.

The band
--------
Translation mode fills only the DP cells within ``_BAND`` units (a
constant) of a guide line, so its work is O((n_zh + n_en) × _BAND), not
O(n_zh × n_en).  The guide is the diagonal, bent through the longest
in-order chain of *unique* anchors (a strong anchor found in exactly one
unit on each side), less the chain points no neighbour agrees with (a
coincidence).  So an omission that anchors reveal stays inside the band,
however long.  When the best path runs along the band's edge (an omission
longer than the band that no anchor revealed), the DP runs again in a band
twice as wide centred on that path, at most twice.  Summary mode fills
the whole table: O(n_zh × n_en × 3) states, each reached from a handful of
others — fine for the tens of sentences of a summary against hundreds of
Chinese paragraphs, not meant for two long texts (use translation mode).

Example
-------
>>> zh = ["世卫组织（WHO）称，今年共有3.5万人参加。", "会议将于明年举行。"]
>>> en = ["The WHO said 35,000 people took part this year.", "The meeting will be held next year."]
>>> [(b.zh, b.en, b.anchors) for b in align(zh, en)]
[((0,), (0,), 2), ((1,), (1,), 0)]
>>> sorted(anchors("今年共有3.5万人参加WHO会议"))
['n:35000', 'w:who']

Everything is deterministic: ties go to the first move in a fixed order.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate
from types import MappingProxyType

import regex

__all__ = ["Bead", "align", "anchors", "en_to_zh"]


@dataclass(frozen=True)
class Bead:
    """Chinese units and the English units that render them.

    ``zh`` and ``en`` are indices into the lists given to :func:`align`; one
    of them may be empty (English with no Chinese, or Chinese left out).
    In summary mode several English units that render the same Chinese
    window share one bead.
    ``cost`` is lower for a likelier bead (comparable within one mode);
    ``anchors`` counts the shared anchors that supported it, 0 when the
    bead rests on lengths or position only.
    """

    zh: tuple[int, ...]
    en: tuple[int, ...]
    cost: float
    anchors: int


# --------------------------------------------------------------------------
# Anchors
# --------------------------------------------------------------------------

_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")

# A figure, with what scales it.  The lookbehind keeps the tail of a longer
# number or of a decimal from counting on its own; codes such as COVID-19 or
# A4 are rejected in _figures() (they are Latin anchors instead).
_FIGURE = regex.compile(
    r"(?<![\d.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<zh>万亿|亿|万|千)"
    r"|\s*(?P<en>thousand|million|billion|trillion|bn|mn)\b"
    r"|\s*(?P<pct>%|percentage\s+points?\b|percent\b|per\s+cent\b|个百分点))?",
    regex.IGNORECASE,
)
_MAGNITUDE = MappingProxyType({
    "千": 10**3, "万": 10**4, "亿": 10**8, "万亿": 10**12,
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "bn": 10**9, "mn": 10**6,
})
# Currency codes written against the figure ("RMB120 million") are the one
# case where a letter right before a number does not make it part of a code.
_CURRENCY_BEFORE = regex.compile(r"(?:\b[A-Z]{3}|\$)$")

_URL = regex.compile(r"(?:https?://|www\.)[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+", regex.IGNORECASE)
_LATIN = regex.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]+(?:[-.&][A-Za-z0-9]+)*\+{0,2}")
_HAS_LETTER = regex.compile(r"[A-Za-z]")
# Function words would tie a Chinese unit quoting an English title to every
# English unit; they are never what makes two units each other's rendering.
_STOPWORDS = frozenset(
    "a an the of to in on at by for from with without as and or but nor not no is are was were be been "
    "being am it its this that these those he she they we you i his her their our your my me him them us "
    "has have had do does did will would shall should can could may might must than then there here so "
    "if into onto over under about after before also which who whom whose what when where why how all "
    "any each more most such only own same very just "
    # the words of figures, which are anchors as figures already
    "percent per cent percentage point points thousand million billion trillion".split()
) - {"who"}  # "WHO" the organisation matters more than "who" the pronoun

_ZH_MONTH = regex.compile(r"(?<![\d一二三四五六七八九十两几数])(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月")
_CN_MONTH = MappingProxyType({c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"十一": 11, "十二": 12})
_EN_MONTH = regex.compile(
    r"\b(?:(?P<m>January|February|April|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
    # May and March are also a verb and a noun: only next to a date or after "in".
    r"|(?P<m>May|March)(?=\s+\d)|(?<=\d\s|\b[Ii]n\s)(?P<m>May|March)\b)"
)
_EN_MONTH_NUMBER = MappingProxyType({
    name: i
    for i, names in enumerate(
        (("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
         ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sep", "Sept"),
         ("October", "Oct"), ("November", "Nov"), ("December", "Dec")),
        1,
    )
    for name in names
})

# Common surnames with their reading *as a surname* (曾 zeng, 单 shan, 解 xie),
# which a general pinyin lookup gets wrong.
_SURNAMES = MappingProxyType(dict(
    pair.split(":")
    for pair in (
        "王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 黄:huang 赵:zhao 吴:wu 周:zhou 徐:xu 孙:sun "
        "马:ma 朱:zhu 胡:hu 郭:guo 何:he 林:lin 罗:luo 高:gao 郑:zheng 梁:liang 谢:xie 宋:song 唐:tang "
        "许:xu 韩:han 冯:feng 邓:deng 曹:cao 彭:peng 曾:zeng 肖:xiao 萧:xiao 田:tian 董:dong 袁:yuan "
        "潘:pan 蒋:jiang 蔡:cai 余:yu 杜:du 叶:ye 程:cheng 苏:su 魏:wei 吕:lv 丁:ding 沈:shen 姚:yao "
        "卢:lu 姜:jiang 崔:cui 钟:zhong 谭:tan 陆:lu 汪:wang 范:fan 金:jin 廖:liao 贾:jia 夏:xia 韦:wei "
        "付:fu 傅:fu 邹:zou 孟:meng 熊:xiong 秦:qin 邱:qiu 江:jiang 尹:yin 薛:xue 闫:yan 阎:yan 段:duan "
        "雷:lei 侯:hou 龙:long 史:shi 陶:tao 黎:li 贺:he 顾:gu 毛:mao 郝:hao 龚:gong 邵:shao 钱:qian "
        "严:yan 覃:qin 戴:dai 莫:mo 孔:kong 汤:tang 常:chang 温:wen 康:kang 施:shi 牛:niu 洪:hong "
        "单:shan 解:xie 仇:qiu 查:zha 区:ou 朴:piao 乐:yue 欧阳:ouyang 司马:sima 诸葛:zhuge 上官:shangguan "
        "司徒:situ 东方:dongfang 夏侯:xiahou 皇甫:huangfu 慕容:murong 令狐:linghu 公孙:gongsun"
    ).split()
))
# 吕 is written Lü, Lyu or Lu in English; one spelling for both sides.
_SURNAME_SPELLING = MappingProxyType({"lyu": "lv", "lue": "lv"})
_SURNAME_PINYIN = frozenset(_SURNAMES.values()) | frozenset(_SURNAME_SPELLING)
_ZH_NAME = regex.compile(
    "(?P<s>" + "|".join(sorted(_SURNAMES, key=len, reverse=True)) + r")(?P<g>\p{Han}{1,2})"
)
_CAPITALISED = regex.compile(r"\b[A-Z][A-Za-z]*(?:-[A-Za-z]+)?\b")
# One or two pinyin syllables (a given name); loose, since a false candidate
# only matters if the Chinese side yields the same string.
_SYLLABLE = (
    r"(?:(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|iao|ian|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|ve|a|o|e|i|u|v)"
    r"|er)"
)
_GIVEN_NAME = regex.compile(rf"(?:{_SYLLABLE}){{1,2}}")


def anchors(text: str) -> frozenset[str]:
    """The normalised anchors of one unit (figures as canonical strings like 'n:35000', Latin tokens as 'w:who').

    Both languages go through the same extraction, so that whatever the
    Chinese and the English of a bead share is found by intersecting
    their sets; see the module docstring for the kinds.
    """
    return _anchors(text, names=True, pinyin={})


def _anchors(text: str, *, names: bool, pinyin: dict[str, str]) -> frozenset[str]:
    """:func:`anchors`, with name lookup optional and a per-call pinyin cache."""
    text = text.translate(_FULLWIDTH)
    found: set[str] = set()
    found.update(_figures(text))
    found.update(_months(text))
    found.update(_latin(text))
    if names:
        found.update(_en_names(text))
        found.update(_zh_names(text, pinyin))
    return frozenset(found)


def _figures(text: str) -> list[str]:
    """Figures as ``n:VALUE`` / ``p:VALUE``, VALUE with magnitude applied."""
    out = []
    for m in _FIGURE.finditer(text):
        start = m.start()
        if start and text[start - 1].isascii() and text[start - 1].isalpha():
            if not _CURRENCY_BEFORE.search(text, 0, start):
                continue  # part of a code or a model name: A4, MP3, H5N1
        elif start > 1 and text[start - 1] == "-" and text[start - 2].isascii() and text[start - 2].isalpha():
            continue  # COVID-19, GPT-4
        digits = m["num"].replace(",", "")
        value = Decimal(digits)
        scale = m["zh"] or m["en"]
        if scale:
            value *= _MAGNITUDE[scale.lower()]
        elif not m["pct"] and len(digits.replace(".", "")) == 1:
            continue  # a lone digit: too common to anchor anything
        out.append(("p:" if m["pct"] else "n:") + _canonical(value))
    return out


def _canonical(value: Decimal) -> str:
    """35000, 3.5 — no exponent, no trailing zeros, so equal values are equal strings."""
    return format(value.normalize(), "f")


def _months(text: str) -> list[str]:
    """Months as ``month:N`` from 3月 / 三月 and March / Mar."""
    out = []
    for m in _ZH_MONTH.finditer(text):
        token = m[1]
        number = int(token) if token.isdigit() else _CN_MONTH[token]
        out.append(f"month:{number}")
    for m in _EN_MONTH.finditer(text):
        out.append(f"month:{_EN_MONTH_NUMBER[m['m']]}")
    return out


def _latin(text: str) -> list[str]:
    """URLs and Latin tokens (with a letter, two characters or more) as ``w:token``."""
    out = []
    for m in _URL.finditer(text):
        url = m[0].lower().split("://", 1)[-1].removeprefix("www.").rstrip(".,;:!?'/")
        if url:
            out.append("w:" + url)
    if out:
        text = _URL.sub(" ", text)
    for token in {t.lower() for t in _LATIN.findall(text)}:
        if len(token) >= 2 and token not in _STOPWORDS and _HAS_LETTER.search(token):
            out.append("w:" + token)
    return out


def _en_names(text: str) -> list[str]:
    """Pinyin names, surname first or last, as ``name:surnamegiven``."""
    out = []
    words = list(_CAPITALISED.finditer(text))
    for first, second in zip(words, words[1:]):
        if text[first.end() : second.start()] not in (" ", "\u00a0"):
            continue
        a, b = first[0].lower().replace("-", ""), second[0].lower().replace("-", "")
        if a in _SURNAME_PINYIN and _GIVEN_NAME.fullmatch(b):
            out.append(f"name:{_SURNAME_SPELLING.get(a, a)}{b}")
        if b in _SURNAME_PINYIN and _GIVEN_NAME.fullmatch(a):
            out.append(f"name:{_SURNAME_SPELLING.get(b, b)}{a}")
    return out


def _zh_names(text: str, pinyin: dict[str, str]) -> list[str]:
    """Every surname + one or two characters, in pinyin, as ``name:...``.

    Most candidates are not names (王 in 国王); they cost a lookup and
    match nothing, since only what the English also names can count.
    """
    out = []
    for m in _ZH_NAME.finditer(text, overlapped=True):
        surname = _SURNAMES[m["s"]]
        given = ""
        for char in m["g"]:  # 王晓 and 王晓红: the given name has one or two characters
            given += _pinyin_of(char, pinyin)
            out.append(f"name:{surname}{given}")
            if surname == "lv":  # 吕 as most English texts spell it
                out.append(f"name:lu{given}")
    return out


def _pinyin_of(char: str, cache: dict[str, str]) -> str:
    """Toneless pinyin of one character, cached for one call of :func:`align`."""
    if char not in cache:
        # lintkit's cached pinyin table: importing pypinyin itself costs 0.35 s
        from .analysis.names import default_pinyin

        cache[char] = "".join(default_pinyin(char)).replace("ü", "v")
    return cache[char]


# --------------------------------------------------------------------------
# Shared anchors of a bead
# --------------------------------------------------------------------------

# Weight of one shared anchor, in the unit of the bead costs (nats).  A
# figure found once on each side (2.5) outweighs a length mismatch of about
# 1.8 standard deviations: enough to choose between two paragraphs of
# similar length, not enough on its own to pay for a 1-0 bead (4.2) or to
# glue two paragraphs of very different lengths.  Latin words are a little
# weaker (an English term quoted in Chinese may recur nearby); months much
# weaker (twelve values, many dates).
_KIND_WEIGHT = MappingProxyType({"n": 2.5, "p": 2.5, "name": 2.5, "w": 2.0, "month": 1.0})
_BONUS_CAP = 7.5  # three strong anchors settle a bead; more should not drown the lengths


@dataclass(frozen=True)
class _Anchored:
    """Each unit's anchors that the other side also has, and their weights."""

    zh: list[frozenset[str]]
    en: list[frozenset[str]]
    weight: dict[str, float]
    df_zh: Counter[str]  # in how many Chinese units each anchor occurs
    df_en: Counter[str]

    def bonus(self, shared: frozenset[str] | set[str]) -> float:
        """The cost a bead saves for the anchors its sides share."""
        return min(_BONUS_CAP, sum(self.weight[a] for a in shared))


def _anchored(zh: Sequence[str], en: Sequence[str],
              anchor_sets: dict[str, list[frozenset[str]]] | None = None) -> _Anchored:
    """Extract both sides' anchors and keep those found on both sides.
    ``anchor_sets``, when given, receives each side's ``anchors()`` before
    that: ``"en"`` always, ``"zh"`` when the English names people (else the
    Chinese sets lack names, and are not ``anchors()``)."""
    pinyin: dict[str, str] = {}
    en_sets = [_anchors(t, names=True, pinyin=pinyin) for t in en]
    en_names = any(a.startswith("name:") for s in en_sets for a in s)
    zh_sets = [_anchors(t, names=en_names, pinyin=pinyin) for t in zh]
    if anchor_sets is not None:
        anchor_sets["en"] = en_sets
        if en_names:
            anchor_sets["zh"] = zh_sets
    common = frozenset().union(*zh_sets) & frozenset().union(*en_sets)
    zh_sets = [s & common for s in zh_sets]
    en_sets = [s & common for s in en_sets]
    df_zh = Counter(a for s in zh_sets for a in s)
    df_en = Counter(a for s in en_sets for a in s)
    weight = {a: _KIND_WEIGHT[a.split(":", 1)[0]] / max(df_zh[a], df_en[a]) for a in common}
    return _Anchored(zh_sets, en_sets, weight, df_zh, df_en)


# --------------------------------------------------------------------------
# Translation mode
# --------------------------------------------------------------------------

# Bead priors, cost = -log(prior); the order of _MOVES breaks ties.  Gale &
# Church's (0.89, 0.0099 for 1-0 and 0-1 together, 0.089 for 2-1 and 1-2,
# 0.011) with 1-0 and 0-1 three times likelier: editors drop and add whole
# paragraphs (background for foreign readers) more often than the
# parliamentary translators Gale & Church measured.
_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))  # (zh units, en units)
_PRIOR_COST = tuple(-math.log(p) for p in (0.85, 0.015, 0.015, 0.045, 0.045, 0.01))
# Variance of the English length per character, after scaling the Chinese
# length by the text's ratio.  Gale & Church found 6.8 for German/French
# against English; Chinese/English translation is looser, so lengths are
# trusted somewhat less.
_VARIANCE = 10.0
_BAND = 12  # units either side of the guide line; constant, so the DP is linear
_RECENTRE = 2  # re-runs around a path that hit the band's edge (at twice the width), at most
_RATIO_PAIRS = 2  # fewer known pairs than this say nothing about the ratio
_RATIO_TOLERANCE = 0.03  # a second pass when the 1-1 beads' ratio differs from the first by more


def _length(text: str) -> int:
    """Characters without whitespace runs: what Gale–Church lengths count."""
    return len(" ".join(text.split()))


def _length_cost(l_zh: float, l_en: float) -> float:
    """-log P(a length difference at least this large), a two-sided normal tail.

    Lengths are in English characters (Chinese already scaled); the
    variance grows with the mean length of the two sides.
    """
    total = l_zh + l_en
    if total <= 0:
        return 0.0
    x = abs(l_en - l_zh) / math.sqrt(_VARIANCE * total)  # = |δ| / √2 with var = s²·total/2
    p = math.erfc(x)
    if p > 1e-300:
        return -math.log(p)
    return x * x + math.log(x * math.sqrt(math.pi))  # asymptotic tail, where erfc underflows


def _translation(zh: Sequence[str], en: Sequence[str], anchored: _Anchored) -> list[Bead]:
    """Gale–Church with the anchor bonus, inside a band around the guide line.

    The length ratio cannot simply be taken from the two totals: a text
    that leaves out a fifth of the Chinese would have a ratio a fifth too
    low, which makes 2-1 beads look right everywhere.  Units that unique
    anchors pair give it best; failing two of them, both the ratio of
    the totals (right when the English merges or splits paragraphs) and
    that of the mean unit lengths (right when it drops or adds some) are
    tried, and the cheaper alignment wins.  Then the ratio is measured
    again on that alignment's 1-1 beads and, if it moved, the DP runs once
    more around the path found: a few passes, each linear.
    """
    n, m = len(zh), len(en)
    lz = [_length(t) for t in zh]
    le = [_length(t) for t in en]
    sets = (_trailing_sets(anchored.zh), _trailing_sets(anchored.en))
    guide = _guide(anchored, n, m)
    rows = _guide_rows(guide, m)
    anchored_pairs = [(int(i), int(j)) for j, i in guide[1:-1]]
    if len(anchored_pairs) >= _RATIO_PAIRS:
        ratios = [_ratio(lz, le, anchored_pairs)]
    else:
        ratios = _distinct([_ratio(lz, le, None), _ratio(lz, le, None) * n / m])
    path, lo, costs = min(
        (_best_path(lz, le, ratio, sets, rows, anchored) for ratio in ratios),
        key=lambda found: found[2][-1][-1],  # the cost of the whole path, at cell (n, m)
    )
    ratio, refined = ratios[0], _ratio(lz, le, _one_to_one(path))
    if _distinct([ratio, refined]) != [ratio]:
        path, lo, costs = _best_path(lz, le, refined, sets, _path_rows(path, m), anchored)

    zs, es = sets
    beads = []
    for (pi, pj), (i, j) in zip(path, path[1:]):
        shared = zs[i - pi][i] & es[j - pj][j]
        step = costs[j][i - lo[j]] - costs[pj][pi - lo[pj]]
        beads.append(Bead(tuple(range(pi, i)), tuple(range(pj, j)), step, len(shared)))
    return beads


def _ratio(lz: list[int], le: list[int], pairs: list[tuple[int, int]] | None) -> float:
    """English characters per Chinese character: over the units ``pairs`` pairs, or all of them.

    Too few pairs (fewer than ``_RATIO_PAIRS``) say too little: then all units count.
    """
    if pairs is None or len(pairs) < _RATIO_PAIRS:
        total_zh, total_en = sum(lz), sum(le)
    else:
        total_zh, total_en = sum(lz[i] for i, _ in pairs), sum(le[j] for _, j in pairs)
    return total_en / total_zh if total_zh and total_en else 1.0


def _distinct(ratios: list[float]) -> list[float]:
    """The ratios that differ from every earlier one by more than ``_RATIO_TOLERANCE``."""
    kept: list[float] = []
    for ratio in ratios:
        if all(abs(ratio - other) > _RATIO_TOLERANCE * other for other in kept):
            kept.append(ratio)
    return kept


def _one_to_one(path: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (zh, en) index pairs of a path's 1-1 beads."""
    return [(pi, pj) for (pi, pj), (i, j) in zip(path, path[1:]) if i - pi == j - pj == 1]


def _best_path(
    lz: list[int], le: list[int], ratio: float, sets: tuple, rows: list[tuple[int, int]], anchored: _Anchored
) -> tuple[list[tuple[int, int]], list[int], list[list[float]]]:
    """The best path in a band around ``rows``, with the band's lower edges and the cost table.

    When the path runs along the edge of the band, the truth may lie
    beyond it (an omission longer than the band that no anchor revealed):
    the band is then centred on that path and the DP run again, at most
    ``_RECENTRE`` times, so the cost stays linear.
    """
    n, m = len(lz), len(le)
    # Prefix sums, so that a bead's length is one subtraction.
    lengths = (list(accumulate((l * ratio for l in lz), initial=0.0)), list(accumulate(le, initial=0.0)))
    width = _BAND
    for attempt in range(_RECENTRE + 1):
        lo, hi = _band(n, rows, width)
        costs, backs = _fill(lo, hi, lengths, sets, anchored)
        path = _path(lo, backs, n, m)
        if not any((0 < i == lo[j]) or (n > i == hi[j]) for i, j in path):
            break
        # The edge held the path back: look again around it, and twice as far
        # (once), since the truth may lie further than one more band away.
        rows = _path_rows(path, m)
        width = 2 * _BAND
    return path, lo, costs


def _fill(
    lo: list[int], hi: list[int], lengths: tuple, sets: tuple, anchored: _Anchored
) -> tuple[list[list[float]], list[bytearray]]:
    """The DP table inside the band: best cost to each cell and the move that reached it.

    Cell (i, j) of row j is ``costs[j][i - lo[j]]``: i Chinese and j
    English units aligned.  Written for speed (this loop is the whole
    cost of a long text): each row lists its possible moves once.
    """
    cz, ce = lengths
    zs, es = sets
    inf = math.inf
    costs: list[list[float]] = []
    backs: list[bytearray] = []
    for j in range(len(lo)):
        l0, h0 = lo[j], hi[j]
        row = [inf] * (h0 - l0 + 1)
        back = bytearray(h0 - l0 + 1)
        costs.append(row)
        backs.append(back)
        # The moves that can end in this row, with what they need of the row they start from.
        moves = [
            (move, di, _PRIOR_COST[move], costs[j - dj], lo[j - dj], hi[j - dj], ce[j] - ce[j - dj], es[dj][j])
            for move, (di, dj) in enumerate(_MOVES)
            if j >= dj
        ]
        for i in range(l0, h0 + 1):
            best, best_move = (0.0, 0) if i == 0 == j else (inf, 0)
            for move, di, prior, before_row, before_lo, before_hi, len_en, en_set in moves:
                pi = i - di
                if pi < before_lo or pi > before_hi:
                    continue
                total = before_row[pi - before_lo] + prior
                if di and len_en:
                    total += _length_cost(cz[i] - cz[pi], len_en)
                    if en_set and zs[di][i]:
                        shared = en_set & zs[di][i]
                        if shared:
                            total -= anchored.bonus(shared)
                if total < best:
                    best, best_move = total, move
            row[i - l0], back[i - l0] = best, best_move
    return costs, backs


def _path(lo: list[int], backs: list[bytearray], n: int, m: int) -> list[tuple[int, int]]:
    """The cells (i, j) of the best path, from (0, 0) to (n, m)."""
    path = [(n, m)]
    i, j = n, m
    while i or j:
        di, dj = _MOVES[backs[j][i - lo[j]]]
        i, j = i - di, j - dj
        path.append((i, j))
    path.reverse()
    return path


def _trailing_sets(sets: list[frozenset[str]]) -> tuple[list[frozenset[str]], ...]:
    """``out[d][k]``: the anchors of units k-d .. k-1 (d = 0, 1, 2; empty where k < d)."""
    empty: frozenset[str] = frozenset()
    one = [empty] + sets
    two = [empty, empty] + [a | b if a or b else empty for a, b in zip(sets, sets[1:])]
    return [empty] * (len(sets) + 1), one, two


def _guide(anchored: _Anchored, n: int, m: int) -> list[tuple[float, float]]:
    """Points (en position, zh position) the band's centre line passes through.

    The diagonal's ends, plus the longest in-order chain of unique strong
    anchors, less the points no neighbour agrees with (a year that happens
    to occur once in two unrelated paragraphs).
    """
    where_zh: dict[str, int] = {}
    for i, s in enumerate(anchored.zh):
        for a in s:
            where_zh[a] = i
    pairs = sorted(
        {
            (j + 0.5, where_zh[a] + 0.5)
            for j, s in enumerate(anchored.en)
            for a in s
            if anchored.df_zh[a] == 1 and anchored.df_en[a] == 1 and _strong(a)
        },
        key=lambda p: (p[0], -p[1]),  # one en unit may not take two zh points of the chain
    )
    chain = [(0.0, 0.0)] + _increasing(pairs) + [(float(m), float(n))]
    slope = n / m

    def offset(p: tuple[float, float]) -> float:
        return p[1] - p[0] * slope

    kept = [chain[0]]
    for before, point, after in zip(chain, chain[1:], chain[2:]):
        if min(abs(offset(point) - offset(before)), abs(offset(point) - offset(after))) <= _BAND / 2:
            kept.append(point)
    kept.append(chain[-1])
    return kept


def _strong(anchor: str) -> bool:
    """Whether one occurrence on each side is enough to pin the band there."""
    kind, value = anchor.split(":", 1)
    if kind in ("n", "p"):
        return len(value) >= 3  # 2019, 35000, 12.5 — not 12
    return kind in ("w", "name") and len(value) >= 3


def _increasing(pairs: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The longest chain strictly increasing in the second coordinate (patience sorting)."""
    tails: list[float] = []
    tail_index: list[int] = []
    parent: list[int] = []
    for k, (_, y) in enumerate(pairs):
        pos = bisect_left(tails, y)
        if pos == len(tails):
            tails.append(y)
            tail_index.append(k)
        else:
            tails[pos] = y
            tail_index[pos] = k
        parent.append(tail_index[pos - 1] if pos else -1)
    chain = []
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        chain.append(pairs[k])
        k = parent[k]
    chain.reverse()
    return chain


def _guide_rows(guide: list[tuple[float, float]], m: int) -> list[tuple[int, int]]:
    """For each English count j, the Chinese counts the guide line crosses near it.

    Row j lies between English units j - 1 and j, so it spans the guide
    from x = j - 0.5 to x = j + 0.5: on a steep stretch (Chinese left out)
    that is many Chinese units, all of which the path must be able to
    skip within the row.
    """
    ys = _interpolate(guide, [min(max(j - 0.5, 0.0), float(m)) for j in range(m + 2)])
    return [(math.floor(ys[j]), math.ceil(ys[j + 1])) for j in range(m + 1)]


def _interpolate(points: list[tuple[float, float]], xs: list[float]) -> list[float]:
    """The polyline through ``points`` (x increasing) at each of ``xs`` (increasing)."""
    ys = []
    seg = 0
    for x in xs:
        while points[seg + 1][0] < x:
            seg += 1
        (x0, y0), (x1, y1) = points[seg], points[seg + 1]
        ys.append(y0 + (x - x0) * (y1 - y0) / (x1 - x0) if x1 > x0 else y1)
    return ys


def _path_rows(path: list[tuple[int, int]], m: int) -> list[tuple[int, int]]:
    """For each English count j, the Chinese counts a path visits there.

    A row that a 1-2 or 2-2 bead jumps over gets the counts on either side.
    """
    rows: list[tuple[int, int] | None] = [None] * (m + 1)
    for (pi, pj), (i, j) in zip(path, path[1:]):
        if j == pj + 2:
            rows[pj + 1] = (pi, i)
    for i, j in path:
        low, high = rows[j] or (i, i)
        rows[j] = (min(low, i), max(high, i))
    return rows  # type: ignore[return-value]  # every row is set: the path reaches each j or jumps it


def _band(n: int, rows: list[tuple[int, int]], width: int) -> tuple[list[int], list[int]]:
    """For each English count j, the range of Chinese counts the DP may visit.

    Row j spans its centre range and the start of the next row's, widened
    by ``width`` on both sides; so consecutive rows overlap (a path always
    exists) and the cells number about n + m × (2 × width + 1).
    """
    m = len(rows) - 1
    lo = [max(0, min(n, low - width)) for low, _ in rows]
    hi = [min(n, max(high, next_low) + width) for (_, high), (next_low, _) in zip(rows, rows[1:])] + [n]
    for j in range(1, m + 1):  # keep both edges monotone, whatever rounding did
        lo[j] = max(lo[j], lo[j - 1])
    for j in range(m - 1, -1, -1):
        hi[j] = min(hi[j], hi[j + 1])
    lo[0] = 0
    return lo, hi


# --------------------------------------------------------------------------
# Summary mode
# --------------------------------------------------------------------------

_SKIP = 0.05  # a Chinese unit the summary leaves out: the normal case
_NONE = 1.0  # an English unit with no Chinese in the DP (placed by position afterwards)
_MATCH = 1.0  # an English unit given Chinese that shares an anchor, before the bonus
_EXTRA = 0.3  # per Chinese unit beyond the first: more than two skips, so only anchors pay for it
_ORDER = 0.3  # times the distance from the proportional position (a fraction of the text): ties only
_POSITIONED = 4.0  # an English unit placed by position only: low confidence
_WINDOW = 3  # at most this many contiguous Chinese units per bead

_Unit = tuple[tuple[int, ...], float, frozenset[str]]  # an English unit's window, cost, shared anchors


def _summary(n: int, m: int, anchored: _Anchored) -> list[Bead]:
    """Monotone DP: each English unit takes a window of 1-3 contiguous Chinese units, or none.

    Consecutive English units may share one window (an abstract of seven
    sentences against the one paragraph of the Chinese abstract); they
    then form one bead.  A window must share at least one anchor with the
    English unit.  State (j, i, k): j English and i Chinese units placed,
    the last English unit in a bead whose window is the last k Chinese
    units (k = 0: none open).  O(n × m × _WINDOW) states, each reached
    from O(_WINDOW) others.
    """
    za, ea = anchored.zh, anchored.en
    inf = math.inf
    width = _WINDOW + 1
    cost = [[[inf] * width for _ in range(n + 1)] for _ in range(m + 1)]
    # How each state was reached: (move, k of the state it came from); moves below.
    back: list[list[list[tuple[str, int]]]] = [[[("", 0)] * width for _ in range(n + 1)] for _ in range(m + 1)]
    cost[0][0][0] = 0.0
    for j in range(m + 1):
        en_set = ea[j - 1] if j else frozenset()
        for i in range(n + 1):
            cell, came = cost[j][i], back[j][i]
            if i:  # leave Chinese unit i - 1 out; no bead is open after it
                k = _argmin(cost[j][i - 1])
                if cost[j][i - 1][k] + _SKIP < cell[0]:
                    cell[0], came[0] = cost[j][i - 1][k] + _SKIP, ("skip", k)
            if not j:
                continue
            k = _argmin(cost[j - 1][i])
            if cost[j - 1][i][k] + _NONE < cell[0]:  # English unit j - 1 without Chinese
                cell[0], came[0] = cost[j - 1][i][k] + _NONE, ("none", k)
            if not en_set:
                continue
            shared: frozenset[str] = frozenset()
            for size in range(1, min(_WINDOW, i) + 1):
                shared = shared | (za[i - size] & en_set)
                if not shared:
                    continue
                drift = abs((i - size / 2) / n - (j - 0.5) / m)
                value = _MATCH - anchored.bonus(shared) + _ORDER * drift
                before = cost[j - 1][i - size]
                k = _argmin(before)
                if before[k] + value + _EXTRA * (size - 1) < cell[size]:  # a window of its own
                    cell[size], came[size] = before[k] + value + _EXTRA * (size - 1), ("new", k)
                if cost[j - 1][i][size] + value < cell[size]:  # the previous English unit's window
                    cell[size], came[size] = cost[j - 1][i][size] + value, ("join", size)

    units: dict[int, _Unit] = {}
    i, j, k = n, m, _argmin(cost[m][n])
    while i or j:
        move, before = back[j][i][k]
        if move == "skip":
            i -= 1
        elif move == "none":
            j -= 1
            units[j] = ((), _NONE, frozenset())
        else:
            j -= 1
            window = tuple(range(i - k, i))
            drift = abs((i - k / 2) / n - (j + 0.5) / m)
            shared = frozenset().union(*(za[z] for z in window)) & ea[j]
            extra = _EXTRA * (k - 1) if move == "new" else 0.0
            units[j] = (window, _MATCH - anchored.bonus(shared) + _ORDER * drift + extra, shared)
            if move == "new":
                i -= k
        k = before
    _place_by_position(units, n, m)
    return _summary_beads(units, n, m)


def _argmin(values: list[float]) -> int:
    """Index of the smallest value, the first on ties (determinism)."""
    return min(range(len(values)), key=values.__getitem__)


def _place_by_position(units: dict[int, _Unit], n: int, m: int) -> None:
    """Give each run of English units left without Chinese the middle of its gap.

    The gap is the Chinese strictly between the neighbours' windows; k
    floating units share it out evenly, one Chinese unit each, in order.
    A unit whose share is empty keeps no Chinese.
    """
    j = 0
    while j < m:
        if units[j][0]:
            j += 1
            continue
        run_end = j
        while run_end < m and not units[run_end][0]:
            run_end += 1
        start = units[j - 1][0][-1] + 1 if j else 0
        stop = units[run_end][0][0] if run_end < m else n
        gap, count = stop - start, run_end - j
        used = start - 1
        for t in range(count):
            pick = start + ((2 * t + 1) * gap) // (2 * count)
            if gap > 0 and pick > used:
                units[j + t] = ((pick,), _POSITIONED, frozenset())
                used = pick
        j = run_end


def _summary_beads(units: dict[int, _Unit], n: int, m: int) -> list[Bead]:
    """Beads in order: English units sharing a window as one, left-out Chinese between."""
    beads: list[Bead] = []
    next_zh = 0
    j = 0
    while j < m:
        window = units[j][0]
        last = j
        while window and last + 1 < m and units[last + 1][0] == window:
            last += 1
        beads.extend(Bead((i,), (), _SKIP, 0) for i in range(next_zh, window[0] if window else next_zh))
        group = [units[t] for t in range(j, last + 1)]
        shared = frozenset().union(*(u[2] for u in group))
        beads.append(Bead(window, tuple(range(j, last + 1)), sum(u[1] for u in group), len(shared)))
        if window:
            next_zh = window[-1] + 1
        j = last + 1
    beads.extend(Bead((i,), (), _SKIP, 0) for i in range(next_zh, n))
    return beads


# --------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------

_MODES = ("translation", "summary")


def align(zh: Sequence[str], en: Sequence[str], *, mode: str = "translation",
          anchor_sets: dict[str, list[frozenset[str]]] | None = None) -> list[Bead]:
    """Beads in order, covering every index of zh and en exactly once.

    ``mode`` is ``"translation"`` (the English renders all of the Chinese,
    give or take a paragraph) or ``"summary"`` (the English sums up a
    longer Chinese text); the module docstring explains both.  A caller
    that needs the ``anchors()`` of the units too passes a dict as
    ``anchor_sets`` (see ``_anchored``) instead of extracting them again.
    """
    if mode not in _MODES:
        raise ValueError(f"unknown alignment mode {mode!r}: expected one of {', '.join(_MODES)}")
    n, m = len(zh), len(en)
    if not n or not m:  # nothing to pair: every unit on its own
        return [Bead((i,), (), 0.0, 0) for i in range(n)] + [Bead((), (j,), 0.0, 0) for j in range(m)]
    anchored = _anchored(zh, en, anchor_sets)
    if mode == "summary":
        return _summary(n, m, anchored)
    return _translation(zh, en, anchored)


def en_to_zh(beads: list[Bead]) -> dict[int, tuple[int, ...]]:
    """For each English index, the Chinese indices of its bead (empty tuple if none)."""
    return {j: bead.zh for bead in beads for j in bead.en}
