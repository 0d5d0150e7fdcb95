"""Attributions: phrases that name (or pretend to name) a source — 据《X》报道,
根据X发布的《Y》, X表示/说/介绍, 数据来源：X — and the vague ones that name
nobody (数据显示, 研究表明, 据统计); source captions (数据来源：X).

Its own module because finding who a passage says its figures come from is
the job of these patterns alone; the reference lists and markers only supply
the marker attributions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from .in_text import markers

if TYPE_CHECKING:  # pragma: no cover
    from ...model.document import Document

# --------------------------------------------------------------------------
# Attributions

# Verbs of saying/reporting that follow a source.
SAY = (
    r"(?:说道|说|表示|介绍|指出|称|认为|强调|透露|坦言|告诉|提到|谈到|直言|解释|"
    r"补充|回忆|感慨|评价|总结|分析|预计|预测|估计|警告|发现|显示|表明|写道|提出|宣布|"
    r"披露|证实|援引|报道|发布|公布|测算|统计|提供)"
)
# A source that names nobody: the data, a study, experts, "it is learned".
_VAGUE_SUBJECT = (
    r"(?:有关|相关|最新|一项|多项|多份|一份|部分|另有|另一项|还有|有|此前|近期|此前的|业内|行业)?"
    # a compound names nobody either: 调查结果, 监测数据, 研究报告
    r"(?:(?:调查|研究|统计|监测|抽样|实验|试验|测试|调研|评估|民调|问卷)(?:结果|数据|报告)|数据|统计数据|统计|研究|调查|调研|报告|研报|分析|资料|测算|结果|专家|业内人士|有关人士|"
    r"分析人士|人士|研究人员|机构|历史经验|经验|实践|事实|市场|业界)"
)
VAGUE = regex.compile(
    r"(?<![\p{Han}A-Za-z])" + _VAGUE_SUBJECT + r"(?:显示|表明|指出|称|认为|发现|证明|预计|预测|估计|警告)"
    r"|据(?:统计|估计|测算|估算|调查|研究|报道)(?=[，,：:\s])"
    r"|(?:有|据)(?:报道|消息|数据|研究|调查)(?:称|显示|表明|指出)"
)
# 据《X》报道, 据新华社消息, 据国家统计局数据, 据X发布的…显示
_ACCORDING = regex.compile(
    r"(?:据|根据|按照|援引|引自|来自)(?!悉|了解|统计|估计|测算|估算|调查|研究|报道|介绍|分析)"
    r"[^，。；！？]{2,60}?(?:报道|消息|数据|统计|显示|发布|公布|介绍|透露|测算|估算|调查|报告|表明|》|称|指出|统计)"
)
_TITLED = regex.compile(r"《[^》]{2,40}》[^，。；]{0,8}?(?:显示|指出|称|报道|发布|数据|表明|统计|测算)")
# a study's named venue: 发表在《自然》上, 刊登于《柳叶刀》
_PUBLISHED = regex.compile(r"(?:发表|刊登|刊发|刊载|登上)(?:在|于)?[^。；！？《]{0,12}(?P<venue>《[^》]{1,40}》)")
_SOURCE_LABEL = regex.compile(r"(?:数据来源|资料来源|信息来源|来源|出处|Source|Data source)\s*[:：]\s*\S", regex.I)
# "X表示" / "X说": a speaker, i.e. a non-vague subject right before the verb.
SPEAKER = regex.compile(
    r"(?P<subject>[\p{Han}A-Za-z·.]{1,16}?)(?:最新|近日|日前|此前|近期|也|还|则|更|曾|已|同时|进一步|在会上|对记者|向记者|接受采访时)?"
    r"(?:发布的?|公布的?|的)?(?:报告|研报|调查|调研|研究|数据|白皮书|统计)?" + SAY
)
_GENERIC_SUBJECT = regex.compile(
    r"^(?:这|此|该|其|它|他们|我们|这一|这些|那些|以上|上述|结果|分析|数据|研究|调查|报告|统计|专家|人士|"
    r"历史经验|经验|实践|事实|市场|业界|行业|相关|有关|最新|一项|多项|这也|也|还|并|可|将|会|被|所|不|"
    r"普遍|广泛|一致|进一步|同时|有|据|本文|文章|笔者|人们|大家|很多人|许多人|有人|外界)"
)
# "产业规模预计将突破…", "增速预计…": a measured quantity, not a source
_MEASURE_SUBJECT = regex.compile(
    r"(?:规模|产值|产量|收入|营收|增速|增幅|数量|占比|总额|金额|额|率|量|值|价格|需求|成本|指数|水平|人数|总数)$"
)
# "听到这样的感慨", "有这种说法": the verb is a noun here, and nobody is named
_SPEECH_NOUN_BEFORE = regex.compile(r"(?:这样|这种|这些|这番|如此|类似|那样|此类|一种|听到|听见|传出|传来)$")
NAMED, VAGUE_KIND, MARKER_KIND, CAPTION = "named", "vague", "marker", "caption"


@dataclass(frozen=True)
class Attribution:
    start: int
    end: int
    kind: str  # named | vague | marker | caption
    source: str = ""  # the named source, when one is found


# SPEAKER tried at every character is slow (its lazy subject is retried at
# each length); but every match ends with a verb of SAY, at most
# _SPEAKER_REACH characters after the match starts (a 16-character subject,
# 接受采访时, 发布的, 白皮书: 27), so only the starts just before a verb are tried.
_SAY = regex.compile(SAY)
_SPEAKER_REACH = 32
_CLAUSE_BREAK = regex.compile(r"[，。；：,;:\s“”]")
_VAGUE_SUBJECT_RE = regex.compile(_VAGUE_SUBJECT)


def _speaker_matches(text: str, start: int, end: int):
    """The matches of ``SPEAKER.finditer(text, start, end)``, found faster."""
    starts: set[int] = set()
    for verb in _SAY.finditer(text, start, end, overlapped=True):
        starts.update(range(max(start, verb.start() - _SPEAKER_REACH), verb.start()))
    pos = start
    for p in sorted(starts):
        if p < pos:
            continue
        m = SPEAKER.match(text, p, end)
        if m:
            yield m
            pos = m.end()


def _named_speakers(text: str, start: int, end: int) -> list[Attribution]:
    out = []
    for m in _speaker_matches(text, start, end):
        subject = m.group("subject")
        # keep the tail of the clause: the subject is the last words before the verb
        subject = _CLAUSE_BREAK.split(subject)[-1]
        if (
            len(subject) < 2
            or _GENERIC_SUBJECT.match(subject)
            or _VAGUE_SUBJECT_RE.fullmatch(subject)
            or _MEASURE_SUBJECT.search(subject)
            or _SPEECH_NOUN_BEFORE.search(subject)
        ):
            continue
        out.append(Attribution(m.start("subject"), m.end(), NAMED, subject))
    return out


def attributions(doc: "Document", start: int, end: int) -> list[Attribution]:
    """Source attributions in ``doc.text[start:end]``, in text order."""
    text = doc.text
    found: list[Attribution] = []
    for m in _ACCORDING.finditer(text, start, end):
        source = regex.sub(r"^(?:据|根据|按照|援引|引自|来自)", "", m.group())
        source = regex.split(r"\d|发布|公布|的|报道|消息|数据|显示", source)[0] or m.group()
        found.append(Attribution(m.start(), m.end(), NAMED, source))
    for m in _TITLED.finditer(text, start, end):
        found.append(Attribution(m.start(), m.end(), NAMED, m.group()))
    for m in _PUBLISHED.finditer(text, start, end):
        found.append(Attribution(m.start(), m.end(), NAMED, m.group("venue")))
    for m in _SOURCE_LABEL.finditer(text, start, end):
        found.append(Attribution(m.start(), m.end(), CAPTION, m.group()))
    for mk in markers(doc, start, end):
        found.append(Attribution(mk.start, mk.end, MARKER_KIND))
    vague_spans = []
    for m in VAGUE.finditer(text, start, end):
        vague_spans.append(m.span())
        found.append(Attribution(m.start(), m.end(), VAGUE_KIND, m.group()))
    for a in _named_speakers(text, start, end):
        if any(s <= a.end - 1 and a.start < e and a.end <= e for s, e in vague_spans):
            continue  # "研究表明" is not a speaker called 研究
        found.append(a)
    found.sort(key=lambda a: (a.start, a.end))
    return found


_CAPTION_SOURCE = regex.compile(r"^\s*[(（]?\s*(?:数据来源|资料来源|来源|Source|Data\s+source)\s*[:：]\s*\S", regex.I)


def is_caption_source(text: str) -> bool:
    """Is this block a source caption (数据来源：X) for what precedes it?"""
    return bool(_CAPTION_SOURCE.match(text))
