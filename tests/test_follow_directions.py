"""The up and down verbs are one list each (lang/zh/directions.toml), read by every rule that needs a direction."""

from __future__ import annotations

import pytest

from reportkit import lang
from reportkit.comparison.followthrough import directed
from reportkit.parse.commitments import targets as commit_targets
from reportkit.parse.metrics import context as metric_context

_USES = {"goal", "change", "cut", "promise"}


@pytest.mark.parametrize("key", ["up", "down"])
def test_each_verb_has_an_example_and_says_which_rules_read_it(key: str) -> None:
    entries = lang.data("zh", "directions")[key]
    assert len({e["word"] for e in entries}) == len(entries)
    for e in entries:
        assert e["word"] in e["example"], e
        assert e["for"] and set(e["for"]) <= _USES, e


def test_no_verb_points_both_ways() -> None:
    assert not set(lang.words("zh", "directions", "up")) & set(lang.words("zh", "directions", "down"))


def test_every_rule_reads_its_down_verbs_from_the_one_list() -> None:
    down = lang.words("zh", "directions", "down")
    for verb in lang.words_for("zh", "directions", "down", "promise"):
        m = directed._promise().match(verb + "行政诉讼案件发案量")
        assert m is not None and m.group(1) == verb and m.group(1) in down
    for verb in lang.words_for("zh", "directions", "down", "cut"):
        assert commit_targets._cut().search(f"单位地区生产总值能耗{verb}2.5%左右")
    for verb in lang.words_for("zh", "directions", "down", "change"):
        change = metric_context.stated_change(f"较去年同期{verb}27.4%", 0, 5 + len(verb), "%")
        assert change is not None and change.verb == verb and change.direction.value == "down", verb
