"""What kind of report a text is (lang/<language>/genres.toml), and what its title's year means."""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs

from ... import lang

OTHER = "other"
_OPENING = 1500  # genre words of the text count in the opening of the body only


@attrs.frozen
class Genre:
    id: str
    name: str
    title_year: str = "reviewed"  # or "delivered": see genres.toml
    title: tuple[str, ...] = ()
    text: tuple[str, ...] = ()


@functools.cache
def genres(language: str) -> tuple[Genre, ...]:
    table: list[dict[str, Any]] = lang.data(language, "genres")["genre"]
    return tuple(
        Genre(g["id"], g["name"], g.get("title_year", "reviewed"), tuple(g.get("title", ())), tuple(g.get("text", ())))
        for g in table
    )


def by_id(genre_id: str | None, language: str = "zh") -> Genre | None:
    return next((g for g in genres(language) if g.id == genre_id), None)


def _squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s)


def detect(title: str | None, body: str, language: str) -> tuple[str, str]:
    """(genre id, where it came from: ``title``, ``text`` or ``default``)."""
    known = genres(language)
    if title:
        flat = _squeeze(title).lower()
        for g in known:
            if any(_squeeze(w).lower() in flat for w in g.title):
                return g.id, "title"
    opening = _squeeze(body[:_OPENING]).lower()
    for g in known:
        if any(_squeeze(w).lower() in opening for w in g.text):
            return g.id, "text"
    return OTHER, "default"
