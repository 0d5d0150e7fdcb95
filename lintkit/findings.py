"""Findings: what a rule reports, as plain immutable data.

Rules speak in character offsets into a document's text (``Problem``); the
engine turns each problem into a ``Finding`` with 1-based lines and columns,
once, in one place (``Document.position``).  Everything downstream —
reporters, fixes, the JSON contract — reads ``Finding`` only.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .model.position import Position

if TYPE_CHECKING:  # pragma: no cover
    from .model.document import Document

__all__ = [
    "Severity",
    "Applicability",
    "Edit",
    "Fix",
    "Related",
    "Problem",
    "Location",
    "Finding",
    "RunError",
]


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= fail_on`` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected one of: error, warning, info)") from None

    def __str__(self) -> str:
        return self.name.lower()


class Applicability(str, enum.Enum):
    """How far a fix can be trusted, as in ruff.

    ``safe`` fixes are applied by ``--fix``; ``unsafe`` ones only with
    ``--unsafe-fixes``; ``display`` fixes are suggestions an editor must
    decide on (a name variant: which spelling is right is a human call).
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (character offsets)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    description: str = ""

    @classmethod
    def replace(
        cls,
        start: int,
        end: int,
        replacement: str,
        *,
        applicability: Applicability | str = Applicability.SAFE,
        description: str = "",
    ) -> "Fix":
        return cls(
            (Edit(start, end, replacement),),
            Applicability(applicability),
            description,
        )


@dataclass(frozen=True)
class Related:
    """Another place a finding points to (every other spelling of a name...).

    ``document`` is ``None`` for a place in the same document as the problem;
    corpus rules set it to point into another file of the run.
    """

    start: int
    end: int
    message: str
    document: "Document | None" = field(default=None, compare=False)


@dataclass(frozen=True)
class Problem:
    """What a rule yields: offsets into ``document`` (default: the one being checked)."""

    start: int
    end: int
    message: str
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    severity: Severity | None = None  # overrides the rule's severity when set
    document: "Document | None" = field(default=None, compare=False)


@dataclass(frozen=True, order=True)
class Location:
    path: str
    start: Position
    end: Position
    message: str = ""


@dataclass(frozen=True, order=True)
class Finding:
    """One reported defect.  Ordering is the deterministic report order."""

    path: str
    start: Position
    end: Position
    rule: str
    severity: Severity
    message: str
    related: tuple[Location, ...] = ()
    fix: Fix | None = field(default=None, compare=False)
    # (start, end) of each edit of ``fix``, resolved by the engine with the
    # finding's own position, so that reporters need no document
    fix_positions: tuple[tuple[Position, Position], ...] = field(default=(), compare=False)

    def sort_key(self) -> tuple:
        return (self.path, self.start, self.end, self.rule, self.message)

    def edit_positions(self, documents: dict | None = None) -> list[tuple[Position, Position]]:
        """Where each edit of the fix starts and ends: as the engine resolved
        them, else (a finding made by hand) from ``documents[path]``."""
        if self.fix is None:
            return []
        if len(self.fix_positions) == len(self.fix.edits):
            return list(self.fix_positions)
        doc = (documents or {}).get(self.path)
        if doc is None:
            raise ValueError(f"the fix of a finding in {self.path} has no positions and no document")
        return [(doc.position(e.start), doc.position(e.end)) for e in self.fix.edits]


@dataclass(frozen=True, order=True)
class RunError:
    """Something that stopped part of a run: an undecodable file, a broken
    plugin, a rule that raised.  Any error makes the exit code 2."""

    kind: str  # "input" | "plugin" | "rule" | "config"
    message: str
    path: str | None = None
    rule: str | None = None
    plugin: str | None = None
