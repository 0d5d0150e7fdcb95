"""Numbered lists whose items each give the source of their figures — and the
item that does not.

News and magazines often gather statistics from several sources into a list
(``1. 据X数据显示，…``, ``2. 根据Y的统计，…``).  When every other item with a
figure names its source and one does not, the writer's own practice says a
source is missing there: the one case where a figure with no attribution at
all is reported in news by default (elsewhere the reporter's sourcing usually
covers it, and flagging it would bury the editor in false alarms).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lintkit.analysis.citations import NAMED, VAGUE_KIND, attributions

from .claims import statistic_figures

__all__ = ["unsourced_items"]

_CN = "一二三四五六七八九十"
# an item number at the start of a block, by style
_ITEM = regex.compile(
    rf"^\s*(?:(?P<arabic>\d{{1,2}})\s*[.、．)）](?!\d)|[（(](?P<paren>\d{{1,2}})[)）]"
    rf"|(?P<cn>[{_CN}]{{1,2}})、|[（(](?P<cnparen>[{_CN}]{{1,2}})[)）])",
    regex.M,
)
_ENDED = regex.compile(r"[。！？；.!?;”」』)）]\s*$")
# how many non-item blocks (an item broken by a page) may stand between two items
_GAP = 2


@dataclass
class _Item:
    style: str
    number: int
    blocks: list[int]


def _number(style: str, raw: str) -> int:
    if style in ("arabic", "paren"):
        return int(raw)
    from lintkit.analysis.quantities import cn_number

    return int(cn_number(raw) or 0)


def _lists(doc, body: list[int]) -> list[list[_Item]]:
    """Runs of consecutively numbered items (1, 2, 3 … of one style) in ``body``."""
    text = doc.text
    runs: list[list[_Item]] = []
    current: list[_Item] = []
    gap = 0
    for i in body:
        block = doc.blocks[i]
        # from the start of its line: a list item's block starts after its number
        m = _ITEM.match(text, text.rfind("\n", 0, block.start) + 1, block.end)
        if m:
            style = next(k for k, v in m.groupdict().items() if v)
            number = _number(style, m.group(style))
            if current and style == current[-1].style and number == current[-1].number + 1:
                current.append(_Item(style, number, [i]))
            else:
                if len(current) >= 3:
                    runs.append(current)
                current = [_Item(style, number, [i])]
            gap = 0
            continue
        last = doc.blocks[current[-1].blocks[-1]].text(text) if current else ""
        if current and gap < _GAP and not _ENDED.search(last):
            current[-1].blocks.append(i)  # the item goes on after a page break
            gap += 1
        else:
            if len(current) >= 3:
                runs.append(current)
            current, gap = [], 0
    if len(current) >= 3:
        runs.append(current)
    return runs


def unsourced_items(article, body: list[int]) -> set[int]:
    """Blocks of list items that state a statistic and name no source, in a
    list of three or more items whose every other item with a statistic —
    at least two of them — names its source (据X, 根据X的统计, X数据显示)."""
    doc = article.document
    text = doc.text
    out: set[int] = set()
    for items in _lists(doc, body):
        facts = []
        for item in items:
            start, end = doc.blocks[item.blocks[0]].start, doc.blocks[item.blocks[-1]].end
            chunk = text[start:end]
            if not statistic_figures(chunk):
                continue
            sourced = any(a.kind in (NAMED, VAGUE_KIND) for a in attributions(doc, start, end))
            facts.append((item, sourced))
        unsourced = [item for item, sourced in facts if not sourced]
        if len(unsourced) == 1 and len(facts) >= 3:
            out.update(unsourced[0].blocks)
    return out
