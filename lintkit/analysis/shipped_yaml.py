"""lintkit's own YAML data files, read at every start as cheaply as possible.

The vocabularies shipped with lintkit (``quantities/units.yaml``,
``quantities/nouns.yaml``, ``data/names-foreign-titles.yaml``) are read by
every process.  PyYAML's pure-Python reader takes ~10 ms for a few KB;
libyaml's safe loader (``yaml.CSafeLoader``, when PyYAML was built with it)
gives the same data for these plain files (equal values, same order: a
test compares both readers on each file) in a tenth of the time.  A
user's file keeps the pure-Python reader, whose error messages lintkit
reports.
"""

from __future__ import annotations

import yaml

__all__ = ["load_shipped_yaml"]


def load_shipped_yaml(text: str):
    """``yaml.safe_load(text)`` for a data file shipped with lintkit, by
    libyaml when PyYAML has it."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        return yaml.safe_load(text)
    return yaml.load(text, Loader=loader)  # noqa: S506 - CSafeLoader is a safe loader
