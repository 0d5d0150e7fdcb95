"""``extends: pattern-pair`` — a pattern must agree between an article's
Chinese body and its English counterparts."""

from __future__ import annotations

from ..findings import Problem, Related
from .base import Matcher, RuleType, Spec, normalize

__all__ = ["PATTERN_PAIR"]

# Full-width digits, letters, % and . read as ASCII (one character for one,
# so offsets hold): "２０２３" in the Chinese and "2023" in the English agree.
_FOLD = {
    c: c - 0xFEE0 for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B), 0xFF05, 0xFF0E]
}
KINDS = ("summary", "headline", "contents", "byline")
DIRECTIONS = ("en-in-zh", "zh-in-en", "both")


def build(spec: Spec):
    """What a pattern finds in an article's English counterparts must be in its Chinese body.

    lintkit pairs each article with its English counterparts (an English
    headline, a summary or abstract, a contents line; see ``lintkit inspect
    FILE``).  Keys: ``zh`` and ``en`` (patterns for each side) or
    ``patterns`` (one pattern for both); a group named ``key`` is compared
    when present, else the whole match, after normalization (full-width to
    ASCII, case and spaces ignored).  ``counterparts``: which English parts to
    compare (default ``[summary]``).  ``direction``: ``en-in-zh`` (default:
    every English value must occur in the Chinese body — a summary is shorter
    than the article, so the other way round would fire on every omission),
    ``zh-in-en``, or ``both``.  Articles without such counterparts are
    skipped.  Message fields: ``{match}``, ``{key}``, ``{side}`` (where it
    was found), ``{other}`` (where it is missing), ``{link}``.

    Example (a year in the English summary that the Chinese article never
    mentions is usually a typo in one of them)::

        - id: house.summary-year
          extends: pattern-pair
          patterns: ['(?<![0-9])(?P<key>(?:19|20)[0-9]{2})(?![0-9])']
    """
    if "scope" in spec.data:
        raise spec.error(
            "scope",
            "pattern-pair compares an article's Chinese body with its English "
            "counterparts; choose them with 'counterparts', not 'scope'",
        )
    both = spec.patterns("patterns")
    zh = spec.patterns("zh") or both
    en = spec.patterns("en") or both
    if not zh or not en:
        raise spec.error(None, "type pattern-pair needs 'patterns', or both 'zh' and 'en'")
    kinds = spec.strings("counterparts") or ["summary"]
    for k in kinds:
        if k not in KINDS:
            raise spec.error("counterparts", f"unknown counterpart {k!r}; expected " + ", ".join(KINDS))
    direction = spec.get("direction", "en-in-zh", str, " | ".join(DIRECTIONS))
    if direction not in DIRECTIONS:
        raise spec.error("direction", f"'direction' must be one of {', '.join(DIRECTIONS)}, not {direction!r}")
    zh_matcher, en_matcher = Matcher(spec, zh), Matcher(spec, en)
    message = spec.template("message", PATTERN_PAIR.default_message, {"match", "key", "side", "other", "link"})
    link = spec.get("link", "", str)

    def values(matcher, text, spans):
        out = {}
        for s, e in spans:
            for m in matcher.find(text, s, e):
                key = m.group("key") if "key" in m.re.groupindex and m.group("key") is not None else m.group()
                out.setdefault(normalize(key), []).append(m)
        return out

    def check(article, options):
        doc = article.document
        text = doc.analysis(_folded)
        parts = [c for c in article.english if c.kind in kinds and c.document is None]
        if not parts:
            return
        body = [(doc.blocks[i].start, doc.blocks[i].end) for i in article.chinese_blocks()]
        if article.headline is not None and "headline" in kinds:
            h = doc.blocks[article.headline]
            body.append((h.start, h.end))
        zh_values = values(zh_matcher, text, body)
        en_values = values(en_matcher, text, sorted({(c.start, c.end) for c in parts}))
        if direction in ("en-in-zh", "both"):
            for key, matches in en_values.items():
                if key not in zh_values:
                    for m in matches:
                        yield Problem(
                            m.start(),
                            m.end(),
                            message.format(
                                match=m.group(),
                                key=key,
                                side="the English " + "/".join(kinds),
                                other="the Chinese article",
                                link=link,
                            ),
                        )
        if direction in ("zh-in-en", "both"):
            first_en = parts[0]
            for key, matches in zh_values.items():
                if key not in en_values:
                    for m in matches:
                        yield Problem(
                            m.start(),
                            m.end(),
                            message.format(
                                match=m.group(),
                                key=key,
                                side="the Chinese article",
                                other="the English " + "/".join(kinds),
                                link=link,
                            ),
                            related=(Related(first_en.start, first_en.end, "the English counterpart"),),
                        )

    return check


def _folded(doc) -> str:
    return doc.text.translate(_FOLD)


PATTERN_PAIR = RuleType(
    name="pattern-pair",
    build=build,
    keys={
        "patterns": "one pattern for both languages",
        "zh": "the pattern in the Chinese body",
        "en": "the pattern in the English counterparts",
        "counterparts": "summary (default), headline, contents, byline",
        "direction": "en-in-zh (default) | zh-in-en | both",
    },
    doc=build.__doc__ or "",  # (None under python -OO)
    scope="article",
    default_message="“{match}” in {side} is not in {other}",
)
