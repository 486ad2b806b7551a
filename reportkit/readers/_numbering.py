"""Word's automatic numbering turned back into the markers a reader sees (一、 （一） 1. ①).

numbering.xml holds abstract lists (levels with w:numFmt, w:lvlText like ``（%1）``, w:start) and
list instances (w:num → abstract list, with optional start overrides). Paragraphs point at an
instance and a level through w:numPr, directly or through their style.
"""

from __future__ import annotations

from typing import Any

import attrs
from lxml import etree

from .. import lang
from ..errors import InputTooLargeError
from ..limits import DEFAULT_LIMITS, Limits

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"



def _numerals(key: str) -> Any:
    """word_digits, word_units, word_zero, word_circled, word_stems, word_branches of lang/zh/numerals.toml."""
    return lang.data("zh", "numerals")[key]


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (counting style, as Word writes them)."""
    if n <= 0:
        return str(n)
    if n >= 10000:
        return str(n)
    out = ""
    digits, zero = _numerals("word_digits"), _numerals("word_zero")
    for value, unit in _numerals("word_units"):
        q, n = divmod(n, value)
        if q:
            out += ("" if (value == 10 and q == 1 and not out) else digits[q]) + unit
        elif out and n:
            out += "" if out.endswith(zero) else zero
    if n:
        out += digits[n]
    return out


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + sym, n - value
    return out


def _letter(n: int) -> str:
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """One counter in Word's w:numFmt (unknown formats fall back to decimal)."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "chineseLegalSimplified",
    ):
        return chinese_number(n)
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return chinese_number(n) if n <= 10 else "".join(_numerals("word_digits")[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _numerals("word_stems")[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _numerals("word_branches")[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        circled = _numerals("word_circled")
        return circled[n - 1] if 0 < n <= len(circled) else str(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    return str(n)


@attrs.frozen
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "tab"  # tab | space | nothing


def _val(el: etree._Element | None, tag: str) -> str | None:
    child = el.find(W + tag) if el is not None else None
    return child.get(W + "val") if child is not None else None


def _int(s: str | None, default: int) -> int:
    try:
        return int(s) if s is not None else default
    except ValueError:
        return default


class Numbering:
    """Counters for the list instances of one document, advanced paragraph by paragraph.

    A marker costs what its level text and its counter ask for (``upperLetter`` at 10**12 is a string of
    38 billion letters), so both are bounded: ``Limits.max_list_number`` and ``Limits.max_level_text``.
    """

    def __init__(
        self, root: etree._Element | None, *, path: str | None = None, limits: Limits = DEFAULT_LIMITS
    ) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._instances: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._path = path
        self._limits = limits
        if root is None:
            return
        for ab in root.iter(W + "abstractNum"):
            levels: dict[int, Level] = {}
            for lvl in ab.iter(W + "lvl"):
                text = _val(lvl, "lvlText") or ""
                if len(text) > limits.max_level_text:
                    raise InputTooLargeError(
                        f"word/numbering.xml: a list level's text (w:lvlText) of {len(text)} characters, over "
                        f"the limit of {limits.max_level_text} (Limits.max_level_text)",
                        path=path,
                    )
                levels[_int(lvl.get(W + "ilvl"), 0)] = Level(
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=text,
                    start=self._start(_int(_val(lvl, "start"), 1)),
                    suffix=_val(lvl, "suff") or "tab",
                )
            self._abstract[ab.get(W + "abstractNumId") or ""] = levels
        for num in root.iter(W + "num"):
            overrides = {
                _int(o.get(W + "ilvl"), 0): self._start(_int(_val(o, "startOverride"), 1))
                for o in num.iter(W + "lvlOverride")
                if _val(o, "startOverride") is not None
            }
            self._instances[num.get(W + "numId") or ""] = (_val(num, "abstractNumId") or "", overrides)

    def _start(self, value: int) -> int:
        if abs(value) > self._limits.max_list_number:
            raise InputTooLargeError(
                f"word/numbering.xml: a list starts at {value}, over the limit of {self._limits.max_list_number} "
                "(Limits.max_list_number)",
                path=self._path,
            )
        return value

    def marker(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """Advance list ``num_id`` at level ``ilvl``; return (marker text, suffix kind). Bullets give ""."""
        if num_id in ("", "0") or num_id not in self._instances or not 0 <= ilvl <= 8:
            return "", "nothing"
        abstract_id, overrides = self._instances[num_id]
        levels = self._abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None or level.fmt in ("bullet", "none"):
            return "", "nothing"
        counters = self._counters.setdefault(num_id, [None] * 9)
        current = counters[ilvl]
        counters[ilvl] = overrides.get(ilvl, level.start) if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        text = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token in text:
                lv = levels.get(k, Level())
                value = counters[k] if counters[k] is not None else overrides.get(k, lv.start)
                # "1.1" style multi-level numbers show the upper levels in decimal when asked to
                text = text.replace(token, format_number(value or 0, lv.fmt))
        return text, level.suffix
