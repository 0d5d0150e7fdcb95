"""``required_literal``: the text every match of a house rule's pattern
contains, which lets a unit without it skip the pattern (the findings must
not change: a unit skipped is a unit where the pattern finds nothing)."""

import random

import pytest
import regex

from lintkit.rule_types.base import literal_pattern
from lintkit.rule_types.literals import required_literal


@pytest.mark.parametrize(
    "source, flags, expected",
    [
        ("帐户", 0, "帐户"),
        ("帐户", regex.I, "帐户"),  # Han characters have no case
        (literal_pattern("email"), 0, "email"),
        (literal_pattern("email"), regex.I, None),  # Email, EMAIL
        ("登陆(?=账号|帐号|App)", 0, "登陆"),
        ("(?<=扫码|重新)登陆", regex.I, "登陆"),
        (r"(?:(?<![\p{Han}])|(?<=[的和、]))线上(?!线下)", regex.I, "线上"),
        ("ab?c", 0, "a"),  # a quantified character may be absent
        (r"x{1,3}?yz", 0, "yz"),
        (r"a\.b", 0, "a.b"),
        ("(ab|cd)ef", 0, "ef"),
        ("ab|cd", 0, None),  # an alternation at the top level
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
    pieces = ["a", "b", "线", "上", "\\.", ".", "?", "*", "+", "{2}", "{1,3}", "|", "(", ")", "(?:", "(?=", "(?!"]
    pieces += ["(?<=a)", "(?<!b)", "[ab]", "[^a]", "\\d", "\\b", "^", "$", "\\p{Han}", "(?>", "[]a]", "\\s", "K", "{"]
    alphabet = "abKſ线上.-? \n1"
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
            if text.find(literal, start, end) < 0:
                assert not list(pattern.finditer(text, start, end)), (source, text, start, end)
                checked += 1
    assert checked > 500
