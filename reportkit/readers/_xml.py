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
_DECLARATION_STR = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


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


def parse_part(data: bytes, *, part: str, path: str, limits: Limits) -> etree._Element:
    """The root element of an XML part; UnsafeInputError, CorruptFileError or InputTooLargeError otherwise."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        try:
            declared = _DECLARATION_STR.search(data.decode("utf-16")) is not None
        except UnicodeDecodeError:
            raise CorruptFileError(f"{part}: undecodable UTF-16 XML", path=path) from None
    else:
        declared = _DECLARATION.search(data) is not None
    if declared:
        raise UnsafeInputError(f"{part} declares a DOCTYPE or ENTITY (refused, never expanded)", path=path)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as e:
        if "depth" in (e.msg or "").lower():  # libxml2 stops at 256 levels without huge_tree; so do we
            raise CorruptFileError(f"{part} nests elements more than 256 deep (refused)", path=path) from None
        raise CorruptFileError(f"{part} is not well-formed XML: {one_line(e.msg)}", path=path) from None
    if root is None:
        raise CorruptFileError(f"{part} is empty", path=path)
    for n, _ in enumerate(root.iter()):
        if n >= limits.max_xml_elements:
            raise InputTooLargeError(
                f"{part} has over {limits.max_xml_elements} XML elements (Limits.max_xml_elements)", path=path
            )
    return root
