"""Shared analyses: computed once per document, lazily, and cached on it.

An analysis is a plain function ``f(document) -> value``.  Rules call
``document.analysis(f)``; the first call computes, later calls (from any
rule or plugin) reuse the result.  Plugins add their own analyses the same
way, with no registration step.  Sentences belong to the document model
(``lintkit.model.sentences``: the articles are split with them).
"""

from .tokens import Token, pos_tags, tokens

__all__ = ["Token", "tokens", "pos_tags"]
