"""The document model: the text and its positions, blocks, articles.

What every rule reads, and what lintkit reads a file into:

- the text and its positions: ``document`` (``Document``), ``decoding``
  (bytes to text), ``position`` (``Position``);
- blocks: ``blocks`` (paragraphs, headings, list items, table cells) and
  ``language`` (zh | en | mixed), ``sentences``;
- articles: ``articles`` (``split_articles``) with its stages
  ``article_model``, ``article_genres``, ``article_counterparts``,
  ``article_journal``, and what they need: ``alignment`` (with
  ``alignment_anchors``, ``alignment_translation``), ``pinyin`` and
  ``surnames`` (data in ``data/``), and ``datacache`` (where the pinyin
  table, and every other data cache of lintkit, is kept on disk).

The layering rule: nothing in this package imports anything of ``lintkit``
outside it — not even lazily inside a function (third-party libraries are
fine); ``tests/test_layering.py`` checks it.  The layers above (the
analyses, the engine, the rules, the reporters) import the model, never the
other way round.  An analysis above that a document offers as an attribute
(``doc.tokens``) registers itself with ``document.offer``.

Nothing is imported here, so that importing one module of the model does
not load the others (the articles and the alignment load when a document is
first split into articles).
"""
