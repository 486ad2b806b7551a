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
class SourceText:
    text: str
    format: str  # "text" | "html" | "docx" | "markdown"
    path: str | None = None
    encoding: str | None = None
    # metadata read by the reader itself (front matter, <title>, <meta>): key → value
    meta_hints: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    headings: tuple[Heading, ...] = ()
