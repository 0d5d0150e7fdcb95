from __future__ import annotations

from lintkit import CORPUS, Fix, Option, Problem, Related, rule

from ..evidence import NAME_OPTIONS, accepted_pairs, clusters, name_summary, spellings_of


@rule(
    "names.cross-file-variant",
    scope=CORPUS,
    summarize=name_summary,
    severity="warning",
    options={
        "compare-across-files": Option(True, "compare names across the files of one run"),
        "min-occurrences": Option(
            1,
            "how often the dominant spelling must occur over all files; "
            "on a tie the spelling is reported without a fix",
        ),
        "accepted-variants": Option(
            [], "pairs of names an editor has checked as different people, e.g. '王明 王敏'", type=list
        ),
        **NAME_OPTIONS,
    },
)
def cross_file_variant(summaries, options):
    """One person's Chinese name spelled differently in two files of a run.

    What it catches: the same evidence as ``names.spelling-variant`` (one
    surname, one given-name character different, and a homophone or the
    same singling-out role: the same photo credit ``X 摄``, the same 会长,
    bylines, interview answers), applied across the files linted together —
    a photographer credited one way on one page and another way on the
    next.  Each spelling that stands in a file without the dominant
    spelling is reported once, at its first occurrence, with related
    locations in each other file; a fix (display only) is offered when one
    spelling is more frequent, none on a tie.  Pairs inside one file are
    left to ``names.spelling-variant``.

    Why it matters: pages of one issue or one day's paper are linted
    together; a credit or a name must read the same on all of them.

    Two-character names (a one-character given name) are never compared
    across files: 张磊 and 张蕾 are different names, not a slip.

    Example that fires (two files, run together):

        a.txt:  本报记者 鞠明宗 摄
        b.txt:  本报记者 鞠明荣 摄

    Example that does not fire (the same credit twice; two names two
    characters apart; two one-character given names):

        a.txt:  本报记者 鞠明宗 摄
        a.txt:  展会上，会长王立新作了介绍。
        a.txt:  本报记者 张磊 摄
        b.txt:  本报记者 鞠明宗 摄
        b.txt:  展会上，会长王国庆作了介绍。
        b.txt:  本报记者 张蕾 摄

    Options: ``compare-across-files`` (default true; false turns the rule
    off), ``min-occurrences`` (default 1), ``accepted-variants``,
    ``user-dictionary``.
    """
    if not options["compare-across-files"] or len(summaries) < 2:
        return
    accepted = accepted_pairs(str(v) for v in options["accepted-variants"] if v)
    documents = [s.document for s in summaries]
    pairs = []
    for s in summaries:
        s.document.seed(s.analyses)
        pairs.extend((s.document, m) for m in s.mentions)
    spellings = spellings_of(pairs)
    for group, reasons in clusters(spellings, accepted, documents):
        if len({id(d) for s in group for d, _ in s.mentions}) < 2:
            continue
        order = {id(d): i for i, d in enumerate(documents)}
        # most frequent first; on a tie the spelling of the earlier file stands
        group = sorted(group, key=lambda sp: (-sp.count, _first_doc(sp, order), sp.name))
        dominant = group[0]
        if dominant.count < options["min-occurrences"]:
            continue
        dominant_docs = {id(d) for d, _ in dominant.mentions}
        for other in group[1:]:
            tie = other.count == dominant.count
            other_docs = {id(d) for d, _ in other.mentions}
            if other_docs & dominant_docs:
                continue  # same file: names.spelling-variant reports it
            doc, m = other.mentions[0]
            related = []
            for s in group:
                if s is other:
                    continue
                seen_docs = set()
                for d, sm in s.mentions:
                    if id(d) in seen_docs:
                        continue
                    seen_docs.add(id(d))
                    related.append(Related(sm.start, sm.end, f"spelled {s.name} in {d.path} ({s.count}×)", document=d))
            why = next((r for k, r in reasons.items() if other.name in k), "")
            best = dominant
            fix = None
            if not tie:
                fix = Fix.replace(m.start, m.end, best.name, applicability="display", description=f"write {best.name}")
            yield Problem(
                m.start,
                m.end,
                f"name spelled {other.name} here ({other.count}×) but {best.name} "
                f"({best.count}×) in another file ({why})",
                related=tuple(related),
                fix=fix,
                document=doc,
            )


def _first_doc(spelling, order) -> int:
    return min(order[id(d)] for d, _ in spelling.mentions)
