"""The quality benchmark's floor and tables: what ``benchmarks/quality.py``
prints and the per-rule floor it checks (``--check-floor``) and raises
(``--raise-floor``).  Kept apart from the measuring so that each file does
one job: ``quality.py`` lints and judges, this module reports.
"""

from __future__ import annotations

import math

__all__ = ["floor_failures", "raised_floor", "render"]


def floor_failures(s: dict, floor: dict) -> list[str]:
    """Every rule whose precision or recall fell below the recorded floor."""
    bad = []
    for rule, want in sorted(floor.get("rules", {}).items()):
        got = s["rules"].get(rule)
        for key in ("precision", "recall"):
            if want.get(key) is None:
                continue
            value = got.get(key) if got else None
            if value is None or value < want[key]:
                bad.append(f"{rule}: {key} {_fmt(value)} is below the floor {want[key]:.3f}")
    return bad


def raised_floor(s: dict, floor: dict) -> dict:
    """The floor raised to today's figures where they are higher; never lowered."""
    rules = dict(floor.get("rules", {}))
    for rule, got in s["rules"].items():
        old = rules.get(rule, {})
        new = {}
        for key in ("precision", "recall"):
            # today's figure rounded down to two decimals: a floor, not a snapshot
            today = math.floor(got[key] * 100) / 100 if got.get(key) is not None else None
            values = [v for v in (old.get(key), today) if v is not None]
            new[key] = max(values) if values else None
        rules[rule] = new
    return {"about": floor.get("about", ""), "seed": floor.get("seed", 1), "rules": dict(sorted(rules.items()))}


def _fmt(x) -> str:
    return "—" if x is None else (f"{x:.2f}" if isinstance(x, float) else str(x))


def _table(rows: list[tuple[str, dict]], first: str) -> str:
    head = (
        first,
        "findings",
        "true",
        "false",
        "unjudged",
        "precision",
        "recall lab.",
        "recall planted",
        "warn FA/100KB",
    )
    body = []
    for name, b in rows:
        lab = f"{_fmt(b['recall_labelled'])} ({b['labelled']})"
        pl = f"{_fmt(b['recall_planted'])} ({b['planted']})"
        body.append(
            (
                name,
                str(b["findings"]),
                str(b["true"]),
                str(b["false"]),
                str(b["unjudged"]),
                _fmt(b["precision"]),
                lab,
                pl,
                _fmt(b["warning_false_alarms_per_100kb"]),
            )
        )
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(head), sep, *map(line, body)])


def render(s: dict) -> str:
    out = [
        f"{s['documents']} documents, {s['kb']} KB ({s['reviewed_kb']} KB reviewed); "
        f"{s['labelled_defects']} labelled and {s['planted_defects']} planted defects",
        "",
    ]
    out.append("Per rule, all genres")
    out.append(_table([(r, b) for r, b in s["rules"].items()] + [("ALL", s["all"])], "rule"))
    out.append("")
    out.append("Per genre, all rules")
    out.append(_table([(f"{g} ({v['documents']} docs, {v['kb']} KB)", v) for g, v in s["genres"].items()], "genre"))
    if s.get("planted_by_kind"):
        out.append("")
        out.append("Planted defects by kind: found / planted")
        out.append(", ".join(f"{k} {v['found']}/{v['planted']}" for k, v in s["planted_by_kind"].items()))
    if s.get("alignment"):
        out.append("")
        out.append("Counterparts and alignment, on the hand-checked sample of each genre")
        rows = [("genre", "sample pairs", "found as counterpart", "aligned", "correct", "accuracy")]
        for g, a in s["alignment"].items():
            rows.append(
                (g, str(a["pairs"]), str(a["found"]), str(a["aligned"]), str(a["correct"]), _fmt(a["accuracy"]))
            )
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
        out.append(line(rows[0]))
        out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        out.extend(line(r) for r in rows[1:])
    for g, v in s["genres"].items():
        out.append("")
        out.append(f"Genre {g}")
        out.append(_table(list(v["rules"].items()), "rule"))
    return "\n".join(out)
