"""``required_literal``: the text every match of a house rule's pattern
contains, which lets a unit without it skip the pattern (the findings must
not change: a unit skipped is a unit where the pattern finds nothing)."""

import random
import re

import pytest
import regex

from lintkit.rule_types.base import literal_pattern
from lintkit.rule_types.literals import Required, required_literal


@pytest.mark.parametrize(
    "source, flags, expected",
    [
        ("帐户", 0, Required(("帐户",))),
        ("帐户", regex.I, Required(("帐户",))),  # Han characters have no case
        (literal_pattern("email"), 0, Required(("email",))),
        (literal_pattern("E-Mail"), regex.I, Required(("E-Mail",), caseless=True)),  # Email, EMAIL
        ("Straße", regex.I, None),  # a cased letter beyond ASCII
        ("登陆(?=账号|帐号|App)", 0, Required(("登陆",))),
        ("(?<=扫码|重新)登陆", regex.I, Required(("登陆",))),
        (r"(?:(?<![\p{Han}])|(?<=[的和、]))线上(?!线下)", regex.I, Required(("线上",))),
        ("ab?c", 0, Required(("a",))),  # a quantified character may be absent
        (r"x{1,3}?yz", 0, Required(("yz",))),
        (r"a\.b", 0, Required(("a.b",))),
        ("(ab|cd)ef", 0, Required(("ef",))),
        ("ab|cd", 0, Required(("ab", "cd"))),  # one of them
        ("表示|据[^，。]{1,24}?称", 0, Required(("表示", "据"))),
        ("ab|c?", 0, None),  # an alternative without a literal
        ("(?i)abc", 0, None),  # inline flags
        ("a{e<=1}bc", 0, None),  # fuzzy matching
        (r"\x41bc", 0, None),  # an escape not read
        ("[[:alpha:]]x", 0, None),  # a class holding [
        (r"(?<![0-9])(?P<key>(?:19|20)[0-9]{2})", 0, None),  # no literal at the top level
    ],
)
def test_required_literal(source, flags, expected):
    assert required_literal(regex.compile(source, flags)) == expected


def test_no_match_without_the_literal():
    """Random patterns and texts: wherever the literal is missing from
    text[start:end], the pattern finds nothing there."""
    rng = random.Random(7)
    pieces = ["a", "b", "线", "上", "\\.", ".", "?", "*", "+", "{2}", "{1,3}", "|", "|", "(", ")", "(?:", "(?=", "(?!"]
    pieces += ["(?<=a)", "(?<!b)", "[ab]", "[^a]", "\\d", "\\b", "^", "$", "\\p{Han}", "(?>", "[]a]", "\\s", "K", "{"]
    pieces += ["I", "i", "S", "k"]
    alphabet = "abABKkſ\u212aIiİı线上.-? \n1"
    checked = 0
    for _ in range(2500):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        flags = rng.choice([0, regex.I])
        try:
            pattern = regex.compile(source, flags)
        except regex.error:
            continue
        literal = required_literal(pattern)
        if not literal:
            continue
        for _ in range(20):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            if literal.missing(text, start, end):
                assert not list(pattern.finditer(text, start, end)), (source, text, start, end)
                checked += 1
    assert checked > 500


def test_caseless_search_finds_what_ignore_case_matches():
    """Every character ``regex`` matches with an ASCII one under ignore-case,
    the stdlib ``re`` matches too (so a unit it finds nothing in, the
    pattern finds nothing in)."""
    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for o in range(128):
        c = chr(o)
        matched = {m.group() for m in regex.finditer(regex.escape(c), everything, regex.I)}
        assert all(re.fullmatch(re.escape(c), m, re.I) for m in matched), c
