from __future__ import annotations

import regex

from lintkit import Edit, Fix, Option, Problem, rule
from lintkit.model.language import ZH, language_of

FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# What may stand right before / after a mark for the text around it to be
# Chinese: a Han character, or Chinese quotes and brackets.
_BEFORE = r"[\p{Han}”’）》」』】]"
_AFTER = r"[\p{Han}“‘（《「『【]"
# , ; :  between Chinese on both sides (spaces around them are absorbed by the fix).
_BETWEEN = regex.compile(rf"(?<={_BEFORE})[ \t]*(?P<mark>[,;:])[ \t]*(?={_AFTER})")
# ? !  after Chinese, ending the text or followed by Chinese or a closing quote.
_ENDING = regex.compile(rf"(?<={_BEFORE})(?P<mark>[?!])(?=[ \t]*(?:$|[\p{{Han}}”’」』）]))", regex.M)
# ( ... ) holding Chinese, with nothing else in parentheses inside.
_PARENS = regex.compile(r"\((?P<inside>[^()\n]{1,60})\)")
_CODE = regex.compile(r"`[^`\n]*`|https?://\S+")
# A reference-list entry ("[3] 张三. 标题[J]. 学报, 2020(2): 10-15."): GB/T 7714
# writes its separators half-width, so entries are left alone.
_REFERENCE = regex.compile(r"^\[\d{1,3}\]|\[(?:J|M|N|C|D|R|S|P|Z|G|EB/OL|J/OL|M/OL|N/OL|DB/OL)\]")


@rule(
    "punctuation.halfwidth-in-chinese",
    severity="info",
    options={
        "marks": Option(",;:?!()", "which half-width marks to check, as one string"),
    },
)
def halfwidth_punctuation(doc, options):
    """Half-width punctuation (, ; : ? ! and parentheses) in Chinese text.

    What it catches: a half-width comma, semicolon, colon, question or
    exclamation mark between Chinese characters ("以学为本,以学促干"), and
    half-width parentheses around Chinese text ("(记者 王明)"). Chinese text
    takes full-width marks (GB/T 15834); the half-width ones usually come
    from an English keyboard or a converted file. The safe fix replaces the
    mark with its full-width form and removes the spaces around it.

    How precision is kept: a mark is reported only with Chinese on both
    sides (a Han character, or a Chinese quote or bracket) — never in
    "1,000", "10:30", "Beijing, China", in inline code or in a URL; "?" and
    "!" only right after Chinese at the end of a sentence; parentheses only
    when what they hold reads as Chinese ("(GDP)" is left alone). The full
    stop is not checked: "." after Chinese is too often an abbreviation or
    a number. Reference-list entries ("[3] 张三. 标题[J]. 学报, 2020.") are
    skipped: GB/T 7714 writes their separators half-width.

    Example that fires:

        以学为本,以学促干;成效显著。

    Example that does not fire:

        增长了 1,000 倍，会议 10:30 开始，见 Beijing, China (GDP)。

    Options: ``marks`` (default ",;:?!()"): the marks to check. The rule's
    severity is info: the mistake is typographic, and a file converted
    with half-width marks throughout has many. Fix them all with the safe
    fix, or turn the rule off with ``ignore: [punctuation]``.
    """
    marks = set(options["marks"])
    text = doc.text
    for block in doc.blocks:
        if block.lang == "en" or _REFERENCE.search(text, block.start, block.end):
            continue
        code = [m.span() for m in _CODE.finditer(text, block.start, block.end)]

        def in_code(pos: int, code=code) -> bool:
            return any(s <= pos < e for s, e in code)

        for pattern in (_BETWEEN, _ENDING):
            for m in pattern.finditer(text, block.start, block.end):
                mark = m.group("mark")
                if mark not in marks or in_code(m.start("mark")):
                    continue
                yield Problem(
                    m.start("mark"),
                    m.end("mark"),
                    f"half-width “{mark}” in Chinese text; use “{FULL[mark]}”",
                    fix=Fix.replace(m.start(), m.end(), FULL[mark], description=f"use “{FULL[mark]}”"),
                )
        if "(" in marks and ")" in marks:
            for m in _PARENS.finditer(text, block.start, block.end):
                if in_code(m.start()) or language_of(m.group("inside")) != ZH:
                    continue
                yield Problem(
                    m.start(),
                    m.end(),
                    "half-width parentheses around Chinese text; use “（）”",
                    fix=Fix(
                        (Edit(m.start(), m.start() + 1, "（"), Edit(m.end() - 1, m.end(), "）")),
                        description="use “（）”",
                    ),
                )
