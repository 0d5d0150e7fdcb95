"""The parts of ``numbers.zh-en-mismatch`` (``rules/zh_en_mismatch.py``),
one job per module: which figures are compared (:mod:`.sides`), what a
count counts (:mod:`.counted`), the verdicts for a summary and for a
translation (:mod:`.verdicts`), dates and datelines (:mod:`.dates`),
misprints seen in the English alone (:mod:`.misprints`), a paper's front
matter (:mod:`.front_matter`) and its captions (:mod:`.captions`).  When two
figures have the same value is :mod:`lintkit_numbers.pairing`'s job.
"""
