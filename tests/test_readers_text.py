"""Plain-text reader: encodings found without being told, newlines normalised, nothing else touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportkit.errors import BinaryInputError, DecodingError
from reportkit.readers import read_source, sniff_format
from reportkit.readers.text import decode

ZH = "2022年，莲都区政府坚持依法行政。\n一、主要举措和成效\n（一）全面夯实基础。一是着力提升公职人员法治思维。\n"


@pytest.mark.parametrize(
    ("encoding", "prefix", "reported"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8"),
        ("gbk", b"", "gb18030"),
        ("gb18030", b"", "gb18030"),
        ("utf-16-le", b"\xff\xfe", "utf-16-le"),
        ("utf-16-be", b"\xfe\xff", "utf-16-be"),
        ("utf-16-le", b"", "utf-16-le"),  # no BOM: every other byte NUL
        ("utf-32-le", b"\xff\xfe\x00\x00", "utf-32-le"),
    ],
)
def test_an_encoding_is_detected_and_the_text_is_exact(
    tmp_path: Path, encoding: str, prefix: bytes, reported: str
) -> None:
    p = tmp_path / "r.txt"
    p.write_bytes(prefix + ZH.encode(encoding))
    src = read_source(p)
    assert src.text == ZH and src.encoding == reported and src.format == "text"


def test_the_seed_in_gbk_and_gb18030_reads_back_identical(seed_path: Path, tmp_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    for enc in ("gbk", "gb18030"):
        p = tmp_path / f"{enc}.txt"
        p.write_bytes(text.encode(enc))
        assert read_source(p).text == text


def test_crlf_and_lone_cr_become_newlines_and_offsets_index_the_result(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_bytes(b"a\r\nb\rc\n\r\nd")
    assert read_source(p).text == "a\nb\nc\n\nd"


def test_latin1_english_falls_back_to_detection() -> None:
    text, enc = decode("Café résumé naïve — annual report ".encode("cp1252") * 20, path="r.txt")
    assert "Café résumé" in text and enc != "gb18030"


def test_an_invalid_byte_is_reported_with_its_offset() -> None:
    data = ZH.encode() + b"\xff\xfe\xfd" + ZH.encode()
    with pytest.raises(DecodingError, match=rf"r.txt: .*byte {len(ZH.encode())}"):
        decode(data, path="r.txt")


def test_a_nul_byte_means_binary_and_says_where() -> None:
    with pytest.raises(BinaryInputError, match="NUL byte at byte 3"):
        decode(b"abc\x00def" * 10, path="r.txt")


def test_a_renamed_pdf_is_named_as_a_pdf() -> None:
    with pytest.raises(BinaryInputError, match="a PDF file"):
        decode(b"%PDF-1.7\nstuff", path="r.txt")


def test_content_decides_the_format_when_the_extension_does_not(tmp_path: Path) -> None:
    assert sniff_format(b"PK\x03\x04rest") == "docx"
    assert sniff_format(b"\xef\xbb\xbf\n  <!DOCTYPE html><html>") == "html"
    assert sniff_format(ZH.encode()) == "text"
    p = tmp_path / "report"
    p.write_bytes(f"<html><body><p>{ZH}</p></body></html>".encode())
    assert read_source(p).format == "html"
