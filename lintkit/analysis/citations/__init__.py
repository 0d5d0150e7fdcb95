"""Citation analyses: reference lists, in-text markers, attributions.

Shared by the ``citations`` plugin and by any rule that needs to know
whether a passage names its source.  Everything here works on character
offsets into ``document.text``; nothing is specific to one publication.

* :func:`reference_lists` — per article, the block headed 参考文献 /
  References / Bibliography and the numbered entries below it.
* :func:`markers` — in-text reference markers: ``[1]``, ``^[1]``, ``[^1]``,
  ``[1-3]``, ``[1,2]``, ``［1］`` and Unicode superscript digits.
* :func:`attributions` — phrases that name (or pretend to name) a source:
  据《X》报道, 根据X发布的《Y》, X表示/说/介绍, 数据来源：X, and the
  *vague* ones that name nobody (数据显示, 研究表明, 据统计).
* :func:`article_markers` — an article's markers without a paper's
  affiliation marks (周晓岚¹，钱立新²† before the abstract); markers read
  through OCR noise ([5.6], [l], [2o], an unclosed [7-9) carry ``ocr=True``.
* :func:`own_results` — a paper's results read off its own tables, figures
  and experiments (由表3可知, 如图2所示, 实验结果表明, 本文方法).
* :func:`describe_references` — the lists and markers as read, for
  ``lintkit inspect --references``.
* :func:`first_party` — phrases that present data as the author's own:
  本文/本研究/本次调查, 笔者/课题组/我们 + a research verb, 据…记录/问卷/访谈
  (primary records a study collected), 有效问卷 / 受访者 / 样本.

The analyses live in submodules, one job each: :mod:`.references` (the
lists), :mod:`.in_text` (the markers), :mod:`.sources` (the attributions),
:mod:`.own_work` (first-party data and a paper's own results) and
:mod:`.describe` (the report for ``lintkit inspect``); every name is
importable from here, as before.
"""

from __future__ import annotations

from .describe import describe_references
from .in_text import Marker, article_markers, markers
from .own_work import FIRST_PARTY, RESPONDENTS, first_party, own_results
from .references import Entry, ReferenceList, reference_list, reference_lists
from .sources import NAMED, SPEAKER, VAGUE, Attribution, attributions, is_caption_source

# public names of the module before it was split, outside ``__all__``
from .own_work import OWN_RESULTS as OWN_RESULTS  # isort: skip
from .references import REFERENCE_HEADING as REFERENCE_HEADING  # isort: skip
from .sources import CAPTION as CAPTION, MARKER_KIND as MARKER_KIND, SAY as SAY  # isort: skip
from .sources import VAGUE_KIND as VAGUE_KIND, _speaker_matches as _speaker_matches  # isort: skip

__all__ = [
    "Attribution",
    "Entry",
    "Marker",
    "ReferenceList",
    "attributions",
    "describe_references",
    "first_party",
    "own_results",
    "is_caption_source",
    "markers",
    "article_markers",
    "reference_list",
    "reference_lists",
    "NAMED",
    "VAGUE",
    "SPEAKER",
    "FIRST_PARTY",
    "RESPONDENTS",
]
