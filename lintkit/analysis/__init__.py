"""Shared analyses: computed once per document, lazily, and cached on it.

An analysis is a plain function ``f(document) -> value``.  Rules call
``document.analysis(f)``; the first call computes, later calls (from any
rule or plugin) reuse the result.  Plugins add their own analyses the same
way, with no registration step.
"""

from .sentences import Sentence, sentences
from .tokens import Token, pos_tags, tokens

__all__ = ["Sentence", "sentences", "Token", "tokens", "pos_tags"]
