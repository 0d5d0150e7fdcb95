from __future__ import annotations

from collections import Counter, defaultdict

from lintkit import Fix, Option, Problem, Related, rule
from lintkit.analysis.names import edit_distance

from . import article_mentions
from ..english import accepted_spellings
from ..evidence import NAME_OPTIONS, english_names, full_pinyin_match, _plausible_pinyin_name


@rule(
    "names.english-variant",
    severity="warning",
    options={
        "accepted-variants": Option(
            [], "English spellings an editor has checked as distinct, e.g. 'Wang Jianming Wang Jianmin'", type=list
        ),
        **NAME_OPTIONS,
    },
)
def english_variant(doc, options):
    """A person's English name whose given name changes within one article (Wang Jianming, then Wang Jianmin).

    What it catches: a person's English name whose given name changes
    within one article ("Wang Jianming" in the headline, "Wang Jianmin" in
    the summary): same surname, given names one letter apart (two for long
    ones).  Not reported when each spelling is the exact pinyin of a
    different Chinese name of the article (two people), nor on a tie unless
    one spelling is the exact pinyin of the article's Chinese name.

    Why it matters: an index, a search or a reader abroad treats two
    spellings as two people.

    Example that fires::

        王建明会长出席会议。

        Summary: President Wang Jianming attended the meeting. Wang Jianming
        said the forum will be held again. Wang Jianmin thanked the guests.

    Example that does not fire::

        王建明会长和王建民秘书长出席会议。

        Summary: President Wang Jianming and Secretary-General Wang Jianmin
        attended the meeting.

    Until this release the rule also compared acronyms and organisations'
    English names; those checks are now ``names.acronym-variant`` and
    ``names.organisation-variant``, which this id still selects, ignores and
    silences, and which take its ``accepted-variants``.

    Options: ``accepted-variants`` (pairs of spellings an editor has
    checked as distinct), ``user-dictionary``.
    """
    yield from _person_names(doc, options, accepted_spellings(options["accepted-variants"]))


def _person_names(doc, options, accepted):
    text = doc.text
    file_counts: Counter = Counter()
    per_article: dict[int, list] = defaultdict(list)
    seen = set()
    for art in doc.articles:
        for part in art.english:
            if part.document is not None:
                continue  # the English file of a pair is checked as a file of its own
            for en in english_names(text, part.start, part.end):
                if not _plausible_pinyin_name(en.first, en.second):
                    continue
                per_article[art.index].append(en)
                if (en.start, en.end) not in seen:
                    seen.add((en.start, en.end))
                    file_counts[en.text] += 1
    reported = set()
    by_article, _ = article_mentions(doc, options)
    for art in doc.articles:
        chinese = {m.text for m in by_article.get(art.index, ())}
        spellings: dict[str, list] = defaultdict(list)
        for en in per_article.get(art.index, []):
            spellings[en.text].append(en)
        for a in spellings:
            for b in spellings:
                if a >= b:
                    continue
                ea, eb = spellings[a][0], spellings[b][0]
                if ea.first.lower() != eb.first.lower():
                    continue
                ga, gb = ea.second.lower(), eb.second.lower()
                limit = 2 if min(len(ga), len(gb)) >= 6 else 1
                if edit_distance(ga, gb) > limit or frozenset((a.lower(), b.lower())) in accepted:
                    continue
                match_a = {n for n in chinese if full_pinyin_match(n, ea.first, ea.second)}
                match_b = {n for n in chinese if full_pinyin_match(n, eb.first, eb.second)}
                if match_a and match_b and match_a != match_b:
                    continue  # two people of the article
                ca, cb = file_counts[a], file_counts[b]
                if ca == cb:
                    if match_a and not match_b:
                        cb = -1
                    elif match_b and not match_a:
                        ca = -1
                    else:
                        continue
                good, bad = (a, b) if ca > cb else (b, a)
                for en in spellings[bad]:
                    if (en.start, en.end) in reported:
                        continue
                    reported.add((en.start, en.end))
                    g = spellings[good][0]
                    yield Problem(
                        en.start,
                        en.end,
                        f"English name {bad} ({file_counts[bad]}×) is spelled {good} "
                        f"({file_counts[good]}×) elsewhere in this article",
                        related=(Related(g.start, g.end, f"{good} here"),),
                        fix=Fix.replace(en.start, en.end, good, applicability="display", description=f"write {good}"),
                    )
