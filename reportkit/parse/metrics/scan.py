"""Find number-plus-unit candidates in Chinese text, and drop the numeral-like strings that are not facts.

One compiled regex finds every numeral; a second, anchored one reads what follows it
(余/多, 万/亿, the unit, 以上/左右). Each step looks at a bounded window, so a scan is
linear in the text. What is left out (years, dates, ordinals, codes, slogans) follows
../shared/gold/README.md; the rules are about shapes of text, never about one report.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from ... import lang
from ...model import Qualifier
from ..text.numbers import (
    MEASURE_WORDS,
    MONEY_UNITS,
    PLACE_NOUNS,
    TIME_UNITS,
    arabic_to_decimal,
    cn_numeral_chars,
    fraction_value,
    parse_chinese,
    scale_factor,
)
from .candidate import Candidate
from .filters import excluded, members_listed, truncated_ok

__all__ = ["Candidate", "hop_finditer", "scan"]


def _data(concept: str, key: str) -> Any:
    return lang.data("zh", concept)[key]


def _filled(key: str) -> str:
    """A pattern of lang/zh/numerals.toml with its placeholders filled: {cn} a Chinese numeral character,
    {ar} an Arabic number."""
    source: str = _data("numerals", key)
    return source.replace("{cn}", f"[{cn_numeral_chars()}]").replace("{ar}", _data("numerals", "arabic"))


@functools.cache
def _number() -> re.Pattern[str]:
    """Every numeral: 三分之一, 1/3, 一半, 百分之五十, 1,789, 三千五百 (lang/zh/numerals.toml ``number``)."""
    return re.compile(_filled("number"))


@functools.cache
def _number_start() -> re.Pattern[str]:
    """Every branch of ``_number()`` opens with a digit or a Chinese numeral. Its search tries all branches at
    every character; hopping between these characters and matching there finds the same numbers several
    times faster."""
    return re.compile(rf"[\d{re.escape(cn_numeral_chars())}]")


def _next_number(text: str, pos: int) -> re.Match[str] | None:
    """``_number().search(text, pos)``."""
    while True:
        hop = _number_start().search(text, pos)
        if hop is None:
            return None
        m = _number().match(text, hop.start())
        if m is not None:
            return m
        pos = hop.start() + 1


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.cache
def _tail() -> re.Pattern[str]:
    """What follows a numeral: 余/多, the scale, the unit, 以上/左右 (lang/zh/numerals.toml ``tail``)."""
    units = _alternation(MEASURE_WORDS + MONEY_UNITS + TIME_UNITS + PLACE_NOUNS)
    suffixes = "|".join(re.escape(e["word"]) for e in _data("qualifiers", "after"))
    more = "|".join(re.escape(w) for w in lang.words("zh", "qualifiers", "more"))
    source: str = _data("numerals", "tail")
    source = source.replace("{more}", more).replace("{units}", units)
    return re.compile(source.replace("{suffixes}", suffixes))


_MAX_DIGITS = 13


@functools.cache
def _suffix_qualifier() -> dict[str, Qualifier]:
    """以上 → approx_over, 左右 → approx, 以内 → at_most … (lang/zh/qualifiers.toml ``after``)."""
    return {e["word"]: Qualifier(e["qualifier"]) for e in _data("qualifiers", "after")}


@functools.cache
def _masks() -> re.Pattern[str]:
    """Dates and date-like codes, masked before numbers are read (lang/zh/numerals.toml ``masks``)."""
    return lang.pattern("zh", "numerals", "masks")


@functools.cache
def _mask_hop() -> re.Pattern[str]:
    """Where a mask can begin: a digit, an opening bracket, the h of http."""
    return lang.pattern("zh", "numerals", "mask_hop")


def _re(concept: str, key: str) -> re.Pattern[str]:
    return lang.pattern("zh", concept, key)


def hop_finditer(pattern: re.Pattern[str], hop: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that never matches empty, trying it only where ``hop`` matches."""
    pos = 0
    while True:
        h = hop.search(text, pos)
        if h is None or h.start() >= len(text):  # a zero-width hop (^) can find the end: nothing starts there
            return
        m = pattern.match(text, h.start())
        if m is None:
            pos = h.start() + 1
        else:
            yield m
            pos = m.end()


def scan(text: str) -> Iterator[Candidate]:
    """Every numeric fact candidate in ``text``, in text order."""
    masks = [(m.start(), m.end()) for m in hop_finditer(_masks(), _mask_hop(), text)]
    # A short quoted term is a name (“一网通办”, “最多跑一次”), not a fact, unless its members are listed.
    quotes = [(m.start(), m.end()) for m in _re("not_facts", "quoted").finditer(text)]
    mask_starts = [s for s, _ in masks]
    quote_starts = [s for s, _ in quotes]
    content_end = len(text.rstrip())
    pos = 0
    while True:
        m = _next_number(text, pos)
        if m is None:
            return
        cand = _read(text, m, content_end)
        quoted = _inside(quotes, quote_starts, m.start(), m.end())
        if cand is None and quoted and m.group("cn"):
            cand = _enumerated(text, m)
        pos = m.end() if cand is None else max(cand.end, m.end())
        if cand is None or _inside(masks, mask_starts, cand.start, cand.end):
            continue
        if cand.truncated and not truncated_ok(text, cand):
            continue
        if not cand.truncated and excluded(text, cand, quoted):
            continue
        yield cand


def _enumerated(text: str, m: re.Match[str]) -> Candidate | None:
    """A quoted numeral + noun (“四统一”) whose members the text lists: the noun is the unit."""
    quote_open, quote_close = _data("not_facts", "quote_open"), _data("not_facts", "quote_close")
    if m.start() == 0 or text[m.start() - 1] != quote_open:
        return None
    close_q = text.find(quote_close, m.end(), m.end() + 6)
    value = parse_chinese(m.group("cn"))
    if close_q < 0 or value is None or value.high is not None or value.value < 2:
        return None
    term = text[m.start() - 1 : close_q + 1]  # the quoted name is the steadiest label it has
    noun = text[m.end() : close_q]
    if len(noun) > 1 and noun[0] in _data("not_facts", "enumerated_lead"):
        noun = noun[1:]  # “五大改革任务” counts 改革任务
    cand = Candidate(m.start(), close_q, value.value, noun, "chinese", label=term)
    return cand if members_listed(text, cand) else None


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and spans[i][1] > start:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < end


@functools.cache
def _shared_unit() -> re.Pattern[str]:
    """Numbers listed before the unit they share: 分别高4.2和0.7个百分点."""
    return re.compile(_filled("shared_unit"))


def _read(text: str, m: re.Match[str], content_end: int) -> Candidate | None:
    """The candidate starting with numeral ``m``, or None where nothing countable follows it."""
    if m.group("frac") is not None or m.group("anum") is not None or m.group("half") is not None:
        return _fraction(text, m)
    if m.group("pct") is not None:
        raw = m.group("pct")
        num = arabic_to_decimal(raw) if _numeral(raw) == "arabic" else _cn_value(raw)
        return None if num is None else Candidate(m.start(), m.end(), num, "%", _numeral(raw))
    raw = m.group("ar") or m.group("cn")
    numeral = _numeral(raw)
    high: Decimal | None = None
    if numeral == "arabic":
        if sum(ch.isdigit() for ch in raw) > _MAX_DIGITS:
            return None  # ID numbers, credit codes, phone numbers: codes, not quantities
        value = arabic_to_decimal(raw)
    else:
        parsed = parse_chinese(raw)
        if parsed is None:
            return None
        value, high = parsed.value, parsed.high
    tail = _tail().match(text, m.end())
    assert tail is not None  # every part of the tail is optional
    scale = _scale(tail)
    if numeral == "chinese" and scale:
        return None  # 万 belongs to the Chinese numeral itself
    unit = tail.group("unit") or ""
    qualifier = Qualifier.APPROX_OVER if tail.group("ap1") or tail.group("ap2") else None
    if tail.group("suf"):
        qualifier = _suffix_qualifier()[tail.group("suf")]
    if not unit:
        return _without_unit(text, m, tail, value, content_end, qualifier)
    if high is not None:
        qualifier = Qualifier.RANGE
        high *= scale_factor(scale)
    value *= scale_factor(scale)
    base, surface = _unit_parts(unit, scale)
    if unit in _data("units", "percent") and _re("numerals", "range_sep").match(text, tail.end()):
        rng = _range(text, m, value, numeral)
        if rng is not None:
            return rng
    return Candidate(m.start(), tail.end(), value, base, numeral, qualifier, high, surface)


def _scale(tail: re.Match[str]) -> str:
    """The scale word, whole again where a 多 split it: 万…亿 → 万亿."""
    scale = tail.group("scale") or ""
    return scale + (tail.group("scale2") or "")  # scale2 only ever follows a scale (its lookbehind)


def _without_unit(
    text: str,
    m: re.Match[str],
    tail: re.Match[str],
    value: Decimal,
    content_end: int,
    qualifier: Qualifier | None,
) -> Candidate | None:
    """A number with no measure word: cut off by the end of the text, scaled (6000万), a range or a list."""
    numeral = _numeral(m.group(0))
    if numeral != "arabic":
        return None
    scale = _scale(tail)
    if scale:  # 6000万农村人口: the scale word is all the unit there is
        end = tail.end()
        while text[end - 1].isspace():
            end -= 1
        return Candidate(m.start(), end, value * scale_factor(scale), "", numeral, qualifier, None, scale)
    if m.end() >= content_end:  # 申请材料525⏎: the text is cut right after the number
        return Candidate(m.start(), m.end(), value, "", numeral, truncated=True)
    shared = _shared_unit().match(text, m.end())
    if shared is not None:  # 分别高4.2和0.7个百分点: the unit after the last number is everyone's
        last = _tail().match(text, shared.end())
        assert last is not None
        if last.group("unit") and not last.group("scale") and not last.group("ap1"):
            base, _ = _unit_parts(last.group("unit"), "")
            return Candidate(m.start(), m.end(), value, base, numeral)
    return _range(text, m, value, numeral)


def _fraction(text: str, m: re.Match[str]) -> Candidate | None:
    """三分之一, 1/3, 一半 (unit ``fraction``, six places), with a suffix hedge such as 以上."""
    if m.group("frac") is not None:
        value = fraction_value(m.group("frac"), m.group("fnum"))
        numeral = "chinese"
    elif m.group("half") is not None:
        value, numeral = Decimal("0.5"), "chinese"
    else:
        num, den = Decimal(m.group("anum")), Decimal(m.group("aden"))
        value = None if num == 0 or num >= den else (num / den).quantize(Decimal("0.000001"))
        numeral = "arabic"
    if value is None:
        return None
    suffix = _re("qualifiers", "after_fraction").match(text, m.end())
    end = suffix.end() if suffix else m.end()
    qualifier = _suffix_qualifier()[suffix.group(0)] if suffix else None
    return Candidate(m.start(), end, value, "fraction", numeral, qualifier)


def _range(text: str, m: re.Match[str], low: Decimal, numeral: str) -> Candidate | None:
    """``6.5%－7%``, ``3-5个``, ``10至15天``: one fact with ``value_high``."""
    first = _re("numerals", "range_low_end").match(text, m.end())
    assert first is not None
    sep = _re("numerals", "range_sep").match(text, first.end())
    if sep is None:
        return None
    second = _number().match(text, sep.end())
    if second is None or second.group("ar") is None or numeral != "arabic":
        return None
    tail = _tail().match(text, second.end())
    assert tail is not None
    unit = tail.group("unit") or ""
    if not unit or tail.group("ap1") or tail.group("ap2"):
        return None
    scale = tail.group("scale") or ""
    high = arabic_to_decimal(second.group("ar")) * scale_factor(scale)
    if high <= low:
        return None
    base, surface = _unit_parts(unit, scale)
    return Candidate(
        m.start(), tail.end(), low * scale_factor(scale), base, numeral, Qualifier.RANGE, high, surface
    )


def _unit_parts(unit: str, scale: str) -> tuple[str, str | None]:
    base = _data("units", "aliases").get(unit, unit)
    return base, (scale + base if scale else None)


def _cn_value(raw: str) -> Decimal | None:
    parsed = parse_chinese(raw)
    return None if parsed is None or parsed.high is not None else parsed.value


def _numeral(raw: str) -> str:
    return "chinese" if raw[0] in cn_numeral_chars() else "arabic"
