"""The document model every rule reads.

A ``Document`` keeps the decoded text exactly as it was (so fixes can be
written back byte-for-byte apart from the edit), knows its lines, converts
offsets to 1-based (line, column-in-characters) positions in one place, and
hands out lazily computed, cached analyses: blocks, sentences, tokens,
articles, and any analysis a plugin defines.

Blocks, sentences and articles are the model's own.  Tokens (jieba) are an
analysis of the layer above, which the model does not import: that analysis
offers itself (``offer``; ``lintkit.analysis.tokens`` does, and
``lintkit/__init__.py`` imports it), so ``doc.tokens`` and
``doc.pos_tags(i)`` keep working for every document.
"""

from __future__ import annotations

import bisect
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, TypeVar

import regex

from .blocks import Block, split_blocks
from .decoding import decode
from .position import Position

__all__ = ["Document", "AnalysisError", "offer"]


class AnalysisError(RuntimeError):
    """A shared analysis failed on one document.

    It names the document so that a rule over many documents (a corpus rule)
    can report the file at fault and go on with the others, instead of
    losing its checks for the whole run.
    """

    def __init__(self, path: str, analysis: str, exc: BaseException):
        self.path, self.analysis, self.exc = path, analysis, exc
        super().__init__(f"{type(exc).__name__}: {exc} (in the {analysis} analysis of {path})")


T = TypeVar("T")

# Analyses of the layers above the model that every document offers by name
# (``doc.tokens``): filled by ``offer``, since the model imports nothing above it.
_OFFERED: dict[str, Callable[..., Any]] = {}


def offer(name: str, analysis: Callable[..., Any]) -> None:
    """Make ``analysis`` what the document attribute ``name`` computes
    (``"tokens"``: ``doc.tokens``; ``"pos_tags"``: ``doc.pos_tags(i)``).

    Called by the module that defines the analysis, once, when it is
    imported; the model names the attribute and leaves the work above."""
    _OFFERED[name] = analysis


def _offered(name: str) -> Callable[..., Any]:
    try:
        return _OFFERED[name]
    except KeyError:
        raise RuntimeError(
            f"no analysis offers Document.{name}: import lintkit (lintkit/__init__.py sets it up)"
        ) from None


_NEWLINE = regex.compile(r"\r\n|\r|\n")
MARKDOWN_SUFFIXES = (".md", ".markdown")


class Document:
    """One input file (or standard input), decoded."""

    def __init__(
        self,
        text: str,
        path: str = "<string>",
        *,
        encoding: str = "utf-8",
        bom: bool = False,
        markdown: bool | None = None,
        wrapped: bool = True,
    ):
        self.text = text
        self.path = path
        self.encoding = encoding
        self.bom = bom
        self.markdown = path.lower().endswith(MARKDOWN_SUFFIXES) if markdown is None else markdown
        # False for a Word file: each line is a whole paragraph, never hard-wrapped
        self.wrapped = wrapped
        self._analyses: dict[Callable, Any] = {}
        # Translation pairs (set by the engine before any analysis): the English
        # file of this Chinese one, and the Chinese file this English one renders.
        self.translation: "Document | None" = None
        self.original: "Document | None" = None

    @classmethod
    def from_bytes(
        cls, data: bytes, path: str, encoding: str | None = None, markdown: bool | None = None
    ) -> "Document":
        """Decode ``data``; raises ``DecodeError`` naming nothing but the cause."""
        decoded = decode(data, encoding)
        return cls(decoded.text, path, encoding=decoded.encoding, bom=decoded.bom, markdown=markdown)

    @classmethod
    def from_path(cls, path: str | Path, encoding: str | None = None) -> "Document":
        return cls.from_bytes(Path(path).read_bytes(), str(path), encoding)

    def __repr__(self) -> str:
        return f"<Document {self.path} {len(self.text)} chars>"

    # -- lines and positions ------------------------------------------------

    @cached_property
    def line_starts(self) -> list[int]:
        return [0] + [m.end() for m in _NEWLINE.finditer(self.text)]

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its line break."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def position(self, offset: int) -> Position:
        """1-based line and character column of a 0-based character offset."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return Position(index + 1, offset - self.line_starts[index] + 1, offset)

    def offset(self, line: int, column: int) -> int:
        """Inverse of ``position``."""
        return self.line_starts[line - 1] + column - 1

    # -- analyses ----------------------------------------------------------

    def analysis(self, func: Callable[["Document"], T]) -> T:
        """``func(self)``, computed once per document and cached."""
        try:
            return self._analyses[func]
        except KeyError:
            pass
        try:
            value = func(self)
        except AnalysisError:
            raise
        except Exception as exc:  # noqa: BLE001 - re-raised with the document named
            raise AnalysisError(self.path, getattr(func, "__qualname__", repr(func)), exc) from exc
        self._analyses[func] = value
        return value

    def seed(self, analyses: dict[Callable, Any]) -> None:
        """Take analyses computed elsewhere for this same text (in the worker
        process that linted it), so that a corpus rule in the main process
        does not compute them again."""
        self._analyses.update(analyses)

    def release(self) -> None:
        """Forget every analysis, keeping the text: called once a file's
        per-file work is done, so that memory does not grow with the number
        of files (what the corpus rules still need is in their summaries)."""
        self._analyses = {}
        for name in ("line_starts", "blocks", "block_starts"):
            self.__dict__.pop(name, None)

    @cached_property
    def blocks(self) -> list[Block]:
        return split_blocks(self.text, self.line_starts, self.markdown, self.wrapped)

    @property
    def sentences(self):
        from .sentences import sentences

        return self.analysis(sentences)

    @property
    def tokens(self):
        """jieba's words of the Chinese and mixed blocks (``lintkit.analysis.tokens``)."""
        return self.analysis(_offered("tokens"))

    def pos_tags(self, block_index: int):
        """jieba's words of one block with their part-of-speech tags (``lintkit.analysis.tokens``)."""
        return _offered("pos_tags")(self, block_index)

    @property
    def articles(self):
        from .articles import split_articles

        return self.analysis(split_articles)

    def block_at(self, offset: int) -> int | None:
        """Index of the block containing ``offset``, if any."""
        starts = self.block_starts
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset <= self.blocks[i].end:
            return i
        return None

    @cached_property
    def block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]
