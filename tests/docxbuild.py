"""Build small .docx files in code for tests (never commit binaries).

    from tests.docxbuild import P, build_docx, numbering_xml
    build_docx(tmp / "a.docx", ["一、总体情况", P("全面夯实基础", num=(1, 1)), [["索引号", "123"]]],
               numbering=numbering_xml())

Blocks are: a ``str`` (one plain paragraph), a :class:`P` (paragraph with a style or Word numbering),
or a list of rows (a table; each row a list of cell strings). :func:`raw_docx` writes any members as
given, for hostile files (no document part, DOCTYPE, bombs). The XML is written directly, not through
python-docx, so a file of 10,000 tables takes milliseconds.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import attrs

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_OVERRIDE = (
    '<Override PartName="/word/{part}.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{part}+xml"/>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
_REL = (
    '<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" '
    'Target="{kind}.xml"/>'
)


def doc_rels(kinds: Sequence[str]) -> str:
    """word/_rels/document.xml.rels pointing at the parts present (numbering, styles)."""
    rels = "".join(_REL.format(n=i + 1, kind=k) for i, k in enumerate(kinds))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
    )


@attrs.frozen
class P:
    """A paragraph: ``style`` is a style id (see :func:`styles_xml`); ``num`` is ``(numId, ilvl)``."""

    text: str
    style: str | None = None
    num: tuple[int, int] | None = None


Block = str | P | Sequence[Sequence[str]]


def paragraph_xml(p: str | P) -> str:
    p = P(p) if isinstance(p, str) else p
    ppr = ""
    if p.style or p.num:
        style = f'<w:pStyle w:val="{escape(p.style)}"/>' if p.style else ""
        num = f'<w:numPr><w:ilvl w:val="{p.num[1]}"/><w:numId w:val="{p.num[0]}"/></w:numPr>' if p.num else ""
        ppr = f"<w:pPr>{style}{num}</w:pPr>"
    run = f'<w:r><w:t xml:space="preserve">{escape(p.text)}</w:t></w:r>' if p.text else ""
    return f"<w:p>{ppr}{run}</w:p>"


def table_xml(rows: Sequence[Sequence[str]]) -> str:
    body = "".join(
        "<w:tr>" + "".join(f"<w:tc>{paragraph_xml(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl><w:tblPr/>{body}</w:tbl>"


def document_xml(body: str) -> str:
    """A whole word/document.xml around ``body`` (already XML)."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    )


def numbering_xml(
    levels: Sequence[tuple[str, str]] = (
        ("chineseCounting", "%1、"),
        ("chineseCounting", "(%2)"),
        ("decimal", "%3."),
    ),
) -> str:
    """numbering.xml with one list (numId 1): level i numbered ``levels[i] = (numFmt, lvlText)``.

    As in Word, ``%N`` in lvlText is the counter of level N (1-based): level 2 writes ``(%2)``.
    """
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{escape(text)}"/><w:suff w:val="nothing"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W_NS}">'
        f'<w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )


def styles_xml() -> str:
    """styles.xml with Heading1..3 (named "heading N") and a Chinese-named 标题 1 style ``a1``."""
    styles = (
        "".join(
            f'<w:style w:type="paragraph" w:styleId="Heading{i}"><w:name w:val="heading {i}"/></w:style>'
            for i in (1, 2, 3)
        )
        + '<w:style w:type="paragraph" w:styleId="a1"><w:name w:val="标题 1"/></w:style>'
    )
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W_NS}">{styles}</w:styles>'


def body_xml(blocks: Sequence[Block]) -> str:
    return "".join(paragraph_xml(b) if isinstance(b, (str, P)) else table_xml(b) for b in blocks)


def build_docx(
    path: Path, blocks: Sequence[Block], *, numbering: str | None = None, styles: str | None = None
) -> Path:
    """A valid .docx (Word and LibreOffice open it) holding ``blocks``."""
    members: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": RELS,
        "word/_rels/document.xml.rels": doc_rels(
            [k for k, v in (("numbering", numbering), ("styles", styles)) if v]
        ),
        "word/document.xml": document_xml(body_xml(blocks)),
    }
    overrides = ""
    if numbering:
        members["word/numbering.xml"] = numbering
        overrides += _OVERRIDE.format(part="numbering")
    if styles:
        members["word/styles.xml"] = styles
        overrides += _OVERRIDE.format(part="styles")
    members["[Content_Types].xml"] = CONTENT_TYPES.replace("</Types>", overrides + "</Types>")
    return raw_docx(path, members)


def raw_docx(path: Path, members: Mapping[str, str | bytes]) -> Path:
    """A zip holding exactly ``members`` (name → text or bytes), deflated."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path
