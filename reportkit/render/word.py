"""A Word document of this year's text as tracked changes over last year's.

Every difference is a real revision (``w:ins`` / ``w:del`` by author "reportkit"), so Word and LibreOffice
list them, and an editor can accept or reject each one: accepting all gives this year's sentences,
rejecting all gives last year's. One heading per aligned section, one paragraph per section's sentences.
The XML is built as lxml elements through python-docx (never as strings), and every run carries an East
Asian font so Chinese text does not fall back to a Latin face.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re
from collections.abc import Iterator

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from lxml.etree import SubElement, _Element

from .._io import atomic_path
from ..comparison.records import ReportDiff, SentencePair, TextOp
from ..errors import PathLike
from . import _view
from ._text import heading_redline, redline, report_label
from ._words import Words

AUTHOR = "reportkit"
_R, _T, _DEL_TEXT, _SPACE = qn("w:r"), qn("w:t"), qn("w:delText"), qn("xml:space")
_ID, _AUTHOR, _DATE = qn("w:id"), qn("w:author"), qn("w:date")
BODY_FONT, BODY_EAST_ASIA = "Times New Roman", "宋体"
HEADING_EAST_ASIA = "黑体"
_AFTER_TRACK_REVISIONS = tuple(f"w:{n}" for n in (
    "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride", "styleLockTheme",
    "styleLockQFSet", "defaultTabStop", "autoHyphenation", "consecutiveHyphenLimit", "hyphenationZone",
    "doNotHyphenateCaps", "showEnvelope", "summaryLength", "clickAndTypeStyle", "defaultTableStyle",
    "evenAndOddHeaders", "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery", "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning", "characterSpacingControl",
    "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
    "compat", "rsids", "mathPr", "themeFontLang", "clrSchemeMapping", "doNotAutoCompressPictures",
    "shapeDefaults", "decimalSymbol", "listSeparator",
))


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(s: str) -> str:
    """``s`` without the characters XML 1.0 cannot hold (lxml refuses them; a report may contain them)."""
    return _NOT_XML.sub("", s)


def _set_fonts(rpr: _Element, latin: str, east_asia: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if qn(theme) in fonts.attrib:
            del fonts.attrib[qn(theme)]  # a theme font would override the names set here
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def _styles(doc: DocumentObject) -> None:
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    _set_fonts(normal.element.get_or_add_rPr(), BODY_FONT, BODY_EAST_ASIA)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        _set_fonts(doc.styles[name].element.get_or_add_rPr(), BODY_FONT, HEADING_EAST_ASIA)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(lang)


class _Revisions:
    """Makes runs and revision marks; every revision gets its own id and the same author and date."""

    def __init__(self, date: _dt.datetime) -> None:
        self.date = date.astimezone(_dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.ids: Iterator[int] = itertools.count(1)

    @staticmethod
    def run(parent: _Element, text: str, *, deleted: bool = False) -> None:
        # SubElement rather than python-docx's OxmlElement: a long report has thousands of runs, and this is
        # several times cheaper for the same element.
        t = SubElement(SubElement(parent, _R), _DEL_TEXT if deleted else _T)
        t.set(_SPACE, "preserve")
        t.text = xml_text(text)

    def mark(self, parent: _Element, kind: str, text: str) -> None:
        el = SubElement(parent, qn(f"w:{kind}"))
        el.set(_ID, str(next(self.ids)))
        el.set(_AUTHOR, AUTHOR)
        el.set(_DATE, self.date)
        self.run(el, text, deleted=kind == "del")

    def append(self, paragraph: Paragraph, ops: tuple[TextOp, ...]) -> None:
        p = paragraph._p
        for op in ops:
            if op.op == "equal":
                if op.new:
                    self.run(p, op.new)
                continue
            if op.old:
                self.mark(p, "del", op.old)
            if op.new:
                self.mark(p, "ins", op.new)


def build_document(diff: ReportDiff, *, date: _dt.datetime | None = None) -> DocumentObject:
    doc = Document()
    _styles(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(26)
    section.top_margin, section.bottom_margin = Mm(30), Mm(28)
    rev = _Revisions(date or _dt.datetime.now(_dt.UTC))

    t = Words(diff.new.meta.language)
    doc.add_paragraph(xml_text(report_label(diff.new.meta) or t("docx_title")), style="Title")
    old_label = report_label(diff.old.meta) or t("last_years_report")
    intro = t("docx_intro", old_label, AUTHOR)
    doc.add_paragraph().add_run(xml_text(intro)).italic = True
    # Looking a style up by name scans every style of the document; do it once per level, not per heading.
    heading_ids = {level: doc.styles[f"Heading {level}"].style_id for level in (1, 2, 3)}
    for group in _view.group_by_section(diff):
        if group.pair is not None and not group.continued:
            heading = doc.add_paragraph()
            heading._p.style = heading_ids[min(group.level, 3)]
            rev.append(heading, heading_redline(group.pair))
        body: Paragraph | None = None
        last = {"old": -1, "new": -1}
        for sp in group.sentences:
            if body is None or _starts_line(sp, diff, last):
                body = doc.add_paragraph()
            rev.append(body, redline(sp))
    settings = doc.settings.element
    if settings.find(qn("w:trackRevisions")) is None:
        # Edits made after opening are tracked too, so the reviewer's changes stay apart from ours. Word
        # insists on the schema's element order, hence the insertion before the elements that follow it.
        settings.insert_element_before(OxmlElement("w:trackRevisions"), *_AFTER_TRACK_REVISIONS)
    return doc


def _starts_line(sp: SentencePair, diff: ReportDiff, last: dict[str, int]) -> bool:
    """Whether the sentence opens a new paragraph in its report, so the document keeps the source's paragraphs.

    The new report decides; a sentence only in the old report follows the old one. ``last`` holds where the
    previous sentence of each side ended.
    """
    breaks = False
    for side, sentence, report in (("new", sp.new, diff.new), ("old", sp.old, diff.old)):
        if sentence is None:
            continue
        gap = report.text[last[side]:sentence.start] if last[side] >= 0 else ""
        last[side] = sentence.end
        breaks = breaks or ("\n" in gap and (side == "new" or sp.new is None))
    return breaks


def write_docx(diff: ReportDiff, path: PathLike, *, date: _dt.datetime | None = None) -> None:
    """Write the tracked-changes document to ``path`` whole or not at all."""
    doc = build_document(diff, date=date)
    with atomic_path(path) as tmp:
        doc.save(str(tmp))
