"""One entry point picks the renderer from the output's suffix; every renderer writes atomically."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from test_render_samples import make_diff

from reportkit.errors import UsageError
from reportkit.render import WRITERS, write, writer_for


@pytest.mark.parametrize("name", ["d.html", "d.xlsx", "d.docx", "D.HTM"])
def test_write_picks_the_renderer_by_suffix(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    write(make_diff(), out)
    data = out.read_bytes()
    if out.suffix.lower() in (".html", ".htm"):
        assert data.startswith(b"<!DOCTYPE html>")
    else:
        assert zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left beside it


def test_an_unknown_suffix_is_a_usage_error_naming_the_choices(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"\.pdf.*\.docx"):
        writer_for(tmp_path / "d.pdf")
    assert set(WRITERS) >= {".html", ".xlsx", ".docx"}


def test_a_failing_renderer_leaves_the_previous_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportkit.render import word

    out = tmp_path / "d.docx"
    out.write_bytes(b"last good")

    def boom(*_: object) -> None:
        raise RuntimeError("half way")

    monkeypatch.setattr(word._Revisions, "append", boom)
    with pytest.raises(RuntimeError):
        write(make_diff(), out)
    assert out.read_bytes() == b"last good"
    assert [p.name for p in tmp_path.iterdir()] == ["d.docx"]


def test_a_real_pair_renders_to_every_output(seed_path: Path, tmp_path: Path) -> None:
    """The seed report against the invented 2023 one: every output holds every aligned section and metric."""
    pytest.importorskip("reportkit.comparison.diff", reason="the comparison is not written yet")
    import openpyxl
    from markupsafe import escape

    import reportkit

    new_path = Path(__file__).resolve().parent.parent / "examples" / "liandu-2023.txt"
    if not new_path.exists():
        pytest.skip("examples/liandu-2023.txt is not written yet")
    diff = reportkit.compare(reportkit.read(seed_path), reportkit.read(new_path))
    for suffix in (".html", ".xlsx", ".docx"):
        write(diff, tmp_path / f"d{suffix}")

    page = (tmp_path / "d.html").read_text(encoding="utf-8")
    for pair in diff.sections:
        section = pair.new or pair.old
        assert section is not None
        assert str(escape(section.title)) in page
    assert page.count('<li class="lv') >= len(diff.sections)

    ws = openpyxl.load_workbook(tmp_path / "d.xlsx")["指标变化"]
    assert ws.max_row == len(diff.metrics) + 1

    with zipfile.ZipFile(tmp_path / "d.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "<w:ins " in xml and "<w:del " in xml
