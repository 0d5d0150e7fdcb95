from __future__ import annotations

import regex

from lintkit import ARTICLE, Option, Problem, rule

_QUOTE = regex.compile(r"“([^“”\n]{4,400})”")
_SENTENCE_END = regex.compile(r"[。！？!?…]")
# verbs that introduce or close a direct quotation (a pattern for _SPEECH_WORD)
_SPEECH = (
    r"说道|说|表示|介绍|认为|强调|指出|谈到|提到|坦言|透露|告诉|直言|感慨|感叹|回忆|解释|补充|呼吁|建议|"
    r"寄语|提出|写道|坦承|笑言|评价|总结|讲述|讲|问道|问|回答|答道|追问|表态|宣布|发言|致辞|分享|阐述|"
    r"描述|形容|展望|希望|相信|点评|说明|称|道|号召|要求|指示|批示|勉励|嘱咐|叮嘱|鼓励|告诫|宣称|声明|"
    r"汇报|讲话|谈|回应|提及|阐释|重申|坦陈|自述|感言|发问|反问|"
    r"said|says|told|added|noted|explained|according to"
)
# A speaker that names nobody: "有关方面这样表态", "有人说", "网友感叹".  Role-identified
# anonymous sources (业内人士, 知情人士, 一位专家, 相关负责人) are speakers and are not here.
_LEAD_ADVERBS = r"(?:对此|就此|此外|而|但|不过|也|还|更|则|同时|另外)*"
_TRAIL_ADVERBS = r"(?:这样|如此|这么|也|还|曾|都|纷纷|则|又|就此|对此|常|常常|总|总是|普遍|一致|私下|不禁)*"
_VAGUE_SPEAKER = regex.compile(
    r"^"
    + _LEAD_ADVERBS
    + r"(?:(?:有关|相关)(?:方面|部门|单位|人士|人员)|有人|也有人|外界|人们|网友|群众|坊间|民间|大家|不少人|很多人|许多人)"
    + _TRAIL_ADVERBS
    + r"$"
)
# the speech verb used as a noun: "这样的感慨", "一番感叹", "这种说法"
_SPEECH_NOUN = regex.compile(
    r"(?:(?:这样|这种|这些|这番|如此|类似|那样|此类|同样)的|(?:这样|这么|如此)?(?:这番|那番|一番|一句|一声|一种))$"
)
_NOUN_VERB = regex.compile(r"(?:有|发出|说出|道出|讲出|留下|表达了?|发出了)$")
_HEARSAY = regex.compile(r"(?:听到|听见|听得到|听得见|听过|传来|传出|流传着?|响起)$")
_IDLE = regex.compile(r"^(?:常|常常|总|总能|常能|经常|时常|不时|时时|也|还|都|会|能|可以|便|就|又|总会|常会)*$")
# words that, like a speech verb, introduce a quotation — as nouns: "这样的议论：“…”"
_SPEECH_WORD = regex.compile(_SPEECH + r"|议论|心声|呼声|声音|抱怨|吐槽|留言|心里话|评语|赞叹|(?<=[的番句])话", regex.I)
NAMED_SPEAKER, VAGUE_SPEAKER = "named", "vague"

_DASH_ATTRIBUTION = regex.compile(r"^\s*[—－]{1,2}\s*\S|^\s*-{2}\s*\S")
_NORM = regex.compile(r"[\s\p{P}\p{S}]+")


def _norm(s: str) -> str:
    return _NORM.sub("", s)


def _speaker(segment: str) -> tuple[str | None, str]:
    """Who speaks in ``segment``: ("named", …) for a speaker, even an anonymous one
    like 业内人士; ("vague", phrase) for only 有关方面 / 有人 / "听到这样的感慨";
    (None, "") when there is no speech verb."""
    found: tuple[str | None, str] = (None, "")
    for m in _SPEECH_WORD.finditer(segment):
        tail = regex.split(r"[，,。；;：:“”‘’！？!?\s]", segment[: m.start()])[-1]
        noun = _SPEECH_NOUN.search(tail)
        if noun:
            rest = _NOUN_VERB.sub("", tail[: noun.start()])
            if not rest or _IDLE.match(rest) or _HEARSAY.search(rest) or _VAGUE_SPEAKER.match(rest):
                found = (VAGUE_SPEAKER, tail + m.group())
                continue
            return NAMED_SPEAKER, tail + m.group()  # 张三发出这样的感慨
        if _VAGUE_SPEAKER.match(tail):
            found = (VAGUE_SPEAKER, tail + m.group())
            continue
        return NAMED_SPEAKER, tail + m.group()
    return found


def _speaker_kind(segment: str) -> str | None:
    return _speaker(segment)[0]


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
        "vague-speakers": Option(
            True,
            "also report quotations attributed only to a speaker that names nobody "
            "(有关方面这样表态, 有人说, 常能听到这样的感慨); off: any speech verb counts",
        ),
    },
)
def unattributed_quote(article, options):
    """A direct quotation of a whole sentence that nobody is said to have said.

    What it catches: a quotation in “…” that is a full sentence (it ends
    with 。！？ inside the marks) with no speaker — no XX说 / 表示 / 介绍 /
    认为 / 强调 …, no "XX：" introducing it, no dash attribution "——XX" —
    in its own sentence, the sentence after it, or the sentence before it.

    A vague speaker is no speaker: a quotation whose own sentence attributes
    it only to someone who names nobody — 有关方面 / 相关部门 / 有关人士 /
    有人 / 网友 / 人们 (“…”有关方面这样表态), or to a speech noun with no
    one behind it (常能听到这样的感慨：“…”, 有这样一种说法) — is reported
    too, with the vague phrase in the message.  The quotation's own sentence
    decides: once it says "有关方面这样表态", a named speaker in the
    paragraph before does not rescue it.  Decision: an *anonymous but
    identified* source — 业内人士, 知情人士, 一位专家, 相关负责人, a role
    or a description of a person — is a speaker and is accepted (anonymous
    sourcing is an editorial choice; an attribution to nobody is an
    omission); the unsourced-claim rule accepts the same sources.  Turn
    ``vague-speakers`` off to accept any speech verb as attribution.

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

    Example that fires (a vague speaker):

        “这条路修好了，以后出门再也不用绕远了。”对此，有关方面这样表态。

    Options: ``min-length`` (shortest quotation counted), ``vague-speakers``
    (report quotations attributed only to 有关方面 / 有人 / "这样的感慨";
    default true).
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
            after = _next_sentence(text, m.end(), block.end)
            own = [_speaker(before)]
            if before.rstrip().endswith((":", "：")) and own[0][0] is None:
                continue  # "张三：“…”" — a colon after a name introduces its speaker
            # after the quote: the rest of its sentence, or the next sentence
            if _DASH_ATTRIBUTION.match(after):
                continue
            own.append(_speaker(after))
            if any(k == NAMED_SPEAKER for k, _ in own):
                continue
            vague = next((phrase for k, phrase in own if k == VAGUE_SPEAKER), "")
            if not vague:
                # nobody in its own sentence: a speaker just after or just before counts
                if not after.strip() and next_block is not None:
                    nxt = _next_sentence(text, next_block.start, next_block.end)
                    if _DASH_ATTRIBUTION.match(nxt):
                        continue
                    if not nxt.lstrip().startswith("“"):
                        kind, phrase = _speaker(nxt[:40])
                        if kind == NAMED_SPEAKER:
                            continue
                        vague = phrase
                prev = _prev_sentence(text, block.start, m.start() - len(before))
                if not prev and not before.strip() and prev_block is not None:
                    prev = _prev_sentence(text, prev_block.start, prev_block.end)
                    if prev.rstrip().endswith((":", "：")) and _speaker_kind(prev) != VAGUE_SPEAKER:
                        continue
                if prev:
                    kind, phrase = _speaker(prev)
                    if kind == NAMED_SPEAKER:
                        continue
                    vague = vague or phrase
            if vague and not options["vague-speakers"]:
                continue
            # a pull quote: a paragraph that is only the quotation, repeating the body
            key = _norm(content)
            whole = _norm(block.text(text)) == key
            if whole and any(key in t for j, t in body_norm.items() if j != i):
                continue
            if any(key in t and j != i for j, t in body_norm.items()) and len(key) >= 12:
                continue  # the same words are quoted elsewhere in the article; checked there
            if vague:
                message = (
                    f"direct quotation attributed only to “{vague}”, which names nobody: "
                    "say who said it (XX说/表示, ——XX)"
                )
            else:
                message = (
                    "direct quotation with no speaker in its sentence or the sentences around it: "
                    "say who said it (XX说/表示, ——XX)"
                )
            yield Problem(m.start(), m.end(), message)
