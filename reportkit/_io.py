"""Writing output files whole or not at all, never over an input, and JSON text.

Every output goes to a hidden temporary file beside its target (``.NAME.XXXXXXXX.part``), held locked while it
is written, then renamed onto the target. Inside :func:`output_set` (what every CLI command runs in) the inputs
and the template are registered with :meth:`OutputSet.protect`, every output is checked against them before
anything is written, and the renames wait until the whole set is written: a command's outputs are all written
or none. A leftover of a run killed with ``kill -9`` is unlocked, and the next write of the same target removes it.
"""

from __future__ import annotations

import contextlib
import contextvars
import gc
import json
import os
import re
import stat
import sys
import tempfile
import traceback
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from .errors import OutputError, PathLike

try:  # POSIX: a temporary file is locked while it is written, so a leftover of a killed run is told apart
    import fcntl
except ImportError:  # pragma: no cover - Windows: leftovers are not cleaned up
    fcntl = None  # type: ignore[assignment]

# mkstemp's random part: 8 characters of [a-z0-9_]
_PART = "{prefix}[a-z0-9_]{{8}}\\.part"


class OutputSet:
    """The outputs of one command: checked against its inputs, renamed onto their targets together at the end."""

    def __init__(self) -> None:
        self._protected: list[tuple[Path, str, str]] = []  # (as given, realpath, what it is)
        self._claimed: dict[str, Path] = {}
        self._pending: list[tuple[Path, Path, int]] = []  # (temporary file, target, locked descriptor)
        self._made: list[Path] = []  # folders this set created, removed again when nothing is written

    def protect(self, path: PathLike | None, what: str = "an input") -> None:
        """Never write over ``path`` (an input, the template, a filled workbook) in this set."""
        if path is None or os.fspath(path) == "-":
            return
        p = Path(os.fspath(path))
        self._protected.append((p, os.path.realpath(p), what))

    def claim(self, path: PathLike | None) -> None:
        """Check an output named on the command line before any work is done; two outputs may not coincide."""
        if path is None or os.fspath(path) == "-":
            return
        target = self.check(path)
        real = os.path.realpath(target)
        if real in self._claimed:
            raise OutputError(f"is given twice as an output (also as {self._claimed[real]})", path=target)
        self._claimed[real] = target

    def check(self, path: PathLike) -> Path:
        """Refuse an output that is a folder or that is (or leads to) a protected file."""
        target = Path(os.fspath(path))
        if target.is_dir():
            raise OutputError("is a folder: name a file to write", path=target)
        real = os.path.realpath(target)
        for given, protected_real, what in self._protected:
            if real == protected_real or same_file(target, given):
                raise OutputError(
                    f"is {what} of this command ({given}): an output never replaces it", path=target
                )
        return target

    def _defer(self, tmp: Path, target: Path, fd: int) -> None:
        real = os.path.realpath(target)
        if any(os.path.realpath(t) == real for _, t, _ in self._pending):
            raise OutputError("is written twice by this command", path=target)
        self._pending.append((tmp, target, fd))

    def _commit(self) -> None:
        while self._pending:
            tmp, target, fd = self._pending[0]
            try:
                os.replace(tmp, target)
            except OSError as e:
                raise OutputError(f"cannot write: {e.strerror or e}", path=target) from None
            self._pending.pop(0)
            os.close(fd)

    def _discard(self) -> None:
        for tmp, _, fd in self._pending:
            tmp.unlink(missing_ok=True)
            os.close(fd)
        self._pending.clear()
        for folder in reversed(self._made):
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty


_CURRENT: contextvars.ContextVar[OutputSet | None] = contextvars.ContextVar("reportkit_outputs", default=None)


@contextlib.contextmanager
def output_set() -> Iterator[OutputSet]:
    """Collect the outputs written inside the block; rename them all when it succeeds, none when it fails.

    Nested sets join the outermost one (its protected paths hold for the inner writers too).
    """
    outer = _CURRENT.get()
    if outer is not None:
        yield outer
        return
    outs = OutputSet()
    token = _CURRENT.set(outs)
    try:
        yield outs
        outs._commit()
    finally:
        _CURRENT.reset(token)
        outs._discard()


def same_file(a: Path, b: Path) -> bool:
    """True if ``a`` and ``b`` name one file, however spelled (``./x/../a``, a symlink, a hard link)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _make_folder(folder: Path, outs: OutputSet | None) -> None:
    missing = []
    node = folder
    while not node.exists() and node != node.parent:
        missing.append(node)
        node = node.parent
    folder.mkdir(parents=True, exist_ok=True)
    if outs is not None:
        outs._made.extend(reversed(missing))


def remove_leftovers(target: Path) -> None:
    """Remove temporary files of ``target`` left by a killed run: ours by name, and no longer locked."""
    if fcntl is None:
        return
    folder = target.parent if str(target.parent) else Path(".")
    pattern = re.compile(_PART.format(prefix=re.escape(f".{target.name}.")))
    try:
        names = [n for n in os.listdir(folder) if pattern.fullmatch(n)]
    except OSError:
        return
    for name in names:
        path = folder / name
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue  # another run is writing it
        try:
            path.unlink()
        except OSError:
            pass
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_path(path: PathLike) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success rename it onto ``path``.

    On any exception the temporary file is removed and nothing is left at ``path``. Inside
    :func:`output_set` the target is first checked against the set's inputs, and the rename waits for the set.
    """
    outs = _CURRENT.get()
    target = outs.check(path) if outs is not None else Path(os.fspath(path))
    if outs is None and target.is_dir():
        raise OutputError("is a folder: name a file to write", path=target)
    if _is_stream(target):  # /dev/stdout, /dev/null, a named pipe: written as they are, never replaced
        try:
            yield target
        except OSError as e:
            _release(e)
            raise OutputError(f"cannot write: {e.strerror or e}", path=target) from None
        return
    if target.is_symlink():  # write through a link (/dev/stdout redirected to a file too), never replace it
        target = Path(os.path.realpath(target))
    folder = target.parent if str(target.parent) else Path(".")
    try:
        _make_folder(folder, outs)
        remove_leftovers(target)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as e:
        raise OutputError(f"cannot write here: {e.strerror or e}", path=target) from None
    tmp_path = Path(tmp)
    deferred = False
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        # mkstemp makes the file private (0600); an output is an ordinary file, so honour the umask.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_path, 0o666 & ~umask)
        yield tmp_path
        if outs is not None:
            outs._defer(tmp_path, target, fd)
            deferred = True
        else:
            os.replace(tmp_path, target)
    except OSError as e:
        _release(e)
        raise OutputError(f"cannot write: {e.strerror or e}", path=target) from None
    finally:
        if not deferred:
            tmp_path.unlink(missing_ok=True)
            os.close(fd)


def _is_stream(target: Path) -> bool:
    try:
        mode = os.stat(target).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _release(error: BaseException) -> None:
    """Let go of what a failed writer still holds, quietly.

    A writer that fails half way (a full disk) leaves a zipfile.ZipFile open in its frames; when that is
    collected, ``ZipFile.__del__`` tries to finish the archive, fails again and Python prints ``Exception
    ignored in …`` after our one error line. Clearing the frames here collects it now, with that noise muted.
    """
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        traceback.clear_frames(error.__traceback__)
        error.__traceback__ = None
        gc.collect()
    finally:
        sys.unraisablehook = hook


@contextlib.contextmanager
def atomic_open(path: PathLike, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:  # type: ignore[type-arg]
    """Open a temporary file for writing; it replaces ``path`` only when the block succeeds."""
    with atomic_path(path) as tmp:
        kwargs = {} if "b" in mode else {"encoding": encoding, "newline": ""}
        with open(tmp, mode, **kwargs) as f:  # type: ignore[call-overload]
            yield f


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output, a failure (a full device, ``> /dev/full``) as an OutputError."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _detach_stdout()
        raise
    except (OSError, UnicodeError) as e:
        _detach_stdout()
        cause = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise OutputError(f"cannot write: {cause}", path="<stdout>") from None


def _detach_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush at exit cannot fail and print a traceback."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


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
