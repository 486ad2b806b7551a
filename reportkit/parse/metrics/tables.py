"""Markdown tables read as tables: a figure in a cell is named by its row's label and, when the column is about
another year than the report's, by that year.

``| Donations | €30,000 | €50,000 |`` under ``| | 2021 | 2022 |`` in the 2022 report gives €50,000 the label
``Donations`` (the report's own year) and €30,000 ``Donations (2021)``. markdown-it-py finds the tables (never in
code blocks, with the GitHub pipe-table rules); the cells are cut from the source lines, so offsets stay exact.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from typing import TYPE_CHECKING

import attrs

from ..._markup import plain

if TYPE_CHECKING:  # markdown-it-py loads with the first Markdown table, not for every plain-text report
    from markdown_it import MarkdownIt

__all__ = ["Cell", "table_cells"]

_YEAR = re.compile(r"^(?:FY\s?)?((?:19|20)\d{2})$")
_PIPE = re.compile(r"(?<!\\)\|")


@attrs.frozen
class Cell:
    start: int
    end: int
    row: str  # the row's label (its first cell), markup removed
    column: str  # the column's header, markup removed
    year: int | None  # the column's year, when the header is one


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def _cells(line: str, offset: int) -> list[tuple[int, int]]:
    bounds = [m.start() for m in _PIPE.finditer(line)]
    if not line.lstrip().startswith("|"):
        bounds.insert(0, -1)
    if not line.rstrip().endswith("|") or (bounds and bounds[-1] < len(line.rstrip()) - 1):
        bounds.append(len(line))
    return [(offset + a + 1, offset + b) for a, b in itertools.pairwise(bounds)]


def table_cells(text: str) -> list[Cell]:
    """Every body cell after the first column of every table of ``text``, in text order."""
    if "|" not in text:
        return []
    line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
    out: list[Cell] = []
    for token in _parser().parse(text):
        if token.type != "table_open" or token.map is None:
            continue
        first, last = token.map
        ends = [*(s - 1 for s in line_starts[1:]), len(text)]
        lines = [(line_starts[i], text[line_starts[i] : ends[i]]) for i in range(first, last)]
        header = [plain(text[a:b].strip()) for a, b in _cells(lines[0][1], lines[0][0])]
        for start, line in lines[2:]:
            spans = _cells(line, start)
            if len(spans) < 2:
                continue
            row = plain(text[spans[0][0] : spans[0][1]].strip())
            for k, (a, b) in enumerate(spans[1:], start=1):
                column = header[k] if k < len(header) else ""
                year = _YEAR.match(column)
                out.append(Cell(a, b, row, column, int(year.group(1)) if year else None))
    return out


def cell_at(cells: list[Cell], starts: list[int], offset: int) -> Cell | None:
    i = bisect.bisect_right(starts, offset) - 1
    return cells[i] if i >= 0 and cells[i].start <= offset < cells[i].end else None


def cell_label(cell: Cell, report_year: int | None) -> str:
    """``Donations`` for the report's own year (or a column that names no year), ``Donations (2021)`` for
    another year's, ``Budget — Income`` for a column named otherwise."""
    if cell.year is not None:
        return cell.row if cell.year == report_year else f"{cell.row} ({cell.year})"
    return f"{cell.row} — {cell.column}" if cell.column else cell.row
