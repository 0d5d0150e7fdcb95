"""The document model (lintkit/model/) imports nothing above it.

Every module of the package is parsed, and every import statement in it —
at the top or inside a function, since a lazy import is an upward
dependency too — must stay inside ``lintkit.model`` (or go to the standard
library or a third-party package).  The layers above may change freely
without the model noticing, and the model can be read on its own.
"""

import ast
from pathlib import Path

import pytest

MODEL = Path(__file__).resolve().parent.parent / "lintkit" / "model"
MODEL_PACKAGE = "lintkit.model"


def _modules() -> list[Path]:
    return sorted(MODEL.rglob("*.py"))


def _upward_imports(path: Path, root: Path = MODEL) -> list[str]:
    """Each import of ``path`` (a module under ``root``, the folder of
    lintkit.model) that reaches lintkit outside the model, as "line: module"."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    # the package a relative import starts from, as parts
    package = [*MODEL_PACKAGE.split("."), *path.relative_to(root).parent.parts]
    bad = []
    imports = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
    for node in sorted(imports, key=lambda n: n.lineno):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            if node.level > len(package):
                bad.append(f"{node.lineno}: {'.' * node.level}{node.module or ''} (outside any package)")
                continue
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            # "from .. import x" and "from lintkit import x" reach lintkit.x
            targets = [f"{module}.{alias.name}" for alias in node.names] if module == "lintkit" else [module]
        for target in targets:
            inside = target == MODEL_PACKAGE or target.startswith(MODEL_PACKAGE + ".")
            if (target == "lintkit" or target.startswith("lintkit.")) and not inside:
                bad.append(f"{node.lineno}: {target}")
    return bad


def test_the_model_has_modules():
    names = {p.stem for p in _modules()}
    assert {"document", "position", "blocks", "articles", "alignment", "sentences"} <= names


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(MODEL)))
def test_model_module_imports_nothing_above_the_model(path):
    assert _upward_imports(path) == [], f"{path.name} imports lintkit outside lintkit/model"


def test_the_check_sees_upward_imports(tmp_path):
    """The check itself: each way of reaching above the model is caught."""
    root = tmp_path / "lintkit" / "model"
    (root / "sub").mkdir(parents=True)
    (root / "ok.py").write_text("import regex\nfrom .blocks import Block\nfrom . import datacache\n")
    (root / "sub" / "ok.py").write_text(
        "from ..document import Document\nimport lintkit.model.blocks\nfrom lintkit import model\n"
    )
    (root / "bad.py").write_text(
        "from ..findings import Problem\n"
        "from .. import engine\n"
        "import lintkit.analysis.tokens\n"
        "def f():\n"
        "    from lintkit.analysis.names import SURNAMES\n"
        "from ... import x\n"
        "from lintkit import Document\n"
    )
    assert _upward_imports(root / "ok.py", root) == []
    assert _upward_imports(root / "sub" / "ok.py", root) == []
    assert _upward_imports(root / "bad.py", root) == [
        "1: lintkit.findings",
        "2: lintkit.engine",
        "3: lintkit.analysis.tokens",
        "5: lintkit.analysis.names",
        "6: ... (outside any package)",
        "7: lintkit.Document",
    ]
