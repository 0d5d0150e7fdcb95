"""Which figures are compared: the Chinese figures of an article (and of its
neighbours on the page), the English figures of its counterparts, the
Chinese paragraphs a translated paragraph renders, and the Chinese figures
an English one already renders.

Gathering the two sides is one job; judging them is :mod:`.verdicts`'.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from lintkit.model.articles import TRANSLATION
from lintkit.analysis.quantities import Quantity, quantities

from .verdicts import _translated


def _chinese_quantities(article) -> list[Quantity]:
    doc = article.document
    qs = doc.analysis(quantities)
    blocks = set(article.chinese_blocks())
    for b in (article.headline, article.subtitle):
        if b is not None:
            blocks.add(b)
    blocks.update(c.block for c in article.contents)
    return [q for b in sorted(blocks) for q in qs.get(b, ()) if q.lang == "zh"]


def _neighbour_quantities(article) -> list[Quantity]:
    arts = article.document.articles
    out: list[Quantity] = []
    k = article.index - 1
    if 0 <= k < len(arts) and arts[k] is article:
        # articles are numbered from 1 in order: the neighbours stand beside it
        # (not every article of the file looked at, for each article)
        arts = [arts[j] for j in (k - 1, k + 1) if 0 <= j < len(arts)]
    for a in arts:
        if abs(a.index - article.index) == 1:
            out.extend(_chinese_quantities(a))
    return out


def _english_quantities(article) -> list[tuple[Quantity, object]]:
    """Every English figure of the article's counterparts, with its counterpart."""
    seen: set[tuple[int, int, int]] = set()
    out = []
    for c in article.english:
        doc = article.document_of(c)
        for q in doc.analysis(quantities).get(c.block, ()):
            key = (id(doc), q.start, q.end)
            if q.lang == "en" and c.start <= q.start < c.end and key not in seen:
                seen.add(key)
                out.append((q, c))
    return out


def _chinese_order(article) -> list[int]:
    """The article's Chinese blocks with its headline and subtitle, in order:
    what ``_aligned_quantities`` finds a counterpart's neighbours in.  Taken
    once per article by the caller, not once per English figure (an
    article's blocks times its figures)."""
    chinese = set(article.chinese_blocks())
    chinese.update(b for b in (article.headline, article.subtitle) if b is not None)
    return sorted(chinese)


def _aligned_quantities(article, c, order: list[int] | None = None) -> tuple[list[Quantity], list[Quantity]]:
    """The Chinese figures of the blocks a counterpart renders, and of the
    blocks on either side of them (an alignment can be one paragraph off):
    the nearest Chinese block before the first and after the last
    (``order``: ``_chinese_order(article)``)."""
    qs = article.document.analysis(quantities)
    blocks = set(c.aligned)
    if order is None:
        order = _chinese_order(article)
    near = set()
    if blocks:
        before = bisect_left(order, min(blocks))
        after = bisect_right(order, max(blocks))
        if before > 0:
            near.add(order[before - 1])
        if after < len(order):
            near.add(order[after])
        near -= blocks
    if article.headline is not None:
        near.add(article.headline)  # the dateline a heading restates
        near -= blocks
    take = lambda bs: [q for b in sorted(bs) for q in qs.get(b, ()) if q.lang == "zh"]  # noqa: E731
    return take(blocks), take(near)


def _rendered(article, en_qs) -> set[int]:
    """Offsets of the Chinese figures of aligned paragraphs that an English
    figure of a translation renders: they are not the source of another one."""
    qs = article.document.analysis(quantities)
    text = article.document.text
    out: set[int] = set()
    for en, part in en_qs:
        if not (part.aligned and part.kind == TRANSLATION):
            continue
        # one Chinese figure per English one: "30 years" twice renders 30年 twice
        match = next(
            (
                q
                for b in part.aligned
                for q in qs.get(b, ())
                if q.lang == "zh" and q.start not in out and _translated(en, [q], text)
            ),
            None,
        )
        if match is not None:
            out.add(match.start)
    return out
