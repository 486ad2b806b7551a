"""Stage ``sentences``: exact sentence spans, each tagged with the deepest section holding it.

Chinese splits after 。！？；!?; (the mark stays in the sentence) and at line ends; English
after ``. `` / ``? `` / ``! `` before a capital. A section marker always opens a sentence
(one-line reports run headings and text together). Marks inside （…） “…” 《…》 do not split
when the bracket closes within the same line and a short distance.

One regex pass over the interesting characters: linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

import attrs

from ... import lang
from ...blocks import SourceText
from ...model import Report, Section, Sentence
from ..text.body import body as body_of
from ..text.facts import is_english
from ..text.title import front_matter_end

_MAX_BRACKET = 200  # a bracket left open longer than this does not protect anything
_TRIM = " \t\r\n\u3000\xa0\ufeff|"


def _pairs() -> dict[str, str]:
    """Bracket and quote closers (lang/zh/punctuation.toml sentence_brackets)."""
    pairs: dict[str, str] = lang.data("zh", "punctuation")["sentence_brackets"]
    return pairs


def _flat(sections: tuple[Section, ...]) -> list[tuple[Section, int]]:
    """Sections in document order with the index of their parent (-1 at the top)."""
    out: list[tuple[Section, int]] = []

    def rec(nodes: tuple[Section, ...], parent: int) -> None:
        for s in nodes:
            out.append((s, parent))
            rec(s.children, len(out) - 1)

    rec(sections, -1)
    return out


class SectionIndex:
    """Deepest section at an offset, in O(depth) after one bisect."""

    def __init__(self, sections: tuple[Section, ...]) -> None:
        self._flat = _flat(sections)
        self._starts = [s.start for s, _ in self._flat]

    @property
    def starts(self) -> list[int]:
        return self._starts

    def at(self, offset: int) -> Section | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        while i >= 0:
            s, parent = self._flat[i]
            if s.start <= offset < s.end:
                return s
            i = parent
        return None


def _cuts(text: str, english: bool) -> Iterator[int]:
    """Offsets where a sentence ends (exclusive), in order."""
    protect = 0
    pairs = _pairs()
    split = lang.pattern("zh", "punctuation", "sentence_split_en" if english else "sentence_split_zh")
    for m in split.finditer(text):
        tok = m.group()
        if tok in pairs:
            line_end = text.find("\n", m.end(), m.end() + _MAX_BRACKET)
            limit = line_end if line_end >= 0 else min(len(text), m.end() + _MAX_BRACKET)
            close = text.find(pairs[tok], m.end(), limit)
            if close >= 0:
                protect = max(protect, close + 1)
            continue
        if tok == "\n":
            protect = 0
            yield m.start()
            continue
        if m.start() < protect:
            continue
        yield m.end()


def split_sentences(text: str, section_starts: list[int], *, english: bool = False) -> list[tuple[int, int]]:
    """Sentence spans (start, end), trimmed of spaces; never empty, never overlapping."""
    cuts = sorted(set(_cuts(text, english)) | set(section_starts) | {len(text)})
    spans = []
    pos = 0
    for cut in cuts:
        if cut <= pos:
            continue
        a, b = pos, cut
        while a < b and text[a] in _TRIM:
            a += 1
        while b > a and text[b - 1] in _TRIM:
            b -= 1
        if b > a:
            spans.append((a, b))
        pos = cut
    return spans


# a line that is only a site template's placeholder ({{page.description}}, # {{ page.title }})
_PLACEHOLDER = re.compile(r"#*\s*\{\{[^{}]*\}\}|\{%[^%]*%\}")


def add_sentences(report: Report, source: SourceText) -> Report:
    """Every sentence of the text but the front matter's lines and bare template placeholders."""
    text = report.text
    index = SectionIndex(report.sections)
    body = front_matter_end(text)
    out = []
    page = body_of(text)
    furniture = sorted({f.start for f in report.furniture} | {f.end for f in report.furniture})
    for a, b in split_sentences(text, sorted(set(index.starts) | set(furniture)), english=is_english(text)):
        if a < body or _PLACEHOLDER.fullmatch(text, a, b) or page.is_furniture(a):
            continue
        sec = index.at(a)
        out.append(Sentence(a, b, text[a:b], sec.path if sec else ""))
    return attrs.evolve(report, sentences=tuple(out))
