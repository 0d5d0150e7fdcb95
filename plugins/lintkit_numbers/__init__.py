"""lintkit's ``numbers`` plugin: the same figure in both languages, and in every place."""

from lintkit import hookimpl

from .rules.contradiction import contradiction
from .rules.cross_file_contradiction import cross_file_contradiction
from .rules.zh_en_mismatch import zh_en_mismatch

__all__ = ["register_rules"]


@hookimpl
def register_rules(register):
    register(zh_en_mismatch)
    register(contradiction)
    register(cross_file_contradiction)
