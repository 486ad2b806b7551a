"""Build the bundled Word templates with python-docx, so they can be regenerated and reviewed as code.

    python templates/build_templates.py        # rewrites templates/*.docx

fazhi-report.docx follows GB/T 9704-2012 (党政机关公文格式): A4; margins 37/35/28/26 mm; title
方正小标宋简体 22 pt centred; body 仿宋_GB2312 16 pt on a fixed 28.9 pt line (22 lines a page);
一、 headings 黑体, （一） headings 楷体_GB2312, both 16 pt; page numbers “— 1 —” in 宋体 14 pt,
odd pages right and even pages left, one character in from the edge.
annual-report-en.docx is a plain English layout for annual reports such as the FreeCAD FPA's.
The context variables are documented in docs/templates.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import BaseStyle, ParagraphStyle
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent


# -- fonts and styles --------------------------------------------------------------
def set_fonts(rpr_owner: BaseStyle, latin: str, east_asian: str) -> None:
    """Latin and East Asian fonts: w:eastAsia is what Word and LibreOffice use for 汉字."""
    rpr = rpr_owner.element.get_or_add_rPr()
    _fonts(rpr, latin, east_asian)


def _fonts(rpr: BaseOxmlElement, latin: str, east_asian: str) -> None:
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)  # a theme font would win over the names below
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:eastAsia"), east_asian)


def _lang(rpr: BaseOxmlElement, east_asia: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), east_asia)


def _doc_defaults(doc: DocumentObject, latin: str, east_asian: str, east_asia_lang: str) -> None:
    styles = doc.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr, latin, east_asian)
    _lang(rpr, east_asia_lang)


def paragraph_style(
    doc: DocumentObject,
    name: str,
    *,
    latin: str,
    east_asian: str,
    size: float,
    line: float | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent_chars: float = 0,
    bold: bool = False,
    outline: int | None = None,
    before: float = 0,
    after: float = 0,
    keep_next: bool = False,
) -> ParagraphStyle:
    try:
        style = doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    if name != "Normal":
        style.base_style = doc.styles["Normal"]
        style.quick_style = True
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = RGBColor(0, 0, 0)
    set_fonts(style, latin, east_asian)
    pf = style.paragraph_format
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    if line:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(line)
    if align is not None:
        pf.alignment = align
    pf.first_line_indent = Pt(size * indent_chars) if indent_chars else Pt(0)
    pf.keep_with_next = keep_next
    if outline is not None:
        ppr = style.element.get_or_add_pPr()
        lvl = OxmlElement("w:outlineLvl")
        lvl.set(qn("w:val"), str(outline))
        ppr.append(lvl)
    return style


def character_style(
    doc: DocumentObject, name: str, *, latin: str, east_asian: str, bold: bool = False
) -> None:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    style.font.bold = bold
    set_fonts(style, latin, east_asian)


# -- footer with a PAGE field -------------------------------------------------------------
def _field_runs(paragraph: Paragraph, instruction: str) -> None:
    def char(kind: str) -> None:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(el)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    char("separate")
    paragraph.add_run("1")
    char("end")


def page_number(paragraph: Paragraph, style: str, align: WD_ALIGN_PARAGRAPH, dash: str) -> None:
    paragraph.style = style
    paragraph.alignment = align
    if dash:
        paragraph.add_run(dash + " ")
    _field_runs(paragraph, "PAGE")
    if dash:
        paragraph.add_run(" " + dash)


def _tag(doc: DocumentObject, text: str, style: str = "Normal") -> Paragraph:
    return doc.add_paragraph(text, style=style)


def _runs(doc: DocumentObject, style: str, *runs: tuple[str, str | None]) -> Paragraph:
    p = doc.add_paragraph(style=style)
    for text, char_style in runs:
        p.add_run(text, style=char_style)
    return p


def _table(
    doc: DocumentObject,
    headers: tuple[str, ...],
    cells: tuple[str, ...],
    style: str,
    widths: tuple[float, ...],
    loop: str = "c in checklist",
) -> None:
    """A table whose middle row repeats once per item ({%tr for c in checklist %} … {%tr endfor %})."""
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for i, w in enumerate(widths):
        table.columns[i].width = Mm(w)
    rows = table.rows
    for i, h in enumerate(headers):
        rows[0].cells[i].paragraphs[0].add_run(h).bold = True
    rows[1].cells[0].paragraphs[0].add_run("{%tr for " + loop + " %}")
    for i, c in enumerate(cells):
        rows[2].cells[i].paragraphs[0].add_run(c)
    rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    for row in rows:
        for i, cell in enumerate(row.cells):
            cell.width = Mm(widths[i])
            for p in cell.paragraphs:
                p.style = doc.styles[style]
    # Header row repeats on every page of the table.
    trpr = rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    trpr.append(el)


def _body_loop(doc: DocumentObject, body: str, h1: str, h2: str, bullet: str, runin: str) -> None:
    _tag(doc, "{%p for b in blocks %}")
    _tag(doc, "{%p if b.is_heading and b.level <= 1 %}")
    _tag(doc, "{{ b.heading }}", h1)
    _tag(doc, "{%p elif b.is_heading %}")
    _tag(doc, "{{ b.heading }}", h2)
    _tag(doc, "{%p elif b.is_bullet %}")
    _runs(doc, bullet, ("{{r b.rich }}", None))
    _tag(doc, "{%p elif b.heading and b.level == 2 %}")
    _runs(doc, body, ("{{ b.heading }}", runin), ("{{r b.rich }}", None))
    _tag(doc, "{%p else %}")
    _runs(doc, body, ("{{ b.heading }}", None), ("{{r b.rich }}", None))
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")


def _odd_even_footers(doc: DocumentObject, style: str, dash: str, indent: float) -> None:
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    odd = section.footer.paragraphs[0]
    page_number(odd, style, WD_ALIGN_PARAGRAPH.RIGHT, dash)
    odd.paragraph_format.right_indent = Pt(indent)
    even = section.even_page_footer.paragraphs[0]
    page_number(even, style, WD_ALIGN_PARAGRAPH.LEFT, dash)
    even.paragraph_format.left_indent = Pt(indent)


# -- the two templates ------------------------------------------------------------------
FANGSONG, HEITI, KAITI, XBS, SONG = "仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体"
LATIN_ZH = "Times New Roman"


def build_zh(path: Path) -> Path:
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    sec.header_distance, sec.footer_distance = Mm(15), Mm(21)
    _doc_defaults(doc, LATIN_ZH, FANGSONG, "zh-CN")
    line = 28.9  # 22 lines in the 225 mm type area
    paragraph_style(
        doc,
        "Normal",
        latin=LATIN_ZH,
        east_asian=FANGSONG,
        size=16,
        line=line,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        indent_chars=2,
    )
    paragraph_style(
        doc,
        "RK Title",
        latin=LATIN_ZH,
        east_asian=XBS,
        size=22,
        line=36,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=line,
        outline=0,
    )
    paragraph_style(
        doc,
        "RK Heading 1",
        latin=LATIN_ZH,
        east_asian=HEITI,
        size=16,
        line=line,
        indent_chars=2,
        outline=0,
        keep_next=True,
    )
    paragraph_style(
        doc,
        "RK Heading 2",
        latin=LATIN_ZH,
        east_asian=KAITI,
        size=16,
        line=line,
        indent_chars=2,
        outline=1,
        keep_next=True,
    )
    paragraph_style(doc, "RK Bullet", latin=LATIN_ZH, east_asian=FANGSONG, size=16, line=line, indent_chars=2)
    paragraph_style(
        doc,
        "RK Signature",
        latin=LATIN_ZH,
        east_asian=FANGSONG,
        size=16,
        line=line,
        align=WD_ALIGN_PARAGRAPH.RIGHT,
    )
    paragraph_style(doc, "RK Table", latin=LATIN_ZH, east_asian=FANGSONG, size=12, line=20)
    # The legend of the draft's shading: small, so it is not taken for report text.
    paragraph_style(doc, "RK Legend", latin=LATIN_ZH, east_asian=KAITI, size=12, line=20, after=10)
    paragraph_style(doc, "RK Page Number", latin=SONG, east_asian=SONG, size=14)
    character_style(doc, "RK Run-in Heading", latin=LATIN_ZH, east_asian=KAITI)

    _tag(doc, "{{ title }}", "RK Title")
    _runs(doc, "RK Legend", ("{{r legend }}", None))
    _body_loop(doc, "Normal", "RK Heading 1", "RK Heading 2", "RK Bullet", "RK Run-in Heading")
    _tag(doc, "{%p if signoff %}")
    _tag(doc, "", "RK Signature")
    _tag(doc, "{{ signoff }}", "RK Signature")
    _tag(doc, "{{ date_line }}", "RK Signature")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if targets %}")
    brk = doc.add_paragraph(style="RK Heading 1")
    brk.add_run().add_break(WD_BREAK.PAGE)
    brk.add_run("{{ targets_title }}")
    _table(
        doc,
        ("指标", "年度目标", "实际完成", "完成情况"),
        ("{{ t.label }}", "{{ t.target }}", "{{ t.value }}", "{{ t.met }}"),
        "RK Table",
        (70, 30, 30, 26),
        loop="t in targets",
    )
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if checklist %}")
    brk = doc.add_paragraph(style="RK Heading 1")
    brk.add_run().add_break(WD_BREAK.PAGE)
    brk.add_run("{{ checklist_title }}")
    _table(
        doc,
        ("序号", "上年工作任务", "进展", "完成情况", "佐证材料"),
        ("{{ c.number }}", "{{ c.text }}", "{{ c.mark }} {{ c.status }}", "{{ c.done }}", "{{ c.evidence }}"),
        "RK Table",
        (16, 62, 20, 36, 22),
    )
    _tag(doc, "{%p endif %}")
    _odd_even_footers(doc, "RK Page Number", "—", 16)
    doc.core_properties.title = "法治政府建设年度报告"
    doc.core_properties.author = "reportkit"
    doc.save(str(path))
    return path


def build_en(path: Path) -> Path:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin = sec.bottom_margin = Mm(25)
    sec.left_margin = sec.right_margin = Mm(25)
    serif, sans = "Times New Roman", "Arial"
    _doc_defaults(doc, serif, "Noto Serif CJK SC", "zh-CN")
    paragraph_style(
        doc,
        "Normal",
        latin=serif,
        east_asian="Noto Serif CJK SC",
        size=11,
        after=6,
        align=WD_ALIGN_PARAGRAPH.LEFT,
    )
    doc.styles["Normal"].paragraph_format.line_spacing = 1.15
    paragraph_style(
        doc,
        "RK Title",
        latin=sans,
        east_asian="Noto Sans CJK SC",
        size=20,
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=18,
        outline=0,
    )
    paragraph_style(
        doc,
        "RK Heading 1",
        latin=sans,
        east_asian="Noto Sans CJK SC",
        size=15,
        bold=True,
        before=14,
        after=6,
        outline=0,
        keep_next=True,
    )
    paragraph_style(
        doc,
        "RK Heading 2",
        latin=sans,
        east_asian="Noto Sans CJK SC",
        size=12.5,
        bold=True,
        before=10,
        after=4,
        outline=1,
        keep_next=True,
    )
    paragraph_style(doc, "RK Bullet", latin=serif, east_asian="Noto Serif CJK SC", size=11, after=3)
    doc.styles["RK Bullet"].paragraph_format.left_indent = Mm(6)
    doc.styles["RK Bullet"].paragraph_format.first_line_indent = Mm(-4)
    paragraph_style(doc, "RK Table", latin=serif, east_asian="Noto Serif CJK SC", size=9.5)
    paragraph_style(doc, "RK Legend", latin=serif, east_asian="Noto Serif CJK SC", size=9, after=10)
    doc.styles["RK Legend"].font.italic = True
    paragraph_style(
        doc,
        "RK Page Number",
        latin=serif,
        east_asian="Noto Serif CJK SC",
        size=10,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    character_style(doc, "RK Run-in Heading", latin=sans, east_asian="Noto Sans CJK SC", bold=True)

    _tag(doc, "{{ title }}", "RK Title")
    _runs(doc, "RK Legend", ("{{r legend }}", None))
    _tag(doc, "{%p for b in blocks %}")
    _tag(doc, "{%p if b.is_heading and b.level <= 2 %}")
    _tag(doc, "{{ b.heading }}", "RK Heading 1")
    _tag(doc, "{%p elif b.is_heading %}")
    _tag(doc, "{{ b.heading }}", "RK Heading 2")
    _tag(doc, "{%p elif b.is_bullet %}")
    _runs(doc, "RK Bullet", ("•\t", None), ("{{r b.rich }}", None))
    _tag(doc, "{%p else %}")
    _runs(doc, "Normal", ("{{ b.heading }}", "RK Run-in Heading"), ("{{r b.rich }}", None))
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if checklist %}")
    brk = doc.add_paragraph(style="RK Heading 1")
    brk.add_run().add_break(WD_BREAK.PAGE)
    brk.add_run("{{ checklist_title }}")
    _table(
        doc,
        ("#", "Last year's commitment", "Progress", "What was done", "Evidence"),
        ("{{ c.number }}", "{{ c.text }}", "{{ c.mark }} {{ c.status }}", "{{ c.done }}", "{{ c.evidence }}"),
        "RK Table",
        (10, 62, 22, 40, 26),
    )
    _tag(doc, "{%p endif %}")
    page_number(sec.footer.paragraphs[0], "RK Page Number", WD_ALIGN_PARAGRAPH.CENTER, "")
    doc.core_properties.title = "Annual report"
    doc.core_properties.author = "reportkit"
    doc.save(str(path))
    return path


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else HERE
    for built in (build_zh(out / "fazhi-report.docx"), build_en(out / "annual-report-en.docx")):
        print(f"wrote {built}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
