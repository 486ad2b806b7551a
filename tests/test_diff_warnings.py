"""``reportkit diff`` warns when the two reports should not be compared as they are; ``--strict`` fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES

import reportkit
from reportkit.cli import main
from reportkit.comparison.records import WarningKind
from reportkit.comparison.warnings import same_organisation
from reportkit.errors import ComparisonWarningError
from reportkit.render.html import render_html
from reportkit.render.terminal import render_diff

OLD = "某区2022年法治政府建设情况报告\n一、2022年主要工作\n全区学法5次。\n"


def _report(org: str, year: int) -> reportkit.Report:
    return reportkit.parse_text(f"{org}{year}年法治政府建设情况报告\n一、{year}年主要工作\n全区学法{year - 2015}次。\n")


def _kinds(old: reportkit.Report, new: reportkit.Report) -> list[WarningKind]:
    return [w.kind for w in reportkit.compare(old, new).warnings]


def test_one_organisation_however_written_and_two_told_apart() -> None:
    assert same_organisation("莲都区", "丽水市莲都区人民政府")
    assert not same_organisation("莲都区", "玉环市")


def test_each_doubt_about_a_pair_is_a_warning() -> None:
    assert _kinds(_report("莲都区", 2022), _report("莲都区", 2023)) == []
    assert _kinds(_report("莲都区", 2022), _report("玉环市", 2023)) == [WarningKind.ORGANISATIONS_DIFFER]
    assert _kinds(_report("莲都区", 2023), _report("莲都区", 2022)) == [WarningKind.YEARS_REVERSED]
    assert _kinds(_report("莲都区", 2021), _report("莲都区", 2023)) == [WarningKind.YEARS_NOT_CONSECUTIVE]
    same = _report("莲都区", 2022)
    assert _kinds(same, same) == [WarningKind.SAME_YEAR, WarningKind.SAME_TEXT]


def test_warnings_are_in_the_json_the_terminal_and_the_html() -> None:
    diff = reportkit.compare(_report("莲都区", 2022), _report("玉环市", 2023))
    (entry,) = json.loads(diff.to_json())["warnings"]
    assert entry["kind"] == "organisations_differ" and (entry["old"], entry["new"]) == ("莲都区", "玉环市")
    assert "警告：两份报告的机构不同：莲都区 → 玉环市" in render_diff(diff)
    assert "两份报告的机构不同：莲都区 → 玉环市" in render_html(diff)


def test_the_cli_warns_on_stderr_and_strict_fails_writing_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "d.json"
    old, new = str(EXAMPLES / "liandu-2023.txt"), str(EXAMPLES / "liandu-2022.txt")
    assert main(["diff", old, new, "--json", str(out), "--no-summary"]) == 0
    assert "reportkit: warning: the years are reversed: 2023 → 2022" in capsys.readouterr().err
    out.unlink()
    assert main(["diff", old, new, "--json", str(out), "--strict"]) == ComparisonWarningError.exit_code == 7
    err = capsys.readouterr().err
    assert "reportkit: error:" in err and "reversed" in err and not out.exists()
    assert main(["diff", new, old, "--strict", "--no-summary"]) == 0  # the right order: no warning
    assert capsys.readouterr().err == ""
