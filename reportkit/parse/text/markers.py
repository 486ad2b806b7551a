"""Numbering markers: find every string that could open a section, and say where it stands.

This module only finds candidates (``一、`` ``（一）`` ``1.`` ``（1）`` ``①`` ``一是`` ``第一，``
``##`` ``1.1`` ``IV.``) with their numeric value and whether they stand at a line start or
inline after a sentence end. Which candidates become sections is decided in
``structure/sections.py``, which knows the sequence and the nesting.

One compiled alternation, one pass: linear in the text, no backtracking that can blow up.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator

import attrs

from ... import lang
from .numbers import cn_digits

# Read at import: the marker pattern and these sets are used once per character of a report
# (lang/zh/markers.toml).
_MARKERS = lang.data("zh", "markers")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


class MarkerType(enum.StrEnum):
    """The kinds of numbering; the nesting order between them is learned per document."""

    MARKDOWN = "markdown"  # ## Heading (level from the count of #)
    HINT = "hint"  # a heading style given by the reader, without numbering
    CN_PART = "chinese_part"  # 第一部分 第二章 at a line start
    CN_DUN = "chinese_dun"  # 一、 (also 一． 一.)
    PAREN_CN = "paren_chinese"  # (一) （一） and, at a line start, 一)
    ARABIC = "arabic"  # 1. 1、 １．
    PAREN_ARABIC = "paren_arabic"  # (1) （1） and, at a line start, 1)
    CIRCLED = "circled"  # ①
    ORD_SHI = "ordinal_shi"  # 一是
    ORD_DI = "ordinal_di"  # 第一，
    EN_DOTTED = "en_dotted"  # 1 / 1.1 / 1.1.1 at a line start, English
    ROMAN = "roman"  # I. II. at a line start, English

    @property
    def lead_in(self) -> bool:
        """Lead-in items (一是, 第一，) start sentences rather than headings: stricter rules apply."""
        return self in (MarkerType.ORD_SHI, MarkerType.ORD_DI)


@attrs.frozen
class Candidate:
    type: MarkerType
    value: int  # 1 for 一/1/①…; for Markdown the heading depth
    start: int
    end: int  # end of the marker (the title starts after it)
    line_start: bool  # only whitespace between the line start and the marker
    line: int  # offset of the start of the line holding the marker
    depth: int = 1  # EN_DOTTED: number of components (1.2.3 → 3)

    @property
    def key(self) -> tuple[MarkerType, int]:
        """Types that differ in depth (## vs ###, 1 vs 1.1) nest like different types."""
        return (self.type, self.depth)


def cn_value(s: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 九十九 → 99; None for anything else."""
    ten = str(_MARKERS["ten"])
    digits = cn_digits()
    if not s or any(c not in digits and c != ten for c in s):
        return None
    if ten not in s:
        return digits[s] if len(s) == 1 else None
    tens, _, units = s.partition(ten)
    if ten in units or len(tens) > 1 or len(units) > 1:
        return None
    t = digits[tens] if tens else 1
    u = digits[units] if units else 0
    return t * 10 + u if t else None


def roman_value(s: str) -> int | None:
    total, prev = 0, 0
    for c in reversed(s):
        v = _ROMAN.get(c)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


INLINE_BEFORE = frozenset(str(_MARKERS["inline_before"]))
_SPACE = " \t\u3000\xa0\ufeff\u200b\u200d"
_LEAD_IN_AFTER_COMMA = frozenset(str(_MARKERS["lead_in_after"]))
_LIST_AFTER = str(_MARKERS["list_after"])
_WORD_WITH_ONE = frozenset(str(_MARKERS["word_with_one"]))
_GLUED_REACH = 800  # how far after a glued 一是 its 二是 must follow

_PATTERN = re.compile(str(_MARKERS["candidate"]))
_EN_PATTERN = re.compile(
    r"(?m)^[ \t]*(?:(?P<dot>\d{1,2}(?:\.\d{1,2}){1,3}|\d{1,2}(?=\.))\.?|(?P<rom>[IVXL]{1,5})\.)[ \t]+(?=[A-Z\"'(])"
)
_MD_HEADING = re.compile(r"(?m)^#{1,6}[ \t]+\S")


def has_markdown_headings(text: str) -> bool:
    return _MD_HEADING.search(text) is not None


class _Lines:
    """Line starts for increasing offsets: each search looks back only to the previous offset,
    so a 5 MB text on one line costs one pass, not one pass per marker."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 0

    def info(self, pos: int) -> tuple[int, bool]:
        nl = self.text.rfind("\n", self.pos, pos)
        if nl >= 0:
            self.line = nl + 1
        self.pos = pos
        return self.line, not self.text[self.line : pos].strip(_SPACE) if pos - self.line < 64 else False


def candidates(text: str) -> Iterator[Candidate]:
    """Every Chinese/Markdown marker that stands where a marker may stand, in text order."""
    lines = _Lines(text)
    for m in _PATTERN.finditer(text):
        kind = m.lastgroup
        start = m.start()
        if kind is None:
            continue
        if kind == "md":
            yield Candidate(MarkerType.MARKDOWN, 1, start, m.end(), True, start, depth=m.end() - start)
            continue
        line, at_line_start = lines.info(start)
        # a lead-in may also follow a comma (…开展专项活动，一是…); the builder still wants it on a line
        # that holds structure already
        if (
            not at_line_start
            and text[start - 1] not in INLINE_BEFORE
            and not (kind in ("shi", "di") and text[start - 1] in _LEAD_IN_AFTER_COMMA)
            and not (kind == "shi" and _glued_first(text, m))
        ):
            continue
        if m.end() < len(text) and text[m.end()] in _LIST_AFTER:  # 一、二、三 lists, (一)、
            continue
        if kind in ("part", "hcn", "har") and not at_line_start:
            # 第二部分 inside a sentence is a reference; a half bracket 一) 1) opens an item
            # only at a line start (inline, "…附件1)" is the tail of a bracket)
            continue
        digits = m.group(kind)
        if kind in ("par", "ara", "har"):
            value: int | None = int(digits)
        elif kind == "cir":
            value = ord(digits) - ord(str(_MARKERS["circled_one"])) + 1
        else:
            value = cn_value(digits)
        if not value:
            continue
        mtype = {
            "dun": MarkerType.CN_DUN,
            "part": MarkerType.CN_PART,
            "pcn": MarkerType.PAREN_CN,
            "hcn": MarkerType.PAREN_CN,  # 一) is (一) with its opening bracket dropped
            "par": MarkerType.PAREN_ARABIC,
            "har": MarkerType.PAREN_ARABIC,
            "ara": MarkerType.ARABIC,
            "cir": MarkerType.CIRCLED,
            "shi": MarkerType.ORD_SHI,
            "di": MarkerType.ORD_DI,
        }[kind]
        yield Candidate(mtype, value, start, m.end(), at_line_start, line)


def _glued_first(text: str, m: re.Match[str]) -> bool:
    """一是 run into the heading before it (（一）加强党的领导一是…): a page that lost its line break.

    Only 一是, after a Chinese character that does not make a word with 一, and with 二是 opening a clause soon
    after: without the 二是 it is as likely prose as an enumeration.
    """
    before = text[m.start() - 1]
    if m.group("shi") != _MARKERS["first_item"] or before in _WORD_WITH_ONE or not "\u4e00" <= before <= "\u9fff":
        return False
    k = text.find(str(_MARKERS["second_item"]), m.end(), m.end() + _GLUED_REACH)
    return k > 0 and (text[k - 1] in INLINE_BEFORE or text[k - 1] in _LEAD_IN_AFTER_COMMA)


def english_candidates(text: str) -> Iterator[Candidate]:
    """Line-initial English numbering: ``1.`` ``2.3`` ``IV.`` followed by a capitalised word."""
    for m in _EN_PATTERN.finditer(text):
        start = m.start("dot") if m.group("dot") else m.start("rom")
        end = m.end()
        while text[end - 1] in " \t":
            end -= 1
        if m.group("dot"):
            parts = m.group("dot").split(".")
            yield Candidate(
                MarkerType.EN_DOTTED, int(parts[-1]), start, end, True, m.start(), depth=len(parts)
            )
        else:
            value = roman_value(m.group("rom"))
            if value:
                yield Candidate(MarkerType.ROMAN, value, start, end, True, m.start())
