"""lintkit's ``numbers`` plugin: the same figure in both languages, and in every place."""

from lintkit import hookimpl

from .rules.cross_file_contradiction import cross_file_contradiction
from .rules.heading_contradiction import heading_contradiction
from .rules.odd_count import odd_count
from .rules.odd_year_range import odd_year_range
from .rules.part_count import part_count
from .rules.restated_count import restated_count
from .rules.same_bound import same_bound
from .rules.serial_number import serial_number
from .rules.zh_en_mismatch import zh_en_mismatch

__all__ = ["register_rules"]


@hookimpl
def register_rules(register):
    register(zh_en_mismatch)
    # formerly one rule, numbers.contradiction (the id still reaches all six)
    register(heading_contradiction)
    register(part_count)
    register(restated_count)
    register(serial_number)
    register(odd_count)
    register(odd_year_range)
    register(same_bound)
    register(cross_file_contradiction)
