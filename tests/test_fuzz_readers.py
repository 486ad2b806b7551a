"""Fuzzing the readers: whatever the bytes, reportkit.read returns a Report or raises a ReportkitError.

Bounded for the normal run; for a long run set REPORTKIT_FUZZ_EXAMPLES (see docs/robustness.md):
    REPORTKIT_FUZZ_EXAMPLES=20000 python -m pytest tests/test_fuzz_readers.py -q
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reportkit
from reportkit.errors import ReportkitError
from reportkit.limits import Limits
from tests.docxbuild import CONTENT_TYPES, P, build_docx, document_xml, numbering_xml

EXAMPLES = int(os.environ.get("REPORTKIT_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="REPORTKIT_FUZZ_EXAMPLES" not in os.environ,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LIMITS = Limits(max_html_depth=50)  # small, so the flattening path is exercised too

# pieces that matter to the readers: markers, table bars, BOMs, newlines, tags, entities, GBK bytes
TEXT_PIECES = st.sampled_from(
    [
        "一、",
        "（一）",
        "(二)",
        "1.",
        "一是",
        "索引号 | ",
        " | ",
        "\r\n",
        "\r",
        "\n",
        "---\n",
        "# ",
        "title: x\n",
        "2022年",
        "办理案件402件。",
        "\u3000",
        "\ufeff",
        "\x00",
        "\x1b",
        "&amp;",
        "<p>",
        "</div>",
        "<table><tr><td>",
        "<script>",
        "<!--",
        "<![CDATA[",
        "<!DOCTYPE html [<!ENTITY a 'b'>]>",
        "&a;",
        "<meta charset=gbk>",
        "\ud7ff",
    ]
)


def _read(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"fuzz{suffix}"
        p.write_bytes(data)
        try:
            report = reportkit.read(p, limits=LIMITS)
        except ReportkitError as e:
            assert p.name in str(e) and "\n" not in str(e)
            return
        assert isinstance(report, reportkit.Report)
        for s in report.walk():
            assert 0 <= s.start <= s.end <= len(report.text)


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".html", ".md", ".docx", ""]))
def test_random_bytes_give_a_report_or_a_reportkit_error(data: bytes, suffix: str) -> None:
    _read(data, suffix)


@FUZZ
@given(
    st.lists(TEXT_PIECES, max_size=40),
    st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-16-le"]),
    st.sampled_from([".txt", ".html", ".md"]),
)
def test_report_like_text_in_any_encoding_is_read(pieces: list[str], encoding: str, suffix: str) -> None:
    _read("".join(pieces).encode(encoding, "surrogatepass"), suffix)


@st.composite
def mutated_docx(draw: st.DrawFn) -> bytes:
    """A valid .docx with some bytes changed, cut short, or with a random document part."""
    with tempfile.TemporaryDirectory() as d:
        texts = draw(
            st.lists(
                st.sampled_from(["一、总体情况", "（一）加强监督", "办理案件402件", "", "a&b<c"]), max_size=6
            )
        )
        blocks = [P(t, num=(1, draw(st.integers(0, 3)))) if draw(st.booleans()) else t for t in texts]
        data = build_docx(
            Path(d) / "x.docx", [*blocks, [texts[:3]]] if texts else [], numbering=numbering_xml()
        ).read_bytes()
    how = draw(st.sampled_from(["flip", "cut", "part"]))
    if how == "flip" and data:
        buf = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            buf[draw(st.integers(0, len(buf) - 1))] = draw(st.integers(0, 255))
        return bytes(buf)
    if how == "cut":
        return data[: draw(st.integers(0, len(data)))]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        body = draw(
            st.lists(
                TEXT_PIECES
                | st.sampled_from(
                    ["<w:p>", "</w:p>", "<w:t>", "</w:t>", "<w:tbl>", "<w:tr><w:tc>", "<w:numPr>"]
                ),
                max_size=30,
            )
        )
        zf.writestr("word/document.xml", document_xml("".join(body)).encode("utf-8", "surrogatepass"))
    return out.getvalue()


@FUZZ
@given(mutated_docx())
def test_damaged_docx_files_give_a_report_or_a_reportkit_error(data: bytes) -> None:
    _read(data, ".docx")
