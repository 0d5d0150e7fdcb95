from __future__ import annotations

import regex

from lintkit import ARTICLE, Option, Problem, rule
from lintkit.analysis.citations import CAPTION, MARKER_KIND, NAMED, VAGUE_KIND, attributions

from ..claims import distinctive, figures_of, research_cue, statistic_figures
from ..context import article_context, sentences_by_block

_SEVERITIES = ("", "error", "warning", "info")
_PERSON = regex.compile(r"专家|人士|研究人员|机构")


@rule(
    "citations.unsourced-claim",
    scope=ARTICLE,
    severity="warning",
    options={
        "academic-severity": Option(
            "", "severity in articles with a reference list ('' = the rule's severity)", choices=_SEVERITIES
        ),
        "news-severity": Option(
            "", "severity in articles without a reference list ('' = the rule's severity)", choices=_SEVERITIES
        ),
        "news-unattributed": Option(
            False,
            "in articles without a reference list, also report statistics with no attribution "
            "at all in their sentence or the sentences around them (off: only vague sources "
            "such as 数据显示 / 研究表明 are reported)",
        ),
        "academic": Option(
            True, "require a reference marker for every statistic in articles with a reference list"
        ),
    },
)
def unsourced_claim(article, options):
    """A statistic, survey result or forecast whose source the reader cannot trace.

    What it catches: a percentage, share, multiple, amount of money, market
    figure, ranking or forecast — or a study result (研究表明 / 调查显示) —
    with no source in its sentence or the sentences around it.

    * In an article with a reference list (参考文献 / References) every
      statistic needs a reference marker (``^[n]``, ``[n]``, a superscript)
      in its sentence, or in the next sentence of its paragraph when that
      sentence states no figure of its own (a marker at the end of the
      paragraph covers it).  Naming an organisation is not enough there:
      "某投行最新报告称，明年增速将放缓至 7%" is reported as "attributed to
      某投行 but carries no reference marker".
    * In news (no reference list) an attribution phrase suffices — 据《X》
      报道, 根据X发布的《Y》, X表示/说/介绍, 数据来源：X (also as a caption
      below the paragraphs it sources) — and only a *vague* source is
      reported: "数据显示，该市去年吸引投资 80 亿元" names no data.
      With ``news-unattributed: true`` statistics with no attribution at all
      are reported too.

    A figure that repeats one already stated (and sourced or reported) in
    the article — a summary list restating the numbers — is not reported
    again.  Dates, years, durations, distances, ordinals, figure numbers
    and small counts are not statistics.

    Why it matters: a figure a reader cannot trace cannot be checked, and a
    reviewer will ask for it.

    Example that fires:

        数据显示，去年该行业营收只有 30 亿美元，同比下降 40%。

    Example that does not fire:

        据国家统计局发布的数据，去年该行业产值增长 12%。

    Options: ``academic-severity`` / ``news-severity`` (severity per article
    kind, '' keeps the rule's), ``news-unattributed`` (report unattributed
    statistics in news too), ``academic`` (false: treat articles with a
    reference list like news).
    """
    doc = article.document
    text = doc.text
    ctx = article_context(article)
    strict = ctx.references is not None and options["academic"]
    severity_option = options["academic-severity" if ctx.references is not None else "news-severity"]
    severity = severity_option or None
    by_block = sentences_by_block(doc)
    sentences = [s for i in ctx.body for s in by_block.get(i, ())]
    seen: set[str] = set()

    def atts(k):
        if 0 <= k < len(sentences):
            s = sentences[k]
            return attributions(doc, s.start, s.end)
        return []

    for k, sentence in enumerate(sentences):
        stext = text[sentence.start : sentence.end]
        stats = statistic_figures(stext)
        cue = research_cue(stext)
        if not stats:
            continue
        figures = figures_of(stext)
        if figures and figures <= seen and distinctive(figures):
            continue  # a repeat of figures already stated in the article
        seen |= figures
        own = atts(k)
        kinds = {a.kind for a in own}
        if MARKER_KIND in kinds or CAPTION in kinds or sentence.block in ctx.captioned:
            continue
        vague = next((a for a in own if a.kind == VAGUE_KIND), None)
        named = next((a for a in own if a.kind == NAMED), None)
        first = stats[0]
        span = (vague.start, vague.end) if vague else (sentence.start + first[0], sentence.start + first[1])
        if strict:
            nxt = sentences[k + 1] if k + 1 < len(sentences) else None
            if (
                nxt is not None
                and nxt.block == sentence.block
                and any(a.kind == MARKER_KIND for a in atts(k + 1))
                and not statistic_figures(text[nxt.start : nxt.end])
            ):
                continue  # the marker closing the paragraph covers this sentence
            if named and not vague:
                message = f"{first[2]} attributed to “{named.source}” but carries no reference marker ([n])"
            elif vague:
                message = f"“{vague.source}” names no source and the {first[2]} has no reference marker ([n])"
            elif cue:
                message = f"“{cue.group()}”: research result with no reference marker ([n])"
            else:
                message = f"{first[2]} with no source: add a reference marker ([n]) to an entry of the reference list"
            yield Problem(span[0], span[1], message, severity=severity)
            continue
        # news: an attribution phrase in the sentence or around it suffices
        around = own + atts(k - 1) + atts(k + 1)
        if any(a.kind in (NAMED, MARKER_KIND, CAPTION) for a in around):
            continue
        if vague and _PERSON.search(vague.source):
            continue  # 业内人士称 / 专家认为: an anonymous but human source, accepted in news
        if vague:
            yield Problem(
                span[0], span[1],
                f"“{vague.source}” names no source for the {first[2]}: say whose data or study it is "
                "(据《X》报道, 根据X发布的《Y》, X表示)",
                severity=severity,
            )
        elif options["news-unattributed"]:
            yield Problem(
                span[0], span[1],
                f"{first[2]} with no source in its sentence or the sentences around it "
                "(据《X》报道, X表示, 数据来源：X)",
                severity=severity,
            )
