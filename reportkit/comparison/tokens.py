"""Rule-based tokens for Chinese and English report text: the units a redline and the scores work on.

Why rules and not a segmenter (jieba, pkuseg): a redline needs tokens that *partition* the text exactly
(joined back they give the sentence, offset for offset), must never cut a number from its unit, and must
behave the same on every machine.  A dictionary segmenter brings a 20 MB dictionary, a second of start-up,
and boundaries that shift with the dictionary version, and still splits ``402件`` its own way.  So:

* a number with its scale and unit is one token: ``402件``, ``7.5%``, ``1.62万亿元``, ``700多亿元``, ``两次``,
  ``三分之一`` (Arabic or Chinese numerals; the unit is a known measure word, or one CJK character after an
  Arabic number);
* a run of Latin letters/digits is one token (English words, ``M2``, ``PM2.5``);
* every other CJK character is its own token: Chinese has no spaces, and character-level matching followed
  by :func:`merge_ops` (which swallows one-character islands of equality) reads as phrase-level edits;
* whitespace runs and punctuation marks are tokens of their own.

``words`` gives the features for the similarity scores: numbers-with-units and Latin words as they are,
and CJK text as character bigrams (the usual bag-of-words stand-in for unsegmented Chinese).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz.distance import Indel

from .. import lang
from ..model import Report
from .records import TextOp

__all__ = ["WordCode", "both_english", "merge_ops", "number_re", "redline", "tokenize", "words"]

_DIGITS = "0-9\\uff10-\\uff19"  # half and full width, as a character range


def _chars(key: str) -> str:
    """A string of characters of lang/zh/units.toml, escaped for a character class."""
    return "".join(map(re.escape, lang.data("zh", "units")[key]))


@functools.cache
def number_re() -> re.Pattern[str]:
    """A number with its scale and unit (402件, 1.62万亿元, 700多亿元, 三分之一), from lang/zh/units.toml."""
    units = lang.data("zh", "units")
    # measure words and units, longest first so that 万亿元 wins over 万 and 公里 over 里
    unit_alt = "|".join(map(re.escape, sorted(units["text_units"], key=len, reverse=True)))
    cn, approx, percent = _chars("numerals"), _chars("approx"), _chars("percent")
    arabic = rf"[{_DIGITS}]+(?:[,][{_DIGITS}]{{3}}(?![{_DIGITS}]))*(?:[.\uff0e][{_DIGITS}]+)?"
    scale = rf"(?:[{approx}]?[{_chars('scales')}]+)?"
    # 多/余 may stand between the number and its unit (700多亿元, 20余次)
    after_arabic = rf"{scale}[{approx}]?(?:[{percent}]|{unit_alt}|[\u4e00-\u9fff](?<![{_chars('not_unit_after')}]))?"
    fraction = re.escape(units["fraction"])
    return re.compile(
        rf"(?:{arabic}\s?(?:[{percent}]|{after_arabic}))"
        rf"|(?:[{cn}]+{fraction}[{cn}]+)"
        rf"|(?:[{cn}]+[{approx}]?(?:{unit_alt}))"
        rf"|(?:{arabic})"
    )


@functools.cache
def _token_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<num>{number_re().pattern})"
        r"|(?P<latin>[A-Za-z\uff21-\uff3a\uff41-\uff5a][A-Za-z0-9\uff21-\uff3a\uff41-\uff5a._'\-]*)"
        r"|(?P<space>\s+)"
        r"|(?P<other>.)",
        re.DOTALL,
    )


_HAN_FIRST, _HAN_LAST = chr(0x4E00), chr(0x9FFF)  # CJK unified ideographs: _HAN_FIRST <= ch <= _HAN_LAST


@lru_cache(maxsize=4096)
def _tokenize(text: str) -> tuple[str, ...]:
    return tuple(m.group(0) for m in _token_re().finditer(text))


def tokenize(text: str) -> tuple[str, ...]:
    """Tokens whose concatenation is exactly ``text`` (see the module docstring for the rules)."""
    return _tokenize(text)


_WORDISH = re.compile(r"\w", re.UNICODE)


def words(text: str) -> list[str]:
    """Features for bag-of-words scores: numbers and Latin words whole, CJK runs as character bigrams."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) == 1:
            out.append(run[0])
        out.extend(run[i] + run[i + 1] for i in range(len(run) - 1))
        run.clear()

    for tok in _tokenize(text):
        if len(tok) == 1 and _HAN_FIRST <= tok <= _HAN_LAST:
            run.append(tok)
            continue
        flush()
        if _WORDISH.match(tok):
            out.append(tok.lower())
    flush()
    return out


def _ops_from_tokens(a: Sequence[str], b: Sequence[str]) -> list[TextOp]:
    ops: list[TextOp] = []
    for op in Indel.opcodes(list(a), list(b)):
        old = "".join(a[op.src_start : op.src_end])
        new = "".join(b[op.dest_start : op.dest_end])
        ops.append(TextOp(op.tag, old, new))
    return ops


def merge_ops(ops: Iterable[TextOp], *, island: int = 1) -> tuple[TextOp, ...]:
    """Fold changes separated by short runs of equal text into one ``replace``.

    Character-level matching of Chinese finds stray common characters (的, 法, 年) inside rewritten
    phrases; a redline that keeps them reads as noise. An ``equal`` op of at most ``island``
    characters between two changes is absorbed, and neighbouring changes are joined.
    """
    merged: list[TextOp] = []
    items = list(ops)
    for i, op in enumerate(items):
        if (
            op.op == "equal"
            and len(op.old) <= island
            and 0 < i < len(items) - 1
            and merged
            and merged[-1].op != "equal"
            and items[i + 1].op != "equal"
        ):
            op = TextOp("replace", op.old, op.new)
        if merged and op.op != "equal" and merged[-1].op != "equal":
            prev = merged.pop()
            old, new = prev.old + op.old, prev.new + op.new
            tag = "delete" if not new else "insert" if not old else "replace"
            op = TextOp(tag, old, new)
        merged.append(op)
    return tuple(merged)


def redline(old: str, new: str) -> tuple[TextOp, ...]:
    """An inline redline from ``old`` to ``new``: ops whose ``old`` parts join to ``old``, ``new`` to ``new``.

    Numbers keep their units (402件 → 450件 is one replace, never 4[02→50]件).
    """
    if old == new:
        return (TextOp("equal", old, new),) if old else ()
    return merge_ops(_ops_from_tokens(_tokenize(old), _tokenize(new)))


_LATIN_WORD = re.compile(r"[\u4e00-\u9fff]|[^\W\u4e00-\u9fff_]+(?:['’][^\W_]+)?")
_CODE_BASE, _CODE_SLOTS = 0xF0000, 65534  # Unicode plane 15, private use: never in a report's text


_STOP = frozenset(
    [
        "a", "an", "the", "we", "will", "shall", "would", "to", "of", "in", "on", "for", "and", "or", "our",
        "is", "are", "be", "been", "being", "has", "have", "had", "was", "were", "this", "that", "these",
        "those", "with", "by", "as", "at", "it", "its", "from", "into", "also",
    ]
)
_SUFFIX = re.compile(r"(?:ing|ed|es|s)$")


def _stem(word: str) -> str:
    """opened → open, grants → grant: enough for a plan's verb to meet its report in another tense."""
    stem = _SUFFIX.sub("", word)
    return stem if len(stem) >= 3 else word


class WordCode:
    """One private-use character per word, so that character-level scorers compare English by words.

    Character similarity (LCS, Indel) is right for Chinese, where a character is nearly a word; for
    English it is noise: any two long sentences share most of their letters.  Encoding each word
    (lower-cased, crudely stemmed, function words and punctuation dropped) as one character makes the
    same scorers count shared content words in order.  Chinese characters pass through as themselves.
    Codes are given in order of first sight, so one ``WordCode`` must encode both sides of a comparison.
    """

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def encode(self, text: str) -> str:
        out = []
        for w in _LATIN_WORD.findall(text):
            if _HAN_FIRST <= w[0] <= _HAN_LAST:
                out.append(w)
                continue
            key = w.lower()
            if key in _STOP:
                continue
            key = _stem(key)
            code = self._codes.get(key)
            if code is None:
                code = self._codes[key] = chr(_CODE_BASE + len(self._codes) % _CODE_SLOTS)
            out.append(code)
        return "".join(out)


def both_english(old: Report, new: Report) -> bool:
    """Whether two reports are compared by words (:class:`WordCode`) rather than by characters."""
    return old.meta.language == "en" and new.meta.language == "en"

