"""Rules: functions over a document, an article, or the corpus of a run.

A rule is declared with the ``@rule`` decorator on a plain function.  The
function's docstring is the rule's documentation (``lintkit rules ID``);
its first line is the one-line summary.  The function yields ``Problem``s
with character offsets; the engine does the rest.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

import regex

from .findings import Problem, Severity

__all__ = ["Rule", "Option", "rule", "DOCUMENT", "ARTICLE", "CORPUS", "RULE_ID"]

DOCUMENT, ARTICLE, CORPUS = "document", "article", "corpus"
SCOPES = (DOCUMENT, ARTICLE, CORPUS)
RULE_ID = regex.compile(r"^[a-z][a-z0-9_]*(?:-[a-z0-9_]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Option:
    """A configurable option of a rule, validated when rules.yaml is read."""

    default: Any
    help: str = ""
    type: type | tuple[type, ...] | None = None  # defaults to type(default)
    choices: tuple | None = None

    def check(self, value: Any) -> str | None:
        """``None`` if ``value`` is acceptable, else what was expected."""
        expected = self.type or type(self.default)
        if expected is float:
            expected = (int, float)
        if (
            isinstance(value, bool)
            and expected is not bool
            and bool not in (expected if isinstance(expected, tuple) else (expected,))
        ):
            return f"expected {_type_name(expected)}, got a boolean"
        if not isinstance(value, expected):
            return f"expected {_type_name(expected)}, got {type(value).__name__} {value!r}"
        if isinstance(value, list) and isinstance(self.default, list) and self.default:
            item = type(self.default[0])
            for v in value:
                if not isinstance(v, item) or isinstance(v, bool) and item is not bool:
                    hint = " (quote it: YAML reads yes/no/on/off as booleans)" if isinstance(v, bool) else ""
                    return f"expected a list of {_type_name(item)[2:] if _type_name(item).startswith('a ') else _type_name(item)}s, got item {v!r}{hint}"
        if self.choices is not None and value not in self.choices:
            return "expected one of " + ", ".join(map(repr, self.choices)) + f", got {value!r}"
        return None


def _type_name(t) -> str:
    names = {
        int: "an integer",
        float: "a number",
        str: "a string",
        bool: "true or false",
        list: "a list",
        dict: "a mapping",
    }
    if isinstance(t, tuple):
        return " or ".join(names.get(x, x.__name__) for x in t)
    return names.get(t, t.__name__)


@dataclass(frozen=True)
class Rule:
    id: str
    check: Callable[..., Iterable[Problem]] = field(repr=False)
    scope: str = DOCUMENT
    severity: Severity = Severity.WARNING
    options: dict[str, Option] = field(default_factory=dict)
    enabled: bool = True  # on unless rules.yaml selects otherwise
    doc: str = ""
    plugin: str = ""  # set by the registry
    # corpus rules: what the rule needs of one document, taken where that
    # document is linted (a worker process); ``check`` then receives these
    # summaries instead of the documents
    summarize: Callable[..., Any] | None = field(default=None, repr=False)
    # the id this rule was split out of: rules.yaml, --select/--ignore and
    # suppression comments that name it still reach this rule (for a release)
    formerly: str = ""
    # the old rule's option names that now belong to this rule: old -> new
    formerly_options: dict[str, str] = field(default_factory=dict)

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""

    def defaults(self) -> dict[str, Any]:
        return {name: opt.default for name, opt in self.options.items()}


def rule(
    id: str,
    *,
    scope: str = DOCUMENT,
    severity: str | Severity = Severity.WARNING,
    options: dict[str, Option] | None = None,
    enabled: bool = True,
    summarize: Callable[..., Any] | None = None,
    formerly: str = "",
    formerly_options: dict[str, str] | None = None,
) -> Callable[[Callable], Rule]:
    """Declare a rule.

    ``scope`` says what the function receives: ``document`` (a
    ``Document``), ``article`` (an ``Article`` with its English
    counterparts) or ``corpus`` (the list of every document of the run).
    The function is called as ``check(target, options)`` with ``options``
    the rule's validated options as a read-only mapping.

    A corpus rule should also give ``summarize(document, options)``: what it
    needs to know of one document, small and picklable (it may refer to the
    document itself: such references travel as references, not copies).  It
    is called where the document is linted — a worker process with
    ``--jobs``, a Dask worker, or not at all when the file's results come
    from the cache — and ``check`` receives the list of summaries, one per
    document in input order, instead of the documents.  Without it the rule
    receives the documents themselves, re-read in the main process after
    the per-file work: correct, but neither parallel nor cached.

    A rule split out of another (one check per rule id) names it as
    ``formerly``: configurations, command lines and suppression comments
    that name the old id reach each rule split out of it, and the old
    rule's options reach the new rule as ``formerly_options`` maps them
    (old name -> new name).
    """
    if not RULE_ID.match(id):
        raise ValueError(f"rule id {id!r} must read '<plugin>.<rule-name>' in kebab-case")
    if scope not in SCOPES:
        raise ValueError(f"rule {id}: scope must be one of {SCOPES}, not {scope!r}")
    if summarize is not None and scope != CORPUS:
        raise ValueError(f"rule {id}: only a corpus rule takes summarize")

    def decorate(func: Callable) -> Rule:
        return Rule(
            id=id,
            check=func,
            scope=scope,
            severity=Severity.parse(severity),
            options=dict(options or {}),
            enabled=enabled,
            doc=inspect.getdoc(func) or "",
            summarize=summarize,
            formerly=formerly,
            formerly_options=dict(formerly_options or {}),
        )

    return decorate
