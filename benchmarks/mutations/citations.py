"""Citation mutations: a marker removed from a sentence with a figure, a marker
pointing past the end of the reference list, a reference entry losing its
year or getting a wrong type code, and the named source of a statistic
removed.

It stands alone because it works on a paper's reference list (found by
``_reference_section``, which ``mutate.plan`` also uses to keep the other
kinds out of the list) and on sourcing phrases, which nothing else reads.
"""

from __future__ import annotations

import random
import re

from mutations.common import Mutation, _mut, _Text, is_chinese_line

_REF_HEADING = re.compile(
    r"^\s*(?:#+\s*)?(?:\*\*)?\s*(参考文献|References|REFERENCES|Bibliography)\s*[:：]?\s*(?:\*\*)?\s*$"
)
_REF_ENTRY = re.compile(r"^\s*(?:[-*]\s*)?\\?\[(\d{1,3})\\?\]|^\s*(\d{1,3})[.．、]\s")
_MARKER = re.compile(r"(\^?\{?\^?\\?\[(\d{1,3})(?:\s*[-–~,，]\s*(\d{1,3}))*\\?\]\}?)")
_STAT = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万|亿|倍|个百分点)|百分之")
_YEAR_IN_ENTRY = re.compile(r"([,，.]\s*)((?:19|20)\d\d)([a-z]?)(?=\s*[,，.(（:：;；])")
_TYPE = re.compile(r"\[(J|M|C|D|R|S|P|N|Z|EB/OL|J/OL|M/OL|N/OL|C/OL|DB/OL)\]")
_TYPE_SLIP = {
    "J": "M",
    "M": "J",
    "C": "J",
    "D": "M",
    "R": "J",
    "S": "J",
    "P": "J",
    "N": "J",
    "Z": "J",
    "EB/OL": "J",
    "J/OL": "M",
    "M/OL": "J",
    "N/OL": "J",
    "C/OL": "J",
    "DB/OL": "J",
}


def _reference_section(doc: _Text) -> tuple[int, dict[int, int]] | None:
    """(line index of the heading, entry number -> line index) of the last reference list."""
    heads = [i for i, line in enumerate(doc.lines) if _REF_HEADING.match(line)]
    if not heads:
        return None
    h = heads[-1]
    entries: dict[int, int] = {}
    for i in range(h + 1, len(doc.lines)):
        m = _REF_ENTRY.match(doc.lines[i])
        if m:
            entries.setdefault(int(m[1] or m[2]), i)
    return (h, entries) if len(entries) >= 3 else None


_CITATION_KINDS = {"marker-removed", "marker-past-list", "ref-missing-year", "ref-wrong-type"}


def _citation_mutations(doc: _Text, rng: random.Random) -> list[Mutation]:
    sec = _reference_section(doc)
    if not sec:
        return []
    head, entries = sec
    top = max(entries)
    out = []
    markers = []
    for i in range(head):
        line = doc.lines[i]
        for m in _MARKER.finditer(line):
            n = int(m[2])
            if n in entries and not _REF_ENTRY.match(line):
                markers.append((i, m))
    rng.shuffle(markers)
    removed = past = 0
    for i, m in markers:
        start = doc.starts[i] + m.start(1)
        # the sentence around the marker
        line = doc.lines[i]
        left = max(line.rfind("。", 0, m.start()), line.rfind("；", 0, m.start()))
        right = line.find("。", m.end())
        sentence = line[left + 1 : right if right >= 0 else len(line)]
        if removed < 3 and _STAT.search(sentence):
            out.append(
                _mut(
                    doc,
                    "marker-removed",
                    start,
                    m[1],
                    "",
                    f"marker {m[1]} removed from a sentence with a figure",
                    ("marker", i),
                    also=(entries[int(m[2])] + 1,),
                )
            )
            removed += 1
        elif past < 2 and m[1].count("[") == 1 and not m[3]:
            new = m[1].replace(m[2], str(top + rng.randrange(1, 6)), 1)
            out.append(
                _mut(
                    doc,
                    "marker-past-list",
                    start,
                    m[1],
                    new,
                    f"marker {m[1]} changed to {new}: the list ends at [{top}]",
                    ("marker", i),
                    also=(entries[int(m[2])] + 1,),
                )
            )
            past += 1
    nums = sorted(entries)
    rng.shuffle(nums)
    years = types = 0
    for n in nums:
        i = entries[n]
        line = doc.lines[i]
        ym = _YEAR_IN_ENTRY.search(line)
        tm = _TYPE.search(line)
        if years < 2 and ym:
            start = doc.starts[i] + ym.start(1)
            old = ym.group(1) + ym.group(2) + ym.group(3)
            out.append(
                _mut(
                    doc,
                    "ref-missing-year",
                    start,
                    old,
                    "",
                    f"reference [{n}] loses its year {ym.group(2)}",
                    ("entry", n),
                )
            )
            years += 1
        elif types < 2 and tm:
            new = f"[{_TYPE_SLIP[tm[1]]}]"
            out.append(
                _mut(
                    doc,
                    "ref-wrong-type",
                    doc.starts[i] + tm.start(),
                    tm.group(0),
                    new,
                    f"reference [{n}] typed {new} instead of {tm.group(0)}",
                    ("entry", n),
                )
            )
            types += 1
    return out


_ATTRIBUTION = re.compile(
    r"(?:据|根据|依据)(?P<src>[^，。；！？\n]{2,24}?)(?:统计|数据|显示|调查|报告|测算|监测|发布|公布|报道|消息)(?:显示|表明|称)?[，,]"
    r"|(?P<src2>[\u3400-\u9fffA-Za-z]{2,16}?)(?:发布的|公布的)?(?:数据|统计|报告|调查|调查结果|监测数据)(?:显示|表明)[，,：:]?"
)
_VAGUE = ("数据", "统计", "有关", "相关", "报告", "调查", "研究", "资料")
# a source that points back to one named before (根据这个调查, 据该报告): removing
# it leaves the figure sourced by the earlier sentence, so it is no defect
_ANAPHORIC = ("这个", "这项", "这份", "这一", "该", "此", "上述", "以上", "前述")


def _attribution_mutations(doc: _Text, rng: random.Random) -> list[Mutation]:
    out = []
    for no, start, line in doc.line_spans():
        if not is_chinese_line(line):
            continue
        for m in _ATTRIBUTION.finditer(line):
            src = (m["src"] or m["src2"] or "").strip()
            if not src or src.startswith(_VAGUE + _ANAPHORIC) or src.endswith(("的",)) or len(src) < 2:
                continue
            end = line.find("。", m.end())
            rest = line[m.end() : end if end >= 0 else len(line)]
            if not _STAT.search(rest):
                continue
            out.append(
                _mut(
                    doc,
                    "attribution-removed",
                    start + m.start(),
                    m.group(0),
                    "",
                    f"source «{m.group(0)}» removed from a statistic",
                    ("attr", no),
                )
            )
    return out
