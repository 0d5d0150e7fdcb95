from __future__ import annotations

import regex

from lintkit import ARTICLE, Option, Problem, rule

_QUOTE = regex.compile(r"“([^“”\n]{4,400})”")
_SENTENCE_END = regex.compile(r"[。！？!?…]")
# verbs that introduce or close a direct quotation
_SPEECH = regex.compile(
    r"说道|说|表示|介绍|认为|强调|指出|谈到|提到|坦言|透露|告诉|直言|感慨|感叹|回忆|解释|补充|呼吁|建议|"
    r"寄语|提出|写道|坦承|笑言|评价|总结|讲述|讲|问道|问|回答|答道|追问|表态|宣布|发言|致辞|分享|阐述|"
    r"描述|形容|展望|希望|相信|点评|说明|称|道|号召|要求|指示|批示|勉励|嘱咐|叮嘱|鼓励|告诫|宣称|声明|"
    r"汇报|讲话|谈|回应|提及|阐释|重申|坦陈|自述|感言|发问|反问|"
    r"said|says|told|added|noted|explained|according to",
    regex.I,
)
_DASH_ATTRIBUTION = regex.compile(r"^\s*[—－]{1,2}\s*\S|^\s*-{2}\s*\S")
_NORM = regex.compile(r"[\s\p{P}\p{S}]+")


def _norm(s: str) -> str:
    return _NORM.sub("", s)


def _clause_before(text: str, lo: int, pos: int) -> str:
    """The text before ``pos`` back to the previous sentence end (within ``lo``)."""
    seg = text[lo:pos]
    cut = max(seg.rfind(c) for c in "。！？!?")
    return seg[cut + 1 :] if cut >= 0 else seg


def _prev_sentence(text: str, lo: int, pos: int) -> str:
    """The last complete sentence of ``text[lo:pos]`` (``pos``: where the current sentence starts)."""
    parts = regex.split(r"(?<=[。！？!?][”’」』]?)", text[lo:pos].rstrip())
    parts = [p for p in parts if p.strip()]
    return parts[-1] if parts else ""


def _next_sentence(text: str, pos: int, hi: int) -> str:
    seg = text[pos:hi]
    m = _SENTENCE_END.search(seg)
    return seg[: m.end()] if m else seg


def _is_verse(content: str) -> bool:
    """Clauses of equal length, four to seven characters each: verse or a proverb."""
    clauses = [c for c in regex.split(r"[，,；;。！？!?、]", content) if c]
    return (
        1 <= len(clauses) <= 4
        and all(regex.fullmatch(r"\p{Han}+", c) for c in clauses)
        and len({len(c) for c in clauses}) == 1
        and 4 <= len(clauses[0]) <= 7
    )


@rule(
    "citations.unattributed-quote",
    scope=ARTICLE,
    severity="warning",
    options={
        "min-length": Option(8, "shortest quotation (in characters) that counts as a whole sentence"),
    },
)
def unattributed_quote(article, options):
    """A direct quotation of a whole sentence that nobody is said to have said.

    What it catches: a quotation in “…” that is a full sentence (it ends
    with 。！？ inside the marks) with no speaker — no XX说 / 表示 / 介绍 /
    认为 / 强调 …, no "XX：" introducing it, no dash attribution "——XX" —
    in its own sentence, the sentence after it, or the sentence before it.

    What it leaves alone: slogans, titles and terms in quotation marks
    (“智慧城市”, “年度十佳案例”) — they are not sentences; verse and
    proverbs (clauses of four to seven characters, all of one length:
    “千里之行，始于足下。”); a pull quote
    (a paragraph that is only a quotation repeating words of the body); a
    quotation introduced by a colon or followed by a dash attribution.

    Why it matters: a direct quotation puts words in someone's mouth; the
    reader must know whose.

    Example that fires:

        签约仪式上掌声不断。“我们一定要把这项技术做成世界一流。”随后代表们参观了展区。

    Example that does not fire:

        “我们一定要把这项技术做成世界一流。”研究院院长王某表示。

    Options: ``min-length`` (shortest quotation counted).
    """
    doc = article.document
    text = doc.text
    min_len = options["min-length"]
    blocks = article.chinese_blocks()
    if not blocks:
        return
    body_norm = {i: _norm(doc.blocks[i].text(text)) for i in blocks}
    for pos, i in enumerate(blocks):
        block = doc.blocks[i]
        prev_block = doc.blocks[blocks[pos - 1]] if pos > 0 else None
        next_block = doc.blocks[blocks[pos + 1]] if pos + 1 < len(blocks) else None
        for m in _QUOTE.finditer(text, block.start, block.end):
            content = m.group(1).strip()
            if len(_norm(content)) < min_len or not _SENTENCE_END.search(content[-2:]):
                continue  # a term, slogan or title, not a sentence
            if _is_verse(content):
                continue  # a line of verse or a proverb: 千里之行，始于足下。
            # the sentence holding the quote, before the quote
            before = _clause_before(text, block.start, m.start())
            if before.rstrip().endswith((":", "：")) or _SPEECH.search(before):
                continue
            # after the quote: the rest of its sentence, or the next sentence
            after = _next_sentence(text, m.end(), block.end)
            if _DASH_ATTRIBUTION.match(after) or _SPEECH.search(after):
                continue
            if not after.strip() and next_block is not None:
                nxt = _next_sentence(text, next_block.start, next_block.end)
                if _DASH_ATTRIBUTION.match(nxt):
                    continue
                if _SPEECH.search(nxt[:40]) and not nxt.lstrip().startswith("“"):
                    continue
            # the sentence before
            prev = _prev_sentence(text, block.start, m.start() - len(before))
            if not prev and not before.strip() and prev_block is not None:
                prev = _prev_sentence(text, prev_block.start, prev_block.end)
                if prev.rstrip().endswith((":", "：")):
                    continue
            if prev and _SPEECH.search(prev):
                continue
            # a pull quote: a paragraph that is only the quotation, repeating the body
            key = _norm(content)
            whole = _norm(block.text(text)) == key
            if whole and any(key in t for j, t in body_norm.items() if j != i):
                continue
            if any(key in t and j != i for j, t in body_norm.items()) and len(key) >= 12:
                continue  # the same words are quoted elsewhere in the article; checked there
            yield Problem(
                m.start(),
                m.end(),
                "direct quotation with no speaker in its sentence or the sentences around it: "
                "say who said it (XX说/表示, ——XX)",
            )
