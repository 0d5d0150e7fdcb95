from __future__ import annotations

import regex

from lintkit import Problem, rule

_ZH = regex.compile(
    r"(?:成果|论文|研究|文章|报告|发现)[^。；！？]{0,24}?"
    r"(?P<verb>发表(?:在|于)|刊(?:发|登|载)(?:在|于)|登上(?:了)?|见刊于|发布(?:在|于))"
    r"(?P<venue>[^。；！？，,《》]{0,16}?)"
    r"(?:学术期刊|期刊|杂志|学术刊物|刊物|学报|顶刊)(?:上)?"
)
_CAREER = regex.compile(r"多次|多篇|余篇|\d+\s*篇|[一二三四五六七八九十百]+篇|系列|大量|长期|先后|累计|共计")
_EN = regex.compile(
    r"\b(?:published|appeared|appear|appears|publish|reported)\s+in\s+(?:a|an|the|one\s+of\s+the)?\s*"
    r"(?:(?:leading|top|top-tier|top-level|prestigious|renowned|major|international|internationally\s+renowned|"
    r"peer-reviewed|high-impact|well-known|respected|scientific|academic|medical|influential|authoritative|"
    r"world-class|global)[\s,-]+)+"
    r"(?:(?:science|research|medical|scientific|academic)\s+)?(?:journals?|periodicals?|publications?|magazines?)\b",
    regex.I,
)
_NAMED_AFTER_ZH = regex.compile(r"^\s*[《〈]|^\s*[A-Z][A-Za-z&.\- ]{2,}|^[^。；]{0,6}[《〈]")
_NAMED_AFTER_EN = regex.compile(
    r"^\s*(?:,|:|\(|—|-)?\s*(?:such\s+as|including|like|namely|called|titled|the)?\s*[*_\"“]?\s*(?:[A-Z][A-Za-z&.\-]+)",
)


@rule("citations.unnamed-venue", severity="warning")
def unnamed_venue(doc, options):
    """A study reported as published with no journal named.

    What it catches: "这项成果已刊登在某权威期刊上", "该论文见刊于国际一流
    期刊", "the findings were published in a leading journal" — a
    research result whose venue the reader cannot look up.

    What it leaves alone: a career summary ("其成果多次刊登于权威期刊",
    "在核心期刊刊文 50 余篇"), which is not one study; a named venue —
    《柳叶刀》, a Latin journal title right after the phrase (刊登于权威期刊
    Cell Reports, "in a leading journal, The Lancet", "in top journals such
    as Cell"), or a journal named without the word 期刊 ("刊登于 Cell").

    Why it matters: "a top journal" is a claim of authority the reader
    cannot check; the journal's name is one word away.

    Example that fires:

        课题组的这项成果近期刊登在某权威期刊上。

    Example that does not fire:

        课题组的这项成果近期刊登在权威期刊《柳叶刀》上。

    Options: none.  Silence it with ``ignore: [citations.unnamed-venue]``.
    """
    text = doc.text
    for block in doc.blocks:
        for m in _ZH.finditer(text, block.start, block.end):
            venue = m.group("venue")
            if _CAREER.search(m.group()):
                continue  # "其成果多次刊登于权威期刊": a career summary, not one study
            if regex.search(r"[A-Z][A-Za-z]{2,}|[《〈]", venue):
                continue
            after = text[m.end() : min(block.end, m.end() + 30)]
            if _NAMED_AFTER_ZH.match(after):
                continue
            yield Problem(
                m.start("verb"),
                m.end(),
                "study reported as published with no journal named: name the journal (发表在《X》上)",
            )
        for m in _EN.finditer(text, block.start, block.end):
            after = text[m.end() : min(block.end, m.end() + 40)]
            if _NAMED_AFTER_EN.match(after):
                continue
            yield Problem(m.start(), m.end(), "study reported as published with no journal named: name the journal")
