"""The word lists of lang/zh/forms.toml (and lang/en/forms.toml): what a workbook cell takes, which figures get
no row, how a change is worded.

Loaded once, lazily (importing reportkit does no work). Every rule matches characters, never words
split on spaces, so it holds for Chinese.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .. import lang
from ..model import MetricKind
from . import _layout as L

WHOLE, DECIMAL, SHARE, SIGNED = "whole", "decimal", "share", "signed"


def words(name: str) -> tuple[str, ...]:
    """A word list of both languages: the Chinese words, then the English ones."""
    english = lang.data("en", "forms").get(name, {}).get("words", [])
    return tuple(lang.data("zh", "forms")[name]["words"]) + tuple(english)


def _has(text: str, name: str) -> bool:
    low = text.lower()
    return any(w in low for w in words(name))


def answer_kind(label: str, unit: str, kind: MetricKind) -> str:
    """What the cell of a figure takes: a whole count, a share (0–100), a signed growth rate, a decimal."""
    u = unit.strip()
    if u in L.say("zh", "percent_units") or kind is MetricKind.RATE:
        if kind is MetricKind.CHANGE or (_has(label, "growth_words") and not _has(label, "share_words")):
            return SIGNED
        return SHARE
    if u and not L.pattern("scale").match(u) and u.lower() in words("whole_units"):
        return WHOLE
    return DECIMAL


def is_baseline(label: str) -> bool:
    """人口14亿, 面积1.64万平方公里: facts about the place, not answers a department gives."""
    return _has(label, "baseline_words")


def names_a_thing(after: str) -> bool:
    """12345市民服务热线: the characters after a number make it a name."""
    return any(w in after for w in words("name_after"))


def is_vague(label: str) -> bool:
    stripped = label.strip()
    return len(stripped) <= 2 or stripped in words("vague_labels")


def is_target_sentence(text: str) -> bool:
    return any(w in text for w in words("target_sentence"))


def looks_forward(sentence: str) -> bool:
    """An English sentence that looks forward (lang/en/years.toml): a forward word, or a weak one
    (towards, decided to) in a sentence with no past tense."""
    low = " " + re.sub(r"[^a-z0-9 ]+", " ", sentence.lower()) + " "

    def has(key: str) -> bool:
        return any(f" {w} " in low for w in lang.words("en", "years", key))

    return has("forward") or has("weak") and not has("past")


def genre_of(title: str, head: str) -> str:
    """The genre named by a title (or, failing that, the opening of the text): 政府工作报告 …, or ""."""
    for text in (title, head):
        for marker, genre in lang.data("zh", "forms")["genres"]["order"]:
            if marker in text:
                return str(genre)
    return ""


def change_phrase(genre: str, language: str, family: str, old: Decimal, new: Decimal, unit: str) -> str | None:
    """较上年增长8.5% / 比上年增加26件 / 提高0.3个百分点, as the genre words it; None if it cannot be computed."""
    from ._text import format_decimal, percent_change

    table = lang.data("en" if language == "en" else "zh", "forms")["change_phrases"]
    key = "en" if language == "en" else (genre if genre in table else "")
    pattern = str(table[key][family])
    diff = new - old
    if "{pct}" in pattern:
        pct = percent_change(old, new)
        if pct is None:
            return None
        up = pct > 0
        if pct == 0:
            return str(L.say(language, "unchanged"))
    else:
        up = diff > 0
        if diff == 0:
            return str(L.say(language, "unchanged"))
        pct = None
    words_for = "rate" if "{pp}" in pattern else ("count" if "{diff}" in pattern else "money")
    up_word, down_word = lang.data("en" if language == "en" else "zh", "forms")["change_words"][
        "en" if language == "en" else words_for
    ]
    return pattern.format(
        word=up_word if up else down_word,
        pct=format_decimal(abs(pct)) if pct is not None else "",
        diff=format_decimal(abs(diff)),
        pp=format_decimal(abs(diff)),
        unit=unit,
    )
