"""Writing output files whole or not at all (a temporary file beside the target, then a rename), and JSON text."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from .errors import OutputError, PathLike


@contextlib.contextmanager
def atomic_path(path: PathLike) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success rename it onto ``path``.

    On any exception the temporary file is removed and nothing is left at ``path``.
    """
    target = Path(os.fspath(path))
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        os.close(fd)
    except OSError as e:
        raise OutputError(f"cannot write here: {e.strerror or e}", path=target) from e
    tmp_path = Path(tmp)
    try:
        # mkstemp makes the file private (0600); an output is an ordinary file, so honour the umask.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_path, 0o666 & ~umask)
        yield tmp_path
        os.replace(tmp_path, target)
    except OSError as e:
        tmp_path.unlink(missing_ok=True)
        raise OutputError(f"cannot write: {e.strerror or e}", path=target) from e
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_open(path: PathLike, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:  # type: ignore[type-arg]
    """Open a temporary file for writing; it replaces ``path`` only when the block succeeds."""
    with atomic_path(path) as tmp:
        kwargs = {} if "b" in mode else {"encoding": encoding, "newline": ""}
        with open(tmp, mode, **kwargs) as f:  # type: ignore[call-overload]
            yield f


_encode = json.JSONEncoder(ensure_ascii=False).encode


def json_text(data: Mapping[str, Any], *, indent: int | None = None) -> str:
    """``data`` as JSON text, Chinese as is.

    With ``indent`` every level is indented. Without it (the default) each top-level key starts a line and each
    entry of a top-level list has a line of its own: a file a person can read and compare line by line, written by
    json's C encoder (``indent`` makes json fall back to its pure-Python encoder, several times slower on a long
    comparison).
    """
    if indent is not None:
        return json.dumps(data, ensure_ascii=False, indent=indent)
    fields = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            entries = ",\n  ".join(map(_encode, value))
            fields.append(f"{_encode(key)}: [\n  {entries}\n ]")
        else:
            fields.append(f"{_encode(key)}: {_encode(value)}")
    return "{\n " + ",\n ".join(fields) + "\n}\n"
