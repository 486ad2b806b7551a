"""Checks on an .xlsx container before openpyxl expands it: a zip, not a bomb, no macros.

openpyxl parses the XML parts with defusedxml when it is installed (``openpyxl.xml.DEFUSEDXML``);
we refuse to open workbooks at all without it, so a DOCTYPE or entity bomb is never expanded.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import InputError, WorkbookError
from ..limits import Limits


def check_xlsx(path: Path, limits: Limits) -> None:
    """Raise WorkbookError unless ``path`` is a plain .xlsx within ``limits``."""
    if path.suffix.lower() in (".xlsm", ".xltm", ".xlsb"):
        raise WorkbookError("macro-enabled or binary workbooks are refused; save it as .xlsx", path=path)
    if not path.is_file():
        raise WorkbookError("no such workbook", path=path)
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise WorkbookError(f"the workbook is {size} bytes, over the limit of {limits.max_bytes}", path=path)
    if not zipfile.is_zipfile(path):
        raise WorkbookError("not an .xlsx workbook (not a zip container)", path=path)
    from ..readers._zip import check_zip  # the readers' zip-bomb checks, shared with .docx

    try:
        check_zip(path, limits)
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except InputError as e:
        # One error class for every bad workbook, so `reportkit fill` exits 4 whatever is wrong with it.
        raise WorkbookError(e.message, path=path) from e
    except (zipfile.BadZipFile, OSError) as e:
        raise WorkbookError(f"not an .xlsx workbook ({e})", path=path) from e
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise WorkbookError("the workbook contains macros (vbaProject.bin): refused", path=path)
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/workbook") for n in names):
        raise WorkbookError("not an .xlsx workbook (no workbook part)", path=path)
    _require_defusedxml(path)


def _require_defusedxml(path: Path) -> None:
    from openpyxl import xml as oxml

    if not getattr(oxml, "DEFUSEDXML", False):
        raise WorkbookError(
            "defusedxml is not installed: refusing to parse workbook XML without it", path=path
        )
