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
