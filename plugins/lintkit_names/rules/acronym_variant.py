from __future__ import annotations

from lintkit import rule

from ..english import ACCEPTED_VARIANTS, accepted_spellings, acronym_slips


@rule(
    "names.acronym-variant",
    severity="warning",
    options=ACCEPTED_VARIANTS,
    formerly="names.english-variant",
    formerly_options={"accepted-variants": "accepted-variants"},
)
def acronym_variant(doc, options):
    """An acronym written once with a letter missing (BPST for the BAPST the file defines).

    What it catches: the file spells out an organisation and its acronym
    ("Beijing Association for Promotion of Science and Technology (BAPST)")
    and elsewhere writes the acronym with one letter missing ("BPST").  The
    acronym must be defined by its spelled-out name in the file, or be five
    letters or more and used more often than the short form; the short form
    must not be defined as an acronym of its own.  Acronyms of three letters
    are never compared (CAS and CASS are two academies), nor capitalised
    words (SCIENCE) or pinyin syllables in capitals (ZHANG in a reference
    list).  A display fix writes the defined acronym.

    Why it matters: an index, a search or a reader abroad treats two
    spellings as two organisations.

    Example that fires::

        The Beijing Association for Promotion of Science and Technology (BAPST) met.
        The BAPST and the BPST signed an agreement.

    Example that does not fire::

        The Chinese Academy of Sciences (CAS) and the Chinese Academy of
        Social Sciences (CASS) met.

    Options: ``accepted-variants`` (pairs of spellings an editor has
    checked as distinct, e.g. "CAS CASS").  Formerly part of
    ``names.english-variant``, whose id still selects, ignores and
    silences it for this release.
    """
    yield from acronym_slips(doc, accepted_spellings(options["accepted-variants"]))
