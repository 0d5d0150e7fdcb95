"""A paper's figure and table captions, given in both languages: an English
caption (Figure 4. …) states the figures of the Chinese caption with its
number (图4. …) next to it.

A check of its own: captions are paired by their numbers, not by the
alignment of paragraphs.
"""

from __future__ import annotations

import math

import regex

from lintkit import Problem, Related
from lintkit.analysis.quantities import Quantity, format_value, quantities

from ..pairing import _NUMERAL, _rounds_to


_EN_CAPTION = regex.compile(r"\s*(?P<k>Figure|Fig\.|Table)\s*(?P<n>\d{1,3})\b\.?")
_ZH_CAPTION = regex.compile(r"\s*(?P<k>图|表)\s*(?P<n>\d{1,3})(?!\d)\.?")


def _caption_figures(doc, qs, blocks: list[int], after: int, lang: str) -> list[Quantity]:
    return [
        q
        for b in blocks
        for q in qs.get(b, ())
        if q.lang == lang
        and q.start >= after
        and q.value is not None
        and q.kind not in ("date", "time")
        and _NUMERAL.search(q.text)
    ]


def _captions(article):
    """An English caption (Figure 4. …) and the Chinese one with its number
    (图4. …) next to it state the same figures: an English figure that no
    Chinese figure of the caption gives, where the Chinese caption has one
    that no English figure renders, is reported (257 caves for 217 窟)."""
    doc = article.document
    text, blocks = doc.text, doc.blocks
    if "图" not in text[article.start : article.end] and "表" not in text[article.start : article.end]:
        return
    qs = doc.analysis(quantities)
    zh_caps: dict[tuple[str, int], list[tuple[int, int]]] = {}
    en_caps = []
    for i in range(article.first_block, article.last_block + 1):
        b = blocks[i]
        if b.lang == "en":
            m = _EN_CAPTION.match(text, b.start, b.end)
            if m:
                en_caps.append((i, m))
        else:
            m = _ZH_CAPTION.match(text, b.start, b.end)
            if m:
                zh_caps.setdefault((m["k"], int(m["n"])), []).append((i, m.end()))
    for i, m in en_caps:
        kind = "表" if m["k"] == "Table" else "图"
        near = [(j, e) for j, e in zh_caps.get((kind, int(m["n"])), []) if abs(j - i) <= 4]
        if len(near) != 1:
            continue
        j, after = near[0]
        zh_blocks = [j]
        if (
            j + 1 <= article.last_block
            and blocks[j + 1].lang != "en"
            and not _ZH_CAPTION.match(text, blocks[j + 1].start, blocks[j + 1].end)
        ):
            zh_blocks.append(j + 1)  # a hard-wrapped Chinese caption
        zh = _caption_figures(doc, qs, zh_blocks, after, "zh")
        en = _caption_figures(doc, qs, [i], m.end(), "en")
        if not zh or not en:
            continue
        taken: set[int] = set()
        missing = []
        for q in en:
            match = next((z for z in zh if z.start not in taken and _rounds_to(q.value, z.value, q.digits)), None)
            if match is None:
                missing.append(q)
            else:
                taken.add(match.start)
        for q in missing:
            free = [z for z in zh if z.start not in taken and q.value and z.value and 0.1 < z.value / q.value < 10]
            if not free:
                continue
            z = min(free, key=lambda z: abs(math.log(z.value / q.value)))
            taken.add(z.start)
            yield Problem(
                q.start,
                q.end,
                f"English caption figure “{q.text}” ({format_value(q)}) where the "
                f"Chinese caption {kind}{m['n']} says “{z.text}”",
                related=(Related(z.start, z.end, "Chinese: " + z.text),),
            )
