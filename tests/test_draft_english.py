"""English drafts: only forward-looking sentences move a year; history and past figures stay as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

import reportkit
from reportkit.draft import roll_forward
from reportkit.draft._forms import looks_forward


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2024 we will launch a grants programme.",
        "We expect 2024 to be even busier than 2023.",
        "In 2024, we want to enable the FPA to sign contracts.",
        "Based on 2023 donations, our expected income in 2024 is around €75,000.",
        "We are determined to advance on that path in 2024.",
        "Budget for 2024",
    ],
)
def test_a_sentence_about_what_is_to_come_looks_forward(sentence: str) -> None:
    assert looks_forward(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "2023 is the second full year of functioning of the FPA.",
        "At the end of 2023, and to guide us towards 2024, we also took note of a number of issues.",
        "A new group of users, who decided to tackle UX issues, participated for the first time in 2023.",
        "In 2022 we were still trying to find our marks.",
        "We did not reach planned spending levels in 2023.",
    ],
)
def test_history_does_not_look_forward_even_with_towards_or_decided_to(sentence: str) -> None:
    assert not looks_forward(sentence)


@pytest.mark.shared
def test_the_fpa_2023_draft_keeps_its_history_and_moves_its_plans(shared: Path) -> None:
    d = roll_forward(reportkit.read(shared / "corpus" / "en" / "freecad-fpa" / "2023.txt"))
    review = " ".join(s.text for b in d.blocks if b.part.value != "plan" for s in b.sentences)
    assert "participated on its own for the first time in 2023." in review  # 'who decided to tackle…': history
    assert "At the end of 2023, and to guide us towards 2024, we also took note" in review
    assert "In 2023, the FPA has organized two meetings" in review
    assert "write off our BountySource balance of approximately 4,000 USD in 2025" in review  # expects: moves
    assert "In 2025 we will be paying special attention to these points" in review


@pytest.mark.shared
def test_the_fpa_2022_draft_keeps_its_history_and_moves_its_plans(shared: Path) -> None:
    d = roll_forward(reportkit.read(shared / "corpus" / "en" / "freecad-fpa" / "2022.txt"))
    text = " ".join(s.text for b in d.blocks if b.part.value != "plan" for s in b.sentences)
    assert "In 2022, the FPA was busy preparing for the 2023 Free and Open Source" in text
    assert "By the end of 2022, all debts related to the setup of the association were settled" in text
    assert "Starting in 2024, bookkeeping will be done" in text
    assert "We expect our 2024 income to be slightly higher than 2023" in text
