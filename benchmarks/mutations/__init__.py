"""The kinds of defect ``benchmarks/mutate.py`` plants, one module per family.

``mutate.py`` is the entry point (``plan``, ``copies``, ``apply`` and its
command line); this package holds what it draws on, split by what a
mutation touches so that each family can be read and changed alone:

* ``common``: the ``Mutation`` record, the ``KINDS`` table, the document
  wrapper every finder walks (``_Text``) and the line classifiers;
* ``chinese``: generic facts about Chinese names and characters (surnames,
  look-alikes, characters by sound, pinyin syllables);
* ``names``: Chinese, transliterated, pinyin and English name mutations;
* ``numbers``: English figures and repeated Chinese counts changed;
* ``citations``: markers, reference entries and attributions damaged.
"""
