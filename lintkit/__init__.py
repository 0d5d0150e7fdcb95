"""lintkit: a plugin-based linter for bilingual Chinese/English articles.

The public API for rule authors::

    from lintkit import hookimpl, rule, Problem, Fix, Related, Option

    @rule("house.no-hearsay", severity="warning")
    def no_hearsay(doc, options):
        '''Flags 据悉 ...'''
        ...

    @hookimpl
    def register_rules(register):
        register(no_hearsay)
"""

from .analysis import tokens as _tokens  # noqa: F401  # offers doc.tokens and doc.pos_tags(i) to the model
from .findings import Applicability, Edit, Finding, Fix, Problem, Related, RunError, Severity
from .hookspecs import hookimpl
from .model.document import Document
from .rules import ARTICLE, CORPUS, DOCUMENT, Option, Rule, rule

__version__ = "0.1.0"
# The name on PyPI: "lintkit" there is another project. The package, the
# command and the entry-point group are all "lintkit".
DISTRIBUTION = "lintkit-zh"

__all__ = [
    "__version__",
    "hookimpl",
    "rule",
    "Rule",
    "Option",
    "DOCUMENT",
    "ARTICLE",
    "CORPUS",
    "Document",
    "Problem",
    "Related",
    "Fix",
    "Edit",
    "Applicability",
    "Finding",
    "RunError",
    "Severity",
]
