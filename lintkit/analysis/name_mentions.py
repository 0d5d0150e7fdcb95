"""The records the names analysis produces: ``NameMention`` and ``Names``.

Kept apart from the extractor that fills them (``name_extractor``) and the
module that serves them (``names``), so that both can import them without
importing each other; ``lintkit.analysis.names`` re-exports them.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field


@dataclass(frozen=True)
class NameMention:
    """One occurrence of a person name."""

    text: str
    start: int
    end: int
    block: int
    cue: str  # role-before | role-after | verb | byline | credit | answer | list | cited | reference | dictionary | lookup | variant
    role: str = ""  # the adjacent title/role word, "摄" for a credit, ":" for an answer
    org: str = ""  # up to three Han characters before a role that precedes the name (协会 in 协会会长X)


@dataclass
class Names:
    """Every person-name mention of a document, by name."""

    mentions: list[NameMention] = field(default_factory=list)
    confirmed: set[str] = field(default_factory=set)

    @functools.cached_property
    def by_name(self) -> dict[str, list[NameMention]]:
        out: dict[str, list[NameMention]] = defaultdict(list)
        for m in self.mentions:
            out[m.text].append(m)
        return dict(out)

    def roles(self, name: str) -> set[str]:
        return {m.role for m in self.by_name.get(name, ()) if m.role}
