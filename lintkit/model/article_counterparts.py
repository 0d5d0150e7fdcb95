"""Attaching English counterparts to the articles ``lintkit.model.articles`` has
found: bylines, summaries (by their marker, or aligned with the Chinese),
adjacent English headlines and contents lines, and the abstracts they
start from.

Each helper works on one article (or the article list) after the split;
they stand apart from the splitting itself, which only calls them.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from .article_genres import _KEYWORDS
from .article_model import (
    _ABSTRACT_ZH,
    _AUTHOR_LINE,
    _PAGE_NUMBER,
    _SUMMARY_MARK,
    _TERMINAL,
    ABSTRACT_SPAN,
    BYLINE,
    CONTENTS,
    HEADLINE,
    SUMMARY,
    SUMMARY_CONTINUATION,
    Article,
    Counterpart,
    _byline,
    _ContentsEntry,
    _is_english_title,
    _norm,
    _same_title,
    _stripped_is,
)
from .blocks import HEADING, TABLE_CELL
from .language import EN, MIXED, ZH

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document


def _align_summary(doc: "Document", art: Article, zh_blocks: list[int], mode: str) -> None:
    """Split an article's English summary into sentences and align each with
    the Chinese it sums up (``lintkit.model.alignment``): a magazine summary against
    the article's paragraphs (summary mode: most of the article is left out),
    a paper's abstract against the sentences of its 摘要 (translation mode).
    The summary's counterparts become one per sentence, each with the Chinese
    blocks it was aligned with."""
    from .alignment import align
    from .sentences import split_sentences

    summaries = [c for c in art.english if c.kind == SUMMARY and c.document is None]
    # the cells of an English table (a paper's data profile) are no sentences
    # of the abstract: they keep no alignment rather than derail the abstract's
    cells = [c for c in summaries if doc.blocks[c.block].kind == TABLE_CELL]
    summaries = [c for c in summaries if doc.blocks[c.block].kind != TABLE_CELL]
    if not summaries or not zh_blocks:
        return
    text = doc.text
    en_units = [(s, e, c.block) for c in summaries for s, e in split_sentences(text, c.start, c.end, EN)]
    if mode == "summary":
        zh_units = [(doc.blocks[i].start, doc.blocks[i].end, i) for i in zh_blocks]
    else:
        zh_units = [
            (s, e, i) for i in zh_blocks for s, e in split_sentences(text, doc.blocks[i].start, doc.blocks[i].end, ZH)
        ]
    if not en_units or not zh_units:
        return
    beads = align([text[s:e] for s, e, _ in zh_units], [text[s:e] for s, e, _ in en_units], mode=mode)
    aligned: dict[int, tuple[int, ...]] = {}
    for bead in beads:
        blocks = tuple(sorted({zh_units[k][2] for k in bead.zh}))
        for k in bead.en:
            aligned[k] = blocks
    art.english = (
        [c for c in art.english if not (c.kind == SUMMARY and c.document is None)]
        + [Counterpart(SUMMARY, s, e, b, aligned=aligned.get(k, ())) for k, (s, e, b) in enumerate(en_units)]
        + cells
    )


def _abstract_blocks(doc: "Document") -> list[int]:
    """The blocks of a paper's Chinese abstract: from 摘要 to 关键词 or a heading."""
    blocks, text = doc.blocks, doc.text
    start = next((i for i, b in enumerate(blocks) if _is_abstract_zh(b.text(text))), None)
    if start is None:
        return []
    out = []
    for i in range(start, min(len(blocks), start + ABSTRACT_SPAN)):
        t = blocks[i].text(text)
        if i > start and (_KEYWORDS.match(t) or _stripped_is(t, ("关键词", "Keywords")) or blocks[i].kind == HEADING):
            break
        if blocks[i].lang in (ZH, MIXED):
            out.append(i)
    return out


def _is_abstract_zh(t: str) -> bool:
    return bool(_ABSTRACT_ZH.match(t)) or _stripped_is(t, ("摘要", "内容提要"))


def _attach_bylines(doc: "Document", art: Article) -> None:
    blocks, text = doc.blocks, doc.text
    for i in range(art.first_block, min(art.last_block, art.first_block + 8) + 1):
        b = blocks[i]
        if _ABSTRACT_ZH.match(b.text(text)) and i - 1 > art.first_block:
            # An academic article's author line stands alone above its abstract.
            prev = blocks[i - 1]
            if _AUTHOR_LINE.fullmatch(prev.text(text)):
                art.bylines.append((prev.start, prev.end))
        m = _byline(b.text(text))
        if m:
            s, e = m.span("names")
            art.bylines.append((b.start + s, b.start + e))
            if b.lang == EN:
                art.english.append(Counterpart(BYLINE, b.start, b.end, i))


def _attach_summaries(doc: "Document", art: Article) -> None:
    blocks, text = doc.blocks, doc.text
    taken = art.english_blocks()
    i = art.first_block
    while i <= art.last_block:
        b = blocks[i]
        t = b.text(text)
        m = _SUMMARY_MARK.match(t)
        if not m or b.lang not in (EN, ""):
            i += 1
            continue
        j = i if m.end() < len(t) else i + 1  # "Abstract: text" or a marker line
        last_text = ""
        while j < len(blocks) and blocks[j].lang == EN:
            bj = blocks[j]
            s = bj.start + (m.end() if j == i else 0)
            art.english.append(Counterpart(SUMMARY, s, bj.end, j))
            taken.add(j)
            last_text = bj.text(text)
            j += 1
        # A summary cut by a page break continues in the next English block
        # that starts in lower case, wherever the layout put it.
        k = j
        while last_text and not _TERMINAL.search(last_text) and k < min(len(blocks), j + SUMMARY_CONTINUATION):
            bk = blocks[k]
            tk = bk.text(text)
            if bk.lang == EN and tk[:1].islower() and k not in taken:
                art.english.append(Counterpart(SUMMARY, bk.start, bk.end, k))
                taken.add(k)
                last_text = tk
                k += 1
                while k < len(blocks) and blocks[k].lang == EN and not _SUMMARY_MARK.match(blocks[k].text(text)):
                    art.english.append(Counterpart(SUMMARY, blocks[k].start, blocks[k].end, k))
                    last_text = blocks[k].text(text)
                    k += 1
                continue
            k += 1
        i = j


def _attach_adjacent_headline(doc: "Document", art: Article) -> None:
    """An English title line right after the Chinese headline (or subtitle)."""
    if art.headline is None:
        return
    blocks, text = doc.blocks, doc.text
    j = (art.subtitle if art.subtitle is not None else art.headline) + 1
    if j <= art.last_block and _is_english_title(blocks[j].text(text), blocks[j].lang):
        if not _SUMMARY_MARK.fullmatch(blocks[j].text(text)) and not _byline(blocks[j].text(text)):
            heads = (art.headline,) if art.subtitle is None else (art.headline, art.subtitle)
            art.english.append(Counterpart(HEADLINE, blocks[j].start, blocks[j].end, j, aligned=heads))


def _title_index(by_title: dict[str, "Article"]):
    """``lambda a: next((art for k, art in by_title.items() if _same_title(a, k)), None)``
    without comparing ``a`` with every title: the titles that can match are
    looked up (one ends with the other; same length, one half the same),
    then checked in the dictionary's order.  Every key has four or more
    characters."""
    keys = list(by_title)
    order = {k: n for n, k in enumerate(keys)}
    reversed_keys = sorted((k[::-1], n) for n, k in enumerate(keys))
    halves: dict[tuple[int, int, str], list[int]] = {}
    for n, k in enumerate(keys):
        if len(k) >= 6:
            h = len(k) // 2
            halves.setdefault((len(k), 0, k[:h]), []).append(n)
            halves.setdefault((len(k), 1, k[h:]), []).append(n)

    def find(a: str) -> "Article | None":
        if len(a) < 4:
            return None  # _same_title asks for equality, and every key is longer
        candidates = {order[a[i:]] for i in range(len(a) - 3) if a[i:] in order}  # a ends with the key
        ra = a[::-1]
        p = bisect_left(reversed_keys, (ra, -1))
        while p < len(reversed_keys) and reversed_keys[p][0].startswith(ra):  # the key ends with a
            candidates.add(reversed_keys[p][1])
            p += 1
        if len(a) >= 6:  # one character apart: one half is the same
            h = len(a) // 2
            candidates.update(halves.get((len(a), 0, a[:h]), ()))
            candidates.update(halves.get((len(a), 1, a[h:]), ()))
        for n in sorted(candidates):
            if _same_title(a, keys[n]):
                return by_title[keys[n]]
        return None

    return find


def _attach_contents(doc: "Document", articles: list[Article], entries: list[_ContentsEntry]) -> None:
    """Give each article its contents lines and the copies of its English title."""
    if not entries or not articles:
        return
    blocks, text = doc.blocks, doc.text
    claimed = {c.block for a in articles for c in a.english}
    by_title: dict[str, Article] = {}
    art: Article | None
    for art in articles:
        if art.headline is not None:
            key = _norm(_PAGE_NUMBER.sub("", art.title))
            if len(key) >= 4:
                by_title[key] = art
    english_titles: dict[str, Article] = {}
    find_title = _title_index(by_title)
    for e in entries:
        art = find_title(e.zh_title)
        if art is None or art.first_block <= e.zh_block <= art.last_block and e.zh_block == art.headline:
            continue
        art.contents.append(Counterpart(CONTENTS, blocks[e.zh_block].start, blocks[e.zh_block].end, e.zh_block))
        if e.en_block is not None and e.en_block not in claimed:
            art.english.append(
                Counterpart(
                    CONTENTS,
                    blocks[e.en_block].start,
                    blocks[e.en_block].end,
                    e.en_block,
                    aligned=tuple(range(e.zh_block, e.en_block)),
                )
            )
            claimed.add(e.en_block)
            english_titles.setdefault(_norm(blocks[e.en_block].text(text)), art)
    # In-body copies of an English title (a bilingual profile page) head the
    # English paragraphs that follow them.  (Without a title to look for, no
    # English paragraph needs normalising.)
    for i, b in enumerate(blocks if english_titles else ()):
        if i in claimed or b.lang != EN:
            continue
        art = english_titles.get(_norm(b.text(text)))
        if art is None:
            continue
        art.english.append(
            Counterpart(HEADLINE, b.start, b.end, i, aligned=(art.headline,) if art.headline is not None else ())
        )
        claimed.add(i)
        j = i + 1
        while (
            j < len(blocks)
            and blocks[j].lang == EN
            and j not in claimed
            and not _is_english_title(blocks[j].text(text), EN)
        ):
            art.english.append(Counterpart(SUMMARY, blocks[j].start, blocks[j].end, j))
            claimed.add(j)
            j += 1
