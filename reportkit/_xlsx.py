"""Cells that hold report text, for every workbook reportkit writes: text stays text, never a formula."""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

MAX_CELL = 32_767  # Excel's limit on characters in a cell
# What makes Excel read typed text as a formula (a tab or return before one, too)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean(value: Any) -> Any:
    """A string without the characters a cell cannot hold, cut to Excel's limit; anything else as it is."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL] if isinstance(value, str) else value


def keep_text(cell: Cell) -> Cell:
    """Keep a string cell a string: openpyxl would otherwise store "=…" as a formula (=HYPERLINK(…) in a
    report is data)."""
    value = cell.value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True  # and Excel keeps it text when someone edits the cell
    return cell
