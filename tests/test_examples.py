"""The bundled examples: the invented 2023 report is marked as such and shows what it was written to show;
the example scripts run with no arguments and write only where they are told (or into a temp folder)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportkit.api import compare, read
from reportkit.comparison.records import MetricStatus, ReportDiff, Tag

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
OLD = EXAMPLES / "liandu-2022.txt"
NEW = EXAMPLES / "liandu-2023.txt"
INVENTED = "虚构"


@pytest.fixture(scope="module")
def diff() -> ReportDiff:
    return compare(read(OLD), read(NEW))


def test_invented_report_says_so_in_its_first_line() -> None:
    first = NEW.read_text(encoding="utf-8").splitlines()[0]
    assert INVENTED in first and "非真实" in first


def test_examples_readme_marks_the_2023_report_invented() -> None:
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `liandu-2023.txt`"))
    assert INVENTED in row and "not a real government document" in row


def test_real_report_is_not_marked_invented() -> None:
    assert INVENTED not in OLD.read_text(encoding="utf-8").splitlines()[0]


def test_2023_report_keeps_the_layout_of_the_2022_one() -> None:
    old_lines = OLD.read_text(encoding="utf-8").splitlines()
    new_lines = NEW.read_text(encoding="utf-8").splitlines()
    # The marker line, then the same metadata table, then the whole report on one line ending like the original.
    assert [line.split(" | ")[0] for line in new_lines[1:3]] == [line.split(" | ")[0] for line in old_lines[:2]]
    assert len(new_lines) == len(old_lines) + 1
    assert new_lines[-1].endswith(" |") and old_lines[-1].endswith(" |")
    assert 0.75 <= len(new_lines[-1]) / len(old_lines[-1]) <= 1.3
    for marker in ("一、", "二、", "(一)", "(四)", "一是", "四是", "2024年工作思路"):
        assert marker in new_lines[-1]


def test_2023_report_reuses_most_indicators_in_the_same_words(diff: ReportDiff) -> None:
    paired = [p for p in diff.metrics if p.old is not None and p.new is not None]
    assert len(paired) >= len(diff.old.metrics) // 2


def test_metrics_went_up_down_and_disappeared(diff: ReportDiff) -> None:
    statuses = {p.status for p in diff.metrics}
    assert {MetricStatus.UP, MetricStatus.DOWN, MetricStatus.DROPPED, MetricStatus.NEW} <= statuses
    up = {(p.old.text, p.new.text) for p in diff.metrics if p.status is MetricStatus.UP and p.old and p.new}
    assert ("97.68%", "98.9%") in up


def test_one_stated_change_contradicts_last_years_figure(diff: ReportDiff) -> None:
    wrong = [c for c in diff.stated_changes if c.consistent is False]
    assert [diff.new.text[c.start : c.end] for c in wrong] == ["20%"]
    assert any(c.consistent is True for c in diff.stated_changes)


def test_sections_were_renamed_and_moved(diff: ReportDiff) -> None:
    renamed = {(p.old.title, p.new.title) for p in diff.sections if p.tag is Tag.RENAMED and p.old and p.new}
    assert ("全面履行政府职能", "全面提升政府履职效能") in renamed
    moved = {p.old.title for p in diff.sections if p.tag is Tag.MOVED and p.old}
    assert moved & {"全面深化依法行政", "全力推进基层法治建设"}


# -- the scripts -------------------------------------------------------------------------------------------


def run_script(name: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    tmp = cwd / "tmp"
    tmp.mkdir(exist_ok=True)
    # TMPDIR keeps the no-argument runs (which write into a new temp folder) inside the test's folder.
    env = {**os.environ, "TMPDIR": str(tmp)}
    p = subprocess.run([sys.executable, str(EXAMPLES / name), *args], check=False, capture_output=True,
                       text=True, cwd=cwd, env=env, timeout=120)
    assert p.returncode == 0, p.stderr
    return p


def only_child(folder: Path) -> Path:
    children = list(folder.iterdir())
    assert len(children) == 1, children
    return children[0]


def test_compare_two_years_writes_html_xlsx_json(tmp_path: Path) -> None:
    out = tmp_path / "out"
    p = run_script("compare_two_years.py", str(out), cwd=tmp_path)
    assert {f.name for f in out.iterdir()} == {"diff.html", "diff.xlsx", "diff.json"}
    data = json.loads((out / "diff.json").read_text(encoding="utf-8"))
    assert data["metrics"] and "stated_changes" in data
    assert " → " in p.stdout.splitlines()[1]  # the largest move
    # The contradicting stated change is pointed out, with last year's figure.
    assert "check: 47件,较去年同期下降20% — but last year's report says 53件" in p.stdout


def test_compare_two_years_with_no_arguments_writes_into_a_temp_folder(tmp_path: Path) -> None:
    run_script("compare_two_years.py", cwd=tmp_path)
    folder = only_child(tmp_path / "tmp")
    assert (folder / "diff.html").is_file()
    assert sorted(f.name for f in tmp_path.iterdir()) == ["tmp"]


def test_draft_next_year_writes_workbook_and_draft(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    p = run_script("draft_next_year.py", cwd=tmp_path)
    folder = only_child(tmp_path / "tmp")
    xlsx = next(folder.glob("*数据填报.xlsx"))
    assert any("数据填报" in name for name in load_workbook(xlsx).sheetnames)
    assert next(folder.glob("*初稿.docx")).stat().st_size > 0
    assert str(xlsx) in p.stdout


def test_folder_to_table_has_one_row_per_metric(tmp_path: Path) -> None:
    out = tmp_path / "metrics.csv"
    run_script("folder_to_table.py", str(EXAMPLES), "-o", str(out), cwd=tmp_path)
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    per_file = {name: sum(1 for r in rows if r["file"] == name) for name in ("liandu-2022.txt", "liandu-2023.txt")}
    assert per_file == {"liandu-2022.txt": len(read(OLD).metrics), "liandu-2023.txt": len(read(NEW).metrics)}
    row = next(r for r in rows if r["text"] == "97.68%")
    assert row["value"] == "97.68" and row["unit"] == "%" and "/ (二)全面履行政府职能 /" in row["section"]


def test_folder_to_table_writes_xlsx_and_skips_unreadable_files(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a-2022.txt").write_text(OLD.read_text(encoding="utf-8"), encoding="utf-8")
    (reports / "README.md").write_text("# 说明\n共3份报告。\n", encoding="utf-8")
    (reports / "empty.txt").write_bytes(b"")
    out = tmp_path / "metrics.xlsx"
    p = subprocess.run([sys.executable, str(EXAMPLES / "folder_to_table.py"), str(reports), "-o", str(out)],
                       check=False, capture_output=True, text=True, cwd=tmp_path, timeout=120)
    ws = load_workbook(out)["metrics"]
    values = list(ws.values)
    assert values[0][0] == "file" and len(values) - 1 == len(read(OLD).metrics)
    assert {v[0] for v in values[1:]} == {"a-2022.txt"}  # README.md is not read as a report
    assert p.returncode == 1 and "empty.txt" in p.stderr
