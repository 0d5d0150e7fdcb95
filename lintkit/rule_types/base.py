"""What every declarative rule type shares: the common keys of a
``rules.yaml`` rule instance, scopes, patterns run with a timeout, message
templates.

A rule instance is a mapping read by ``lintkit.config`` that remembers the
line of each key, so every mistake is reported as ``rules.yaml:LINE: ...``
naming the rule.
"""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

import regex

from ..config import ConfigError
from ..findings import Severity
from ..model.language import EN, MIXED, ZH
from ..rules import RULE_ID
from .literals import Required, required_literal

__all__ = [
    "RuleType",
    "Spec",
    "Unit",
    "COMMON_KEYS",
    "SCOPE_UNITS",
    "SCOPE_LANGS",
    "PATTERN_TIMEOUT",
    "PatternTimeout",
    "units",
    "search",
]

# Seconds one pattern may spend on one stretch of text (a sentence, a
# paragraph, a file) before the rule fails with an error naming it: a
# pathological user pattern must not hang a CI job.
PATTERN_TIMEOUT = 2.0
HOUSE_PREFIX = "house."

COMMON_KEYS = {
    "id": "the rule id, house.NAME in kebab-case (required)",
    "extends": "the rule type (required)",
    "message": "the message template; {match} is the text found (each type documents its other fields)",
    "description": "one line shown by `lintkit rules` (default: the message)",
    "severity": "error | warning | info (default: warning)",
    "scope": "where to look: text (default), heading, paragraph, sentence, summary; "
    "with zh-only or en-only (a string or a list)",
    "exceptions": "patterns; a match overlapping a match of one of them is not reported",
    "unless": "patterns; nothing is reported in a scope unit (sentence, paragraph, ...) where one of them matches",
    "link": "a URL to the house style guide, shown by `lintkit rules ID` and available as {link}",
    "ignore-case": "true to match letters case-insensitively (default: false)",
    "enabled": "false to define the rule but run it only when selected (default: true)",
    "timeout": f"seconds a pattern may run on one scope unit (default: {PATTERN_TIMEOUT})",
}
SCOPE_UNITS = ("text", "heading", "paragraph", "sentence", "summary")
SCOPE_LANGS = {"zh-only": (ZH, MIXED), "en-only": (EN,)}


class PatternTimeout(RuntimeError):
    """A user pattern ran longer than its timeout."""


@dataclass(frozen=True)
class RuleType:
    """A declarative rule type: code that ``rules.yaml`` instantiates with ``extends:``.

    ``build(spec)`` validates the type's keys (``spec.require``,
    ``spec.get``, ``spec.pattern``... raise ``ConfigError`` at the right
    line) and returns ``check(target, options)``, the function of the
    resulting ``lintkit.Rule``.  ``scope`` is what that function receives
    (``document`` or ``article``).
    """

    name: str
    build: Callable[["Spec"], Callable]
    keys: dict[str, str] = field(default_factory=dict)  # type-specific key -> help
    doc: str = ""
    scope: str = "document"
    default_unit: str = "text"
    default_message: str = "“{match}”"


@dataclass(frozen=True)
class Unit:
    """A stretch of text a rule looks at: a block, a sentence, a summary."""

    start: int
    end: int
    lang: str
    kind: str


class Spec:
    """One rule instance from rules.yaml, with typed, located accessors."""

    def __init__(self, data: dict, path: str, rule_type: RuleType, index: int):
        self.data, self.path, self.type, self.index = data, path, rule_type, index
        self.id: str = data.get("id", "")
        self.line = getattr(data, "line", None)

    # -- errors --------------------------------------------------------------

    def line_of(self, key: str | None = None) -> int | None:
        lines = getattr(self.data, "lines", {})  # a _LineDict from rules.yaml knows them; a plain dict does not
        if key is not None and key in lines:
            return lines[key]
        return self.line

    def error(self, key: str | None, message: str) -> ConfigError:
        who = f"rule {self.id}" if self.id else f"rules item {self.index + 1}"
        return ConfigError(self.path, self.line_of(key), f"{who}: {message}")

    # -- typed accessors -------------------------------------------------------

    def get(self, key: str, default: Any = None, kind: type | tuple = object, what: str = "") -> Any:
        if key not in self.data or self.data[key] is None:
            return default
        value = self.data[key]
        if isinstance(value, bool) and kind in (int, float, (int, float)):
            raise self.error(key, f"{key!r} must be {what or 'a number'}, got a boolean")
        if not isinstance(value, kind):
            raise self.error(key, f"{key!r} must be {what or kind}, got {type(value).__name__} {value!r}")
        return value

    def require(self, key: str, kind: type | tuple = object, what: str = "") -> Any:
        if key not in self.data or self.data[key] is None:
            raise self.error(None, f"type {self.type.name} needs {key!r} ({what or self.type.keys.get(key, '')})")
        return self.get(key, None, kind, what)

    def strings(self, key: str, *, required: bool = False) -> list[str]:
        if key not in self.data or self.data[key] is None:
            if required:
                raise self.error(None, f"type {self.type.name} needs {key!r} ({self.type.keys.get(key, '')})")
            return []
        value = self.data[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.error(
                key,
                f"{key!r} must be a non-empty string or a list of them "
                "(quote yes/no/on/off: YAML reads them as booleans)",
            )
        if required and not value:
            raise self.error(key, f"{key!r} must not be empty")
        return list(value)

    default_ignore_case = False

    def flags(self) -> int:
        ic = self.get("ignore-case", self.default_ignore_case, bool, "true or false")
        return regex.IGNORECASE if ic else 0

    def pattern(self, source: str, key: str, *, literal: bool = False) -> regex.Pattern:
        """Compile a user pattern (or a literal word) with this rule's flags."""
        if literal:
            source = literal_pattern(source)
        try:
            return regex.compile(source, self.flags())
        except regex.error as exc:
            raise self.error(key, f"invalid pattern {source!r} in {key!r}: {exc}") from None

    def patterns(self, key: str, *, literal: bool = False, required: bool = False) -> list[regex.Pattern]:
        return [self.pattern(s, key, literal=literal) for s in self.strings(key, required=required)]

    def template(self, key: str, default: str, fields: set[str]) -> str:
        text = self.get(key, default, str, "a string")
        try:
            names = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
        except ValueError as exc:
            raise self.error(key, f"bad message template {text!r}: {exc} (write {{{{ and }}}} for braces)") from None
        unknown = sorted(n for n in names if n.split(".")[0].split("[")[0] not in fields)
        if unknown:
            raise self.error(
                key,
                f"message template uses unknown field {{{unknown[0]}}}; "
                "available: " + ", ".join("{" + f + "}" for f in sorted(fields)),
            )
        return text

    def scope(self) -> tuple[str, tuple[str, ...] | None]:
        """(unit, languages kept or None for all)."""
        raw = self.data.get("scope")
        items = [] if raw is None else [raw] if isinstance(raw, str) else raw
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise self.error("scope", "'scope' must be a string or a list of strings")
        unit, langs = self.type.default_unit, None
        for item in items:
            if item in SCOPE_UNITS:
                unit = item
            elif item in SCOPE_LANGS:
                if langs is not None:
                    raise self.error("scope", "use one of zh-only and en-only, not both")
                langs = SCOPE_LANGS[item]
            else:
                raise self.error(
                    "scope", f"unknown scope {item!r}; expected " + ", ".join(SCOPE_UNITS) + ", zh-only or en-only"
                )
        return unit, langs


def literal_pattern(word: str) -> str:
    """A pattern for a literal word; a Latin letter or digit at either end
    must not continue a longer word ("email" is not found in "emails")."""
    out = regex.escape(word)
    if regex.match(r"[A-Za-z0-9]", word):
        out = r"(?<![A-Za-z0-9])" + out
    if regex.search(r"[A-Za-z0-9]$", word):
        out += r"(?![A-Za-z0-9])"
    return out


def search(
    pattern: regex.Pattern,
    text: str,
    start: int,
    end: int,
    timeout: float,
    rule_id: str,
    required: Required | None = None,
) -> list:
    """Every match of ``pattern`` in ``text[start:end]``, or PatternTimeout naming the rule.

    ``required``: text every match contains (``literals.required_literal``);
    where ``text[start:end]`` lacks it there is no match, and the pattern
    does not run."""
    if required is not None and required.missing(text, start, end):
        return []
    try:
        return list(pattern.finditer(text, start, end, timeout=timeout))
    except TimeoutError:
        raise PatternTimeout(
            f"pattern {pattern.pattern!r} of rule {rule_id} ran longer than {timeout}s "
            "(simplify it: nested repetition like (a+)+ is the usual cause)"
        ) from None


def normalize(text: str) -> str:
    """Full-width letters and digits to ASCII, case folded, spaces dropped."""
    return regex.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def units(doc, unit: str, langs: tuple[str, ...] | None) -> Iterator[Unit]:
    """The stretches of ``doc`` a rule with this scope looks at."""
    if unit == "summary":
        # a summary paragraph is one unit, although the article model keeps
        # it sentence by sentence (each aligned with its Chinese)
        spans: dict[int, list[int]] = {}
        for article in doc.articles:
            for c in article.counterparts("summary"):
                if c.document is None:
                    span = spans.setdefault(c.block, [c.start, c.end])
                    span[0], span[1] = min(span[0], c.start), max(span[1], c.end)
        for block in sorted(spans):
            u = Unit(spans[block][0], spans[block][1], EN, "summary")
            if langs is None or u.lang in langs:
                yield u
        return
    if unit == "sentence":
        for s in doc.sentences:
            if langs is None or s.lang in langs:
                yield Unit(s.start, s.end, s.lang, "sentence")
        return
    headings = _heading_blocks(doc) if unit in ("heading", "paragraph") else set()
    for i, b in enumerate(doc.blocks):
        if unit == "heading" and i not in headings:
            continue
        if unit == "paragraph" and i in headings:
            continue
        if langs is None or b.lang in langs:
            yield Unit(b.start, b.end, b.lang, unit)


def _heading_blocks(doc) -> set[int]:
    return doc.analysis(heading_blocks)


def heading_blocks(doc) -> set[int]:
    """Markdown headings, and the headlines, subtitles and English headlines of articles."""
    out = {i for i, b in enumerate(doc.blocks) if b.kind == "heading"}
    for a in doc.articles:
        out.update(i for i in (a.headline, a.subtitle) if i is not None)
        out.update(c.block for c in a.counterparts("headline"))
    return out


def parse_severity(spec: Spec) -> Severity:
    raw = spec.get("severity", "warning", str, "error | warning | info")
    try:
        return Severity.parse(raw)
    except ValueError as exc:
        raise spec.error("severity", str(exc)) from None


def check_id(spec: Spec) -> str:
    rid = spec.data.get("id")
    if not isinstance(rid, str) or not rid:
        raise spec.error(None, "needs an 'id' (house.NAME)")
    if not rid.startswith(HOUSE_PREFIX) or not RULE_ID.match(rid):
        raise spec.error("id", f"id {rid!r} must read house.NAME in kebab-case (e.g. house.vague-source)")
    return rid


class Matcher:
    """A rule's patterns with its exceptions, ``unless`` patterns and timeout."""

    def __init__(self, spec: Spec, patterns: list[regex.Pattern]):
        self.rule_id = spec.id
        self.patterns = patterns
        self.exceptions = spec.patterns("exceptions")
        self.unless = spec.patterns("unless")
        timeout = spec.get("timeout", PATTERN_TIMEOUT, (int, float), "a number of seconds")
        if timeout <= 0:
            raise spec.error("timeout", "'timeout' must be a positive number of seconds")
        self.timeout = float(timeout)
        self._required: dict[regex.Pattern, Required | None] = {}

    def required(self, pattern: regex.Pattern) -> Required | None:
        """The text every match of ``pattern`` contains, if it shows one
        (read once per pattern: see ``literals``)."""
        try:
            return self._required[pattern]
        except KeyError:
            found = self._required[pattern] = required_literal(pattern)
            return found

    def find(self, text: str, start: int, end: int, patterns: list[regex.Pattern] | None = None) -> list:
        """Matches in ``text[start:end]`` (a scope unit), exceptions removed,
        in text order; none at all when an ``unless`` pattern matches there."""
        for p in self.unless:
            if search(p, text, start, end, self.timeout, self.rule_id, self.required(p)):
                return []
        found: list[regex.Match[str]] = []
        for p in patterns if patterns is not None else self.patterns:
            found.extend(
                m
                for m in search(p, text, start, end, self.timeout, self.rule_id, self.required(p))
                if m.end() > m.start()
            )
        if found and self.exceptions:
            excepted = [
                m.span()
                for p in self.exceptions
                for m in search(p, text, start, end, self.timeout, self.rule_id, self.required(p))
            ]
            found = [m for m in found if not any(s < m.end() and m.start() < e for s, e in excepted)]
        found.sort(key=lambda m: (m.start(), -m.end()))
        return found

    def find_distinct(self, text: str, start: int, end: int) -> list:
        """``find`` with overlapping matches dropped, the longest at each
        place kept: two patterns that found the same words report them once."""
        out, last_end = [], -1
        for m in self.find(text, start, end):
            if m.start() >= last_end:
                out.append(m)
                last_end = m.end()
        return out


def clip(text: str, n: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
