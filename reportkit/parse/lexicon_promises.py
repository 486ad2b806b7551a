"""What in a plan is not a promise: word lists for commitments.py, each entry ``(pattern, example)``.

* ``GLOSSARY_HEADINGS`` open the notes at the end of a report (附件2 名词解释): entries explaining a term are no
  undertakings, and the plan part stops there.
* ``CONTEXT_SENTENCES`` open a sentence that says what the year is or how the world stands (今年是“十五五”开局之年,
  今年是中国共产党成立105周年, 从国际看…): context, not something the government will do. A clause of such a
  sentence is no commitment unless it holds a target.

tests/test_commitments_context.py checks every pattern against its example.
"""

from __future__ import annotations

__all__ = ["CONTEXT_SENTENCES", "GLOSSARY_HEADINGS"]

GLOSSARY_HEADINGS: tuple[tuple[str, str], ...] = (
    (r"(?:附件\s*[\d一二三四五六七八九十]*\s*[:：]?\s*)?(?:名词解释|名词注释|注释)", "附件2 名词解释"),
)

CONTEXT_SENTENCES: tuple[tuple[str, str], ...] = (
    (r"(?:今年|明年|\d{4}年)(?:是|，是)", "今年是“十五五”开局之年"),
    (r"[^。]{0,30}(?:成立|建校|诞辰|解放)\d+周年", "今年是中国共产党成立105周年"),
    (r"(?:从国际看|从国内看|从外部看|放眼全球|当前，?世界|世界经济|国际环境|外部环境)", "从国际看，世界经济增长动能不足"),
)
