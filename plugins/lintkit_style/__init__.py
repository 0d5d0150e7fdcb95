"""lintkit's ``style`` plugin: editorial slips that need no language model."""

from lintkit import hookimpl

from .rules.contents_mismatch import contents_mismatch
from .rules.repeated_phrase import repeated_phrase

__all__ = ["register_rules"]


@hookimpl
def register_rules(register):
    register(repeated_phrase)
    register(contents_mismatch)
