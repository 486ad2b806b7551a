"""file → SourceText: the one entry point the parser uses.

The file's size is checked before it is read whole; the format comes from the extension, or from the
content when the extension says nothing (a zip is a .docx, ``<html`` a page, anything else text).
Every failure is an InputError subclass naming the file; no lxml or python-docx object leaves this package.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import attrs

from ..blocks import SourceText
from ..errors import (
    InputError,
    InputTooLargeError,
    MissingFileError,
    PathLike,
    UnsupportedFormatError,
    shown_path,
)
from ..limits import DEFAULT_LIMITS, Limits

__all__ = ["READ_EXTENSIONS", "REFUSED_EXTENSIONS", "check_zip", "read_source", "sniff_format"]

Reader = Callable[[bytes, str, Limits], SourceText]

_BY_EXTENSION = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".docx": "docx",
    ".docm": "docx",
}
_REFUSED = {
    ".pdf": "PDF is not read: save the report as .docx or copy its text into a .txt",
    ".doc": "old Word .doc is not read: save it as .docx",
    ".wps": "WPS .wps is not read: save it as .docx",
    ".xls": "a spreadsheet is not a report (use `reportkit fill` for a filled workbook)",
    ".xlsx": "a spreadsheet is not a report (use `reportkit fill` for a filled workbook)",
    ".rtf": "RTF is not read: save it as .docx",
}
# What a folder walk picks up (reportkit corpus): the extensions read, and those refused with a reason.
READ_EXTENSIONS = frozenset(_BY_EXTENSION)
REFUSED_EXTENSIONS = frozenset(_REFUSED)


def read_source(path: PathLike, *, limits: Limits | None = None) -> SourceText:
    """Read ``path`` (.txt, .md, .html/.htm, .docx; others by content) within ``limits``.

    ``SourceText.path`` is the name as a printable string (a name that is not UTF-8 shows its bytes as ``\\xc4``),
    so the JSON and every rendering of the report can hold it.
    """
    source = _read_source(path, limits or DEFAULT_LIMITS)
    shown = shown_path(source.path) if source.path is not None else None
    return source if shown == source.path else attrs.evolve(source, path=shown)


def _read_source(path: PathLike, limits: Limits) -> SourceText:
    p = Path(os.fspath(path))
    name = str(p)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise MissingFileError("no such file", path=name) from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=name) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError("is a folder, not a file", path=name)
    if not stat.S_ISREG(st.st_mode):  # a FIFO would block, /dev/zero never ends
        raise InputError("not a regular file (a device or pipe?)", path=name)
    if st.st_size > limits.max_bytes:
        raise InputTooLargeError(
            f"{st.st_size} bytes, over the limit of {limits.max_bytes} (Limits.max_bytes; CLI --max-bytes)",
            path=name,
        )
    ext = p.suffix.lower()
    if ext in _REFUSED:
        raise UnsupportedFormatError(_REFUSED[ext], path=name)
    fmt = _BY_EXTENSION.get(ext)
    if fmt == "docx" or (fmt is None and _is_zip(p)):
        from .docx import read_docx

        return read_docx(p, path=name, limits=limits)
    try:
        with open(p, "rb") as f:
            data = _read_at_most(f, limits.max_bytes + 1, expected=st.st_size)
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=name) from None
    if len(data) > limits.max_bytes:  # it grew after stat
        raise InputTooLargeError(f"over the limit of {limits.max_bytes} bytes (Limits.max_bytes)", path=name)
    return _READERS[fmt or sniff_format(data)](data, name, limits)


def check_zip(path: PathLike, limits: Limits | None = None) -> None:
    """The zip checks of a .docx or .xlsx (:func:`._zip.check_zip`); loaded on first use, so that reading a
    .txt loads no XML library."""
    from ._zip import check_zip as check

    check(path, limits)


def _read_at_most(f: BinaryIO, cap: int, *, expected: int) -> bytes:
    """Up to ``cap`` bytes, read in pieces: one read of ``cap`` would allocate ``cap`` bytes up front."""
    parts = [f.read(min(cap, expected + 1))]
    size = len(parts[0])
    while size < cap and len(parts[-1]):
        parts.append(f.read(min(cap - size, 1 << 20)))
        size += len(parts[-1])
    return b"".join(parts)


def sniff_format(data: bytes) -> str:
    """Format of content with no telling extension: "docx" (zip), "html" or "text"."""
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]:
        return "html"
    return "text"


def _is_zip(p: Path) -> bool:
    try:
        with open(p, "rb") as f:
            return f.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _text(data: bytes, path: str, limits: Limits) -> SourceText:
    from .plain import read_text

    return read_text(data, path=path, limits=limits)


def _markdown(data: bytes, path: str, limits: Limits) -> SourceText:
    from .markdown import read_markdown

    return read_markdown(data, path=path, limits=limits)


def _html(data: bytes, path: str, limits: Limits) -> SourceText:
    from .html import read_html

    return read_html(data, path=path, limits=limits)


def _docx_bytes(data: bytes, path: str, limits: Limits) -> SourceText:
    from .docx import read_docx

    return read_docx(Path(path), path=path, limits=limits)


_READERS: dict[str, Reader] = {"text": _text, "markdown": _markdown, "html": _html, "docx": _docx_bytes}
