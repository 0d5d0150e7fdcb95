from __future__ import annotations

from lintkit import ARTICLE, Option, Problem, Related, rule
from lintkit.analysis.citations import article_markers, reference_list

from ..authors import cited_name, first_author, swapped_author
from ..gbt7714 import entry_findings


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
    * an entry whose first author is not the author the text names at its
      marker, in the way of a name put in the wrong slot: the text cites
      "Hartmann [1]", the entry says "Rudi, H." — its surname nowhere in
      what the text cites, its initial the cited name's (a given name in
      the surname slot, or the two swapped);
    * an entry malformed under GB/T 7714 — one finding per field, pointing
      at it: a missing document type code ([J], [N], [M], [EB/OL]…), a
      missing year (the digits of a DOI, a URL or a cited date [2024-01-02]
      are not a year), a missing URL or DOI for an online source (``/OL``),
      a journal entry without volume/issue or page range, a page "000", a
      page range that ends before it starts (256-161), a newspaper entry
      without its page (版次), a book with "出版者: 年" for "出版者, 年";
    * a type code that does not fit the entry's shape, where the shape is
      unmistakable: 年, 卷(期) is a journal's [J] (not [M], [D], [N]…);
      "出版地: 出版者, 年" and nothing else is not a journal's; ``//``
      introduces a contribution to proceedings [C]; "报纸名, YYYY-MM-DD" is a
      newspaper's [N]; 学位论文 after the code is a thesis [D]; a standard
      number (GB/T 1234—2015) is a standard [S].

    How entries and markers are read: the list is read line by line
    whatever the Markdown paragraphing (one entry per line, the number
    alone on its line, running heads and page numbers between entries,
    entries run together on one line; "参考文献 (References)" heads it);
    Markdown escapes (``\\[1\\]``, ``\\[J\\]``) count as what they escape.
    Markers are read escaped, in LaTeX (``^{[16]}``), glued to a Latin word
    (``MNIST[4]``) and through OCR noise — ``[5.6]`` (a comma read as a
    dot), ``[l]`` and ``[2o]`` (l and o for 1 and 0), ``[7-9`` unclosed at a
    line end — but such a reading counts only when the list has every
    number it cites.  Not markers: an index in code (``a[1]``), a value
    interval (``[0,1]``, 取值范围为[1,10]), an exponent (m², R², 10⁵), and a
    paper's affiliation marks (周晓岚¹，钱立新²† before the abstract).
    ``lintkit inspect --references FILE`` shows what was read.

    Why it matters: a reader must be able to go from a claim to its source;
    a dangling marker or a malformed entry breaks that, and journals reject
    manuscripts for it.

    Example that fires:

        研究指出该比例为 30%^[2]。
        参考文献
        [1] 张三. 标题[J]. 学报, 2020, 3(2): 000.

    Example that fires (a book's code on a journal article):

        研究指出该比例为 30%^[1]。
        参考文献
        [1] 张三. 标题[M]. 学报, 2020, 3(2): 10-15.

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
    # a marker read through OCR noise ([5.6], [l], an unclosed [7-9) counts only
    # when the list has every number it cites
    found = [m for m in article_markers(article, heading.start) if not m.ocr or all(n in entries for n in m.numbers)]
    if refs.numbered:
        # numbering: continuous, no repeats
        expected = 1
        seen: set[int] = set()
        for e in refs.entries:
            if e.number in seen:
                yield Problem(
                    e.start,
                    e.body_start,
                    f"reference number [{e.number}] is used twice",
                    related=(Related(entries[e.number].start, entries[e.number].body_start, "first use"),),
                )
            elif e.number != expected:
                yield Problem(
                    e.start,
                    e.body_start,
                    f"reference numbering jumps from [{expected - 1}] to [{e.number}]"
                    if e.number > expected
                    else f"reference [{e.number}] is out of sequence",
                )
            seen.add(e.number)
            expected = max(expected, e.number) + 1
        # every marker has an entry; order of first citation
        first_cited: dict[int, int] = {}
        highest = 0
        for m in found:
            missing = [n for n in m.numbers if n not in entries]
            if missing:
                yield Problem(
                    m.start,
                    m.end,
                    "reference marker cites "
                    + ", ".join(f"[{n}]" for n in missing)
                    + " which the reference list does not have",
                    related=(Related(heading.start, heading.end, "the reference list"),),
                )
            for n in m.numbers:
                if n in first_cited or n not in entries:
                    continue
                first_cited[n] = m.start
                if options["check-order"] and n > highest + 1 and all(k in entries for k in range(highest + 1, n)):
                    skipped = [k for k in range(highest + 1, n) if k not in first_cited]
                    if skipped:
                        yield Problem(
                            m.start,
                            m.end,
                            f"reference [{n}] is cited before "
                            + ", ".join(f"[{k}]" for k in skipped)
                            + ": number references in order of first citation",
                        )
                highest = max(highest, n)
        # the author the text names at a marker is the entry's first author
        yield from _authors_in_wrong_slot(doc, found, entries)
        # every entry is cited
        for number, e in sorted(entries.items()):
            if number not in first_cited:
                yield Problem(e.start, e.body_start, f"reference [{number}] is never cited in the text")
    if options["check-format"] and refs.gbt7714_style(text):
        for e in refs.entries:
            label = f"reference [{e.number}]" if e.number is not None else "reference entry"
            for start, end, problem in entry_findings(e.body(text)):
                # each problem points at its field (the type code, the pages…), not at the number
                yield Problem(
                    e.body_start + start,
                    max(e.body_start + end, e.body_start + start + 1),
                    f"{label} is malformed (GB/T 7714): {problem}",
                )


def _authors_in_wrong_slot(doc, found, entries):
    """``Gschwind [3]`` in the text, ``[3] Rudolf, G. …`` in the list: the
    entry's initial is the cited name's, its surname none of the text's."""
    text = doc.text
    reported: set[int] = set()
    for m in found:
        if len(m.numbers) != 1 or m.numbers[0] not in entries or m.numbers[0] in reported:
            continue
        block = doc.block_at(m.start)
        if block is None:
            continue  # a marker outside prose (a Markdown code block) cites no name
        cited = cited_name(text, m.start, doc.blocks[block].start)
        if cited is None:
            continue
        e = entries[m.numbers[0]]
        body = e.body(text)
        author = first_author(body)
        if author is None:
            continue
        a_start, a_end, surname, initials = author
        if swapped_author(cited[2], surname, initials, body):
            reported.add(m.numbers[0])
            yield Problem(
                e.body_start + a_start,
                e.body_start + a_end,
                f"reference [{m.numbers[0]}] gives its first author as “{surname}, {initials}” but the "
                f"text cites “{' '.join(cited[2])}”: a given name in the surname slot, or the names swapped?",
                related=(Related(cited[0], cited[1], f"cited as {' '.join(cited[2])}"),),
            )
