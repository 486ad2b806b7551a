"""Cutting a plan into commitment clauses (gold/README.md "Commitments").

A clause ends at ``，；。！？：`` (full or half width) or a paragraph break, never inside
brackets, quotes or book-title marks. A ``、``-list of separate work items sharing
one action verb (``持续开展A、B、C等行动``, ``推进A、B、C``) becomes one clause per item,
the first keeping the verb and the others recording it as ``governing_verb``. Lists of
domains or means (the list is followed by more words), ``坚持A、B、C`` and lists under
an outcome verb stay whole.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence

import attrs

from ... import lang

__all__ = [
    "Clause", "action_verbs", "head_verb", "merge_fragments", "split_clauses", "split_list", "strip_adverbs",
    "top_level_commas",
]

# Read at import: split_clauses tests every event character against these (lang/zh/punctuation.toml).
_PUNCTUATION = lang.data("zh", "punctuation")
_BREAKS = frozenset(str(_PUNCTUATION["clause_breaks"]))
_OPEN = str(_PUNCTUATION["brackets_open"])
_CLOSE = str(_PUNCTUATION["brackets_close"])
_LIST_COMMA = str(lang.data("zh", "commitments")["list_comma"])  # 推进A、B、C
_PAIR = dict(zip(_OPEN, _CLOSE, strict=True))
_BRACKET_REACH = 120
# the characters split_clauses acts on: breaks, brackets, and a space before a space
_ALNUM = re.compile(r"[^\W_]")  # exactly the characters str.isalnum accepts
_LIST_EVENT = re.compile("[" + re.escape(_LIST_COMMA) + re.escape(_OPEN + _CLOSE) + "]")
_EVENT = re.compile("[" + re.escape("".join(sorted(_BREAKS)) + _OPEN + _CLOSE) + "]| (?= )")



def _words(key: str) -> tuple[str, ...]:
    """A word list of lang/zh/commitments.toml."""
    return lang.words("zh", "commitments", key)


def _text(key: str) -> str:
    return str(lang.data("zh", "commitments")[key])


@functools.cache
def _adverb_re() -> re.Pattern[str]:
    """Words that may stand before the verb without changing what is committed to, longest first."""
    return re.compile("^(?:" + "|".join(sorted(map(re.escape, _words("adverbs")), key=len, reverse=True)) + ")+")


def action_verbs() -> tuple[str, ...]:
    """Verbs that introduce work items; a 、-list after one of them is split."""
    return _words("action_verbs")


@functools.cache
def _action_re() -> re.Pattern[str]:
    return re.compile("|".join(action_verbs()))


_MIN_ITEM = 4  # shorter items are nouns of one object (获得感、满意度), not work items


@attrs.frozen
class Clause:
    start: int
    end: int
    governing_verb: str | None = None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "|*-•·>#"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_clauses(
    text: str, start: int, end: int, *, skip: Sequence[tuple[int, int]] = ()
) -> Iterator[tuple[int, int]]:
    """Clause spans of ``text[start:end]``: cut at clause punctuation outside brackets.

    ``skip`` spans (headings) act as breaks and are left out.
    """
    depth: list[str] = []
    skips = sorted(skip)
    lo = start
    i = start
    k = 0
    while i < end:
        while k < len(skips) and skips[k][1] <= i:
            k += 1
        if k < len(skips) and skips[k][0] <= i < skips[k][1]:
            yield from _emit(text, lo, i)
            i = lo = skips[k][1]
            depth.clear()
            continue
        # visit only the characters that can change anything (most are plain text) up to the
        # next skip; the scan reaches one past it so that a space can see the space after it
        limit = min(end, skips[k][0]) if k < len(skips) else end
        for m in _EVENT.finditer(text, i, min(end, limit + 1)):
            j = m.start()
            if j >= limit:
                break
            ch = text[j]
            if depth and ch == depth[-1]:
                depth.pop()
            elif ch in _PAIR and text.find(_PAIR[ch], j + 1, min(end, j + _BRACKET_REACH)) >= 0:
                depth.append(_PAIR[ch])  # an opener never closed nearby is a typo: it must not swallow the plan
            elif ch == "\n":
                depth.clear()  # a paragraph break closes whatever a typo left open
                yield from _emit(text, lo, j)
                lo = j + 1
            elif ch in _BREAKS and not depth:
                yield from _emit(text, lo, j)
                lo = j + 1
            elif ch == " " and j + 1 < end and text[j + 1] == " " and not depth:
                yield from _emit(text, lo, j)  # two spaces: a paragraph gap in flattened text
                lo = j + 1
        i = limit
    yield from _emit(text, lo, end)


def _emit(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    s, e = _trim(text, start, end)
    if e - s >= 2 and _ALNUM.search(text, s, e):
        yield s, e


def merge_fragments(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin ``以X，为Y`` when a stray comma cut the construction in two."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            prev = text[ps:pe]
            opener, joint = _text("frame_open"), _text("frame_join")
            if prev.startswith(opener) and joint not in prev[1:] and text[s] == joint and e - s <= 6:
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def strip_adverbs(clause: str) -> tuple[str, int]:
    """The clause without leading adverbs, and how many characters were dropped."""
    m = _adverb_re().match(clause)
    n = m.end() if m else 0
    return clause[n:], n


def head_verb(clause: str) -> str | None:
    """The adverbs and action verb a clause opens with (``持续开展``), if it opens with one."""
    rest, n = strip_adverbs(clause)
    m = _action_re().match(rest)
    if m is None:
        return None
    lead = clause[:n]
    for word in _words("adverbs_dropped") if lead else ():
        lead = lead.replace(word, "")
    return lead + m.group()


def top_level_commas(text: str, start: int, end: int) -> list[int]:
    """Offsets of 、 outside brackets and quotes."""
    out: list[int] = []
    if text.find(_LIST_COMMA, start, end) < 0:
        return out  # most clauses hold no list
    depth: list[str] = []
    for m in _LIST_EVENT.finditer(text, start, end):  # other characters change nothing
        i = m.start()
        ch = text[i]
        if depth and ch == depth[-1]:
            depth.pop()
        elif ch in _PAIR:
            depth.append(_PAIR[ch])
        elif ch == _LIST_COMMA and not depth:
            out.append(i)
    return out


def split_list(text: str, start: int, end: int) -> list[Clause]:
    """One clause, or one per work item when it is a verb over a 、-list of work items."""
    clause = text[start:end]
    verb = head_verb(clause)
    commas = top_level_commas(text, start, end) if verb is not None else []
    if verb is None or not commas:
        return [Clause(start, end)]
    first = start + clause.index(verb) + len(verb)
    if commas[0] < first:
        return [Clause(start, end)]
    bounds = [first, *[c + 1 for c in commas]]
    ends = [*commas, end]
    last_s, last_e = bounds[-1], ends[-1]
    tail = lang.pattern("zh", "commitments", "list_tail").search(text[last_s:last_e])
    if tail is not None:
        last_e = last_s + tail.start()
    items = list(zip(bounds, ends[:-1], strict=False)) + [(last_s, last_e)]  # the last item is cut apart
    if any(e - s < _MIN_ITEM for s, e in items):
        return [Clause(start, end)]
    # The last item must read like the others: a list of domains goes on after its last item
    # (…安全生产等关系群众利益的重点领域执法力度), a list of items does not.
    if tail is None and _text("list_domain") in text[last_s:last_e]:
        return [Clause(start, end)]
    if tail is None and _longer_than_peers(items):
        return [Clause(start, end)]
    out = [Clause(start, items[0][1], None)]
    out += [Clause(s, e, verb) for s, e in items[1:]]
    return out


def _longer_than_peers(items: list[tuple[int, int]]) -> bool:
    lengths = [e - s for s, e in items]
    peers = max(lengths[:-1])
    return lengths[-1] > 2 * peers + 4
