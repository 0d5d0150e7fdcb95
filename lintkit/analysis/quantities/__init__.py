"""Quantities in Chinese and English text: value, unit, kind, approximation, range.

A shared analysis (``doc.analysis(quantities)``): every figure of every
block, read once per document, so that rules comparing an English summary
with its Chinese article, or a headline with its body, speak about the same
objects.

What is read
------------
* numerals: Arabic (``3.6``, ``36,000``), Chinese (``三十一``, ``两``,
  ``十余``, through cn2an), English number words (``seven``, ``thirty-one``,
  ``three decades``) and ordinals (``31st``, ``thirty-first``, ``第三十一届``);
* magnitudes: 万/亿/万亿 against thousand/million/billion/trillion, so
  ``3.6万`` and ``36,000`` (or ``5120亿美元`` and ``$512 billion``) are the
  same value;
* kinds: ``date``, ``year``, ``count``, ``ordinal``, ``percent`` (with
  ``points`` for 个百分点 / percentage points), ``money``, ``measure``,
  ``duration``, ``time``.  Measures and durations are normalised to one base unit
  (W, Wh, m, m², g, s, ...), so ``15兆瓦`` equals ``15 MW`` and
  ``15,000 kilowatts``; money keeps its currency as unit;
* approximation: 余/多/超/超过/逾/以上 and over/more than → ``over``;
  约/左右/上下 and about/around/approximately → ``about``; 近/将近/接近 and
  nearly/almost → ``nearly``; 不到/不足 and less than/under → ``under``;
* times of day (kind ``time``): 晚上九点, 上午9时30分, 9点半, 当晚9点 and
  "nine o'clock", "9 a.m.", "at 9:30", "nine in the evening".  ``value`` is
  minutes after midnight; ``unit`` is ``clock`` when the half of the day is
  known (a period word — 上午/晚上, a.m./p.m., in the morning/evening — or an
  hour above 12), ``clock12`` when it is not, and :func:`same_value` then
  compares modulo twelve hours.  A clock time is read only with such a
  marker: a bare "at nine" or 三点 (also "three points") stays a count, so
  that 三点建议 is never a time;
* ranges: ``3月2日至4日``, ``2%—3%``, ``4-6年``, ``March 2 to 4`` (``high``);
* dates with or without year.  A Chinese month-day without a year gets one
  inferred (``year_source`` says how, or ``""`` when it could not be):
  from the issue date of the article or the document (a ``YYYY年M月D日出版``
  line, or a newspaper source line) — the latest such day not after the issue, or the
  first one after it for an announced event (将于…) — and
  from the article's own words: an article that reports, reviews or sums
  up a year's work (``Y年度工作``, ``Y年工作``) is written after that year.
  When the two disagree the year is left unknown.

Every quantity records the noun it counts (``noun``: the few characters or
words that follow it) so that rules can require the same unit *and* the same
thing counted before they compare values.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import regex

from ...model.language import EN

# The package's modules, one job each (dependencies flow one way:
# model <- numerals <- units <- times, chinese, english <- dates, compare <- here);
# their names are re-exported so that ``lintkit.analysis.quantities.X`` keeps working.
from . import units as _units
from .chinese import extract_zh
from .compare import same_value
from .dates import _ISSUE, infer_years, issue_date
from .english import _singular, extract_en  # noqa: F401  # _singular: read by plugins/lintkit_numbers/nouns.py
from .model import ABOUT, KINDS, NEARLY, OVER, UNDER, VAGUE, Quantity, format_value
from .numerals import _CN_SHORT_MAX, _cn_short, cn_number  # noqa: F401  # the private two: tests/test_fast_paths.py
from .times import same_time
from .units import (
    EN_CURRENCY_SIGNS,
    EN_CURRENCY_WORDS,
    EN_UNITS,
    SYMBOL_UNITS,
    ZH_CLASSIFIERS,
    ZH_CURRENCIES,
    ZH_UNITS,
    load_units,
    symbol_unit,
)

__all__ = [
    "quantities",
    "in_span",
    "Quantity",
    "KINDS",
    "ABOUT",
    "NEARLY",
    "OVER",
    "VAGUE",
    "UNDER",
    "format_value",
    "same_value",
    "same_time",
    "cn_number",
    "extract_zh",
    "extract_en",
    "infer_years",
    "issue_date",
    "load_units",
    "EN_UNITS",
    "ZH_UNITS",
    "SYMBOL_UNITS",
    "ZH_CURRENCIES",
    "EN_CURRENCY_WORDS",
    "EN_CURRENCY_SIGNS",
    "ZH_CLASSIFIERS",
    "symbol_unit",
]

if TYPE_CHECKING:  # pragma: no cover
    from ...model.document import Document

__all__ = [
    "Quantity",
    "quantities",
    "extract_zh",
    "extract_en",
    "issue_date",
    "infer_years",
    "same_value",
    "same_time",
    "KINDS",
    "ZH_UNITS",
    "EN_UNITS",
    "SYMBOL_UNITS",
    "load_units",
]

# Module globals that load_units rebinds (NEEDS_NUMERAL and the unit
# patterns) live in units.py; a copy here would go stale, so attribute access
# (``quantities.NEEDS_NUMERAL``) is forwarded to the units module instead.
_REBOUND = frozenset(
    {"NEEDS_NUMERAL", "_ZH_UNIT_ALT", "_SYMBOL_ALT", "_ZH_AFTER", "_ZH_YEAR", "_EN_AFTER_UNIT", "_SYMBOL_FOLDED"}
)


def __getattr__(name: str):
    if name in _REBOUND:
        return getattr(_units, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --------------------------------------------------------------------------
# small patterns used inside the loops, compiled once (``regex.match(str, ...)``
# looks its pattern up in regex's cache on every call, which costs more than
# the match itself on this many short strings)

_ANY_FIGURE = regex.compile(
    r"[\d零〇一二两三四五六七八九十百千万亿]|(?i:\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|third|fifth|decade)\w*)"
)
_THREE_WORDS = regex.compile(r"[A-Za-z]{3,}\s+[A-Za-z]{3,}\s+[A-Za-z]{3,}")
_EN_RUN = regex.compile(r"[A-Za-z$\\][A-Za-z0-9 ,.$%\\'’\-–]{20,}")


# --------------------------------------------------------------------------
# the document analysis


# Traditional characters of the numeral, magnitude, classifier and unit
# vocabulary, read as their simplified forms (one character for one, so
# offsets do not move): 70多個國家 is read as 70多个国家.
_TRADITIONAL = str.maketrans(
    "個項條屆種類場輪張冊門層級組間處筆輛棟節點萬億兩臺隻顆歲週時鐘號約餘幾將達過噸畝國區縣倉範軍會際萬",
    "个项条届种类场轮张册门层级组间处笔辆栋节点万亿两台只颗岁周时钟号约余几将达过吨亩国区县仓范军会际万",
)
_TRADITIONAL_ANY = regex.compile("[個項條屆種類場輪張冊門層級組間處筆輛棟節點萬億兩臺隻顆歲週時鐘號約餘幾將達過噸畝國]")
# Every character _TRADITIONAL rewrites.  ``str.translate`` looks each
# character of the whole document up in its table (a few milliseconds a
# document); ``re`` finds the few traditional ones and replaces only them
# (``_simplified``): the same string, about ten times sooner.
_TRADITIONAL_CHAR = re.compile("[" + "".join(sorted(map(chr, _TRADITIONAL))) + "]")
_SIMPLIFIED_OF = {chr(k): chr(v) for k, v in _TRADITIONAL.items()}


def _simplified(text: str) -> str:
    """``text.translate(_TRADITIONAL)``, replacing only the characters it changes."""
    return _TRADITIONAL_CHAR.sub(lambda m: _SIMPLIFIED_OF[m[0]], text)


_LATEX_FIGURE = regex.compile(r"\$(?P<body>(?:[\d\s.,~+\-]|\\%|\\sim\b)+)\$")
_MD_ESCAPE = regex.compile(r"\\(?=[%~])")


def _figure_in_math(m: regex.Match) -> str:
    """``$9 9 . 5 \\%$`` → ``99.5%`` padded with spaces to the same length."""
    body = m["body"].replace("\\sim", "~").replace("\\%", "%")
    compact = regex.sub(r"(?<=[\d.])\s+(?=[\d.%])", "", body).strip()
    return compact + " " * (len(m.group(0)) - len(compact))


def _unescape(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with figures in LaTeX math and Markdown escapes (\\%, \\~)
    written plainly, every offset kept (padding with spaces); and the spans
    rewritten, so that a figure read there can be given its whole span."""
    spans = [(m.start(), m.end()) for m in _LATEX_FIGURE.finditer(text)]
    spans += [(m.start(), m.end() + 1) for m in _MD_ESCAPE.finditer(text)]
    spans.sort()
    text = _LATEX_FIGURE.sub(_figure_in_math, text)
    return text.replace("\\%", "% ").replace("\\~", "~ "), spans


def _as_written(q: Quantity, text: str, spans: list[tuple[int, int]]) -> Quantity:
    """``q`` read from rewritten text: its span widened to the rewritten
    spans it touches, its text as written."""
    import bisect  # noqa: PLC0415

    s, e = q.start, q.end
    k = bisect.bisect_right(spans, (e, len(text) + 1)) - 1
    while k >= 0 and spans[k][1] > s:
        if spans[k][0] < e:
            s, e = min(s, spans[k][0]), max(e, spans[k][1])
        k -= 1
    written = text[s:e].strip()
    if s == q.start and e == q.end and written == q.text:
        return q  # (most quantities touch no rewritten span: nothing to copy)
    return replace(q, start=s, end=e, text=written)


def quantities(doc: "Document") -> dict[int, list[Quantity]]:
    """Quantities per block index; Chinese dates get their year inferred per article."""
    text = doc.text
    # Chinese is read in simplified characters (a copy of the text, translated
    # once); each quantity keeps the text as written.
    zh_text = _simplified(text) if _TRADITIONAL_ANY.search(text) else text
    # LaTeX and Markdown escapes of PDF conversion, read as the figures they are
    # ($9 9 . 5 \%$ is 99.5%, not nine dollars; 2\~3 is 2~3), offsets kept
    spans: list[tuple[int, int]] = []
    en_text = text
    if "\\" in text:
        en_text, spans = _unescape(text)
        zh_text, _ = _unescape(zh_text)
    per_block: dict[int, list[Quantity]] = {}
    for i, b in enumerate(doc.blocks):
        segment = text[b.start : b.end]
        if not _ANY_FIGURE.search(segment):
            continue
        if b.lang == EN:
            qs = extract_en(en_text, b.start, b.end, i)
            if en_text is not text:
                qs = [_as_written(q, text, spans) for q in qs]
        else:
            qs = extract_zh(zh_text, b.start, b.end, i)
            if zh_text is not text:
                qs = [_as_written(q, text, spans) for q in qs]
            # English sentences inside a mixed block
            if _THREE_WORDS.search(segment):
                for s in _EN_RUN.finditer(segment):
                    en_q = extract_en(en_text, b.start + s.start(), b.start + s.end(), i)
                    if en_text is not text:
                        en_q = [_as_written(q, text, spans) for q in en_q]
                    qs.extend(q for q in en_q if not any(q.start < o.end and o.start < q.end for o in qs))
                qs.sort(key=lambda q: q.start)
        if qs:
            per_block[i] = qs
    issue = issue_date(doc)
    for a in doc.articles:
        if not any(i in per_block for i in range(a.first_block, a.last_block + 1)):
            continue  # no quantity to date: the body is not needed
        body = "".join(text[doc.blocks[i].start : doc.blocks[i].end] for i in a.chinese_blocks())
        # a reprint carries its own source line (《X报》Y年M月D日第N版): it dates the article
        own = _ISSUE.search(text, a.start, a.end)
        article_issue = (int(own["y"]), int(own["m"]), int(own["d"])) if own else issue
        for i in range(a.first_block, a.last_block + 1):
            if i in per_block:
                per_block[i] = infer_years(per_block[i], article_issue, body, text)
    return per_block


def in_span(doc: "Document", start: int, end: int) -> list[Quantity]:
    """Quantities lying within ``[start, end)``."""
    out: list[Quantity] = []
    qs = doc.analysis(quantities)
    first = doc.block_at(start)
    if first is None:
        first = 0
    for i in range(first, len(doc.blocks)):
        if doc.blocks[i].start >= end:
            break
        out.extend(q for q in qs.get(i, ()) if start <= q.start and q.end <= end)
    return out
