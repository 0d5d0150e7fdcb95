"""Rule code and shipped data never quote the sample articles.

A rule that names a person, a figure or a phrase of the samples works on
the samples and nowhere else; so do docstrings that teach by their example.
This scans the engine and the plugins (code, YAML and vocabularies) for any
run of six Chinese characters that also occurs in ``../shared/seeds``.
Common vocabulary that any Chinese text shares is listed below; a name or a
sentence of the samples is not.
"""

from __future__ import annotations

import pathlib

import regex

ROOT = pathlib.Path(__file__).resolve().parent.parent
_HAN_RUN = regex.compile(r"\p{Han}{6,}")
_N = 6

# phrases of general vocabulary that happen to occur in the samples too
COMMON = frozenset(
    """实验结果表明 个国家和地区 多个国家和地 国内生产总值 国际领先水平 达到国际领先 是全球最大的
    成果走向市场 部门联合印发 余个国家和地 国家和地区的 家和地区的嘉 和地区的嘉宾 到国际领先水""".split()
)


def _shipped_files():
    for folder in (ROOT / "lintkit", ROOT / "plugins"):
        for p in folder.rglob("*"):
            if p.suffix not in (".py", ".yaml", ".txt") or "example-punctuation" in str(p):
                continue
            if p.name == "lookalikes.txt":  # a third party's confusion set of single characters
                continue
            yield p


def test_no_six_character_phrase_of_the_samples_is_in_code_or_data(seeds):
    text = "".join(p.read_text(encoding="utf-8", errors="ignore") for p in sorted(seeds.glob("*")) if p.is_file())
    windows = {text[i : i + _N] for i in range(len(text) - _N + 1)}
    quoted = {}
    for p in _shipped_files():
        for m in _HAN_RUN.finditer(p.read_text(encoding="utf-8", errors="ignore")):
            run = m.group()
            hits = {run[i : i + _N] for i in range(len(run) - _N + 1)} & windows
            hits = {h for h in hits if not any(h in c or c in h for c in COMMON)}
            if hits:
                quoted.setdefault(str(p.relative_to(ROOT)), set()).update(hits)
    assert not quoted, f"sample text in code or data: {quoted}"
