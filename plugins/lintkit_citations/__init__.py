"""lintkit's ``citations``  plugin (work in progress: registers no rule yet)."""

from lintkit import hookimpl

__all__ = ["register_rules"]


@hookimpl
def register_rules(register):
    pass
