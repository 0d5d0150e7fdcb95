"""``extends: consistency`` — one document uses one form of each group."""

from __future__ import annotations

from collections import Counter

from ..findings import Applicability, Fix, Problem, Related
from .base import Matcher, RuleType, Spec, normalize, units

__all__ = ["CONSISTENCY"]


def build(spec: Spec):
    """Within one document, use one form of each group of equivalents.

    Keys: ``groups``, a list of groups, each a list of two or more forms
    (N-way: ``[在线, 线上, 网上]``).  The form a document uses most is taken
    as its choice (the first used, on a tie); every occurrence of another
    form of the group is reported, pointing to the first occurrence of the
    chosen one.  Forms are literal text (``regex: true`` for patterns).  Two
    forms matching overlapping text ("在线上" holds both 在线 and 线上) are
    ambiguous and not counted.  Letter case is ignored by default
    (``ignore-case: false`` to compare it).  Message fields: ``{match}``,
    ``{preferred}``, ``{count}`` (occurrences of the preferred form),
    ``{forms}``, ``{link}``.

    Example::

        - id: house.consistent-email
          extends: consistency
          groups: [[e-mail, email], [在线, 网上]]
    """
    raw = spec.require("groups", list, "a list of groups, each a list of two or more forms")
    is_regex = spec.get("regex", False, bool, "true or false")
    spec.default_ignore_case = True  # "Email" opening a sentence is the same form as "email"
    groups = []
    for g in raw:
        if not isinstance(g, list) or len(g) < 2 or not all(isinstance(f, str) and f for f in g):
            raise spec.error("groups", f"each group must be a list of two or more forms, got {g!r}")
        same = normalize if spec.flags() else (lambda f: f)
        if len({same(f) for f in g}) < len(g) and not is_regex:
            raise spec.error("groups", f"group {g!r} lists the same form twice")
        groups.append([(f, spec.pattern(f, "groups", literal=not is_regex)) for f in g])
    matcher = Matcher(spec, [])
    unit, langs = spec.scope()
    message = spec.template("message", CONSISTENCY.default_message, {"match", "preferred", "count", "forms", "link"})
    link = spec.get("link", "", str)

    def check(doc, options):
        text = doc.text
        spans = list(units(doc, unit, langs))
        for group in groups:
            found = []  # (start, end, form index)
            for u in spans:
                for i, (_, p) in enumerate(group):
                    found.extend((m.start(), m.end(), i) for m in matcher.find(text, u.start, u.end, [p]))
            found.sort()
            clean = [
                f
                for j, f in enumerate(found)
                if not any(o[2] != f[2] and o[0] < f[1] and f[0] < o[1] for o in found[max(0, j - 3) : j + 4])
            ]
            counts = Counter(i for _, _, i in clean)
            if len(counts) < 2:
                continue
            first = {}
            for s, e, i in clean:
                first.setdefault(i, (s, e))
            chosen = max(counts, key=lambda i: (counts[i], -first[i][0]))
            preferred = group[chosen][0]
            forms = " / ".join(f for f, _ in group)
            cs, ce = first[chosen]
            for s, e, i in clean:
                if i == chosen:
                    continue
                fix = None
                if not is_regex:
                    fix = Fix.replace(
                        s,
                        e,
                        preferred,
                        applicability=Applicability.DISPLAY,
                        description=f"use “{preferred}” throughout",
                    )
                yield Problem(
                    s,
                    e,
                    message.format(match=text[s:e], preferred=preferred, count=counts[chosen], forms=forms, link=link),
                    related=(Related(cs, ce, f"“{preferred}” ({counts[chosen]}×) first used here"),),
                    fix=fix,
                )

    return check


CONSISTENCY = RuleType(
    name="consistency",
    build=build,
    keys={
        "groups": "a list of groups, each a list of two or more equivalent forms",
        "regex": "true: the forms are regular expressions (default: literal text)",
    },
    doc=build.__doc__ or "",  # (None under python -OO)
    default_message="“{match}”: this document mostly writes “{preferred}” ({count}×); use one of {forms}",
)
