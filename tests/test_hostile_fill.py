"""`fill` on a tampered or odd workbook, and `draft`/`fill` never losing what a user wrote.

Every failure is one line naming the file and the cause, with exit 4 (a workbook) or 6 (an output
refused), and nothing written. The _meta digest is a plain sha256: it catches accidental edits, not
forgery, so a forged draft is re-checked as any input (these tests forge one and recompute it).
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from test_draft_rollforward import make_report
from test_draft_workbook import FILLED, edit, fill_values, row_of

import reportkit
from reportkit.cli import main
from reportkit.draft import collection_workbook, draft, fill, read_workbook
from reportkit.draft._layout import CHUNK, META_SHEET
from reportkit.errors import OutputError, WorkbookError
from reportkit.limits import Limits

SEED = Path(__file__).resolve().parent.parent / "examples" / "liandu-2022.txt"


@pytest.fixture()
def filled(tmp_path: Path) -> Path:
    path = collection_workbook(make_report(), tmp_path / "2023-数据填报.xlsx")
    return edit(path, fill_values)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_line_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return code, err


def forge_meta(path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """Rewrite the draft in _meta and recompute its digest, as anyone can (it is not a signature)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[META_SHEET]
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value != "draft_json"}
    payload = "".join(
        str(ws.cell(r, 2).value) for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "draft_json"
    )
    data = json.loads(payload)
    change(data)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    first = max(rows.values()) + 1
    ws.delete_rows(first, ws.max_row)
    for i, j in enumerate(range(0, len(text), CHUNK)):
        ws.cell(first + i, 1, "draft_json")
        ws.cell(first + i, 2, text[j : j + CHUNK])
    ws.cell(rows["draft_sha256"], 2, hashlib.sha256(text.encode("utf-8")).hexdigest())
    ws.cell(rows["draft_chunks"], 2, str((len(text) + CHUNK - 1) // CHUNK))
    wb.save(path)
    return path


# -- odd values -------------------------------------------------------------------------------
@pytest.mark.parametrize("value", [1e28, 1e308, -1e308, "1" + "0" * 40])
def test_a_huge_value_is_one_problem_naming_its_cell(
    filled: Path, tmp_path: Path, value: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(filled, lambda wb: fill_values(wb, {**FILLED, "M004": value}))
    row = row_of(filled, "M004")
    with pytest.raises(WorkbookError, match=rf"数据填报!E{row}: .*过大") as e:
        read_workbook(filled)
    assert e.value.cell == f"E{row}"
    code, err = _one_line_cli(["fill", str(filled), "-o", str(tmp_path / "o.docx")], capsys)
    assert code == 4 and str(filled) in err and not (tmp_path / "o.docx").exists()


def test_nan_written_into_the_sheet_xml_is_one_line(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "nan.xlsx"
    with zipfile.ZipFile(filled) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                text, n = re.subn(r'(<c r="E2"[^>]*>)<v>[^<]*</v>', r"\1<v>NaN</v>", data.decode())
                assert n == 1
                data = text.encode()
            dst.writestr(info, data)
    code, err = _one_line_cli(["fill", str(bad), "-o", str(tmp_path / "o.docx")], capsys)
    assert code == 4 and str(bad) in err and not (tmp_path / "o.docx").exists()


def test_four_bad_cells_are_all_named_with_label_and_expectation(filled: Path) -> None:
    # a decimal count, a word, a share over 100, an empty required cell
    edit(filled, lambda wb: fill_values(wb, {**FILLED, "M001": 1900.5, "M004": "很多", "M002": 100.5, "M006": None}))
    with pytest.raises(WorkbookError) as e:
        read_workbook(filled)
    problems = e.value.problems
    assert len(problems) == 4
    cells = [p.split(":")[0] for p in problems]
    assert cells == [f"数据填报!E{row_of(filled, s)}" for s in ("M001", "M002", "M004", "M006")]
    by_cell = dict(zip(cells, problems))
    assert "填写了 1900.5，应为不小于 0 的整数" in by_cell[f"数据填报!E{row_of(filled, 'M001')}"]
    assert "办件率" in by_cell[f"数据填报!E{row_of(filled, 'M002')}"]  # the row's label
    assert "应为0–100" in by_cell[f"数据填报!E{row_of(filled, 'M002')}"]
    assert "“很多”不是数字" in by_cell[f"数据填报!E{row_of(filled, 'M004')}"]
    assert "未填写" in by_cell[f"数据填报!E{row_of(filled, 'M006')}"]
    assert str(e.value).startswith(str(filled)) and "工作簿有 4 处问题" in str(e.value)


# -- a forged draft in _meta --------------------------------------------------------------------
def _unknown_slot(data: dict[str, Any]) -> None:
    for block in data["blocks"]:
        for sentence in block["sentences"]:
            for piece in sentence["pieces"]:
                if piece["slot"]:
                    piece["slot"] = "M999"
                    return


def _huge_last_value(data: dict[str, Any]) -> None:
    data["slots"][0]["last_value"] = "1E+308"


def _unknown_base(data: dict[str, Any]) -> None:
    data["slots"][0]["base"] = "M999"


@pytest.mark.parametrize(
    "change, words",
    [
        (_unknown_slot, "refers to slot 'M999'"),
        (_unknown_base, "refers to slot 'M999'"),
        (_huge_last_value, "out of range"),
    ],
)
def test_a_forged_draft_is_refused_in_one_line(
    filled: Path, tmp_path: Path, change: Callable[[dict[str, Any]], None], words: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    forge_meta(filled, change)
    with pytest.raises(WorkbookError, match=re.escape(words)):
        read_workbook(filled)
    code, err = _one_line_cli(["fill", str(filled), "-o", str(tmp_path / "o.docx")], capsys)
    assert code == 4 and str(filled) in err and not (tmp_path / "o.docx").exists()


def test_a_draft_3000_times_the_size_is_refused_by_a_limit_before_it_is_parsed(filled: Path) -> None:
    forge_meta(filled, lambda data: data.update(blocks=data["blocks"] * 3000))
    with pytest.raises(WorkbookError, match=r"over 8388608 characters \(Limits.max_chars\)"):
        read_workbook(filled)


def test_a_draft_of_too_many_blocks_is_refused_by_max_draft_blocks(filled: Path) -> None:
    empty = {"kind": "paragraph", "part": "review", "level": 0, "heading": "", "sentences": [], "reference": ""}
    forge_meta(filled, lambda data: data.update(blocks=[empty] * 20_001))
    with pytest.raises(WorkbookError, match=r"20001 blocks, over the limit of 20000 \(Limits.max_draft_blocks\)"):
        read_workbook(filled)
    with pytest.raises(WorkbookError, match=r"Limits.max_draft_blocks"):
        read_workbook(filled, limits=Limits(max_draft_blocks=10))


def test_an_edited_meta_without_a_new_digest_is_caught(filled: Path) -> None:
    wb = openpyxl.load_workbook(filled)
    ws = wb[META_SHEET]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "draft_json")
    ws.cell(row, 2).value = ws.cell(row, 2).value.replace("某区", "别区")
    wb.save(filled)
    with pytest.raises(WorkbookError, match="digest mismatch"):
        read_workbook(filled)


# -- nothing a user wrote is lost ---------------------------------------------------------------------
def test_draft_again_keeps_the_answers_and_force_backs_them_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = reportkit.read(SEED)
    first = draft(report, tmp_path)

    def answer(wb: openpyxl.Workbook) -> None:
        wb["数据填报"]["E2"] = 13
        wb["任务清单"]["D2"] = "已完成"

    edit(first.workbook, answer)
    before = _sha(first.workbook)
    with pytest.raises(OutputError, match=r"2023-数据填报.xlsx \(1 value\(s\) and 1 task entry filled in\)"):
        draft(report, tmp_path)
    code, err = _one_line_cli(["draft", str(SEED), "-o", str(tmp_path)], capsys)
    assert code == 6 and "--force" in err
    assert _sha(first.workbook) == before and read_workbook(first.workbook, allow_missing=True).value_of("M001") == 13

    again = draft(report, tmp_path, force=True)
    assert len(again.backups) == 2
    backup = next(b for b in again.backups if b.suffix == ".xlsx")
    assert re.fullmatch(r"2023-数据填报\.backup-\d{8}-\d{6}\.xlsx", backup.name)
    assert _sha(backup) == before
    assert read_workbook(again.workbook, allow_missing=True).value_of("M001") is None


def test_fill_never_writes_over_its_workbook_or_an_earlier_report(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _sha(filled)
    spelled = tmp_path / "x" / ".." / filled.name
    for target in (filled, spelled):
        code, err = _one_line_cli(["fill", str(filled), "-o", str(target)], capsys)
        assert code == 6 and "workbook" in err and "replace" in err
    link = tmp_path / "link.xlsx"
    link.symlink_to(filled)
    with pytest.raises(OutputError, match="would replace the workbook"):
        fill(filled, link)
    assert _sha(filled) == before
    out = fill(filled, tmp_path / "r.docx")
    with pytest.raises(OutputError, match="already there: r.docx"):
        fill(filled, out)
    assert fill(filled, out, force=True) == out and list(tmp_path.glob("r.backup-*.docx"))


def test_an_english_workbook_lists_its_problems_in_english(tmp_path: Path) -> None:
    from test_draft_rollforward import make_english_report

    path = collection_workbook(make_english_report(), tmp_path / "2024-data-collection.xlsx")

    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["Data"]
        for row in range(2, ws.max_row + 1):
            ws.cell(row, 5).value = {"M001": "lots", "M002": 30000, "M003": 2.5}[ws.cell(row, 1).value]

    edit(path, change)
    with pytest.raises(WorkbookError, match="the workbook has 2 problem") as e:
        read_workbook(path)
    assert e.value.problems[0].startswith("Data!E2: (donations received) “lots” is not a number; expected a number")
    assert "got 2.5; expected a whole number, 0 or more" in e.value.problems[1]
