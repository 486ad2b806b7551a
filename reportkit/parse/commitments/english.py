"""English plans (the FreeCAD FPA shape): one commitment per bullet or sentence.

A Markdown plan section ("## Plans for 2024") and a budget estimate section ("### 2024
Budget Estimate") both say what next year holds; headings, images and one-word labels
("Income") are not commitments.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence

import attrs

from ...blocks import TableCell, TableRow
from ...model import Report

__all__ = ["TableItem", "budget_regions", "english_clauses", "forward_looking", "table_extents", "table_items"]

_HEADING = re.compile(r"(?m)^(#{1,6})[ \t]+(.*)$")
_BUDGET = re.compile(r"\bbudget\b|\bprojected (?:spending|income)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z*\[(\"'€$£])")
_BULLET = re.compile(r"^\s*(?:[*+-]|\d+[.)])\s+")
_IMAGE = re.compile(r"^\s*!\[")
_QUANTITY = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MIN_WORDS = 3
# What makes a sentence of a plan section a commitment rather than context: it looks ahead (will, plan, aim,
# expect …) or opens with a verb of doing (Hire an accountant, Expand to 60 families).
_FORWARD = re.compile(
    r"\b(?:will|shall|would like|wants?|plans?|planned|planning|aims?|intends?|expects?|seeks?|hope|hopefully"
    r"|going to|should|must|need to|determined|decided|continue|try|strive|projected|projecting|targets?|goals?"
    r"|next year|in the coming year)\b",
    re.IGNORECASE,
)
_DOING = re.compile(
    r"^(?:Expand|Hire|Hiring|Hold|Grow|Launch|Host|Reach|Fund|Award|Publish|Recruit|Double|Increase|Reduce|Raise"
    r"|Run|Open|Support|Establish|Establishing|Create|Build|Provide|Improve|Develop|Start|Complete|Deliver|Offer"
    r"|Add|Translate|Organi[sz]e|Set up|Setting up|Appoint|Write|Move|Migrate|Keep|Make)\b"
)


@attrs.frozen
class TableItem:
    """A budget or plan row of a Markdown table: its label cell and the cell of the plan year's column."""

    label: TableCell
    figure: TableCell


def table_extents(rows: Sequence[TableRow]) -> list[tuple[int, int]]:
    """Each table's span, from its header row to its last row (the delimiter row inside)."""
    spans: dict[int, tuple[int, int]] = {}
    for r in rows:
        lo, hi = spans.get(r.table, (r.start, r.end))
        spans[r.table] = (min(lo, r.start), max(hi, r.end))
    return sorted(spans.values())


def _figure_column(header: TableRow, body: Sequence[TableRow], plan_year: int | None) -> int | None:
    """The column of the plan year (its header names the year: ``2024``, ``Budget 2024``); a table whose header
    names no year at all, with one column of figures beside its labels, is read by that column."""
    year = re.compile(rf"\b{plan_year}\b") if plan_year is not None else None
    named = [i for i, c in enumerate(header.cells) if i and year is not None and year.search(c.text)]
    if named:
        return named[0]
    if any(_YEAR.search(c.text) for c in header.cells):
        return None  # the years of the past only
    figures = {i for r in body for i, c in enumerate(r.cells) if i and _QUANTITY.search(c.text)}
    return figures.pop() if len(figures) == 1 else None


def table_items(rows: Sequence[TableRow], region: tuple[int, int], plan_year: int | None) -> list[TableItem]:
    """The rows of the tables inside ``region`` that state a figure for the plan year; header rows are none."""
    out: list[TableItem] = []
    for table in sorted({r.table for r in rows}):
        mine = [r for r in rows if r.table == table and region[0] <= r.start < region[1]]
        if not mine or not mine[0].header:
            continue
        body = [r for r in mine if not r.header]
        col = _figure_column(mine[0], body, plan_year)
        if col is None:
            continue
        out += [TableItem(r.cells[0], r.cells[col]) for r in body
                if len(r.cells) > col and r.cells[0].text and _QUANTITY.search(r.cells[col].text)]
    return out


def forward_looking(sentence: str, plan_year: int | None = None) -> bool:
    """Whether an English sentence says what will be done, rather than what was or what is."""
    s = sentence.strip().lstrip("*_ ")
    return bool(
        _FORWARD.search(s) or _DOING.match(s) or (plan_year is not None and re.search(rf"\b{plan_year}\b", s))
    )





def budget_regions(text: str, report_year: int | None = None) -> list[tuple[int, int]]:
    """Each Markdown section whose heading names a budget, to the next heading of its level or above.

    A budget titled with the report's own year or an earlier one is history, not a plan.
    """
    heads = [(m.start(), len(m.group(1)), m.group(2)) for m in _HEADING.finditer(text)]
    out: list[tuple[int, int]] = []
    for i, (start, level, title) in enumerate(heads):
        years = [int(y) for y in _YEAR.findall(title)]
        if years and report_year is not None and max(years) <= report_year:
            continue
        if _BUDGET.search(title):
            end = next((s for s, lv, _t in heads[i + 1 :] if lv <= level), len(text))
            out.append((start, end))
    return out


def english_clauses(
    report: Report, region: tuple[int, int], tables: Sequence[tuple[int, int]] = ()
) -> Iterator[tuple[int, int]]:
    """The sentences and list items of an English plan; the lines of ``tables`` are left to :func:`table_items`."""
    text = report.text
    start, end = region
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        lo, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        if any(a <= lo < b for a, b in tables):
            continue
        if not body.strip() or _HEADING.match(body) or _IMAGE.match(body) or body.strip() in ("***", "---"):
            continue
        bullet = _BULLET.match(body)
        offset = lo + (bullet.end() if bullet else len(body) - len(body.lstrip()))
        chunk = text[offset : lo + len(body)]
        cuts = [0, *[m.end() for m in _SENTENCE_END.finditer(chunk)], len(chunk)]
        for a, b in itertools.pairwise(cuts):
            s, e = offset + a, offset + b
            while e > s and text[e - 1].isspace():
                e -= 1
            piece = text[s:e]
            if not (len(piece.split()) >= _MIN_WORDS or _QUANTITY.search(piece)):
                continue
            # a list item of a plan is a commitment; a sentence of its prose only when it looks ahead
            if bullet or forward_looking(piece, report.meta.plan_year):
                yield s, e
