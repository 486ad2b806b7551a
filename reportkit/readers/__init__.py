"""file → SourceText. PLACEHOLDER dispatch until the readers' owner replaces it (UTF-8 text only)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from ..blocks import SourceText
from ..errors import MissingFileError, PathLike
from ..limits import DEFAULT_LIMITS, Limits


def read_source(path: PathLike, *, limits: Optional[Limits] = None) -> SourceText:
    limits = limits or DEFAULT_LIMITS
    p = Path(os.fspath(path))
    if not p.is_file():
        raise MissingFileError("no such file", path=p)
    text = p.read_text(encoding="utf-8-sig")
    return SourceText(text=text, format="text", path=str(p), encoding="utf-8")
