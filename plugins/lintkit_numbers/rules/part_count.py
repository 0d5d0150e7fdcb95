from __future__ import annotations

import regex

from lintkit import DOCUMENT, Problem, Related, rule
from lintkit.analysis.quantities import Quantity, quantities

from ..figures import is_title

_CN_DIGIT = "一二三四五六七八九十"
_STYLES = (
    ("第一", regex.compile(rf"第(?P<n>[{_CN_DIGIT}]{{1,2}})(?:[，,、：:是]|(?=\p{{Han}}))")),
    ("一是", regex.compile(rf"(?P<n>[{_CN_DIGIT}]{{1,2}})是")),
    ("（一）", regex.compile(rf"[（(](?P<n>[{_CN_DIGIT}]{{1,2}})[）)]")),
    ("一、", regex.compile(rf"(?P<n>[{_CN_DIGIT}]{{1,2}})、")),
    ("1.", regex.compile(r"(?P<n>\d{1,2})[.、．](?!\d)")),
    ("1)", regex.compile(r"[（(]?(?P<n>\d{1,2})[）)]")),
)
_INTRO = regex.compile(r"[：:]\s*$")
_PART_CLASSIFIERS = ("个", "大", "项", "件", "条", "点", "方面", "种", "类", "类别")


def _part_number(s: str) -> int | None:
    from lintkit.analysis.quantities import cn_number

    v = int(s) if s.isdigit() else cn_number(s)
    return int(v) if v else None


def _item(text: str, start: int, end: int, style: str | None = None):
    """(style, number) when a block starts with a numbered-part marker."""
    for name, pattern in _STYLES:
        if style is not None and name != style:
            continue
        m = pattern.match(text, start, end)
        if m:
            n = _part_number(m["n"])
            if n:
                return name, n
    return None


def _announced(doc, i: int, qs) -> Quantity | None:
    b = doc.blocks[i]
    t = b.text(doc.text)
    if not _INTRO.search(t) or len(t) > 120:
        return None
    tail_start = b.end - 18
    for q in reversed(qs.get(i, ())):
        cls = q.noun.partition("|")[0]
        if (
            q.kind == "count"
            and q.start >= tail_start
            and cls in _PART_CLASSIFIERS
            and not q.approx
            and q.value
            and 2 <= q.value <= 12
        ):
            return q
    return None


def _count_parts(doc, qs, titles, article_end):
    """Problems for announced counts that the numbered parts contradict."""
    text, blocks = doc.text, doc.blocks
    for i in range(len(blocks)):
        q = _announced(doc, i, qs)
        if q is None:
            continue
        n = int(q.value)
        style, last, ended, first_item = None, 0, False, None
        for j in range(i + 1, min(len(blocks), i + 3 * n + 8, article_end(i) + 1)):
            b = blocks[j]
            if _announced(doc, j, qs) is not None:
                ended = True
                break
            # list markers ("1)", "2.") are outside the block: read from the line start
            line_start = text.rfind("\n", 0, b.start) + 1
            while line_start < b.start and text[line_start] in " \t\u3000":
                line_start += 1
            item = _item(text, line_start, b.end, style)
            if item is None:
                if j in titles:
                    # a heading ends the scan, but a hard-wrapped line looks like
                    # one too: not proof that the list is complete
                    break
                continue
            name, k = item
            if style is None:
                if k != 1:
                    break
                style, last, first_item = name, 1, j
                continue
            if k == last + 1:
                last = k
            elif k == 1:
                ended = True  # the numbering restarts: another list
                break
        if style is None or last < 2:
            continue
        if last > n or (last < n and ended):
            yield Problem(
                q.start,
                q.end,
                f"announces {n} parts (“{q.text}”) but {last} numbered parts follow",
                related=(Related(blocks[first_item].start, blocks[first_item].end, "the first numbered part"),),
            )


@rule("numbers.part-count", scope=DOCUMENT, severity="warning", formerly="numbers.contradiction")
def part_count(doc, options):
    """An announced number of parts (…体现在三个方面：) that the numbered parts after it contradict.

    What it catches: a block that announces N parts and ends with a colon
    (N个/大/项/条/点/方面/种/类 …：), compared with the numbered parts after
    it, in one numbering style (第一/第二, 一是/二是, （一）/（二）, 一、/二、,
    1./2., 1)/2)), read until a new announcement, a heading, a restart of
    the numbering or the end of the article.  It fires when more parts are
    numbered than announced, or fewer when the list visibly ended (the next
    announcement came, or the numbering restarted); a list whose parts are
    not numbered is never counted.  The finding sits on the announced count
    and points to the first numbered part.

    Why it matters: a reader who is promised three measures and finds four
    (or two) doubts the list and the article; a part was added or cut in
    editing and the announcement kept.

    Example that fires::

        新政的成效可归纳为三个方面：
        第一，审批时间明显缩短。
        第二，企业负担持续减轻。
        第三，群众满意度不断提高。
        第四，营商环境全面改善。

    Example that does not fire::

        新政的成效可归纳为三个方面：
        第一，审批时间明显缩短。
        第二，企业负担持续减轻。
        第三，群众满意度不断提高。

    Formerly part of ``numbers.contradiction`` (that id still selects,
    ignores and silences it for this release; its ``count-parts: false`` is
    now ``ignore: [numbers.part-count]``).  No options; silence one with
    ``<!-- lintkit-disable-next-line numbers.part-count -->``.
    """
    qs = doc.analysis(quantities)
    blocks = doc.blocks
    titles = {i for i in range(len(blocks)) if is_title(doc, i)}
    ends = {}
    for a in doc.articles:
        for k in range(a.first_block, a.last_block + 1):
            ends[k] = a.last_block
    yield from _count_parts(doc, qs, titles, lambda k: ends.get(k, len(blocks) - 1))
