"""Text facts several stages share: the problems paragraph, salutation lines, the language.

The unnumbered problems paragraph (在看到成绩的同时… / 我们也清醒看到…) closes the numbered
sub-items before it (structure), is a part of its own (parts) and is split into problem
clauses (problems); finding it in one place keeps the three stages in agreement.
"""

from __future__ import annotations

import functools
import re

import attrs

from ... import lang

# The sentence that opens the review's closing self-criticism. Ordered by how sure we are.


@functools.cache
def _salutation() -> re.Pattern[str]:
    """A salutation alone on its line (各位代表！), from lang/zh/speech.toml."""
    words = "|".join(re.escape(w) for w in lang.words("zh", "speech", "salutations"))
    return re.compile(str(lang.data("zh", "speech")["salutation_line"]).replace("{salutations}", words))


_LATIN = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@attrs.frozen
class Paragraph:
    start: int
    end: int  # end of the line (trailing spaces left out); callers may cut it at a heading
    opens_paragraph: bool = True  # at a line start or after a space (one-line reports), not mid-paragraph


@functools.lru_cache(maxsize=4)  # several stages ask about the same text
def is_english(text: str) -> bool:
    """The one decision of a text's language (``ReportMeta.language``): English when its opening has Latin
    letters and Chinese characters are fewer than 5 % of them (a Chinese name or a € sign does not count)."""
    head = text[:20000]
    latin = len(_LATIN.findall(head))
    return latin > 0 and len(_CJK.findall(head)) < 0.05 * latin


def _sentence_start(text: str, pos: int) -> int:
    stops = str(lang.data("zh", "punctuation")["sentence_stops"])
    i = pos
    while i > 0 and text[i - 1] not in stops:
        i -= 1
    while i < pos and text[i] in " \t\u3000\xa0":
        i += 1
    return i


def problems_paragraph(text: str) -> Paragraph | None:
    """The first unnumbered problems paragraph, from the sentence holding its trigger to the line end."""
    m = lang.pattern("zh", "problems", "paragraph_triggers").search(text)
    if m is None:
        return None
    start = _sentence_start(text, m.start())
    # a one-line report may run several sentences before the trigger on the same "paragraph":
    # a space before the sentence is the paragraph break there
    line_end = text.find("\n", m.end())
    end = len(text) if line_end < 0 else line_end
    while end > start and text[end - 1] in " \t\r\u3000\xa0|":
        end -= 1
    opens = start == 0 or text[start - 1] in "\n \t\u3000\xa0|"
    return Paragraph(start, end, opens)


def closers(text: str) -> list[int]:
    """Offsets that end every numbered sub-item before them (level 2 and below)."""
    out = [m.start() for m in _salutation().finditer(text)]
    p = problems_paragraph(text)
    if p is not None and p.opens_paragraph:
        out.append(p.start)
    return sorted(out)
