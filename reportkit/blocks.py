"""What a reader hands the parser: decoded text plus hints, no library objects.

``text`` becomes ``Report.text``; every offset reportkit reports indexes it.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs


@attrs.frozen
class Heading:
    """A hint that a line is a heading (Word heading style, Markdown ``#``)."""

    start: int  # offset of the line in SourceText.text
    level: int


@attrs.frozen
class TableCell:
    """A cell of a Markdown table: its characters in SourceText.text and its words without markup
    (escapes resolved, emphasis and link syntax dropped: ``FPADF \\| grants`` → ``FPADF | grants``)."""

    start: int
    end: int
    text: str


@attrs.frozen
class TableRow:
    """A row of a Markdown table (read by markdown-it-py): the line's span, whether it is the header row,
    its cells in order; ``table`` numbers the tables of the file, so rows of one table share it."""

    start: int
    end: int
    header: bool
    cells: tuple[TableCell, ...]
    table: int = 0


@attrs.frozen
class SourceText:
    text: str
    format: str  # "text" | "html" | "docx" | "markdown"
    path: str | None = None
    encoding: str | None = None
    # metadata read by the reader itself (front matter, <title>, <meta>): key → value
    meta_hints: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    headings: tuple[Heading, ...] = ()
    table_rows: tuple[TableRow, ...] = ()  # Markdown tables, row by row
