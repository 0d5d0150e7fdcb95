"""Journal papers: whether a document is one (``_is_paper``), the article it
makes (``_paper``), and its front matter: the Chinese and English author
lines, paired name by name, with the English title and abstract
(``_attach_journal_front``).

Self-contained rules for one genre, split from ``lintkit.model.articles``, which
calls them for a ``journal`` document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .article_counterparts import _abstract_blocks, _align_summary, _attach_summaries, _is_abstract_zh
from .article_genres import _KEYWORDS, _REFERENCES_HEADING
from .article_model import (
    _TERMINAL,
    ABSTRACT_WITHIN,
    BYLINE,
    FRONT_MATTER_SPAN,
    HEADLINE,
    JOURNAL,
    SUMMARY,
    Article,
    Counterpart,
    _byline,
    _is_english_title,
    _is_short_title,
    _stripped_is,
)
from .blocks import HEADING
from .language import EN, MIXED, ZH
from .pinyin import surname_readings
from .surnames import COMPOUND_SURNAMES, SURNAMES

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document


# -- journal papers: the front matter ------------------------------------------------

# A Chinese author: two to four characters (PDF text often spaces them:
# "刘  振"), then affiliation marks: digits, superscripts, *, †.
_ZH_AUTHOR = regex.compile(r"\p{Han}(?:[ \u3000]{0,2}\p{Han}){1,3}")
_ZH_AUTHOR_GAP = regex.compile(r"^[\s\d,，、;；*\\†‡§¹²³⁴⁵⁶⁷⁸⁹⁰#]*$")
_EN_AUTHOR = regex.compile(r"[A-Z][A-Za-z'’]*(?:-[A-Za-z]+)?(?:[ \u00a0]+[A-Z][A-Za-z'’]*(?:-[A-Za-z]+)?){1,2}")
_EN_AUTHOR_GAP = regex.compile(r"^(?:[\s\d,*\\†‡§¹²³⁴⁵⁶⁷⁸⁹⁰#]|\band\b|&)*$")


_LIST_SEPARATOR = regex.compile(r"[,，、;；&]|\band\b")


def _name_list(text: str, name: regex.Pattern, gap: regex.Pattern) -> list[tuple[int, int]] | None:
    """Spans of the names of a line that is a list of names and nothing else:
    two or more names with a separator (，、, and) between each two, and
    nothing but affiliation marks around them."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in name.finditer(text):
        between = text[pos : m.start()]
        if not gap.match(between) or (spans and not _LIST_SEPARATOR.search(between)):
            return None
        spans.append(m.span())
        pos = m.end()
    if len(spans) < 2 or not gap.match(text[pos:]):
        return None
    return spans


def _zh_author_lines(doc: "Document", art: Article) -> list[tuple[int, list[tuple[int, int]]]]:
    """Chinese author lines in a paper's front matter (before its 摘要)."""
    blocks, text = doc.blocks, doc.text
    abstract = next(
        (
            i
            for i in range(art.first_block, min(art.last_block, art.first_block + ABSTRACT_WITHIN) + 1)
            if _is_abstract_zh(blocks[i].text(text))
        ),
        None,
    )
    if abstract is None:
        return []
    out = []
    for i in range(max(art.first_block, abstract - FRONT_MATTER_SPAN), abstract):
        b = blocks[i]
        t = b.text(text)
        if len(t) > 150 or b.lang not in (ZH, MIXED):
            continue
        spans = _name_list(t, _ZH_AUTHOR, _ZH_AUTHOR_GAP)
        if not spans:
            continue
        names = [regex.sub(r"\s", "", t[s:e]) for s, e in spans]
        if all(n[0] in SURNAMES or n[:2] in COMPOUND_SURNAMES for n in names) and all(len(n) <= 4 for n in names):
            found = [(b.start + s, b.start + e) for s, e in spans]
            # a list broken over two lines ends with its separator: "…，丁智 1，" / "马明国"
            nxt = blocks[i + 1] if i + 1 < abstract else None
            if nxt is not None and _LIST_SEPARATOR.search(t.rstrip()[-1:]):
                more = _ZH_AUTHOR.fullmatch(regex.sub(r"[\d*\\†‡§¹²³⁴⁵⁶⁷⁸⁹⁰,，\s]+$", "", nxt.text(text)))
                if more and (more.group()[0] in SURNAMES or more.group()[:2] in COMPOUND_SURNAMES):
                    found.append((nxt.start + more.start(), nxt.start + more.end()))
            out.append((i, found))
    return out


def _en_author_lines(doc: "Document") -> list[tuple[int, list[tuple[int, int]]]]:
    """English lines that are a list of names and nothing else (block, spans)."""
    out = []
    for j, b in enumerate(doc.blocks):
        if b.lang == EN and len(b.text(doc.text)) <= 400:
            spans = _name_list(b.text(doc.text), _EN_AUTHOR, _EN_AUTHOR_GAP)
            if spans:
                out.append((j, spans))
    return out


def _is_paper(doc: "Document") -> bool:
    """One journal paper: a single Chinese abstract near the top (within its
    first 80 blocks) and a keywords line or a reference list.  A magazine
    that carries a paper among its articles has its 摘要 further down."""
    blocks, text = doc.blocks, doc.text
    abstracts = [i for i, b in enumerate(blocks) if _is_abstract_zh(b.text(text))]
    if len(abstracts) != 1 or abstracts[0] >= ABSTRACT_WITHIN:
        return False
    if any(_byline(blocks[i].text(text)) for i in range(abstracts[0])):
        return False  # another article's byline before the abstract: an issue, not a paper
    return any(
        _KEYWORDS.match(t) or _stripped_is(t, ("关键词", "Keywords", "Keywords:")) or _REFERENCES_HEADING.match(t)
        for t in (b.text(text) for b in blocks)
    )


def _paper(doc: "Document") -> Article:
    """A journal paper is one article: its title, authors, abstracts, body and
    references, whatever running heads and page furniture a PDF left in it
    (which would otherwise read as many short articles)."""
    blocks, text = doc.blocks, doc.text
    abstract = next(i for i, b in enumerate(blocks) if _is_abstract_zh(b.text(text)))
    headline = next(
        (
            i
            for i in range(abstract)
            if blocks[i].lang in (ZH, MIXED)
            and (blocks[i].kind == HEADING or _is_short_title(blocks[i].text(text), blocks[i].lang))
            and not _name_list(blocks[i].text(text), _ZH_AUTHOR, _ZH_AUTHOR_GAP)
            and not _ZH_META.match(blocks[i].text(text))
        ),
        None,
    )
    art = Article(1, doc, 0, len(blocks) - 1, headline, genre=JOURNAL)
    _attach_summaries(doc, art)
    # some journals print the English title under the "Abstract" label: a
    # title-like first block of the abstract is the title, not a summary
    summaries = art.counterparts(SUMMARY)
    if (
        summaries
        and _is_english_title(blocks[summaries[0].block].text(text), EN)
        and not _TERMINAL.search(blocks[summaries[0].block].text(text))
        and len(summaries) > 1
    ):
        first = summaries[0]
        art.english.remove(first)
        art.english.append(
            Counterpart(
                HEADLINE, first.start, first.end, first.block, aligned=(headline,) if headline is not None else ()
            )
        )
    _attach_journal_front(doc, art, _en_author_lines(doc))
    _align_summary(doc, art, _abstract_blocks(doc), "translation")
    art.english.sort(key=lambda c: c.start)
    return art


# Front-matter lines that are not a title: journal and dates lines, DOIs.
_ZH_META = regex.compile(
    r"^\W*(?:收稿日期|文章引用|DOI|ISSN|CN\s|中图分类号|文献标[识志]码|基金项目|作者简介)", regex.I
)


def _attach_journal_front(doc: "Document", art: Article, en_lines) -> None:
    """A paper's Chinese author line, and its English (pinyin) author line.

    The Chinese author line stands in the front matter before 摘要; the
    English one anywhere in the paper (after the English title, or at the
    end, as some journals print it), with as many names.  They are paired by
    position once the surnames of at least half of the pairs agree in pinyin
    (either name order), so that a list that only looks like authors is not
    paired.  The English line becomes a ``byline`` counterpart; the pairs
    are ``art.author_pairs``.
    """
    zh_lines = _zh_author_lines(doc, art)
    if not zh_lines:
        return
    blocks, text = doc.blocks, doc.text
    zh_block, zh_spans = zh_lines[0]
    for s, e in zh_spans:
        if (s, e) not in art.bylines:
            art.bylines.append((s, e))
    zh_names = [regex.sub(r"\s", "", text[s:e]) for s, e in zh_spans]
    best = None
    for j, spans in en_lines:
        t = blocks[j].text(text)
        if len(spans) != len(zh_names):
            continue
        agree = 0
        for (s, e), zh in zip(spans, zh_names):
            words = {w.lower() for w in regex.split(r"[ \u00a0]+", t[s:e])}
            sur = zh[:2] if zh[:2] in COMPOUND_SURNAMES else zh[0]
            if words & surname_readings(sur):
                agree += 1
        if agree * 2 >= len(zh_names) and (best is None or agree > best[0]):
            best = (agree, j, spans)
    if best is None:
        return
    _, j, spans = best
    b = blocks[j]
    art.english.append(Counterpart(BYLINE, b.start, b.end, j, aligned=(zh_block,)))
    # The English title: the title lines right above the English author line.
    taken = art.english_blocks()
    k = j - 1
    while k >= 0 and j - k <= 3 and k not in taken and _is_english_title(blocks[k].text(text), blocks[k].lang):
        art.english.append(
            Counterpart(
                HEADLINE, blocks[k].start, blocks[k].end, k, aligned=(art.headline,) if art.headline is not None else ()
            )
        )
        k -= 1
    art.author_pairs = [(zs, (b.start + s, b.start + e)) for zs, (s, e) in zip(zh_spans, spans)]
