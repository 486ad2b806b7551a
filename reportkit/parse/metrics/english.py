"""English metrics: amounts (€20,000, 1.5k EUR, 20 000 €, $500), percentages, counts with nouns (12 grants).

Years, dates, version numbers (FreeCAD 1.0, 0.21), list numbering, URLs and Markdown
link targets are masked first, so a number inside them is never read.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from decimal import Decimal

import attrs

from ...model import Qualifier
from ..text.numbers import arabic_to_decimal
from .scan import Candidate, hop_finditer

__all__ = ["scan_english"]




_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_MASKS = re.compile(
    r"https?://\S+|www\.\S+|\]\([^)\s]*\)|`[^`\n]*`|\{\{[^}]*\}\}|<[^>\n]*>"
    r"|\A---\n.*?\n---\n"
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"|\b[vV]?\d+(?:\.\d+){2,}\b|\b(?:[vV]|version\s|FreeCAD\s|release\s|Python\s|Qt\s?)\d+(?:\.\d+)*\b"
    r"|^[ \t]*(?:[-*+][ \t]+)?\d+[.)][ \t]",
    re.DOTALL | re.MULTILINE | re.IGNORECASE,
)
_NUM = r"\d{1,3}(?:(?:,|\u00a0| (?=\d{3}\b))\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?P<sc>[kKM]\b|\s(?:thousand|million|billion)\b)"
_FACT = re.compile(
    rf"(?P<cur>€|\$|USD\s?|EUR\s?)(?P<n1>{_NUM}){_SCALE}?"
    rf"|(?P<n2>{_NUM}){_SCALE.replace('sc', 'sc2')}?\s?(?P<cur2>€|EUR\b|USD\b|euros?\b|dollars?\b)"
    rf"|(?P<n3>{_NUM})\s?(?P<pct>%|percent\b|per cent\b)"
    rf"|(?P<n4>{_NUM})(?:\s(?P<sc4>thousand|million|billion))?\s(?P<adj>(?:new|more|active|additional|different|major|main|open|full|paid|small|large"
    r"|[a-z]+(?:al|ic|ive|ful|ous|ary|ed))\s)?"
    r"(?P<noun>[a-z][a-z-]{2,})\b"
)
_HEDGES: tuple[tuple[re.Pattern[str], Qualifier], ...] = (
    (
        re.compile(r"(?:about|around|approximately|roughly|nearly|almost|some|~)\s?$", re.IGNORECASE),
        Qualifier.APPROX,
    ),
    (re.compile(r"(?:over|more than|in excess of|above|exceeding)\s$", re.IGNORECASE), Qualifier.APPROX_OVER),
    (re.compile(r"(?:at least|no less than|a minimum of)\s$", re.IGNORECASE), Qualifier.AT_LEAST),
    (
        re.compile(r"(?:less than|under|up to|at most|no more than|below)\s$", re.IGNORECASE),
        Qualifier.AT_MOST,
    ),
)
_CLAUSE = re.compile(r"[.;:!?()\n*\-–—|\[\]]\s")
_FILLER = re.compile(
    r"\s*\b(?:about|around|approximately|roughly|nearly|almost|over|more than|in excess of|less than|under|up to|"
    r"at least|just|a total|total|of|is|was|were|are|to|the|a|an|by|for|with|and|or|in|on|at|some)\s*$",
    re.IGNORECASE,
)
_NOT_NOUNS = frozenset(
    [
        "and",
        "the",
        "for",
        "with",
        "from",
        "into",
        "over",
        "under",
        "about",
        "than",
        "that",
        "this",
        "these",
        "those",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "per",
        "out",
        "off",
        "via",
        "who",
        "which",
        "when",
        "where",
        "what",
        "while",
        "times",
        "also",
        "only",
        "but",
        "not",
        "yet",
        "all",
    ]
)
_SCALES = {
    "k": 1000,
    "K": 1000,
    "M": 1_000_000,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}


# Where a match of _MASKS / _FACT can begin (a superset): a URL, link, code or template
# opener, a digit, a line start, or a word starting like a month, "v", "version", "FreeCAD",
# "release", "Python" or "Qt"; a currency sign or a digit. ``finditer`` tries every pattern
# branch at every character; hopping between these places and matching there finds the
# same matches several times faster.
_MASK_HOP = re.compile(r"^|[hw\]`{<\d]|\b[jfmasondvrpq]", re.IGNORECASE | re.MULTILINE)
_FACT_HOP = re.compile(r"[€$UE\d]")


def scan_english(text: str) -> Iterator[Candidate]:
    masks = [(m.start(), m.end()) for m in hop_finditer(_MASKS, _MASK_HOP, text)]
    starts = [s for s, _ in masks]
    for m in hop_finditer(_FACT, _FACT_HOP, text):
        i = bisect.bisect_right(starts, m.end() - 1) - 1
        if i >= 0 and masks[i][1] > m.start():
            continue
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "./#"):
            continue  # part of a word, a version or an anchor
        cand = _candidate(m)
        if cand is not None:
            before = _label(text, m.start())
            if cand.label:  # a count: what it counts, and what was done with it (awarded 12 grants)
                label = f"{before} {cand.label}".strip()
            else:
                label = before or _label_after(text, m.end())
            yield attrs.evolve(cand, suffix_qualifier=_hedge(text, m.start()), label=label)


def _hedge(text: str, start: int) -> Qualifier | None:
    before = text[max(0, start - 24) : start].replace("*", "")
    return next((q for rx, q in _HEDGES if rx.search(before)), None)


def _label(text: str, start: int) -> str:
    """The words before an amount, in its clause, without hedges and function words (income in 2023).

    A list item (``* Reserve fund - €20,000``) is named by what stands before the dash.
    """
    window = text[max(0, start - 80) : start].replace("*", "")
    pieces = _CLAUSE.split(window)
    # its own clause only (a figure opening a sentence names nothing before it), or, in a list item, the
    # name before its dash or colon
    candidates = pieces[-1:] + (pieces[-2:-1] if _NAMED_BY.search(window) else [])
    for clause in candidates:
        phrase = _PRONOUN.sub("", " ".join(clause.split()[-6:]))
        for _ in range(6):
            shorter = _FILLER.sub("", phrase).strip(" -,(~")
            if shorter == phrase:
                break
            phrase = shorter
        if phrase:
            return phrase
    return ""


_NAMED_BY = re.compile(r"[-–—:]\s*(?:about|around|approximately|~)?\s*$", re.IGNORECASE)


# 62% of respondents …, €2,500 was awarded to work on the code base: of/in/for or a passive's auxiliary first
_AFTER = re.compile(
    r"\s*(?:of\s+|in\s+|for\s+|(?:was|were|is|are|has been|have been)\s+)?"
    r"((?:the\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,4})"
)
_AFTER_STOP = re.compile(
    r"\s+(?:is|was|were|are|has|have|had|said|say|says|will|would|can|could|and|or|but|use|uses|used|come|comes"
    r"|came|think|thinks|want|wants|like|likes|prefer|prefers|make|makes|made|in|on|at|during)\b.*$"
)
_PRONOUN = re.compile(
    r"^(?:We|I|They|It|This|These|There|Our|Their)\b\s*(?:were|was|are|is|have|has|had)?\s*", re.IGNORECASE
)


def _label_after(text: str, end: int) -> str:
    """The words after a figure that opens its sentence (62% of respondents use …): what it measures."""
    m = _AFTER.match(text, end)
    if m is None:
        return ""
    return _AFTER_STOP.sub("", m.group(1)).strip()


_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _candidate(m: re.Match[str]) -> Candidate | None:
    raw = m.group("n1") or m.group("n2") or m.group("n3") or m.group("n4")
    if (m.group("cur") or m.group("cur2")) and _DOTTED_THOUSANDS.fullmatch(raw):
        raw = raw.replace(".", ",")  # 20.000 €: continental thousands, never twenty euros to three places
    value = arabic_to_decimal(raw.replace("\u00a0", " "))
    scale = (m.group("sc") or m.group("sc2") or m.group("sc4") or "").strip()
    if scale:
        value *= Decimal(_SCALES[scale])
    if m.group("cur") or m.group("cur2"):
        cur = (m.group("cur") or m.group("cur2")).strip().lower()
        unit = "USD" if cur in ("$", "usd", "dollar", "dollars") else "EUR"
        return Candidate(
            m.start(), m.end(), value, unit, "arabic", surface_unit=cur if cur not in ("eur", "usd") else None
        )
    if m.group("pct"):
        return Candidate(m.start(), m.end(), value, "%", "arabic")
    noun = m.group("noun")
    if "." in raw and noun in ("version", "release", "series"):
        return None
    year_like = value == int(value) and 1900 <= value <= 2100 and "," not in raw
    if noun in _NOT_NOUNS or year_like or noun.startswith(("st", "nd", "rd", "th")) and len(noun) == 2:
        return None
    adj = m.group("adj") or ""
    return Candidate(m.start(), m.end(), value, noun, "arabic", label=(adj + noun).strip())
