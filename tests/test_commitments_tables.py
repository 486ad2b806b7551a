"""Markdown tables in an English plan: each budget row is a commitment (its label, the plan year's column, its
figure); the header row is none. Markdown is read by markdown-it-py, with the cells' spans."""

from __future__ import annotations

import reportkit
from reportkit.readers.markdown import table_rows

PLAN = """---
title: Example Association annual report 2023
---

# 2023 Annual report and 2024 plans

## 2023 report

We held 4 meetups in 2023.

| Item | 2022 | 2023 |
|---|--:|--:|
| Donations | €50,000 | €100,000 |

## Plans for 2024

We will hire an accountant to handle reporting requirements.

### 2024 Budget Estimate

| Item | 2023 | 2024 |
|---|--:|--:|
| Development fund \\| grants | €40,000 | €50,000 |
| **Event** support | €8,000 | €10,000 |

We will be receiving donations for a full 12 months.
"""


def test_table_rows_keep_their_cells_spans_and_drop_the_markup() -> None:
    rows = table_rows(PLAN)
    assert [r.header for r in rows] == [True, False, True, False, False]
    row = rows[3]
    assert [PLAN[c.start : c.end] for c in row.cells] == ["Development fund \\| grants", "€40,000", "€50,000"]
    assert [c.text for c in row.cells] == ["Development fund | grants", "€40,000", "€50,000"]
    assert rows[4].cells[0].text == "Event support"
    assert {r.table for r in rows[:2]} == {0} and {r.table for r in rows[2:]} == {1}


def test_a_table_inside_code_is_no_table() -> None:
    assert table_rows("```\n| a | b |\n|---|---|\n| 1 | 2 |\n```\n") == ()


def test_each_budget_row_is_a_commitment_with_the_plan_years_figure() -> None:
    report = reportkit.parse_text(PLAN, format="markdown")
    rows = [c for c in report.commitments if c.target is not None]
    assert [(c.indicator, c.target.text) for c in rows] == [
        ("Development fund | grants", "€50,000"), ("Event support", "€10,000")]
    assert all(report.text[c.start : c.end] == c.text for c in rows)
    assert rows[0].target.label == "Development fund | grants"


def test_header_rows_review_tables_and_periods_are_no_commitments() -> None:
    report = reportkit.parse_text(PLAN, format="markdown")
    texts = [c.text for c in report.commitments]
    assert not [t for t in texts if "Item" in t or "Donations |" in t or "---" in t]
    (months,) = [c for c in report.commitments if "12 months" in c.text]
    assert months.target is None  # how long, not how many


OLD = """---
title: Example Association annual report 2023
---

# 2023 Annual report and 2024 plans

## 2023 report

We held 4 meetups in 2023.

## Plans for 2024

### 2024 Budget Estimate

| Item | 2023 | 2024 |
|---|--:|--:|
| Donations | €40,000 | €60,000 |
| Event support | €8,000 | €10,000 |
| Reserve fund | €0 | €20,000 |
"""

NEW = """---
title: Example Association annual report 2024
---

# 2024 Annual report and 2025 plans

## 2024 report

Donations grew again this year, but we did not reach our target.

Event support exceeded our expectations.

## Plans for 2025

We will hold 6 meetups.
"""


def test_did_not_reach_our_target_is_a_miss_and_exceeded_a_hit() -> None:
    diff = reportkit.compare(reportkit.parse_text(OLD, format="markdown"), reportkit.parse_text(NEW, format="markdown"))
    verdicts = {f.commitment.indicator: (f.status.value, f.met) for f in diff.commitments}
    assert verdicts["Donations"] == ("missed", False)
    assert verdicts["Event support"] == ("met", True)
    assert verdicts["Reserve fund"] == ("not_found", None)  # no sentence names it


def _report(year: int, body: str) -> reportkit.Report:
    head = f"---\ntitle: Example Association annual report {year}\n---\n\n"
    head += f"# {year} Annual report and {year + 1} plans\n\n"
    return reportkit.parse_text(head + body, format="markdown")


def test_a_per_period_amount_is_not_judged_by_a_yearly_total() -> None:
    old = _report(2023, "## 2023 report\n\nWe held 4 meetups in 2023.\n\n## Plans for 2024\n\n"
                        "We plan to raise corporate sponsorship of €2,000 per quarter.\n\n"
                        "We plan to raise event sponsorship of €3,000.\n")
    new = _report(2024, "## 2024 report\n\nIn 2024, we raised corporate sponsorship of €5,000.\n\n"
                        "In 2024, we raised event sponsorship of €3,500.\n\n"
                        "## Plans for 2025\n\nWe will hold 6 meetups.\n")
    quarter, year = [f for f in reportkit.compare(old, new).commitments if f.commitment.target is not None]
    assert quarter.commitment.target is not None and quarter.commitment.target.frame == "per_period"
    assert quarter.outcome is None and quarter.met is None  # €5,000 in the year says nothing of €2,000 a quarter
    assert year.met is True and year.outcome is not None and year.outcome.text == "€3,500"
