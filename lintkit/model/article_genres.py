"""The genre of a document (magazine, journal, bilingual, parallel, news) and
the two genres whose English is paragraph by paragraph: alternating
bilingual text (``_attach_alternating``) and a translation in a file of its
own (``_attach_translation``).

Split from ``lintkit.model.articles``, which calls these once the articles are
found; they read only the articles and the document layout.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

import regex

from .article_model import (
    _ABSTRACT_ZH,
    BILINGUAL,
    JOURNAL,
    MAGAZINE,
    NEWS,
    PARALLEL,
    SUMMARY,
    TRANSLATION,
    Article,
    Counterpart,
    _ContentsEntry,
)
from .language import EN, MIXED, ZH

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document


# -- genres ------------------------------------------------------------------------

_REFERENCES_HEADING = regex.compile(r"^\W*(?:参考文献|References|Bibliography)\W*$", regex.I)
_KEYWORDS = regex.compile(r"^\W*(?:关\s*键\s*词|Key\s*words?)\W", regex.I)


def _genre(doc: "Document", articles: list[Article], entries: list[_ContentsEntry]) -> str:
    """magazine | journal | bilingual | parallel | news, from the layout.

    A file with a translation in another file (``doc.translation``, set when
    the run pairs files) is ``parallel``.  Chinese and English paragraphs
    that mostly alternate make ``bilingual`` text.  A 摘要 with keywords or a
    reference list makes a ``journal`` paper.  A contents list, or English
    summaries and headlines beside Chinese articles, make a ``magazine``
    (newspaper pages included).  Anything else is ``news``.
    """
    if getattr(doc, "translation", None) is not None:
        return PARALLEL
    blocks, text = doc.blocks, doc.text
    if any(a.counterparts(SUMMARY) for a in articles):
        return MAGAZINE
    n_zh = sum(1 for b in blocks if b.lang in (ZH, MIXED))
    n_en = sum(1 for b in blocks if b.lang == EN)
    # A mixed block (a headline glued to its translation, a bilingual caption)
    # holds English too: one Chinese paragraph and its English under such a
    # headline are bilingual text.
    n_en_or_mixed = n_en + sum(1 for b in blocks if b.lang == MIXED) if n_en else 0
    if min(n_zh, n_en_or_mixed) >= 2 and 0.4 * n_zh <= n_en_or_mixed <= 2.5 * n_zh:
        return BILINGUAL  # as much English as Chinese, and no summary: a translation in the same file
    if entries or any(a.english for a in articles):
        return MAGAZINE
    abstract = keywords = references = False
    for b in blocks:
        t = b.text(text)
        if _ABSTRACT_ZH.match(t):
            abstract = True
        elif _KEYWORDS.match(t) or t.strip() in ("关键词", "关 键 词", "Keywords", "Key words"):
            keywords = True
        elif _REFERENCES_HEADING.match(t):
            references = True
    if abstract and (keywords or references):
        return JOURNAL
    return NEWS


def _attach_alternating(doc: "Document", articles: list[Article]) -> None:
    """Each English paragraph of bilingual text renders a Chinese paragraph.

    Which one: the Chinese and English paragraphs are aligned in order
    (``lintkit.model.alignment``, translation mode: lengths and shared figures,
    names and Latin words), which copes with a run of Chinese paragraphs
    followed by their English, an English paragraph before its Chinese, a
    Chinese line left untranslated.  Where the layout says otherwise — the
    Chinese paragraph right before or after shares more anchors with the
    English than the aligned one — the neighbour wins.  Paragraphs already
    taken as headlines or summaries stay so.
    """
    from .alignment import align, anchors

    blocks, text = doc.blocks, doc.text
    taken = {c.block for a in articles for c in a.english if c.document is None}
    # Chinese already rendered by an English headline is not on offer again
    rendered = {b for a in articles for c in a.english if c.document is None for b in c.aligned}
    zh = [i for i, b in enumerate(blocks) if b.lang in (ZH, MIXED) and i not in rendered]
    en = [i for i, b in enumerate(blocks) if b.lang == EN and i not in taken]
    if not zh or not en:
        return
    sets: dict[str, list[frozenset[str]]] = {}
    beads = align(
        [blocks[i].text(text) for i in zh], [blocks[j].text(text) for j in en], mode="translation", anchor_sets=sets
    )
    aligned: dict[int, tuple[int, ...]] = {}
    for bead in beads:
        for k in bead.en:
            aligned[en[k]] = tuple(zh[m] for m in bead.zh)
    # the anchors the alignment extracted already, not extracted again
    cache: dict[int, frozenset[str]] = dict(zip(en, sets.get("en", ())))
    cache.update(zip(zh, sets.get("zh", ())))

    def anchors_of(i: int) -> frozenset[str]:
        if i not in cache:
            cache[i] = anchors(blocks[i].text(text))
        return cache[i]

    def shared(i: int, others) -> int:
        return len(anchors_of(i) & frozenset().union(*(anchors_of(o) for o in others))) if others else 0

    is_zh = set(zh)
    # The layout's side: does an English paragraph follow its Chinese or
    # precede it?  Shared anchors decide; the count of neighbours breaks ties.
    after = sum(shared(i, (i - 1,)) for i in en if i - 1 in is_zh)
    before = sum(shared(i, (i + 1,)) for i in en if i + 1 in is_zh)
    if after == before:
        after = sum(1 for i in en if i - 1 in is_zh)
        before = sum(1 for i in en if i + 1 in is_zh)
    sides = (-1, 1) if after >= before else (1, -1)
    firsts = [a.first_block for a in articles]
    for i in en:
        neighbour = next(((i + d,) for d in sides if i + d in is_zh), ())
        chosen = neighbour or aligned.get(i, ())
        if aligned.get(i) and shared(i, aligned[i]) > shared(i, chosen):
            chosen = aligned[i]  # the order says otherwise, and the figures agree
        art = _article_at(articles, firsts, i)
        if art is not None:
            art.english.append(Counterpart(TRANSLATION, blocks[i].start, blocks[i].end, i, aligned=chosen))


def _article_at(articles: list[Article], firsts: list[int], block: int) -> Article | None:
    """The article whose span holds ``block`` (articles are in block order and
    do not overlap; ``firsts`` are their first blocks)."""
    k = bisect_right(firsts, block) - 1
    if k >= 0 and articles[k].first_block <= block <= articles[k].last_block:
        return articles[k]
    return None


def _attach_translation(doc: "Document", articles: list[Article], en_doc: "Document") -> None:
    """The English file of a translation pair, paragraph by paragraph.

    Its blocks are aligned with the Chinese blocks (``lintkit.model.alignment``,
    translation mode) and each goes to the article that holds the Chinese it
    renders; English blocks that render nothing go to the first article.
    """
    from .alignment import align

    zh_blocks = [i for i, b in enumerate(doc.blocks) if b.lang in (ZH, MIXED)]
    en_blocks = [i for i, b in enumerate(en_doc.blocks) if b.lang in (EN, MIXED, "")]
    beads = align(
        [doc.blocks[i].text(doc.text) for i in zh_blocks],
        [en_doc.blocks[j].text(en_doc.text) for j in en_blocks],
        mode="translation",
    )
    firsts = [a.first_block for a in articles]
    for bead in beads:
        zh = tuple(zh_blocks[k] for k in bead.zh)
        for k in bead.en:
            j = en_blocks[k]
            home = (_article_at(articles, firsts, zh[0]) if zh else None) or articles[0]
            b = en_doc.blocks[j]
            home.english.append(Counterpart(TRANSLATION, b.start, b.end, j, document=en_doc, aligned=zh))
