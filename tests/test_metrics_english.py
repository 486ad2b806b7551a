"""English metrics (FreeCAD FPA style Markdown): amounts, percentages, counts; no years, versions or links."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportkit.model import MetricKind, Qualifier, Report, ReportMeta
from reportkit.parse.metrics.extract import extract_metrics
from reportkit.parse.text.facts import is_english


def surfaces(text: str) -> list[tuple[str, Decimal, str]]:
    return [
        (m.text, m.value, m.unit) for m in extract_metrics(Report(meta=ReportMeta(language="en"), text=text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We awarded €20,000 in grants.", ("€20,000", Decimal(20000), "EUR")),
        ("A budget of 1.5k EUR was set.", ("1.5k EUR", Decimal(1500), "EUR")),
        ("Reserve: 20 000 € kept.", ("20 000 €", Decimal(20000), "EUR")),
        ("Hosting costs $500 a year.", ("$500", Decimal(500), "USD")),
        ("We set aside 20.000 € for events.", ("20.000 €", Decimal(20000), "EUR")),  # continental thousands
        ("Less than 5% of donations.", ("5%", Decimal(5), "%")),
        ("We funded 12 grants this year.", ("12 grants", Decimal(12), "grants")),
    ],
)
def test_amounts_percentages_and_counts_are_read(text: str, expected: tuple[str, Decimal, str]) -> None:
    assert surfaces(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The FPA was created in November 2021 and began in 2022.",
        "FreeCAD 1.0 is out; 0.21 was the last release.",
        "Released v0.21.2 on 2023-03-20.",
        "1. First item\n2. Second item\n",
        "See [the report](https://fpa.freecad.org/2023/report-12.html) and https://example.org/5%.",
        "---\ndate: 2023-03-20\n---\n# 2022 Highlights\n",
    ],
)
def test_years_versions_list_numbers_and_links_are_not_metrics(text: str) -> None:
    assert surfaces(text) == []


def test_hedges_and_kinds() -> None:
    text = "The FPA spent approximately €26,000. We received donations of over €100,000 from 12 sponsors."
    found = extract_metrics(Report(meta=ReportMeta(), text=text))
    assert [m.qualifier for m in found] == [Qualifier.APPROX, Qualifier.APPROX_OVER, Qualifier.EXACT]
    assert [m.kind for m in found] == [MetricKind.MONEY, MetricKind.MONEY, MetricKind.COUNT]
    assert found[0].label == "The FPA spent"


def test_list_items_are_labelled_by_their_name() -> None:
    found = extract_metrics(
        Report(meta=ReportMeta(), text="Budget:\n* Reserve fund - €20,000\n* Event support - €10,000\n")
    )
    assert [m.label for m in found] == ["Reserve fund", "Event support"]


def test_language_is_told_from_the_script() -> None:
    assert is_english("We awarded 12 grants.")
    assert not is_english("全区共受理案件402件。")
    assert not is_english("12345")


@pytest.mark.parametrize(
    ("text", "surface", "value", "label"),
    [
        # a figure opening its sentence is named by what follows, never by the sentence before
        ("We ran a survey of users. 62% of respondents use FreeCAD daily.", "62%", Decimal(62), "respondents"),
        ("We met twice. Almost €2,500 was awarded to work on the code base.", "€2,500", Decimal(2500),
         "awarded to work"),
        # a scale word between the number and the noun multiplies out
        ("There were 2.3 million downloads in 2023.", "2.3 million downloads", Decimal(2300000), "downloads"),
        # a count says what was done with it
        ("We awarded 12 grants to developers.", "12 grants", Decimal(12), "awarded grants"),
    ],
)
def test_english_labels_and_scales(text: str, surface: str, value: Decimal, label: str) -> None:
    found = extract_metrics(Report(meta=ReportMeta(language="en"), text=text))
    m = next(m for m in found if m.text == surface)
    assert (m.value, m.label) == (value, label)
