"""One exception hierarchy: every failure reportkit reports derives from ReportkitError.

A message names the file and the problem, in one line, so the CLI can print it
as is. ``exit_code`` is what the CLI exits with (documented in docs/cli.md).
"""

from __future__ import annotations

import os
import re
from typing import Union

PathLike = Union[str, "os.PathLike[str]"]

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown_path(path: PathLike | bytes) -> str:
    """A file name as one printable line: bytes that are not UTF-8 (a GBK name) as ``\\xc4``, a newline as ``\\n``."""
    name = os.fsdecode(path)
    name = os.fsencode(name).decode("utf-8", "backslashreplace") if _has_surrogates(name) else name
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], name)


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


class ReportkitError(Exception):
    """Base of every error reportkit raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, path: PathLike | None = None) -> None:
        self.path = os.fspath(path) if path is not None else None
        self.message = message
        super().__init__(f"{shown_path(self.path)}: {message}" if self.path else message)


class UsageError(ReportkitError, ValueError):
    """An argument to the API or CLI is out of its range."""

    exit_code = 2


class InputError(ReportkitError):
    """An input file cannot be read as a report."""

    exit_code = 3


class MissingFileError(InputError, FileNotFoundError):
    pass


class EmptyInputError(InputError, ValueError):
    pass


class BinaryInputError(InputError, ValueError):
    pass


class DecodingError(InputError, ValueError):
    pass


class UnsupportedFormatError(InputError, ValueError):
    pass


class InputTooLargeError(InputError, ValueError):
    """Over a configurable limit (bytes, characters, elements)."""


class CorruptFileError(InputError, ValueError):
    """Not the container it claims to be (a .docx that is not a zip, no document part …)."""


class UnsafeInputError(InputError, ValueError):
    """A zip bomb, XML with DOCTYPE or entity declarations, and the like: refused, never expanded."""


class WorkbookError(ReportkitError, ValueError):
    """A filled data-collection workbook does not validate. Names sheet and cell."""

    exit_code = 4

    def __init__(
        self,
        message: str,
        *,
        path: PathLike | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        problems: tuple[str, ...] = (),
    ) -> None:
        self.sheet = sheet
        self.cell = cell
        self.problems = problems  # every problem found, one line each (fill checks every cell)
        where = f"{sheet}!{cell}: " if sheet and cell else (f"{sheet}: " if sheet else "")
        super().__init__(where + message, path=path)


class TemplateError(ReportkitError, ValueError):
    """A Word template that cannot be rendered (syntax error, undefined name, unsafe access)."""

    exit_code = 5


class OutputError(ReportkitError, OSError):
    """An output file cannot be written."""

    exit_code = 6


class ComparisonWarningError(ReportkitError, ValueError):
    """``reportkit diff --strict``: the two reports should not be compared as they are (two organisations,
    years reversed or not consecutive, the same text twice)."""

    exit_code = 7
