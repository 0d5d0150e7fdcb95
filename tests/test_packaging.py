"""Every data file the code reads is shipped: `pip install .` (not editable)
copies only the package data pyproject.toml lists, so a vocabulary file left
out works in the repository and fails for a user."""

import fnmatch
import pathlib
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _package_data():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return conf["tool"]["setuptools"]["package-data"]


def _package_dir(name: str) -> pathlib.Path:
    top, *rest = name.split(".")
    base = ROOT / top if (ROOT / top).is_dir() else ROOT / "plugins" / top
    return base.joinpath(*rest)


def test_every_data_file_of_a_package_is_listed_as_package_data():
    data = {_package_dir(k): v for k, v in _package_data().items()}
    missing = []
    for top in [ROOT / "lintkit", *sorted((ROOT / "plugins").glob("lintkit_*"))]:
        for path in top.rglob("*"):
            if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
                continue
            covered = any(
                path.is_relative_to(folder)
                and any(fnmatch.fnmatch(path.relative_to(folder).as_posix(), p) for p in patterns)
                for folder, patterns in data.items()
            )
            if not covered:
                missing.append(path.relative_to(ROOT).as_posix())
    assert missing == [], "add to [tool.setuptools.package-data] in pyproject.toml: " + ", ".join(missing)
