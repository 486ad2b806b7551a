"""Zip containers (.docx, .xlsx) checked before anything is expanded.

Sizes in a zip's directory can lie, so members are also read with a hard cap (:func:`read_member`).
The drafting code reuses :func:`check_zip` for workbooks.
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib

from ..errors import CorruptFileError, PathLike, UnsafeInputError
from ..limits import DEFAULT_LIMITS, Limits
from ._xml import one_line

# Ratios only matter for members big enough to hurt: a 20 KB styles part may well compress 300:1.
_RATIO_FLOOR = 1024 * 1024
_CHUNK = 1024 * 1024
_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def open_zip(path: PathLike, limits: Limits | None = None) -> zipfile.ZipFile:
    """Open and check a zip; the caller closes it. Raises CorruptFileError or UnsafeInputError."""
    limits = limits or DEFAULT_LIMITS
    name = os.fspath(path)
    try:
        zf = zipfile.ZipFile(name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError) as e:
        raise CorruptFileError(
            f"not a valid zip archive (a .docx/.xlsx is one): {one_line(e)}", path=name
        ) from None
    except OSError as e:
        raise CorruptFileError(
            f"cannot open as a zip archive: {one_line(e.strerror or e)}", path=name
        ) from None
    try:
        _check(zf, name, limits)
    except BaseException:
        zf.close()
        raise
    return zf


def check_zip(path: PathLike, limits: Limits | None = None) -> None:
    """Refuse a zip that is not one, that would expand beyond ``limits`` (a zip bomb), or whose XML
    parts declare a DOCTYPE or ENTITY (whatever parser reads them next, nothing is expanded)."""
    with open_zip(path, limits) as zf:
        refuse_declarations(zf, path=os.fspath(path))


def refuse_declarations(zf: zipfile.ZipFile, *, path: str, skip: frozenset[str] = frozenset()) -> None:
    """UnsafeInputError when any XML part ([Content_Types].xml, .rels, headers …) but ``skip`` declares a
    DOCTYPE or ENTITY; the parts are read in pieces, never whole."""
    for info in zf.infolist():
        if info.filename not in skip and info.filename.lower().endswith(_XML_PARTS):
            _refuse_declarations(zf, info, path=path)


_XML_PARTS = (".xml", ".rels", ".vml")


def _refuse_declarations(zf: zipfile.ZipFile, info: zipfile.ZipInfo, *, path: str) -> None:
    tail = b""
    wide = False
    try:
        with zf.open(info) as f:
            while True:
                chunk = f.read(_CHUNK)
                if not chunk:
                    return
                if not tail and (b"\x00" in chunk[:4] or chunk[:2] in (b"\xff\xfe", b"\xfe\xff")):
                    wide = True  # UTF-16 or UTF-32: ASCII is its byte and NULs
                window = tail + (chunk.replace(b"\x00", b"") if wide else chunk)
                if _DECLARATION.search(window):
                    break
                tail = window[-16:]
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        ValueError,
        NotImplementedError,
        OSError,
        RuntimeError,
    ) as e:
        raise CorruptFileError(f"zip member {info.filename!r} is damaged: {one_line(e)}", path=path) from None
    raise UnsafeInputError(f"{info.filename} declares a DOCTYPE or ENTITY (refused, never expanded)", path=path)


def _check(zf: zipfile.ZipFile, name: str, limits: Limits) -> None:
    infos = zf.infolist()
    if len(infos) > limits.max_zip_members:
        raise UnsafeInputError(
            f"zip archive with {len(infos)} members, over the limit of {limits.max_zip_members} "
            "(Limits.max_zip_members)",
            path=name,
        )
    total = packed = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise CorruptFileError(
                f"encrypted zip member {info.filename!r}: remove the password first", path=name
            )
        total += info.file_size
        packed += info.compress_size
        if info.file_size > _RATIO_FLOOR and info.file_size > limits.max_zip_ratio * max(
            info.compress_size, 1
        ):
            raise UnsafeInputError(
                f"zip bomb: member {info.filename!r} expands {info.file_size // max(info.compress_size, 1)}:1 "
                f"to {info.file_size} bytes (Limits.max_zip_ratio = {limits.max_zip_ratio:g})",
                path=name,
            )
    if total > limits.max_unzipped_bytes:
        raise UnsafeInputError(
            f"zip archive expands to {total} bytes, over the limit of {limits.max_unzipped_bytes} "
            "(Limits.max_unzipped_bytes)",
            path=name,
        )
    if total > _RATIO_FLOOR and total > limits.max_zip_ratio * max(packed, 1):
        raise UnsafeInputError(
            f"zip bomb: the archive expands {total // max(packed, 1)}:1 "
            f"(Limits.max_zip_ratio = {limits.max_zip_ratio:g})",
            path=name,
        )


def read_member(zf: zipfile.ZipFile, member: str, *, path: str, limits: Limits) -> bytes:
    """A member's bytes, never more than the declared size or ``limits.max_unzipped_bytes``."""
    try:
        info = zf.getinfo(member)
    except KeyError:
        raise CorruptFileError(f"no {member} in the archive", path=path) from None
    cap = min(info.file_size, limits.max_unzipped_bytes)
    parts: list[bytes] = []
    size = 0
    try:
        with zf.open(info) as f:
            while True:
                chunk = f.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > cap:
                    raise UnsafeInputError(
                        f"zip member {member!r} expands beyond its declared size", path=path
                    )
                parts.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, OSError) as e:
        raise CorruptFileError(f"zip member {member!r} is damaged: {one_line(e)}", path=path) from None
    except RuntimeError as e:  # zipfile's "File is encrypted"
        raise CorruptFileError(f"zip member {member!r} cannot be read: {one_line(e)}", path=path) from None
    return b"".join(parts)
