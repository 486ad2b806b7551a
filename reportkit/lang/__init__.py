"""Language data: one TOML file per concept, ``lang/<language>/<concept>.toml``.

Each file holds word lists and patterns with an example beside each entry; code asks for
them by name (``words("zh", "furniture", "lines")``) and builds its patterns once, on first
use, never at import. A user adds words without touching code: a folder named in the
environment variable ``REPORTKIT_LANG_PATH`` (several separated by ``os.pathsep``) may hold
``<language>/<concept>.toml`` files whose lists are appended to the bundled ones and whose
other values replace them. See docs/architecture.md.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["alternatives", "data", "message", "pattern", "union", "words", "words_for"]


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        if isinstance(old, list) and isinstance(value, list):
            out[key] = old + [v for v in value if v not in old]
        elif isinstance(old, dict) and isinstance(value, dict):
            out[key] = _merge(old, value)
        else:
            out[key] = value
    return out


@functools.cache
def data(language: str, concept: str) -> dict[str, Any]:
    """The concept's table: the bundled file, then each user file of the same name merged in."""
    bundled = resources.files(__package__).joinpath(language, f"{concept}.toml")
    table = tomllib.loads(bundled.read_text(encoding="utf-8"))
    for folder in filter(None, os.environ.get("REPORTKIT_LANG_PATH", "").split(os.pathsep)):
        extra = Path(folder) / language / f"{concept}.toml"
        if extra.is_file():
            table = _merge(table, tomllib.loads(extra.read_text(encoding="utf-8")))
    return table


def words(language: str, concept: str, key: str) -> tuple[str, ...]:
    """A word list: entries are strings, or tables whose ``word`` is the entry (and ``example`` its use)."""
    table = data(language, concept)
    built = _WORDS.get((language, concept, key))
    if built is not None and built[0] is table:  # parsers ask thousands of times a report; data() may be reloaded
        return built[1]
    out = tuple(entry if isinstance(entry, str) else entry["word"] for entry in table[key])
    _WORDS[(language, concept, key)] = (table, out)
    return out


_WORDS: dict[tuple[str, str, str], tuple[dict[str, Any], tuple[str, ...]]] = {}


@functools.cache
def words_for(language: str, concept: str, key: str, use: str) -> tuple[str, ...]:
    """The words of a list whose entries say which rules read them: those whose ``for`` names ``use``, in order.
    One list (the down verbs) serves several rules, each reading the members it was written for."""
    return tuple(e["word"] for e in data(language, concept)[key] if use in e.get("for", ()))


@functools.cache
def pattern(language: str, concept: str, key: str) -> re.Pattern[str]:
    """A compiled alternation of a word list (longest first), or the pattern stored under ``key``."""
    value = data(language, concept)[key]
    if isinstance(value, str):
        return re.compile(value)
    alternatives = sorted(words(language, concept, key), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in alternatives))


def alternatives(language: str, concept: str, key: str) -> tuple[str, ...]:
    """Regex sources of a list: a table's ``pattern`` as written; a word (a string, or a table's
    ``word``) escaped. Missing keys give nothing, so a language may leave a concept out."""
    out = []
    for entry in data(language, concept).get(key, ()):
        if isinstance(entry, str):
            out.append(re.escape(entry))
        elif "pattern" in entry:
            out.append(entry["pattern"])
        else:
            out.append(re.escape(entry["word"]))
    return tuple(out)


@functools.cache
def union(concept: str, key: str, languages: tuple[str, ...] = ("zh", "en"), flags: int = 0) -> re.Pattern[str]:
    """One pattern: the alternatives of ``key`` in every language's ``concept`` file, in order."""
    parts = [a for language in languages for a in alternatives(language, concept, key)]
    return re.compile("|".join(f"(?:{p})" for p in parts) if parts else r"(?!)", flags)


def message(language: str, table: str, code: str, args: Sequence[str] = ()) -> str | None:
    """A record (a code and its arguments) in words: the entry ``code`` of ``[table]`` in
    lang/<language>/messages.toml, each argument worded through the table its entry's ``args`` names
    (``qualifiers``: approx → 约数; ``frames`` takes two arguments, the frame and the word that said it; ``text``
    or an argument past the list shows as it is) and filled in as text, never read as a template. None when the
    catalogue lacks the code. ``message("zh", "notes", "parts_found", ("1", "2"))`` → 2 项中有 1 项见于今年报告."""
    catalogue = data(language, "messages")
    entry = catalogue.get(table, {}).get(code)
    if entry is None:
        return None
    text: str = entry if isinstance(entry, str) else entry["message"]
    kinds = () if isinstance(entry, str) else entry.get("args", ())
    rest = list(args)
    shown: list[str] = []
    for kind in kinds:
        if not rest:
            break
        value = rest.pop(0)
        if kind == "frames":
            marker = rest.pop(0) if rest else ""
            frames = catalogue["frames"]
            said: str = frames.get(f"{value}_marked" if marker else value, frames.get(value, value))
            shown.append(said.format(marker))
        else:
            shown.append(value if kind == "text" else catalogue[kind].get(value, value))
    return text.format(*shown, *rest)
