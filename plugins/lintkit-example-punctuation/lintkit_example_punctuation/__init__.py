"""An example lintkit plugin: half-width punctuation in Chinese text.

Registered under the ``lintkit`` entry-point group in this folder's
pyproject.toml, exactly as any third-party plugin is.
"""

from lintkit import hookimpl

from .rules.halfwidth_punctuation import halfwidth_punctuation

__version__ = "0.1.0"
__all__ = ["register_rules"]


@hookimpl
def register_rules(register):
    register(halfwidth_punctuation)
