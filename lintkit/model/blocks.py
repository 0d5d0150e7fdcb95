"""Split a document into blocks: headings, paragraphs, list items.

Markdown files go through markdown-it-py, so code blocks, HTML and front
matter are never linted as prose.  Plain-text files follow the layout of
newsroom exports: one paragraph per line, blank lines between, ``#``
headings where an editor typed them, and hard-wrapped English paragraphs
whose lines are joined back together.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .language import language_of

__all__ = ["Block", "split_blocks"]

PARAGRAPH, HEADING, LIST_ITEM = "paragraph", "heading", "list_item"
# one cell of a Markdown table: a block of its own, so that no sentence,
# name or figure runs from one cell into the next
TABLE_CELL = "table_cell"

_HEADING_MARK = regex.compile(r"[ \t]*#{1,6}[ \t]+")
_LIST_MARK = regex.compile(r"[ \t]*(?:[-*+•]|\d{1,3}[.)、])[ \t]+")
_QUOTE_MARK = regex.compile(r"[ \t]*(?:>[ \t]?)+")
_YAML_KEY = regex.compile(r"[\w-]+[ \t]*:(?:[ \t]|$)")
_SENTENCE_END = regex.compile(r"[。！？!?.;；:：”\"’)）]\s*$")


@dataclass(frozen=True)
class Block:
    start: int  # offset of the first character of content (markup excluded)
    end: int  # offset just past the last non-blank character
    kind: str  # paragraph | heading | list_item
    lang: str  # zh | en | mixed | ""
    level: int = 0  # heading level, when known

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def _make(text: str, start: int, end: int, kind: str, level: int = 0) -> Block | None:
    while start < end and text[start] in " \t\u3000":
        start += 1
    while end > start and text[end - 1] in " \t\r\n\u3000":
        end -= 1
    if start >= end:
        return None
    return Block(start, end, kind, language_of(text[start:end]), level)


def _lines(text: str, line_starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the line break."""
    spans = []
    for i, start in enumerate(line_starts):
        end = line_starts[i + 1] if i + 1 < len(line_starts) else len(text)
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        spans.append((start, end))
    return spans


def _continues(prev: str, nxt: str) -> bool:
    """Is ``nxt`` the hard-wrapped continuation of the English line ``prev``?"""
    return len(prev) >= 50 and not _SENTENCE_END.search(prev) and language_of(prev) == "en" and nxt[:1].islower()


def _plain_blocks(text: str, line_starts: list[int], wrapped: bool = True) -> list[Block]:
    blocks: list[Block] = []
    pending: tuple[int, int] | None = None  # an English paragraph being joined

    def flush():
        nonlocal pending
        if pending:
            block = _make(text, pending[0], pending[1], PARAGRAPH)
            if block:
                blocks.append(block)
        pending = None

    for start, end in _lines(text, line_starts):
        line = text[start:end]
        if not line.strip():
            flush()
            continue
        # the paragraph's last line (found from its end: not the whole paragraph copied per line)
        if (
            wrapped
            and pending
            and _continues(text[text.rfind("\n", pending[0], pending[1]) + 1 or pending[0] : pending[1]], line.strip())
        ):
            pending = (pending[0], end)
            continue
        flush()
        if m := _HEADING_MARK.match(line):
            level = line[: m.end()].count("#")
            if b := _make(text, start + m.end(), end, HEADING, level):
                blocks.append(b)
        elif m := _LIST_MARK.match(line):
            if b := _make(text, start + m.end(), end, LIST_ITEM):
                blocks.append(b)
        else:
            pending = (start, end)
    flush()
    return blocks


def _markdown_blocks(text: str, line_starts: list[int]) -> list[Block]:
    from markdown_it import MarkdownIt  # imported lazily: only .md files need it

    # CommonMark, plus GitHub's pipe tables, read cell by cell
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    spans = _lines(text, line_starts)
    front = _front_matter_lines(text, spans)
    blocks: list[Block] = []
    in_list = 0
    for _i, tok in enumerate(tokens):
        if tok.type == "list_item_open":
            in_list += 1
        elif tok.type == "list_item_close":
            in_list -= 1
        if tok.type == "html_block" and tok.map and tok.map[0] >= front:
            # an HTML table (PDF conversions write them): its plain cells are prose
            for s, e in _html_cells(text, spans[tok.map[0]][0], spans[tok.map[1] - 1][1]):
                if b := _make(text, s, e, TABLE_CELL):
                    blocks.append(b)
            continue
        if tok.type == "tr_open" and tok.map and tok.map[0] >= front:
            row_start, row_end = spans[tok.map[0]]
            for s, e in _cells(text, row_start, row_end):
                if b := _make(text, s, e, TABLE_CELL):
                    blocks.append(b)
            continue
        if tok.type not in ("heading_open", "paragraph_open") or not tok.map or tok.map[0] < front:
            continue
        first, last = tok.map[0], tok.map[1] - 1
        start, end = spans[first][0], spans[last][1]
        line = text[start : spans[first][1]]
        if tok.type == "heading_open":
            kind, level = HEADING, int(tok.tag[1:])
            if m := _HEADING_MARK.match(line):
                start += m.end()
            elif last > first:  # setext heading: the underline is not content
                end = spans[last - 1][1]
        else:
            kind, level = (LIST_ITEM if in_list else PARAGRAPH), 0
            for mark in (_QUOTE_MARK, _LIST_MARK):
                if m := mark.match(text, start, spans[first][1]):
                    start = m.end()
        if b := _make(text, start, end, kind, level):
            blocks.append(b)
    return blocks


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the cells of a pipe-table row: between unescaped ``|``
    outside inline code, the row's outer pipes and the cells' padding left
    out."""
    bounds, i, tick = [], start, ""
    while i < end:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "`":
            run = i
            while i < end and text[i] == "`":
                i += 1
            ticks = text[run:i]
            tick = "" if tick == ticks else (ticks if not tick else tick)
            continue
        if c == "|" and not tick:
            bounds.append(i)
        i += 1
    edges = [start - 1] + bounds + [end]
    out = []
    for a, b in zip(edges, edges[1:]):
        s, e = a + 1, b
        while s < e and text[s] in " \t":
            s += 1
        while e > s and text[e - 1] in " \t\r\n":
            e -= 1
        if s < e:
            out.append((s, e))
    return out


_HTML_CELL = regex.compile(r"<(t[dh])\b[^>]*>([^<]*)</\1\s*>", regex.IGNORECASE)


def _html_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the cells of an HTML table in Markdown whose content is
    plain text (a cell with markup inside is left out, as all HTML is)."""
    if "<t" not in text[start:end].lower():
        return []
    return trimmed_spans(text, (m.span(2) for m in _HTML_CELL.finditer(text, start, end)))


def trimmed_spans(text: str, spans) -> list[tuple[int, int]]:
    """``spans`` without the white space at their ends, the empty ones dropped."""
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _front_matter_lines(text: str, spans: list[tuple[int, int]]) -> int:
    """Number of lines of a YAML front matter block (``---`` ... ``---``), else 0.

    CommonMark does not know front matter: it would read it as a rule and a
    setext heading."""
    if len(spans) < 2 or text[spans[0][0] : spans[0][1]].rstrip() != "---":
        return 0
    if not _YAML_KEY.match(text, spans[1][0], spans[1][1]):
        return 0  # a thematic break, then prose
    for n, (start, end) in enumerate(spans[1:], start=1):
        if text[start:end].rstrip() in ("---", "..."):
            return n + 1
    return 0


def split_blocks(text: str, line_starts: list[int], markdown: bool, wrapped: bool = True) -> list[Block]:
    """The blocks of ``text``.  ``wrapped``: plain-text lines may be hard-wrapped
    paragraphs (English lines are joined); a Word file's lines are whole
    paragraphs and are not."""
    if markdown:
        return _markdown_blocks(text, line_starts)
    return _plain_blocks(text, line_starts, wrapped)
