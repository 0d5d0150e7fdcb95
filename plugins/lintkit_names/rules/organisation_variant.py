from __future__ import annotations

from lintkit import rule

from ..english import ACCEPTED_VARIANTS, accepted_spellings, organisation_slips


@rule(
    "names.organisation-variant",
    severity="warning",
    options=ACCEPTED_VARIANTS,
    formerly="names.english-variant",
    formerly_options={"accepted-variants": "accepted-variants"},
)
def organisation_variant(doc, options):
    """An organisation's English name written with one word missing from the name the file defines.

    What it catches: an organisation's spelled-out name that the file
    defines with its acronym ("Shanghai Industrial Technology Association
    (SITA)"), written elsewhere with one capitalised word after the first
    missing ("Shanghai Technology Association"), when the short form is
    rarer and not defined as an acronym of its own (the Chinese Academy of
    Sciences and the Chinese Academy of Social Sciences are both defined:
    no report).  A missing first word is not reported: the rest is the
    usual short form.  A display fix writes the defined name.

    Why it matters: an index, a search or a reader abroad treats two
    spellings as two organisations.

    Example that fires::

        The Shanghai Industrial Technology Association (SITA) met in May.
        The Shanghai Industrial Technology Association signed two agreements.
        A delegation of the Shanghai Technology Association attended.

    Example that does not fire::

        The Chinese Academy of Sciences (CAS) and the Chinese Academy of
        Social Sciences (CASS) met.

    Options: ``accepted-variants`` (pairs of spellings an editor has
    checked as distinct).  Formerly part of ``names.english-variant``, whose
    id still selects, ignores and silences it for this release.
    """
    yield from organisation_slips(doc, accepted_spellings(options["accepted-variants"]))
