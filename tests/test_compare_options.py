"""compare(old, new, options=CompareOptions(...)): every threshold reachable, checked up front, documented."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from conftest import EXAMPLES, ROOT

import reportkit
from reportkit import CompareOptions, ReportkitError
from reportkit.cli import main
from reportkit.comparison.records import FollowStatus, ReportDiff
from reportkit.errors import UsageError


@pytest.fixture(scope="module")
def liandu() -> tuple[reportkit.Report, reportkit.Report]:
    return reportkit.read(EXAMPLES / "liandu-2022.txt"), reportkit.read(EXAMPLES / "liandu-2023.txt")


@pytest.fixture(scope="module")
def gongzuo(shared: Path) -> tuple[reportkit.Report, reportkit.Report]:
    folder = shared / "corpus" / "gongzuo" / "china-state-council"
    return reportkit.read(folder / "2014.txt"), reportkit.read(folder / "2015.txt")


def _paired(diff: ReportDiff) -> list[tuple[str, str]]:
    return [(p.old.id, p.new.id) for p in diff.metrics if p.old is not None and p.new is not None]


def test_the_default_options_are_the_comparison_without_options(liandu) -> None:  # type: ignore[no-untyped-def]
    old, new = liandu
    assert reportkit.compare(old, new, options=CompareOptions()).to_json() == reportkit.compare(old, new).to_json()


@pytest.mark.shared
def test_a_higher_pair_cutoff_pairs_fewer_figures(gongzuo) -> None:  # type: ignore[no-untyped-def]
    old, new = gongzuo
    loose = _paired(reportkit.compare(old, new))
    strict_diff = reportkit.compare(old, new, options=CompareOptions(pair_cutoff=0.9))
    strict = _paired(strict_diff)
    assert 0 < len(strict) < len(loose)
    assert all(p.similarity >= 0.9 for p in strict_diff.metrics if p.old is not None and p.new is not None)


@pytest.mark.shared
def test_min_confidence_leaves_the_less_confident_pairs_unpaired(gongzuo) -> None:  # type: ignore[no-untyped-def]
    old, new = gongzuo
    every = reportkit.compare(old, new)
    sure = reportkit.compare(old, new, options=CompareOptions(min_confidence=0.75))
    doubtful = {(p.old.id, p.new.id) for p in every.metrics if p.old and p.new and p.confidence < 0.75}
    assert doubtful and not doubtful & set(_paired(sure))
    assert set(_paired(sure)) == set(_paired(every)) - doubtful
    assert len(sure.metrics) == len(every.metrics) + len(doubtful)  # each doubtful pair is now a DROPPED and a NEW


@pytest.mark.shared
def test_a_higher_sentence_cutoff_pairs_fewer_sentences(gongzuo) -> None:  # type: ignore[no-untyped-def]
    old, new = gongzuo

    def pairs(diff: ReportDiff) -> int:
        return sum(s.old is not None and s.new is not None for s in diff.sentences)

    assert pairs(reportkit.compare(old, new, options=CompareOptions(sentence_cutoff=0.8))) < pairs(
        reportkit.compare(old, new)
    )


@pytest.mark.shared
def test_follow_through_thresholds_reach_its_strategies(gongzuo) -> None:  # type: ignore[no-untyped-def]
    old, new = gongzuo

    def outcomes(diff: ReportDiff) -> int:
        return sum(f.outcome is not None for f in diff.commitments)

    def addressed(diff: ReportDiff) -> int:
        return sum(f.status is FollowStatus.ADDRESSED for f in diff.commitments)

    base = reportkit.compare(old, new)
    assert outcomes(reportkit.compare(old, new, options=CompareOptions(outcome_cutoff=1.0))) < outcomes(base)
    assert addressed(reportkit.compare(old, new, options=CompareOptions(evidence_cutoff=0.95))) < addressed(base)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("pair_cutoff", 1.5),
        ("sentence_cutoff", -0.1),
        ("min_confidence", float("nan")),
        ("evidence_bigrams", 1.5),
        ("indicator_min", 0),
        ("level_spread", 0.5),
        ("tolerance", "much"),
        ("outcome_cutoff", True),
    ],
)
def test_a_value_out_of_range_is_a_usage_error_naming_the_option(name: str, value: object) -> None:
    with pytest.raises(UsageError, match=rf"compare option {name} must be .*\(got ") as caught:
        CompareOptions(**{name: value})
    assert isinstance(caught.value, ReportkitError) and isinstance(caught.value, ValueError)


def test_spreads_and_tolerance_are_decimals_whatever_number_is_given() -> None:
    o = CompareOptions(level_spread=2.5, tolerance="0.1", growth_spread=12)
    assert (o.level_spread, o.tolerance, o.growth_spread) == (Decimal("2.5"), Decimal("0.1"), Decimal(12))


def test_compare_rejects_options_of_another_type(liandu) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError, match="options=CompareOptions"):
        reportkit.compare(*liandu, options={"pair_cutoff": 0.9})  # type: ignore[arg-type]


def test_the_cli_flags_reach_compare(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import reportkit.api

    seen: list[CompareOptions | None] = []
    real = reportkit.api.compare

    def spy(old: reportkit.Report, new: reportkit.Report, *, options: CompareOptions | None = None) -> ReportDiff:
        seen.append(options)
        return real(old, new, options=options)

    monkeypatch.setattr(reportkit.api, "compare", spy)
    out = tmp_path / "d.json"
    argv = ["diff", str(EXAMPLES / "liandu-2022.txt"), str(EXAMPLES / "liandu-2023.txt"), "--json", str(out)]
    assert main([*argv, "--pair-cutoff", "0.9", "--sentence-cutoff", "0.7", "--min-confidence", "0.75"]) == 0
    assert seen[-1] == CompareOptions(pair_cutoff=0.9, sentence_cutoff=0.7, min_confidence=0.75)
    assert main(argv) == 0
    assert seen[-1] == CompareOptions()


def test_a_cli_flag_out_of_range_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["diff", str(EXAMPLES / "liandu-2022.txt"), str(EXAMPLES / "liandu-2023.txt"), "--pair-cutoff", "2"]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["reportkit: error: compare option pair_cutoff must be a number from 0 to 1 (got 2.0)"]


def test_docs_api_lists_every_option_with_its_default() -> None:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    section = text.split("## Comparison options", 1)[1].split("\n## ", 1)[0]
    rows = dict(re.findall(r"^\| `(\w+)` \| ([^|]+) \|", section, re.MULTILINE))
    defaults = {f.name: f.default for f in attrs.fields(CompareOptions)}
    assert set(rows) == set(defaults)
    for name, default in defaults.items():
        assert Decimal(rows[name].strip()) == Decimal(str(default)), name
