"""``reportkit demo``: no arguments, no network; every file it writes opens in the program it is for."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from reportkit.cli import main
from reportkit.demo import STEPS, DemoResult, run_demo

NAMES = {"diff.html", "diff.xlsx", "diff-tracked-changes.docx", "diff.json"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[DemoResult, list[str]]:
    lines: list[str] = []
    result = run_demo(tmp_path_factory.mktemp("demo") / "out", progress=lines.append)
    return result, lines


def test_demo_writes_the_comparison_and_the_draft(demo: tuple[DemoResult, list[str]]) -> None:
    result, _ = demo
    names = {p.name for p in result.outdir.iterdir()}
    assert NAMES <= names
    assert {p.name for p in result.paths} == names  # nothing else, no temporary files left behind
    assert all(p.parent == result.outdir and p.stat().st_size > 0 for p in result.paths)


def test_demo_draft_files_are_named_for_2024(demo: tuple[DemoResult, list[str]]) -> None:
    result, _ = demo
    assert (result.workbook.name, result.draft.name) == ("2024-数据填报.xlsx", "2024-初稿.docx")


def test_html_parses_and_has_the_metrics_table(demo: tuple[DemoResult, list[str]]) -> None:
    import lxml.html

    doc = lxml.html.parse(str(demo[0].html)).getroot()
    tables = doc.xpath("//table")
    # The metrics table shows last year's and this year's value side by side.
    assert any("97.68" in t.text_content() and "98.9" in t.text_content() for t in tables)


def test_xlsx_loads(demo: tuple[DemoResult, list[str]]) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(demo[0].xlsx)
    text = " ".join(str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c)
    assert "15次" in text or "15" in text.split()


def test_docx_loads_and_has_tracked_changes(demo: tuple[DemoResult, list[str]]) -> None:
    import docx

    document = docx.Document(str(demo[0].docx))
    assert document.paragraphs
    with zipfile.ZipFile(demo[0].docx) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "<w:ins " in body and "<w:del " in body


def test_json_is_the_diff(demo: tuple[DemoResult, list[str]]) -> None:
    data = json.loads(demo[0].json.read_text(encoding="utf-8"))
    assert {"old", "new", "sections", "metrics", "stated_changes", "commitments"} <= set(data)
    assert any(c["consistent"] is False for c in data["stated_changes"])


def test_draft_workbook_has_the_collection_sheet(demo: tuple[DemoResult, list[str]]) -> None:
    from openpyxl import load_workbook

    assert any("数据填报" in name for name in load_workbook(demo[0].workbook).sheetnames)
    import docx

    assert docx.Document(str(demo[0].draft)).paragraphs


def test_progress_is_numbered_and_ends_with_what_to_open(demo: tuple[DemoResult, list[str]]) -> None:
    result, lines = demo
    steps = [line.split("]")[0] + "]" for line in lines if line.startswith("[")]
    assert steps == [f"[{i}/{STEPS}]" for i in range(1, STEPS + 1)]
    assert lines[-1] == f"Open first: {result.html}"
    assert any("contradict" in line for line in lines)


def test_cli_demo_writes_into_the_default_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["demo"]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["reportkit-demo"]
    assert NAMES <= {p.name for p in (tmp_path / "reportkit-demo").iterdir()}
    assert "[1/6]" in capsys.readouterr().out


def test_demo_refuses_a_file_as_output_folder(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("x", encoding="utf-8")
    assert main(["demo", "-o", str(target)]) == 6
    assert target.read_text(encoding="utf-8") == "x"
