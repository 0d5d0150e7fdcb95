"""The bundled examples are the README's demo: every defect examples/README.md
says is planted is found, and nothing else is reported."""

import pathlib
import re

from lintkit.model.document import Document
from lintkit.testing import lint_documents, registry

EXAMPLES = pathlib.Path(__file__).resolve().parent.parent / "examples"
CORE = ("style", "names", "numbers", "citations")


def planted() -> set[tuple[str, int, str]]:
    text = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    block = text.split("## Planted defects", 1)[1].split("```text", 1)[1].split("```", 1)[0]
    rows = set()
    for line in block.strip().splitlines():
        m = re.match(r"(\S+?):(\d+)\s+(\S+)", line)
        assert m, f"unreadable line in examples/README.md: {line!r}"
        rows.add((m.group(1), int(m.group(2)), m.group(3)))
    return rows


def test_examples_report_exactly_the_planted_defects():
    rules = [r for r in registry().rules if r.split(".")[0] in CORE]
    docs = [
        Document.from_path(p)
        for p in sorted(EXAMPLES.iterdir())
        if p.suffix in (".txt", ".md") and p.name != "README.md"
    ]
    found = {(pathlib.Path(f.path).name, f.start.line, f.rule) for f in lint_documents(docs, rules).findings}
    assert found == planted()
