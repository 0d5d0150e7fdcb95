"""Sentence splitting for Chinese and English, with offsets.

Chinese sentences end at 。！？ (and their half-width forms, which copy
pasted from PDFs often carry), optionally followed by closing quotes.
English sentences end at . ! ? followed by space and a capital, except
after common abbreviations.  Semicolons do not end sentences: rules that
look "in the same sentence" would otherwise see too little.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from .blocks import trimmed_spans
from .language import EN, language_of

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

__all__ = ["Sentence", "sentences", "sentences_by_block", "split_sentences"]

_ZH_END = regex.compile(r"(?:[。！？]|[!?](?!\w)|…{1,2}(?=[”’」』]))[。！？!?…]*[”’」』）)】]*")
_EN_END = regex.compile(
    r"(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Vol|vs|etc|e\.g|i\.e|Inc|Ltd|Co|Jr|Sr|Fig|al|[A-Z]))"
    r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9\p{Han}])"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    lang: str
    block: int  # index of the block it belongs to

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def split_sentences(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (absolute offsets, trimmed)."""
    pattern = _EN_END if lang == EN else _ZH_END
    spans = []
    cursor = start
    for m in pattern.finditer(text, start, end):
        spans.append((cursor, m.end()))
        cursor = m.end()
    spans.append((cursor, end))
    return trimmed_spans(text, spans)


def sentences(doc: "Document") -> list[Sentence]:
    """Every sentence of every block, in document order."""
    out = []
    text = doc.text
    for index, block in enumerate(doc.blocks):
        for s, e in split_sentences(text, block.start, block.end, block.lang):
            out.append(Sentence(s, e, language_of(text[s:e]) or block.lang, index))
    return out


def sentences_by_block(doc: "Document") -> dict[int, list[Sentence]]:
    """The sentences of each block (by block index), grouped once per
    document: a rule that looks at some blocks reads only their sentences
    instead of scanning all of them (use as ``doc.analysis(sentences_by_block)``;
    do not modify the lists)."""
    out: dict[int, list[Sentence]] = {}
    for s in doc.sentences:
        out.setdefault(s.block, []).append(s)
    return out
