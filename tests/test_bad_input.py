"""Bad and hostile input: every case gets an error from the hierarchy that names the file and the cause,
or a correct result where the input is legitimate; the CLI prints one line, never a traceback, and
leaves no partial output. Readers first; then filled workbooks (reportkit.draft.read_workbook), Word
templates (reportkit.draft.fill, in reportkit/draft/filling.py) and hostile report text through the HTML/Excel/Word writers."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import reportkit
from reportkit.errors import (
    BinaryInputError,
    CorruptFileError,
    DecodingError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MissingFileError,
    ReportkitError,
    UnsafeInputError,
    UnsupportedFormatError,
)
from reportkit.limits import Limits
from tests.docxbuild import P, build_docx, document_xml, raw_docx, table_xml

REPORT = "2022年，某区政府坚持依法行政。现将有关情况报告如下：\n一、主要成效\n办理案件402件，同比增长12.5%。\n二、2023年工作思路\n（一）加强监督。\n"
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
BILLION_LAUGHS = (
    LAUGHS + f"<w:document {W}><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"
)
XXE = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f"<w:document {W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)

Make = Callable[[Path], Path]


def write(name: str, data: bytes) -> Make:
    def make(d: Path) -> Path:
        (d / name).write_bytes(data)
        return d / name

    return make


def docx(name: str, members: dict[str, str | bytes]) -> Make:
    def make(d: Path) -> Path:
        base = {"[Content_Types].xml": "<Types/>", "_rels/.rels": "<Relationships/>"}
        return raw_docx(d / name, {**base, **members})

    return make


def sparse(name: str, size: int) -> Make:
    """A file of ``size`` bytes made instantly (a hole, not 50 MB of writes)."""

    def make(d: Path) -> Path:
        with open(d / name, "wb") as f:
            f.truncate(size)
        return d / name

    return make


def zip_bomb(d: Path) -> Path:
    """30 MB of zeros deflated to ~30 KB: a 1000:1 ratio, refused before a byte is expanded."""
    p = d / "bomb.docx"
    zeros = bytes(1 << 20)
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as f:
            for _ in range(30):
                f.write(zeros)
    return p


def many_tables(d: Path) -> Path:
    return raw_docx(
        d / "tables.docx",
        {
            "word/document.xml": document_xml(
                "".join(table_xml([[f"项目{i}", f"{i * 7919 % 10007}件"]]) for i in range(10_000))
            )
        },
    )


def nested_divs(d: Path) -> Path:
    html = (
        "<html><body>"
        + "<div>" * 10_000
        + "深处的文字"
        + "</div>" * 10_000
        + "<p>二、之后的文字</p></body></html>"
    )
    (d / "deep.html").write_text(html, encoding="utf-8")
    return d / "deep.html"


def folder(d: Path) -> Path:
    (d / "dir.txt").mkdir()
    return d / "dir.txt"


# (id, make, expected error or None for a correct result, limits, check of the text when read)
CASES: list[tuple[str, Make, type[ReportkitError] | None, Limits | None, Callable[[str], bool] | None]] = [
    ("empty-txt", write("e.txt", b""), EmptyInputError, None, None),
    ("whitespace-txt", write("w.txt", " \n\t\r\n\u3000 ".encode()), EmptyInputError, None, None),
    ("empty-md", write("e.md", b"\n\n"), EmptyInputError, None, None),
    ("empty-html", write("e.html", b""), EmptyInputError, None, None),
    (
        "html-only-script",
        write("s.html", b"<html><script>alert(1)</script></html>"),
        EmptyInputError,
        None,
        None,
    ),
    ("empty-docx-body", lambda d: build_docx(d / "e.docx", ["", " "]), EmptyInputError, None, None),
    ("binary-nul", write("b.txt", bytes(range(256)) * 8), BinaryInputError, None, None),
    ("pdf-as-txt", write("r.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), BinaryInputError, None, None),
    ("png-as-md", write("r.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), BinaryInputError, None, None),
    ("zip-as-txt", write("r.txt", b"PK\x03\x04" + b"\x00" * 40), BinaryInputError, None, None),
    (
        "control-chars",
        write("c.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 0x0E, 0x0F]) * 50),
        BinaryInputError,
        None,
        None,
    ),
    (
        "invalid-utf8-mid",
        write("i.txt", REPORT.encode()[:30] + b"\xff\xfe\xfa" + REPORT.encode()[30:]),
        DecodingError,
        None,
        None,
    ),
    (
        "bad-utf16-after-bom",
        write("u.txt", b"\xff\xfe" + "一、".encode("utf-16-le") + b"\x00\xdc"),
        DecodingError,
        None,
        None,
    ),
    (
        "truncated-utf8",
        write("t.txt", REPORT.encode()[:-1] + "报".encode()[:2]),
        None,
        None,
        lambda t: t == REPORT[:-1],
    ),
    ("gbk-txt", write("g.txt", REPORT.encode("gbk")), None, None, lambda t: t == REPORT),
    (
        "gb18030-txt",
        write("g.txt", (REPORT + "𠀀").encode("gb18030")),
        None,
        None,
        lambda t: t == REPORT + "𠀀",
    ),
    (
        "utf16-le-bom",
        write("u.txt", b"\xff\xfe" + REPORT.encode("utf-16-le")),
        None,
        None,
        lambda t: t == REPORT,
    ),
    (
        "utf16-be-bom",
        write("u.txt", b"\xfe\xff" + REPORT.encode("utf-16-be")),
        None,
        None,
        lambda t: t == REPORT,
    ),
    ("utf8-bom", write("u.txt", b"\xef\xbb\xbf" + REPORT.encode()), None, None, lambda t: t == REPORT),
    (
        "mixed-newlines",
        write(
            "m.txt",
            "".join(
                line + eol for line, eol in zip(REPORT.split("\n")[:-1], ["\r\n", "\r", "\n", "\r\n", "\r"])
            ).encode(),
        ),
        None,
        None,
        lambda t: t == REPORT,
    ),
    (
        "html-says-utf8-is-gbk",
        write("g.html", f'<meta charset="utf-8"><p>{REPORT}</p>'.encode("gbk")),
        None,
        None,
        lambda t: "办理案件402件" in t,
    ),
    (
        "html-gb2312",
        write(
            "g.html",
            f'<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>{REPORT}</p>'.encode(
                "gbk"
            ),
        ),
        None,
        None,
        lambda t: "二、2023年工作思路" in t,
    ),
    ("txt-50MB", sparse("big.txt", 50 * 1024 * 1024), InputTooLargeError, None, None),
    ("docx-50MB", sparse("big.docx", 50 * 1024 * 1024), InputTooLargeError, None, None),
    (
        "over-max-chars",
        write("c.txt", REPORT.encode() * 50),
        InputTooLargeError,
        Limits(max_chars=1000),
        None,
    ),
    (
        "over-max-bytes",
        write("c.txt", REPORT.encode() * 50),
        InputTooLargeError,
        Limits(max_bytes=1000),
        None,
    ),
    ("nested-divs", nested_divs, None, None, lambda t: "深处的文字" in t and "二、之后的文字" in t),
    (
        "malformed-html",
        write(
            "m.html",
            "<html><body><p>一、<b>主要<i>成效</p></b>办理案件<td>402件</div></span>"
            "<p class=>二、<a href='x>计划".encode(),
        ),
        None,
        None,
        lambda t: "主要成效" in t and "402件" in t and "二、" in t,
    ),
    (
        "html-active-content",
        write(
            "a.html",
            b"<body><p onclick='steal()'>\xe4\xb8\x80\xe3\x80\x81ok</p>"
            b"<script>document.cookie</script><iframe src='http://x'>frame</iframe>"
            b"<a href='javascript:evil()'>link</a><img onerror='evil()' src=x>"
            b"<style>p{}</style><noscript>noscript</noscript></body>",
        ),
        None,
        None,
        lambda t: (
            not any(w in t for w in ("steal", "cookie", "frame", "javascript", "evil", "p{}", "noscript"))
        ),
    ),
    (
        "html-entity-decl",
        write("x.html", (LAUGHS + "<html><body><p>&lol3; 一、正文</p></body></html>").encode()),
        None,
        None,
        lambda t: "lollol" not in t and "正文" in t,
    ),
    (
        "html-xxe",
        write("x.html", b'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><p>&x;\xe6\xad\xa3</p>'),
        None,
        None,
        lambda t: "root:" not in t,
    ),
    ("missing", lambda d: d / "nope.txt", MissingFileError, None, None),
    ("folder", folder, InputError, None, None),
    ("device-not-file", lambda d: Path(os.devnull), InputError, None, None),
    ("pdf-extension", write("r.pdf", b"%PDF-1.4"), UnsupportedFormatError, None, None),
    (
        "doc-extension",
        write("r.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
        UnsupportedFormatError,
        None,
        None,
    ),
    ("docx-not-zip", write("n.docx", REPORT.encode()), CorruptFileError, None, None),
    (
        "docx-truncated-zip",
        lambda d: write("t.docx", build_docx(d / "x.docx", [REPORT]).read_bytes()[:-30])(d),
        CorruptFileError,
        None,
        None,
    ),
    ("docx-no-document", docx("n.docx", {"word/styles.xml": "<w:styles/>"}), CorruptFileError, None, None),
    ("docx-zip-bomb", zip_bomb, UnsafeInputError, None, None),
    (
        "docx-too-many-members",
        docx("m.docx", {f"word/media/{i}.xml": "x" for i in range(30)}),
        UnsafeInputError,
        Limits(max_zip_members=20),
        None,
    ),
    (
        "docx-unzipped-total",
        lambda d: build_docx(d / "t.docx", [REPORT] * 200),
        UnsafeInputError,
        Limits(max_unzipped_bytes=10_000),
        None,
    ),
    (
        "docx-billion-laughs",
        docx("l.docx", {"word/document.xml": BILLION_LAUGHS}),
        UnsafeInputError,
        None,
        None,
    ),
    ("docx-xxe", docx("x.docx", {"word/document.xml": XXE}), UnsafeInputError, None, None),
    (
        "docx-entity-in-numbering",
        lambda d: build_docx(d / "n.docx", [P("主要成效", num=(1, 0))], numbering=LAUGHS + "<w:numbering/>"),
        UnsafeInputError,
        None,
        None,
    ),
    (
        "docx-utf16-doctype",
        docx("u.docx", {"word/document.xml": XXE.replace('<?xml version="1.0"?>', "").encode("utf-16")}),
        UnsafeInputError,
        None,
        None,
    ),
    ("docx-10000-tables", many_tables, InputTooLargeError, None, None),
    (
        "docx-malformed-xml",
        docx("m.docx", {"word/document.xml": f"<w:document {W}><w:body><w:p>"}),
        CorruptFileError,
        None,
        None,
    ),
    (
        "docx-unfinished-cdata",
        docx("c.docx", {"word/document.xml": document_xml("<![CDATA[<w:p/>")}),
        CorruptFileError,
        None,
        None,
    ),  # found by fuzzing: libxml2's two-line message
    (
        "docx-deep-xml",
        docx("d.docx", {"word/document.xml": document_xml("<w:sdt>" * 5000 + "</w:sdt>" * 5000)}),
        CorruptFileError,
        None,
        None,
    ),
    (
        "sniffed-zip-no-extension",
        write("report", b"PK\x03\x04" + b"\x00" * 100),
        CorruptFileError,
        None,
        None,
    ),
    (
        "sniffed-html-no-extension",
        write("page", f"<!DOCTYPE html><html><p>{REPORT}</p></html>".encode()),
        None,
        None,
        lambda t: t.startswith("2022年") and "<p>" not in t,
    ),
]


@pytest.mark.parametrize(
    ("make", "expected", "limits", "check"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_input_gets_a_named_error_or_a_correct_result(
    tmp_path: Path,
    make: Make,
    expected: type[ReportkitError] | None,
    limits: Limits | None,
    check: Callable[[str], bool] | None,
) -> None:
    path = make(tmp_path)
    if expected is None:
        report = reportkit.read(path, limits=limits)
        assert check is not None and check(report.text), report.text[:300]
        for s in report.walk():
            assert 0 <= s.start <= s.title_start <= s.title_end <= s.end <= len(report.text)
        return
    with pytest.raises(expected) as info:
        reportkit.read(path, limits=limits)
    message = str(info.value)
    assert path.name in message and "\n" not in message
    assert len(info.value.message) > 10  # a cause, not just a class name
    assert "root:" not in message and "lollol" not in message


def test_a_single_5MB_line_parses_with_valid_spans(tmp_path: Path) -> None:
    unit = "坚持以人民为中心，深入推进依法行政（街道），落实“四统一”要求；"
    line = unit * (5_000_000 // len(unit.encode()) + 1)
    p = tmp_path / "line.txt"
    p.write_text(line, encoding="utf-8")
    r = reportkit.read(p)
    assert r.text == line
    assert len(r.sentences) > 10_000
    assert all(r.text[s.start : s.end] == s.text for s in r.sentences[::997])


def test_cli_max_bytes_raises_and_lowers_the_size_limit(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_text(REPORT, encoding="utf-8")
    small = subprocess.run(
        [sys.executable, "-m", "reportkit.cli", "parse", str(p), "--max-bytes", "20"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert small.returncode == InputTooLargeError.exit_code and "Limits.max_bytes" in small.stderr
    assert reportkit.read(p, limits=Limits(max_bytes=10_000)).meta.year == 2022


CLI_SAMPLE = [
    "empty-txt",
    "binary-nul",
    "invalid-utf8-mid",
    "txt-50MB",
    "missing",
    "docx-not-zip",
    "docx-zip-bomb",
    "docx-xxe",
    "docx-10000-tables",
    "pdf-extension",
]


@pytest.mark.parametrize("case", [c for c in CASES if c[0] in CLI_SAMPLE], ids=CLI_SAMPLE)
def test_cli_prints_one_line_and_leaves_no_output(tmp_path: Path, case: tuple) -> None:  # type: ignore[type-arg]
    _, make, expected, _, _ = case
    path = make(tmp_path)
    out = tmp_path / "out" / "out.json"
    p = subprocess.run(
        [sys.executable, "-m", "reportkit.cli", "parse", str(path), "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert p.returncode == expected.exit_code, p.stderr
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reportkit: error:") and path.name in lines[0], p.stderr
    assert "Traceback" not in p.stderr
    assert not out.exists()
    assert not out.parent.exists() or not any(out.parent.iterdir())


# -- workbooks, templates and writers ----------------------------------------------------------------
import openpyxl

from reportkit.draft import collection_workbook, fill, read_workbook
from reportkit.errors import TemplateError, WorkbookError

OLD = (
    "2021年，某区政府坚持依法行政。\n一、主要成效\n办理案件300件，调解纠纷120起。\n"
    "二、2022年工作思路\n（一）力争办理案件400件。\n"
)
HOSTILE = (
    "2022年，某区政府坚持依法行政{{ 7*7 }}{% raw %}<script>alert(1)</script>。\n一、主要成效\n"
    '办理案件402件，调解纠纷=HYPERLINK("http://evil.invalid","点击")130起。\n'
    "+cmd|' /C calc'!A0 @SUM(1+1) -2+3 共建成站点15个。\n二、2023年工作思路\n（一）力争办理案件500件。\n"
)


@pytest.fixture()
def workbook(tmp_path: Path) -> Path:
    """A data-collection workbook for a small report, every input value filled."""
    path = collection_workbook(reportkit.parse_text(HOSTILE), tmp_path / "wb.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, 1).value:
            ws.cell(row, 5).value = 7
    wb.save(path)
    return path


def _edit(path: Path, change: Callable[[openpyxl.Workbook], object]) -> Path:
    wb = openpyxl.load_workbook(path, keep_vba=True)
    change(wb)
    wb.save(path)
    return path


def _formula(wb: openpyxl.Workbook) -> None:
    wb.worksheets[0].cell(2, 5).value = "=SUM(1,2)"


def _hidden(wb: openpyxl.Workbook) -> None:
    wb.worksheets[1].sheet_state = "hidden"


def _merged(wb: openpyxl.Workbook) -> None:
    wb.worksheets[0].merge_cells("E2:E3")


def _text_number(wb: openpyxl.Workbook) -> None:
    wb.worksheets[0].cell(2, 5).value = "很多"


def _as_macro(path: Path) -> Path:
    target = path.with_suffix(".xlsm")
    target.write_bytes(path.read_bytes())
    return target


def _with_vba(path: Path) -> Path:
    target = path.with_name("vba.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + bytes(60))
    return target


def _with_doctype(path: Path) -> Path:
    target = path.with_name("dtd.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = LAUGHS.split("?>", 1)[1].encode() + data
            dst.writestr(item, data)
    return target


def _bomb_xlsx(path: Path) -> Path:
    return zip_bomb(path.parent).rename(path.with_name("bomb.xlsx"))


def _not_zip(path: Path) -> Path:
    target = path.with_name("text.xlsx")
    target.write_text("索引号,1", encoding="utf-8")
    return target


WORKBOOK_CASES: list[tuple[str, Callable[[Path], Path], str]] = [
    ("formula-for-number", lambda p: _edit(p, _formula), "公式"),  # in the report's language
    ("text-for-number", lambda p: _edit(p, _text_number), "很多"),
    ("hidden-sheet", lambda p: _edit(p, _hidden), "hidden"),
    ("merged-over-inputs", lambda p: _edit(p, _merged), "merged"),
    ("macro-xlsm", _as_macro, "macro"),
    ("macro-inside-xlsx", _with_vba, "vbaProject"),
    ("xlsx-doctype", _with_doctype, ""),
    ("xlsx-zip-bomb", _bomb_xlsx, "zip bomb"),
    ("xlsx-not-zip", _not_zip, "not an .xlsx"),
]


@pytest.mark.parametrize(
    ("tamper", "words"), [c[1:] for c in WORKBOOK_CASES], ids=[c[0] for c in WORKBOOK_CASES]
)
def test_a_bad_workbook_is_refused_naming_file_and_cause(
    workbook: Path, tamper: Callable[[Path], Path], words: str
) -> None:
    bad = tamper(workbook)
    with pytest.raises(WorkbookError) as info:
        read_workbook(bad)
    assert bad.name in str(info.value) and words in str(info.value) and "lollol" not in str(info.value)


@pytest.mark.parametrize("case", ["formula-for-number", "macro-inside-xlsx", "xlsx-zip-bomb"])
def test_cli_fill_with_a_bad_workbook_prints_one_line_and_writes_nothing(
    workbook: Path, tmp_path: Path, case: str
) -> None:
    bad = {c[0]: c[1] for c in WORKBOOK_CASES}[case](workbook)
    out = tmp_path / "out" / "draft.docx"
    p = subprocess.run(
        [sys.executable, "-m", "reportkit.cli", "fill", str(bad), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert p.returncode == WorkbookError.exit_code, p.stderr
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reportkit: error:") and "Traceback" not in p.stderr
    assert not out.exists()


TEMPLATE_CASES = [
    ("undefined-name", "{{ no_such_name }}", "no_such_name"),
    ("syntax-error", "{% for b in blocks %}{{ b.text }", "syntax"),
    ("python-internals", "{{ ''.__class__.__mro__[1].__subclasses__() }}", "unsafe"),
    ("globals", "{{ cycler.__init__.__globals__ }}", ""),
]


@pytest.mark.parametrize(
    ("line", "words"), [c[1:] for c in TEMPLATE_CASES], ids=[c[0] for c in TEMPLATE_CASES]
)
def test_a_hostile_template_gives_a_template_error_and_no_output(
    workbook: Path, tmp_path: Path, line: str, words: str
) -> None:
    template = build_docx(tmp_path / "tpl.docx", ["{{ organisation }}", line])
    out = tmp_path / "out.docx"
    with pytest.raises(TemplateError) as info:
        fill(workbook, out, template=template)
    assert words in str(info.value) and "tpl.docx" in str(info.value)
    assert "subclasses" not in str(info.value) or "unsafe" in str(info.value)
    assert not out.exists() and not list(tmp_path.glob(".out.docx*"))


@pytest.fixture()
def hostile_diff() -> reportkit.ReportDiff:
    return reportkit.compare(reportkit.parse_text(OLD), reportkit.parse_text(HOSTILE))


def test_html_writer_shows_hostile_report_text_as_text(
    hostile_diff: reportkit.ReportDiff, tmp_path: Path
) -> None:
    from reportkit.render.html import write_html

    write_html(hostile_diff, tmp_path / "d.html")
    page = (tmp_path / "d.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page and "alert(1)" in page
    assert "{{ 7*7 }}" in page or "{{ 7*7 }}".replace(" ", "") in page.replace(" ", "")
    assert "49" not in page.split("依法行政", 1)[1][:40]


def test_excel_writer_never_turns_report_text_into_formulas(
    hostile_diff: reportkit.ReportDiff, tmp_path: Path
) -> None:
    from reportkit.render.excel import write_xlsx

    write_xlsx(hostile_diff, tmp_path / "d.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "d.xlsx")
    texts = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    hostile = [c for c in texts if any(w in c.value for w in ("HYPERLINK", "cmd|", "@SUM"))]
    assert hostile, "the hostile sentences should appear somewhere in the workbook"
    for c in hostile:
        if c.value.lstrip().startswith(("=", "+", "-", "@")):
            assert c.data_type == "s", (c.coordinate, c.value)


def test_word_writer_keeps_template_syntax_as_literal_text(
    hostile_diff: reportkit.ReportDiff, tmp_path: Path
) -> None:
    from docx import Document

    from reportkit.render.word import write_docx

    write_docx(hostile_diff, tmp_path / "d.docx")
    body = Document(str(tmp_path / "d.docx")).element.body
    text = "".join(
        t.text or "" for t in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")
    )
    assert "{{ 7*7 }}" in text and "<script>" in text
