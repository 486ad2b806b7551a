"""XML parts of Office files, parsed safely: no DTD, no entities, no network, bounded size.

A DOCTYPE or ENTITY declaration has no business in a .docx part; one is refused outright (billion
laughs, external entities such as ``file:///etc/passwd``) rather than parsed with expansion turned off.
"""

from __future__ import annotations

import re

from lxml import etree

from ..errors import CorruptFileError, InputTooLargeError, UnsafeInputError
from ..limits import Limits

_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def one_line(cause: object, limit: int = 200) -> str:
    """A library's message as one line: libxml2 adds a second line quoting the document, which is dropped."""
    text = str(cause).strip()
    first = text.splitlines()[0] if text else type(cause).__name__
    first = " ".join(first.split())
    return first if len(first) <= limit else first[: limit - 1] + "…"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def declares(data: bytes) -> bool:
    """Whether XML bytes declare a DOCTYPE or ENTITY, in whatever Unicode encoding (UTF-8, -16, -32, LE or BE).

    In UTF-16 and UTF-32 an ASCII character is its byte plus NULs, so with the NULs taken out the
    declaration reads as in UTF-8.
    """
    head = data[:4]
    if b"\x00" in head or head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        data = data.replace(b"\x00", b"")
    return _DECLARATION.search(data) is not None


def parse_part(data: bytes, *, part: str, path: str, limits: Limits) -> etree._Element:
    """The root element of an XML part; UnsafeInputError, CorruptFileError or InputTooLargeError otherwise."""
    if declares(data):
        raise UnsafeInputError(f"{part} declares a DOCTYPE or ENTITY (refused, never expanded)", path=path)
    # Every element starts with "<" not followed by "/" (markup "<" is never escaped text): counted before a
    # tree of millions of elements is built. Comments and processing instructions count too, which is harmless.
    if b"\x00" not in data[:4] and data.count(b"<") - data.count(b"</") > limits.max_xml_elements:
        raise InputTooLargeError(
            f"{part} has over {limits.max_xml_elements} XML elements (Limits.max_xml_elements)", path=path
        )
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as e:
        if "depth" in (e.msg or "").lower():  # libxml2 stops at 256 levels without huge_tree; so do we
            raise CorruptFileError(f"{part} nests elements more than 256 deep (refused)", path=path) from None
        raise CorruptFileError(f"{part} is not well-formed XML: {one_line(e.msg)}", path=path) from None
    except (etree.LxmlError, ValueError) as e:  # an encoding libxml2 does not know, and the like
        raise CorruptFileError(f"{part} cannot be read as XML: {one_line(e)}", path=path) from None
    if root is None:
        raise CorruptFileError(f"{part} is empty", path=path)
    docinfo = root.getroottree().docinfo
    # an encoding the byte check cannot read (EBCDIC)
    if getattr(docinfo, "doctype", "") or docinfo.internalDTD is not None:
        raise UnsafeInputError(f"{part} declares a DOCTYPE or ENTITY (refused, never expanded)", path=path)
    for n, _ in enumerate(root.iter()):
        if n >= limits.max_xml_elements:
            raise InputTooLargeError(
                f"{part} has over {limits.max_xml_elements} XML elements (Limits.max_xml_elements)", path=path
            )
    return root
