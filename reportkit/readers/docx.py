"""Word .docx: paragraphs and tables as lines, automatic numbering turned back into markers.

The zip is checked before anything is expanded (:mod:`._zip`) and every XML part is parsed without DTDs
or entities (:mod:`._xml`). A paragraph becomes one line (stripped: Word indents with full-width
spaces); a table row becomes ``cell | cell``; a paragraph with a Word heading style or outline level
is reported in ``SourceText.headings``.
"""

from __future__ import annotations

import functools
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from .. import lang
from ..blocks import Heading, SourceText
from ..errors import CorruptFileError, EmptyInputError, InputTooLargeError
from ..limits import Limits
from ._numbering import Numbering, W
from ._table import row_line, row_pairs
from ._xml import parse_part
from ._zip import open_zip, read_member, refuse_declarations

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


@functools.cache
def _heading_name() -> re.Pattern[str]:
    """A paragraph style that makes a heading: Heading 2, 标题 2 (lang/zh/headings.toml word_heading_style)."""
    return re.compile(lang.data("zh", "headings")["word_heading_style"], re.IGNORECASE)


# Subtrees whose text is not the paragraph's visible text (deleted runs, field codes, duplicates).
_SKIP = {W + "del", W + "delText", W + "instrText", W + "txbxContent", _MC_FALLBACK, W + "rPr", W + "pPr"}
_PARSED = frozenset({"word/document.xml", "word/numbering.xml", "word/styles.xml", "docProps/core.xml"})
_CJK_START = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


class _Styles:
    """Paragraph styles: numbering and heading level, following w:basedOn."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, etree._Element] = {}
        if root is not None:
            for st in root.iter(W + "style"):
                self._styles[st.get(W + "styleId") or ""] = st

    def _chain(self, style_id: str | None) -> Iterator[etree._Element]:
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen and len(seen) < 20:
            seen.add(style_id)
            st = self._styles[style_id]
            yield st
            based = st.find(W + "basedOn")
            style_id = based.get(W + "val") if based is not None else None

    def num_pr(self, style_id: str | None) -> tuple[str, int] | None:
        for st in self._chain(style_id):
            np = st.find(f"{W}pPr/{W}numPr")
            if np is not None:
                num = np.find(W + "numId")
                lvl = np.find(W + "ilvl")
                return (
                    (num.get(W + "val") or "") if num is not None else "",
                    _int(lvl.get(W + "val") if lvl is not None else None),
                )
        return None

    def heading_level(self, style_id: str | None) -> int | None:
        for st in self._chain(style_id):
            outline = st.find(f"{W}pPr/{W}outlineLvl")
            if outline is not None and _int(outline.get(W + "val")) < 9:
                return _int(outline.get(W + "val")) + 1
            name = st.find(W + "name")
            m = _heading_name().match((name.get(W + "val") or "") if name is not None else "")
            if m:
                return int(m.group(1))
        return None


def _int(s: str | None) -> int:
    try:
        return int(s) if s is not None else 0
    except ValueError:
        return 0


class _Reader:
    def __init__(self, numbering: Numbering, styles: _Styles, *, path: str, limits: Limits) -> None:
        self.numbering = numbering
        self.styles = styles
        self.lines: list[str] = []
        self.levels: list[int | None] = []
        self.hints: dict[str, str] = {}
        self.path = path
        self.limits = limits
        self.size = 0  # characters of text so far: checked as it grows, so no document costs more than the limit

    def paragraph(self, p: etree._Element) -> tuple[str, int | None]:
        """The paragraph's text (marker first when Word numbers it) and its heading level."""
        ppr = p.find(W + "pPr")
        style_el = ppr.find(W + "pStyle") if ppr is not None else None
        style = style_el.get(W + "val") if style_el is not None else None
        pieces: list[str] = []
        stack = [iter(p)]
        while stack:
            el = next(stack[-1], None)
            if el is None:
                stack.pop()
                continue
            tag = el.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "t":
                pieces.append(el.text or "")
            elif tag == W + "tab":
                pieces.append("\t")
            elif tag in (W + "br", W + "cr"):
                pieces.append("\n")
            elif tag == W + "noBreakHyphen":
                pieces.append("-")
            elif tag == W + "p":  # a paragraph nested in a content control: its own line
                pieces.append("\n")
                stack.append(iter(el))
            elif len(el):
                stack.append(iter(el))
        text = "\n".join(line.strip() for line in "".join(pieces).split("\n")).strip()
        num = self._num_pr(ppr) or self.styles.num_pr(style)
        if num is not None and text:
            marker, suffix = self.numbering.marker(*num)
            if marker:
                gap = "" if suffix == "nothing" or _CJK_START.match(text) else " "
                text = marker + gap + text
        level = None
        outline = ppr.find(W + "outlineLvl") if ppr is not None else None
        if outline is not None and _int(outline.get(W + "val")) < 9:
            level = _int(outline.get(W + "val")) + 1
        elif style:
            level = self.styles.heading_level(style)
        return text, level

    @staticmethod
    def _num_pr(ppr: etree._Element | None) -> tuple[str, int] | None:
        np = ppr.find(W + "numPr") if ppr is not None else None
        if np is None:
            return None
        num = np.find(W + "numId")
        lvl = np.find(W + "ilvl")
        return (
            (num.get(W + "val") or "") if num is not None else "",
            _int(lvl.get(W + "val") if lvl is not None else None),
        )

    def add(self, text: str, level: int | None = None) -> None:
        self.size += len(text) + 1
        if self.size > self.limits.max_chars:
            raise InputTooLargeError(
                f"over {self.limits.max_chars} characters of text (Limits.max_chars)", path=self.path
            )
        for i, line in enumerate(text.split("\n")):
            if line:
                self.lines.append(line)
                self.levels.append(level if i == 0 else None)

    def table(self, tbl: etree._Element) -> None:
        for tr in tbl.iter(W + "tr"):
            if tr.getparent() is not tbl and _owner_table(tr) is not tbl:
                continue  # rows of nested tables are read as part of their cell
            cells: list[list[str]] = []
            for tc in tr.iter(W + "tc"):
                if _owner_row(tc) is not tr:
                    continue
                cells.append([t for t in (self.paragraph(p)[0] for p in tc.iter(W + "p")) if t])
            filled = [c for c in cells if c]
            if len(filled) == 1 and len(filled[0]) > 1:  # a one-cell box around ordinary paragraphs
                for t in filled[0]:
                    self.add(t)
                continue
            flat = [" ".join(c) for c in cells]
            if filled:
                self.add(row_line(flat))
            for k, v in row_pairs(flat):
                self.hints.setdefault(k, v)

    def body(self, body: etree._Element) -> None:
        stack = [iter(body)]
        while stack:
            el = next(stack[-1], None)
            if el is None:
                stack.pop()
                continue
            if el.tag == W + "p":
                self.add(*self.paragraph(el))
            elif el.tag == W + "tbl":
                self.table(el)
            elif el.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "smartTag"):
                stack.append(iter(el))


def _owner_table(el: etree._Element) -> etree._Element | None:
    node = el.getparent()
    while node is not None and node.tag != W + "tbl":
        node = node.getparent()
    return node


def _owner_row(el: etree._Element) -> etree._Element | None:
    node = el.getparent()
    while node is not None and node.tag != W + "tr":
        node = node.getparent()
    return node


def _optional_part(zf: zipfile.ZipFile, part: str, *, path: str, limits: Limits) -> etree._Element | None:
    if part not in zf.namelist():
        return None
    return parse_part(read_member(zf, part, path=path, limits=limits), part=part, path=path, limits=limits)


def read_docx(file: Path, *, path: str, limits: Limits) -> SourceText:
    with open_zip(file, limits) as zf:
        if "word/document.xml" not in zf.namelist():
            raise CorruptFileError("no word/document.xml in the archive: not a Word .docx", path=path)
        doc = parse_part(
            read_member(zf, "word/document.xml", path=path, limits=limits),
            part="word/document.xml",
            path=path,
            limits=limits,
        )
        tables = sum(1 for _ in doc.iter(W + "tbl"))
        if tables > limits.max_tables:
            raise InputTooLargeError(
                f"{tables} tables, over the limit of {limits.max_tables} (Limits.max_tables)", path=path
            )
        numbering = Numbering(
            _optional_part(zf, "word/numbering.xml", path=path, limits=limits), path=path, limits=limits
        )
        styles = _Styles(_optional_part(zf, "word/styles.xml", path=path, limits=limits))
        core = _optional_part(zf, "docProps/core.xml", path=path, limits=limits)
        # The parts not parsed here are refused too when they declare a DOCTYPE: the file promises none.
        refuse_declarations(zf, path=path, skip=_PARSED)
    body = doc.find(W + "body")
    if body is None:
        raise CorruptFileError("word/document.xml has no w:body", path=path)
    reader = _Reader(numbering, styles, path=path, limits=limits)
    reader.body(body)
    text = "\n".join(reader.lines)
    if not text.strip():
        raise EmptyInputError("no text in the Word document", path=path)
    if len(text) > limits.max_chars:
        raise InputTooLargeError(
            f"{len(text)} characters of text, over the limit of {limits.max_chars} (Limits.max_chars)",
            path=path,
        )
    headings: list[Heading] = []
    offset = 0
    for line, level in zip(reader.lines, reader.levels, strict=False):
        if level is not None:
            headings.append(Heading(start=offset, level=level))
        offset += len(line) + 1
    hints = dict(reader.hints)
    title = core.find("{http://purl.org/dc/elements/1.1/}title") if core is not None else None
    if title is not None and title.text and title.text.strip():
        hints.setdefault("title", title.text.strip())
    return SourceText(
        text=text, format="docx", path=path, encoding=None, meta_hints=hints, headings=tuple(headings)
    )
