"""lintkit's pytest plugin for rule authors (registered as ``pytest11``).

Installed with lintkit; nothing to configure.  It provides:

* the fixture ``lintkit_cli``: ``lintkit_cli(files, *args)`` runs the
  ``lintkit`` command on a project made from a dict of files in the test's
  ``tmp_path`` and returns a ``lintkit.testing.CliResult``;
* the fixture ``lintkit_plugin``: ``lintkit_plugin(module_or_object)``
  registers a plugin until the end of the test;
* collection of annotated fixtures: every file matching the ini option
  ``lintkit_annotated`` (default ``*.lint.txt *.lint.md``) under the test
  paths becomes a test that lints it and checks its
  ``<!-- expect: rule-id -->`` markers (see ``lintkit.testing.check_annotated``).
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

import pytest

from . import testing

DEFAULT_PATTERNS = "*.lint.txt *.lint.md"


def pytest_configure(config):
    """Tests lint into a cache of their own, never the user's: a temporary
    folder for the session (unless ``LINTKIT_CACHE_DIR`` is set), inherited
    by the ``lintkit`` processes a test starts."""
    import os
    import tempfile

    if not os.environ.get("LINTKIT_CACHE_DIR"):
        folder = tempfile.mkdtemp(prefix="lintkit-test-cache-")
        os.environ["LINTKIT_CACHE_DIR"] = folder
        config.add_cleanup(lambda: __import__("shutil").rmtree(folder, ignore_errors=True))


def pytest_addoption(parser):
    parser.addini(
        "lintkit_annotated",
        "glob patterns of annotated lintkit fixture files to check",
        type="args",
        default=DEFAULT_PATTERNS.split(),
    )


@pytest.fixture
def lintkit_cli(tmp_path):
    """Run the lintkit command on a temporary project: ``lintkit_cli(files, *args)``."""

    def run(files: dict, *args: str) -> testing.CliResult:
        return testing.run_cli(files, *args, root=tmp_path)

    return run


@pytest.fixture
def lintkit_plugin():
    """Register plugins for this test: ``lintkit_plugin(plugin, name=None)``."""
    import contextlib

    with contextlib.ExitStack() as stack:

        def register(plugin, name: str | None = None):
            return stack.enter_context(testing.use_plugin(plugin, name))

        yield register


def pytest_collect_file(file_path: Path, parent):
    patterns = parent.config.getini("lintkit_annotated")
    if any(fnmatch(file_path.name, p) for p in patterns):
        return AnnotatedFile.from_parent(parent, path=file_path)
    return None


class AnnotatedFile(pytest.File):
    def collect(self):
        yield AnnotatedItem.from_parent(self, name=self.path.name)


class AnnotatedItem(pytest.Item):
    def runtest(self):
        testing.check_annotated(self.path)

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, AssertionError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, 0, f"lintkit annotated fixture {self.path.name}"
