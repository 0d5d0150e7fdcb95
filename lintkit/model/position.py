"""A place in a document's text: 1-based line and column, and the offset.

It belongs to the model because only the document can compute it
(``Document.position``: lines, and columns counted in characters, not
bytes); findings and reporters above the model carry it as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Position"]


@dataclass(frozen=True, order=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, counted in characters (code points)
    offset: int  # 0-based character offset
