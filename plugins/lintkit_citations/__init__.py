"""lintkit's ``citations`` plugin: every claim has a source, every reference is sound."""

from lintkit import hookimpl

from .rules.reference_list import reference_list_rule
from .rules.unattributed_quote import unattributed_quote
from .rules.unnamed_venue import unnamed_venue
from .rules.unsourced_claim import unsourced_claim

__all__ = ["register_rules"]


@hookimpl
def register_rules(register):
    register(unsourced_claim)
    register(reference_list_rule)
    register(unattributed_quote)
    register(unnamed_venue)
