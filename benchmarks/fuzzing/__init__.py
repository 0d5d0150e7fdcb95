"""The pieces of ``benchmarks/fuzzgen.py``'s generators, one module per layer.

``fuzzgen.py`` is the entry point and the names callers use; this package
holds what it is built from:

* ``vocabulary``: the word lists, odd characters and ready-made fragments;
* ``pieces``: figures, names, markers, sentences, paragraphs and blocks;
* ``documents``: whole invented documents (news, magazine, journal,
  bilingual, soup) and their sizes;
* ``checks``: what every finding must satisfy (positions, keys).
"""
