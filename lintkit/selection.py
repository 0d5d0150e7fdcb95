"""Which rules run, and at what severity: one small decision table.

The most specific selector wins (``names.spelling-variant`` beats
``names``, which beats ``ALL``); at equal specificity ``ignore`` beats
``select``.  With no ``select`` at all, the rules that are on by default
are implicitly selected.  The command line beats the file: ``--select``
replaces the file's ``select`` and overrides its ``ignore`` (as in ruff),
``--ignore`` beats anything the file selects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .findings import Severity
from .rules import Rule

__all__ = ["Selection", "specificity", "names_rule"]


def specificity(selector: str, rule_id: str) -> int:
    """How precisely ``selector`` names ``rule_id`` (0: not at all)."""
    if selector == rule_id:
        return 3
    if rule_id.startswith(selector + ".") or selector == rule_id.split(".", 1)[0]:
        return 2
    if selector == "ALL":
        return 1
    return 0


def names_rule(selector: str, rule: Rule) -> int:
    """How precisely ``selector`` names ``rule``: by id or prefix, by its
    plugin's name, or by the id it was split out of (``rule.formerly``)."""
    return (
        specificity(selector, rule.id)
        or (2 if selector == rule.plugin else 0)
        or (3 if rule.formerly and selector == rule.formerly else 0)
    )


@dataclass
class Selection:
    select: list[str] | None = None  # from rules.yaml
    ignore: list[str] = field(default_factory=list)
    cli_select: list[str] | None = None
    cli_ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)

    def enabled(self, rule: Rule) -> bool:
        # (tier, specificity, source rank, verdict): later in sort order wins.
        # --select on the command line replaces rules.yaml's select.
        select = self.cli_select if self.cli_select is not None else self.select
        # The command line overrides rules.yaml, as in ruff: its selectors
        # vote in a tier above the file's (`--ignore style` turns style rules
        # off even where the file selects one by id; `--select X` runs X even
        # where the file ignores it).  Within a tier the most specific wins.
        cli_select = self.cli_select is not None
        votes = [(0, 0, 0, rule.enabled)] if select is None else [(0, 0, 0, False)]
        for tier, rank, sels, verdict in (
            (int(cli_select), 1, select or [], True),
            (0, 2, self.ignore, False),
            (1, 3, self.cli_ignore, False),
        ):
            for sel in sels:
                s = names_rule(sel, rule)
                if s:
                    votes.append((tier, s, rank, verdict))
        return max(votes)[3]

    def severity_of(self, rule: Rule) -> Severity:
        best = (0, rule.severity)
        for sel, level in self.severity.items():
            s = names_rule(sel, rule)
            if s > best[0]:
                best = (s, level)
        return best[1]
