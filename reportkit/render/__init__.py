"""Renderers: a comparison (or one report) turned into something a person reads. They only read.

Each output has its own module and one entry point of the ``Renderer`` shape:

    html.write_html(diff, path)      one self-contained page, side by side
    excel.write_xlsx(diff, path)     metrics with formulas, commitments, sections
    word.write_docx(diff, path)      this year's text as tracked changes over last year's
    terminal.render_diff(diff) / terminal.render_report(report)   plain text for the console

``write(diff, path)`` picks the renderer from the file's suffix. Importing this package loads none of them.
"""

from __future__ import annotations

import importlib
import os
from typing import Protocol

from ..comparison.records import ReportDiff
from ..errors import PathLike, UsageError

__all__ = ["WRITERS", "Renderer", "write"]


class Renderer(Protocol):
    """Writes a whole output file for a comparison, atomically (temp file, then rename)."""

    def __call__(self, diff: ReportDiff, path: PathLike, /) -> None: ...


WRITERS: dict[str, tuple[str, str]] = {
    ".html": ("reportkit.render.html", "write_html"),
    ".htm": ("reportkit.render.html", "write_html"),
    ".xlsx": ("reportkit.render.excel", "write_xlsx"),
    ".docx": ("reportkit.render.word", "write_docx"),
}


def writer_for(path: PathLike) -> Renderer:
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix not in WRITERS:
        raise UsageError(f"no renderer writes {suffix or 'files without a suffix'} "
                         f"(expected one of {', '.join(sorted(WRITERS))})", path=path)
    module, name = WRITERS[suffix]
    fn: Renderer = getattr(importlib.import_module(module), name)
    return fn


def write(diff: ReportDiff, path: PathLike) -> None:
    """Write ``diff`` to ``path`` with the renderer its suffix names (.html, .xlsx, .docx)."""
    writer_for(path)(diff, path)
