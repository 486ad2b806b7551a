"""The Word document: last year's text to this year's as real tracked changes, readable by LibreOffice."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import attrs
import pytest
from lxml import etree
from office import convert, pdf_text
from test_render_samples import make_diff

from reportkit.render.word import AUTHOR, write_docx, xml_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
WHEN = dt.datetime(2024, 2, 1, 9, 30, tzinfo=dt.UTC)


@pytest.fixture()
def docx(tmp_path: Path) -> Path:
    out = tmp_path / "d.docx"
    write_docx(make_diff(), out, date=WHEN)
    return out


def _body(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _text(p: etree._Element, *, accept: bool) -> str:
    """A paragraph's text with every revision accepted (or rejected)."""
    out = []
    for el in p.iter(f"{{{W}}}t", f"{{{W}}}delText"):
        inside_ins = any(a.tag == f"{{{W}}}ins" for a in el.iterancestors())
        deleted = el.tag == f"{{{W}}}delText"
        if (accept and not deleted) or (not accept and (deleted or not inside_ins)):
            out.append(el.text or "")
    return "".join(out)


def test_changes_are_revisions_by_reportkit_with_a_date(docx: Path) -> None:
    body = _body(docx)
    marks = body.findall(".//w:ins", NS) + body.findall(".//w:del", NS)
    assert body.findall(".//w:ins", NS) and body.findall(".//w:del", NS)
    assert {m.get(f"{{{W}}}author") for m in marks} == {AUTHOR}
    assert {m.get(f"{{{W}}}date") for m in marks} == {"2024-02-01T09:30:00Z"}
    ids = [m.get(f"{{{W}}}id") for m in marks]
    assert len(ids) == len(set(ids))
    for d in body.findall(".//w:del", NS):
        assert d.findall(".//w:delText", NS) and not d.findall(".//w:t", NS)


def test_accepting_all_gives_this_year_and_rejecting_all_gives_last_year(docx: Path) -> None:
    diff = make_diff()
    paras = _body(docx).findall(".//w:body/w:p", NS)
    accepted = "".join(_text(p, accept=True) for p in paras)
    rejected = "".join(_text(p, accept=False) for p in paras)
    for pair in diff.sentences:
        if pair.new is not None and not pair.new.text.startswith("（"):
            assert pair.new.text in accepted
        if pair.old is not None and not pair.old.text.startswith("（"):
            assert pair.old.text in rejected
    assert "全年审查规范性文件15件。" in accepted and "全年审查规范性文件12件。" in rejected
    assert "三、2024年工作思路" in accepted and "三、2023年工作思路" in rejected


def test_one_heading_per_aligned_section(docx: Path) -> None:
    body = _body(docx)
    styles = [p.find("w:pPr/w:pStyle", NS) for p in body.findall(".//w:body/w:p", NS)]
    headings = [s.get(f"{{{W}}}val") for s in styles if s is not None and s.get(f"{{{W}}}val").startswith("Heading")]
    assert len(headings) == len(make_diff().sections)
    assert {"Heading1", "Heading2"} <= set(headings)


def test_east_asian_font_is_set(docx: Path) -> None:
    with zipfile.ZipFile(docx) as z:
        styles = etree.fromstring(z.read("word/styles.xml"))
        settings = etree.fromstring(z.read("word/settings.xml"))
    fonts = styles.findall(".//w:style/w:rPr/w:rFonts", NS)
    assert "宋体" in {f.get(f"{{{W}}}eastAsia") for f in fonts}
    assert settings.find("w:trackRevisions", NS) is not None


def test_characters_xml_cannot_hold_are_dropped_not_fatal(tmp_path: Path) -> None:
    assert xml_text("a\x00b\x1bc\ufffe") == "abc"
    diff = make_diff()
    pair = diff.sentences[0]
    bad = attrs.evolve(pair, new=attrs.evolve(pair.new, text=pair.new.text + "\x07"), ops=())
    out = tmp_path / "d.docx"
    write_docx(attrs.evolve(diff, sentences=(bad, *diff.sentences[1:])), out)
    assert b"\x07" not in zipfile.ZipFile(out).read("word/document.xml")


@pytest.mark.libreoffice
def test_libreoffice_reads_the_revisions_and_prints_the_text(soffice: str, docx: Path, tmp_path: Path) -> None:
    pdf = convert(soffice, docx, "pdf", tmp_path)
    text = "".join(pdf_text(pdf).split())
    assert "执法人员" in text and "规范性文件" in text
    # LibreOffice prints revisions as marked: deleted text (only in last year's report) is still on the page.
    assert "基层法治建设有短板" in text and "数字法治" in text
