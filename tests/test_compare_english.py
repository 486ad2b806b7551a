"""Comparing English reports: words, not letters, decide what matches; the outputs speak English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import reportkit
from reportkit.comparison.records import FollowStatus, Tag
from reportkit.comparison.tokens import WordCode
from reportkit.render.excel import build_workbook

OLD = """# Riverside Trust Annual Report 2022

## Highlights

We supported 45 families.

## Plans for 2023

- We will translate the manual into Spanish.
- We will open a second office in Leeds.
"""
NEW = """# Riverside Trust Annual Report 2023

## Highlights

We supported 50 families. This has been done through the action of many different groups, bodies and \
programs, always under the coordination of the trust, such as local schools and a new group of volunteers \
who decided to tackle housing issues. The second office in Leeds opened in May.

## Plans for 2024

- We will hire a coordinator.
"""
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def diff() -> reportkit.ReportDiff:
    return reportkit.compare(
        reportkit.parse_text(OLD, format="markdown"), reportkit.parse_text(NEW, format="markdown")
    )


def test_word_codes_make_one_character_per_word_shared_across_texts() -> None:
    code = WordCode()
    a, b = code.encode("We will open a second office."), code.encode("The second office opened!")
    assert len(a) == 3 and sorted(a) == sorted(b)  # open, second, office: function words out, opened → open
    assert code.encode("中文 text") == "中文" + code.encode("text")


def test_a_long_unrelated_sentence_is_not_evidence_of_a_commitment(diff: reportkit.ReportDiff) -> None:
    by_text = {f.commitment.text: f for f in diff.commitments}
    spanish = next(f for t, f in by_text.items() if "Spanish" in t)
    assert spanish.status is FollowStatus.NOT_FOUND and not spanish.evidence
    leeds = next(f for t, f in by_text.items() if "Leeds" in t)
    assert leeds.status is FollowStatus.ADDRESSED and "Leeds opened" in leeds.evidence[0].text


def test_unrelated_sentences_are_not_paired(diff: reportkit.ReportDiff) -> None:
    paired = {(p.old.text, p.new.text) for p in diff.sentences if p.old is not None and p.new is not None}
    assert not any("Spanish" in a or "coordinator" in b or "action of many" in b for a, b in paired)
    assert ("We supported 45 families.", "We supported 50 families.") in paired


def test_an_english_comparison_gives_an_english_workbook(diff: reportkit.ReportDiff) -> None:
    wb = build_workbook(diff)
    assert wb.sheetnames == ["Summary", "Metrics", "Stated changes", "Commitments", "Sections", "Sentences"]
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            assert not any(isinstance(v, str) and CJK.search(v) for v in row), (ws.title, row)


def test_the_freecad_reports_pair_their_repeated_lines_and_follow_the_income_estimate(shared: Path) -> None:
    folder = shared / "corpus" / "en" / "freecad-fpa"
    d = reportkit.compare(reportkit.read(folder / "2022.txt"), reportkit.read(folder / "2023.txt"))
    moved = [p for p in d.sentences if p.tag is Tag.MOVED]
    assert moved and all(p.similarity >= 0.5 for p in moved)
    assert sum(f.evidence != () for f in d.commitments) <= 5  # no generic sentence stands as evidence for many


def test_front_matter_and_template_placeholders_are_not_sentences() -> None:
    text = "---\ntitle: 2023 Annual report\nlayout: default\n---\n\n# {{page.title}}\n\n{{page.description}}\n\nWe ran 4 events.\n"
    r = reportkit.parse_text(text, format="markdown")
    assert [s.text for s in r.sentences] == ["We ran 4 events."]


def test_an_english_plan_commits_to_what_looks_ahead_and_counts_can_be_targets() -> None:
    text = (
        "# Acme Trust Annual Report 2023\n\n## Review\n\nWe ran 3 events.\n\n## Plans for 2024\n\n"
        "In 2023 we had two real-life meeting events. The FPA is a tool of the community. "
        "We will hold 4 meetups in 2024. We aim to reach 40% coverage.\n\n"
        "- Hire an accountant to handle reporting.\n- Expand to 60 families.\n"
    )
    got = [(c.text, c.target.text if c.target else None)
           for c in reportkit.parse_text(text, format="markdown").commitments]
    assert got == [
        ("We will hold 4 meetups in 2024.", "4 meetups"),
        ("We aim to reach 40% coverage.", "40%"),
        ("Hire an accountant to handle reporting.", None),
        ("Expand to 60 families.", "60 families"),
    ]


def test_next_years_budget_pairs_with_last_years_wherever_it_stands(shared: Path) -> None:
    # 2022 puts "### 2023 Budget Estimate" under its Financial Report; 2023 puts its budget in "Plans for 2024"
    folder = shared / "corpus" / "en" / "freecad-fpa"
    d = reportkit.compare(reportkit.read(folder / "2022.txt"), reportkit.read(folder / "2023.txt"))
    fund = next(p for p in d.metrics if p.old is not None and p.old.label == "FPADF")
    assert fund.new is not None and fund.new.text == "€50,000" and fund.old.is_target and fund.new.is_target
