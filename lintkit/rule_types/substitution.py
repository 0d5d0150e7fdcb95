"""``extends: substitution`` — a house style's preferred forms, with a fix."""

from __future__ import annotations

from ..findings import Applicability, Fix, Problem
from .base import Matcher, RuleType, Spec, units

__all__ = ["SUBSTITUTION"]


def build(spec: Spec):
    """Replace a form the house style rejects with the one it prefers.

    Keys: ``swap``, a mapping ``rejected: preferred``.  With ``regex:
    true`` the keys are regular expressions and the values may use their
    groups (``\\1``, ``\\g<name>``); a lookahead keeps a substitution to the
    contexts where it is safe (登陆 is right for a landing, wrong for a
    login).  ``fix``: ``safe`` (default; applied by ``--fix``), ``unsafe``
    or ``display``.  Message fields: ``{match}``, ``{replacement}``,
    ``{link}``.

    Example::

        - id: house.preferred-form
          extends: substitution
          swap: {做为: 作为, 帐号: 账号}
          message: "use “{replacement}” instead of “{match}”"
    """
    swap = spec.require("swap", dict, "a mapping of rejected: preferred forms")
    is_regex = spec.get("regex", False, bool, "true or false")
    pairs = []
    for wrong, right in swap.items():
        if not isinstance(wrong, str) or not wrong or not isinstance(right, str):
            raise spec.error(
                "swap", f"'swap' entries must be text: text, got {wrong!r}: {right!r} (quote yes/no/on/off and numbers)"
            )
        pairs.append((spec.pattern(wrong, "swap", literal=not is_regex), right))
    applicability = spec.get("fix", "safe", str, "safe | unsafe | display")
    if applicability not in ("safe", "unsafe", "display"):
        raise spec.error("fix", f"'fix' must be safe, unsafe or display, not {applicability!r}")
    matcher = Matcher(spec, [p for p, _ in pairs])
    replacement_of = {p.pattern: r for p, r in pairs}
    unit, langs = spec.scope()
    message = spec.template("message", SUBSTITUTION.default_message, {"match", "replacement", "link"})
    link = spec.get("link", "", str)
    if is_regex:
        for p, r in pairs:  # a bad group reference is a configuration error, not a crash later
            try:
                p.sub(r, "")
            except Exception as exc:  # noqa: BLE001 - regex raises several kinds
                raise spec.error("swap", f"bad replacement {r!r} for {p.pattern!r}: {exc}") from None

    def check(doc, options):
        text = doc.text
        for u in units(doc, unit, langs):
            for m in matcher.find_distinct(text, u.start, u.end):
                right = replacement_of[m.re.pattern]
                new = m.expand(right) if is_regex else right
                if new == m.group():
                    continue
                yield Problem(
                    m.start(),
                    m.end(),
                    message.format(match=m.group(), replacement=new, link=link),
                    fix=Fix.replace(
                        m.start(),
                        m.end(),
                        new,
                        applicability=Applicability(applicability),
                        description=f"replace “{m.group()}” with “{new}”",
                    ),
                )

    return check


SUBSTITUTION = RuleType(
    name="substitution",
    build=build,
    keys={
        "swap": "a mapping of rejected: preferred forms",
        "regex": "true: the keys of swap are regular expressions (default: literal text)",
        "fix": "safe (default) | unsafe | display",
    },
    doc=build.__doc__ or "",  # (None under python -OO)
    default_message="use “{replacement}” instead of “{match}”",
)
