"""The quality benchmark's figures, floor and tables: the summary of a tally
(what ``--json`` writes), the per-rule floor it checks (``--check-floor``) and
raises (``--raise-floor``), and the tables ``benchmarks/quality.py`` prints.
Kept apart from the measuring so that each file does one job: the corpus,
the run and the judge (``quality_corpus.py``, ``quality_evaluate.py``,
``quality_judge.py``) count; this module turns the counts into figures and
reports them.
"""

from __future__ import annotations

import math

from quality_judge import Tally

__all__ = ["floor_failures", "raised_floor", "ratio", "render", "summary"]


def ratio(a: int, b: int) -> float | None:
    """``a / b`` rounded to three decimals, as every ratio the benchmark reports; None when b is 0."""
    return round(a / b, 3) if b else None


def summary(tally: Tally, rule_ids: list[str]) -> dict:
    """The figures of a tally: overall, per genre, per rule, per genre and rule,
    and planted defects by kind (``quality.py`` adds the alignment and the time)."""

    def block(g: str, r: str) -> dict:
        c = tally.counts.get((g, r), dict.fromkeys(Tally.FIELDS, 0))
        kb = sum(tally.kb.values()) if g == "*" else tally.kb.get(g, 0)
        return {
            "findings": c["findings"],
            "true": c["true"],
            "false": c["false"],
            "unjudged": c["unjudged"],
            "tp": c["tp"],
            "fp": c["false"],
            "fn": c["fn"],
            "precision": ratio(c["true"], c["true"] + c["false"]),
            "recall": ratio(c["labelled_found"] + c["planted_found"], c["labelled"] + c["planted"]),
            "recall_labelled": ratio(c["labelled_found"], c["labelled"]),
            "recall_planted": ratio(c["planted_found"], c["planted"]),
            "labelled": c["labelled"],
            "planted": c["planted"],
            "warning_false_alarms_per_100kb": round(c["false_warning"] * 100 / kb, 2) if kb else None,
        }

    genres = sorted(tally.documents)
    active = sorted({r for (_, r) in tally.counts if r != "*"} | set(rule_ids))
    every = tally.counts.get(("*", "*"), dict.fromkeys(Tally.FIELDS, 0))
    return {
        "documents": sum(tally.documents.values()),
        "kb": round(sum(tally.genre_kb.values()), 1),
        "reviewed_kb": round(sum(tally.kb.values()), 1),
        "labelled_defects": every["labelled"],
        "planted_defects": every["planted"],
        "genres": {
            g: {
                "documents": tally.documents[g],
                "kb": round(tally.genre_kb[g], 1),
                "reviewed_kb": round(tally.kb[g], 1),
                **block(g, "*"),
                "rules": {r: block(g, r) for r in active if any(tally.counts.get((g, r), {}).values())},
            }
            for g in genres
        },
        "rules": {r: block("*", r) for r in active},
        "all": block("*", "*"),
        "planted_by_kind": {
            k: {"found": f, "planted": n, "recall": ratio(f, n)} for k, (f, n) in sorted(tally.kinds.items())
        },
    }


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
