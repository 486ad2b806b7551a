"""Plain text: bytes → str with the encoding found, newlines normalised.

Order of attempts (fast, and right for Chinese government text): a BOM (UTF-8, UTF-32, UTF-16); strict
UTF-8; UTF-16 without a BOM when every other byte is NUL; GB18030 (a superset of GBK and GB2312) when
the result looks like Chinese text; charset-normalizer for anything else. ``Report.text`` is the decoded
text with the BOM removed and ``\\r\\n`` / ``\\r`` turned into ``\\n``; nothing else is changed, so every
offset reportkit reports indexes that text.
"""

from __future__ import annotations

import codecs
import re

from ..errors import BinaryInputError, DecodingError, EmptyInputError, InputTooLargeError
from ..limits import Limits

# Containers that are sometimes saved or renamed as .txt: refuse them by name rather than as gibberish.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (.docx/.xlsx?)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc/.xls/.wps)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program (ELF)"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls other than tab, newline, vertical tab, form feed, carriage return and escape, plus DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# What Chinese (or English) report text is made of; GB18030 decodes nearly any byte soup, mostly into
# rare characters outside these ranges, which is how a wrong guess shows.
_COMMON = re.compile(
    r"[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u2100-\u218f\u2460-\u24ff\u2500-\u25ff"
    r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u0391-\u03c9\u0401-\u0451]"
)


def magic_name(data: bytes) -> str | None:
    for magic, name in MAGIC:
        if data.startswith(magic):
            return name
    return None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, *, path: str, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding)``: text with BOM stripped and newlines normalised.

    ``declared`` (an HTML page's charset) is tried first, strictly; a page that lies about its charset
    falls through to detection. Raises BinaryInputError or DecodingError.
    """
    marked = _by_bom(data, path)
    if marked is not None:
        return marked
    name = magic_name(data)
    if name:
        raise BinaryInputError(f"this is {name}, not text", path=path)
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
            if _plausible(text):
                return _checked(text, path), utf16
        except UnicodeDecodeError:
            pass
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryInputError(f"binary data (a NUL byte at byte {nul}), not text", path=path)
    if declared and ascii_compatible(declared):
        try:
            return _checked(data.decode(declared), path), declared
        except (UnicodeError, LookupError):
            pass  # a wrong or unknown declaration: detect instead
    return _detected(data, path)


def _by_bom(data: bytes, path: str) -> tuple[str, str] | None:
    """The text of a file that opens with a byte-order mark, in the encoding it names; None without one."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(enc), path), enc
            except UnicodeDecodeError as e:
                raise DecodingError(
                    f"cannot decode as {enc} (it starts with a {enc} byte-order mark): "
                    f"invalid data at byte {e.start + len(bom)}",
                    path=path,
                ) from None
    return None


def _detected(data: bytes, path: str) -> tuple[str, str]:
    """UTF-8 (a last character cut off is dropped), else GB18030 when plausible, else charset-normalizer."""
    try:
        return _checked(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    if utf8_error.reason == "unexpected end of data" and utf8_error.end == len(data):
        # a file cut off inside its last character (an interrupted download): keep what is whole
        return _checked(data[: utf8_error.start].decode("utf-8"), path), "utf-8"
    try:
        text = data.decode("gb18030")
        if _plausible(text):
            return _checked(text, path), "gb18030"
    except UnicodeDecodeError:
        pass
    guess = _charset_normalizer(data)
    if guess is not None:
        return _checked(guess[0], path), guess[1]
    bad = data[utf8_error.start]
    raise DecodingError(
        f"cannot decode: not UTF-8 (byte 0x{bad:02x} at byte {utf8_error.start}), nor GB18030/GBK, "
        "nor UTF-16; save it as UTF-8",
        path=path,
    )


# A page that names its charset in ASCII (<meta charset=…>) is in a charset that keeps ASCII as ASCII; a
# declaration of utf-16, utf-32 or an EBCDIC code page (cp037) over such bytes is wrong, as the HTML standard
# says too. The probe also refuses names that are no text encoding (punycode, idna, undefined, rot13).
_PROBE = b"<html><meta charset=utf-8><p>Report 2023, 100% done.</p></html>\n"
_NOT_FOR_PAGES = frozenset({"utf_7", "utf7", "utf-7"})


def ascii_compatible(encoding: str) -> bool:
    """Whether ``encoding`` is a text encoding that reads ASCII bytes as ASCII (so a page can declare it)."""
    try:
        info = codecs.lookup(encoding)
        if info.name in _NOT_FOR_PAGES or not getattr(info, "_is_text_encoding", True):
            return False
        return _PROBE.decode(info.name) == _PROBE.decode("ascii")
    except (UnicodeError, LookupError, ValueError, TypeError):
        return False


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 with no BOM shows as NULs all on one side: the high bytes of ASCII characters."""
    head = data[:65536]
    if len(head) < 4 or len(data) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    # CJK characters such as 一 (U+4E00) put a NUL on the other side too, so ask for a clear majority
    if odd >= 2 and odd >= 2 * even:
        return "utf-16-le"
    if even >= 2 and even >= 2 * odd:
        return "utf-16-be"
    return None


def _plausible(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return True
    return len(_COMMON.findall(sample)) >= 0.97 * len(sample)


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 4 * 1024 * 1024]).best()
    if best is None or best.encoding is None:
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeError, LookupError):
        return None


def _checked(text: str, path: str) -> str:
    """Newlines normalised; refused when it is control characters rather than text."""
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if controls > max(8, len(sample) // 100):
        raise BinaryInputError(
            f"binary data ({controls} control characters in the first {len(sample)} characters), not text",
            path=path,
        )
    return normalise_newlines(text)


def check_text(text: str, *, path: str, limits: Limits) -> None:
    """Empty, whitespace-only, or more characters than the parser is allowed to take."""
    if not text.strip():
        raise EmptyInputError("no text in the file (empty or only whitespace)", path=path)
    if len(text) > limits.max_chars:
        raise InputTooLargeError(
            f"{len(text)} characters of text, over the limit of {limits.max_chars} (Limits.max_chars)",
            path=path,
        )


def decode_checked(data: bytes, *, path: str, limits: Limits) -> tuple[str, str]:
    """The text of a plain-text file and the encoding it was in, refused when empty or over the limits."""
    if not data.strip():
        raise EmptyInputError(
            "empty file (0 bytes)" if not data else "no text in the file (only whitespace)", path=path
        )
    text, encoding = decode(data, path=path)
    check_text(text, path=path, limits=limits)
    return text, encoding
