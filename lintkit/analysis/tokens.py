"""Chinese word segmentation with jieba, loaded once per process.

jieba costs ~1 s to load and segment a 300 KB issue, and part-of-speech
tagging more than twice that, so: nothing is imported until a rule asks;
whole-document segmentation uses the cheap ``tokenize`` pass; and POS tags
are computed per block, only for the blocks a rule asks about.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..language import EN

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Document

__all__ = ["Token", "tokens", "pos_tags", "jieba_tokenizer"]


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    pos: str = ""


@functools.cache
def jieba_tokenizer():
    """The process-wide jieba tokenizer; its dictionary cache file is reused."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt


@functools.cache
def _posseg():
    import jieba.posseg

    # Importing jieba.posseg already built a tagger over the default
    # tokenizer (loading its 350 000-entry tag table, ~0.5 s); reuse it
    # rather than load the table a second time.
    tokenizer = jieba_tokenizer()
    if jieba.posseg.dt.tokenizer is tokenizer:
        return jieba.posseg.dt
    return jieba.posseg.POSTokenizer(tokenizer)


def tokens(doc: "Document") -> list[Token]:
    """Segment every Chinese or mixed block (English blocks are skipped)."""
    tk = jieba_tokenizer()
    out: list[Token] = []
    for block in doc.blocks:
        if block.lang == EN:
            continue
        text = doc.text[block.start : block.end]
        for word, s, e in tk.tokenize(text, HMM=True):
            out.append(Token(word, block.start + s, block.start + e))
    return out


def pos_tags(doc: "Document", block_index: int) -> list[Token]:
    """Tokens with jieba part-of-speech tags for one block, cached per block."""
    cache = doc.analysis(_pos_cache)
    if block_index not in cache:
        block = doc.blocks[block_index]
        text = doc.text[block.start : block.end]
        out, offset = [], block.start
        for pair in _posseg().cut(text):
            out.append(Token(pair.word, offset, offset + len(pair.word), pair.flag))
            offset += len(pair.word)
        cache[block_index] = out
    return cache[block_index]


def _pos_cache(doc: "Document") -> dict[int, list[Token]]:
    return {}
