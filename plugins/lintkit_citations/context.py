"""Per-article context shared by the citations rules: body sentences, reference list."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lintkit.analysis.citations import ReferenceList, is_caption_source, reference_list
from lintkit.model.sentences import sentences_by_block as _by_block
from lintkit.model.blocks import HEADING

__all__ = ["ArticleContext", "article_context", "sentences_by_block"]

_FRONT_MATTER = regex.compile(
    r"^\s*(?:摘\s*要|关键词|关\s*键\s*词|内容提要|Abstract|Key\s*words|作者简介|基金项目|中图分类号|文献标识码)\s*[:：]?",
    regex.I,
)


_TABLE_ROW = regex.compile(r"\t|^\s*\|.*\|\s*$")


def sentences_by_block(doc) -> dict[int, list]:
    """Sentences grouped by block index (computed once per document; do not modify)."""
    return doc.analysis(_by_block)


@dataclass
class ArticleContext:
    references: ReferenceList | None
    body: list[int]  # block indices of the Chinese body, before any reference list
    captioned: set[int]  # blocks covered by a 数据来源：X caption below them


def article_context(article) -> ArticleContext:
    doc = article.document
    text = doc.text
    refs = reference_list(article)
    limit = refs.heading if refs else article.last_block + 1
    body = []
    for i in article.chinese_blocks():
        if i >= limit or i == article.headline or i == article.subtitle:
            continue
        block = doc.blocks[i]
        btext = block.text(text)
        if block.kind == HEADING or _FRONT_MATTER.match(btext) or _TABLE_ROW.search(btext):
            continue  # headings, abstract/keywords, table rows (their source is the table's caption)
        body.append(i)
    captioned: set[int] = set()
    for i in body:
        if is_caption_source(doc.blocks[i].text(text)):
            captioned.add(i)
            # a caption sources the paragraphs above it, up to the previous heading (at most 2)
            j = i - 1
            while j >= article.first_block and i - j <= 2 and doc.blocks[j].kind != HEADING:
                captioned.add(j)
                j -= 1
    return ArticleContext(refs, body, captioned)
