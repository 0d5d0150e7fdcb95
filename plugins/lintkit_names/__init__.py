"""lintkit's ``names`` plugin: one person, one spelling — in Chinese, in
English, across files."""

from lintkit import hookimpl

from .rules.cross_file_variant import cross_file_variant
from .rules.acronym_variant import acronym_variant
from .rules.english_variant import english_variant
from .rules.foreign_name_mismatch import foreign_name_mismatch
from .rules.organisation_variant import organisation_variant
from .rules.organisation_mismatch import organisation_mismatch
from .rules.romanization_mismatch import romanization_mismatch
from .rules.spelling_variant import spelling_variant

__all__ = ["register_rules"]


@hookimpl
def register_rules(register):
    register(spelling_variant)
    register(romanization_mismatch)
    register(foreign_name_mismatch)
    register(english_variant)
    # formerly checks of names.english-variant (the id still reaches them)
    register(acronym_variant)
    register(organisation_variant)
    register(organisation_mismatch)
    register(cross_file_variant)
