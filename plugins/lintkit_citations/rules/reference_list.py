from __future__ import annotations

from lintkit import ARTICLE, Option, Problem, Related, rule
from lintkit.analysis.citations import markers, reference_list

from ..gbt7714 import entry_problems


@rule(
    "citations.reference-list",
    scope=ARTICLE,
    severity="warning",
    options={
        "check-format": Option(True, "check each entry against GB/T 7714 (type code, year, pages, URL/DOI)"),
        "check-order": Option(True, "require numbering in order of first citation"),
    },
)
def reference_list_rule(article, options):
    """Reference markers and the reference list do not match, or an entry is malformed.

    What it catches, in an article with a reference list (a heading 参考文献 /
    References / Bibliography followed by numbered entries):

    * a marker (``[3]``, ``^[3]``, ``[^3]``, ``[1-3]``, ``[1,2]``,
      superscript ³) whose number has no entry;
    * an entry no marker cites;
    * numbering that skips or repeats a number;
    * numbering out of the order of first citation (``[4]`` cited before
      ``[3]``);
    * an entry malformed under GB/T 7714 — the field is named: a missing
      document type code ([J], [N], [M], [EB/OL]…), a missing year, a
      missing URL or DOI for an online source (``/OL``), a journal entry
      without volume/issue or page range, a page "000", a newspaper entry
      without its page (版次).

    Why it matters: a reader must be able to go from a claim to its source;
    a dangling marker or a malformed entry breaks that, and journals reject
    manuscripts for it.

    Example that fires:

        研究指出该比例为 30%^[2]。
        参考文献
        [1] 张三. 标题[J]. 学报, 2020, 3(2): 000.

    Example that does not fire:

        研究指出该比例为 30%^[1]。
        参考文献
        [1] 张三. 标题[J]. 学报, 2020, 3(2): 10-15.

    Options: ``check-format`` (GB/T 7714 entry checks), ``check-order``
    (order of first citation).
    """
    refs = reference_list(article)
    if refs is None:
        return
    doc = article.document
    text = doc.text
    heading = doc.blocks[refs.heading]
    entries = {}
    for e in refs.entries:
        if e.number is not None:
            entries.setdefault(e.number, e)
    found = markers(doc, article.start, heading.start)
    if refs.numbered:
        # numbering: continuous, no repeats
        expected = 1
        seen: set[int] = set()
        for e in refs.entries:
            if e.number in seen:
                yield Problem(e.start, e.body_start, f"reference number [{e.number}] is used twice",
                              related=(Related(entries[e.number].start, entries[e.number].body_start, "first use"),))
            elif e.number != expected:
                yield Problem(e.start, e.body_start,
                              f"reference numbering jumps from [{expected - 1}] to [{e.number}]"
                              if e.number > expected else f"reference [{e.number}] is out of sequence")
            seen.add(e.number)
            expected = max(expected, e.number) + 1
        # every marker has an entry; order of first citation
        first_cited: dict[int, int] = {}
        highest = 0
        for m in found:
            missing = [n for n in m.numbers if n not in entries]
            if missing:
                yield Problem(m.start, m.end,
                              "reference marker cites " + ", ".join(f"[{n}]" for n in missing)
                              + " which the reference list does not have",
                              related=(Related(heading.start, heading.end, "the reference list"),))
            for n in m.numbers:
                if n in first_cited or n not in entries:
                    continue
                first_cited[n] = m.start
                if options["check-order"] and n > highest + 1 and all(k in entries for k in range(highest + 1, n)):
                    skipped = [k for k in range(highest + 1, n) if k not in first_cited]
                    if skipped:
                        yield Problem(m.start, m.end,
                                      f"reference [{n}] is cited before "
                                      + ", ".join(f"[{k}]" for k in skipped)
                                      + ": number references in order of first citation")
                highest = max(highest, n)
        # every entry is cited
        for number, e in sorted(entries.items()):
            if number not in first_cited:
                yield Problem(e.start, e.body_start, f"reference [{number}] is never cited in the text")
    if options["check-format"] and refs.gbt7714_style(text):
        for e in refs.entries:
            problems = entry_problems(e.body(text))
            if problems:
                label = f"reference [{e.number}]" if e.number is not None else "reference entry"
                yield Problem(e.start, e.end, f"{label} is malformed (GB/T 7714): " + "; ".join(problems))
