"""Who and which year a corpus file is: the organisation's name folded, the genre, the layout of the folders.

The words come from ``words.json`` beside this module (suffixes to drop, genre words), each list with an example.
A layout such as ``{org}/{year}.txt`` is matched against the end of a file's path, so
``corpus/gongzuo/provinces/anhui/2024.txt`` gives org ``anhui`` and year 2024.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
from typing import Any

import attrs

from ..errors import UsageError
from ..model import fold

__all__ = ["DEFAULT_LAYOUT", "UNKNOWN_GENRE", "Layout", "PathInfo", "genre_of", "normalise_org"]

UNKNOWN_GENRE = "other"

DEFAULT_LAYOUT = "{org}/{year}.*"
_FIELDS = {"org": r"(?P<org>[^/]+?)", "year": r"(?P<year>(?:19|20)\d\d)", "genre": r"(?P<genre>[^/]+?)"}


@functools.cache
def _words() -> dict[str, Any]:
    text = importlib.resources.files("reportkit.corpus").joinpath("words.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def normalise_org(name: str | None) -> str | None:
    """The organisation as a grouping key: 浙江省人民政府 → 浙江, 天津市静海区 stays; None when nothing is left."""
    if not name:
        return None
    words = _words()
    s = fold(name)
    for suffix in words["org_suffixes"]["issuer"]:
        if s.endswith(suffix) and len(s) > len(suffix):
            s = s[: -len(suffix)]
            break
    for suffix in words["org_suffixes"]["level"]:
        # only the province-level ending: 台州市路桥区 is not cut, 北京市 is; two characters must remain (沙市 stays)
        if s.endswith(suffix) and len(s) - len(suffix) >= 2:
            s = s[: -len(suffix)]
            break
    if s in words["org_placeholders"]["words"]:
        return None
    return s


def genre_of(meta: Any, path: str, head: str = "") -> str:
    """``meta.genre`` where the model has it; else from the folder names, then the title, then the word that comes
    first in ``head`` (the opening of the text); else ``other``."""
    given = getattr(meta, "genre", None)
    if given:
        return str(given)
    genres: dict[str, Any] = {k: v for k, v in _words()["genres"].items() if not k.startswith("_")}
    folders = [p.lower() for p in path.replace("\\", "/").split("/")[:-1]]
    for name, spec in genres.items():
        if any(f in spec["folder"] for f in folders):
            return name
    for text in ((getattr(meta, "title", None) or "").lower(), head.lower()):
        found = [(text.find(w), name) for name, spec in genres.items() for w in spec["title"] if w in text]
        if found:
            return min(found)[1]
    return UNKNOWN_GENRE


@attrs.frozen
class PathInfo:
    """What the layout says about one file; ``bucket`` holds the files that may pair with each other."""

    org: str | None
    year: int | None
    genre: str | None
    bucket: str


@attrs.frozen
class Layout:
    """A path pattern with ``{org}``, ``{year}`` and ``{genre}`` fields and ``*`` for any run of characters."""

    pattern: str
    regex: re.Pattern[str]

    @classmethod
    def parse(cls, pattern: str | None) -> Layout:
        pattern = pattern or DEFAULT_LAYOUT
        out, pos = [r"(?:^|/)"], 0
        for m in re.finditer(r"\{(\w*)\}|\*", pattern):
            out.append(re.escape(pattern[pos : m.start()]))
            if m.group(0) == "*":
                out.append(r"[^/]*")
            elif m.group(1) in _FIELDS:
                if f"(?P<{m.group(1)}>" in "".join(out):
                    raise UsageError(f"layout {pattern!r}: {{{m.group(1)}}} appears twice")
                out.append(_FIELDS[m.group(1)])
            else:
                raise UsageError(
                    f"layout {pattern!r}: unknown field {m.group(0)} (expected {{org}}, {{year}}, {{genre}} or *)"
                )
            pos = m.end()
        out.append(re.escape(pattern[pos:]) + "$")
        if "{year}" not in pattern and "{org}" not in pattern:
            raise UsageError(f"layout {pattern!r} names neither {{org}} nor {{year}} (e.g. '{{org}}/{{year}}.txt')")
        return cls(pattern=pattern, regex=re.compile("".join(out)))

    def match(self, relpath: str) -> PathInfo:
        """The fields of ``relpath`` (a path with ``/``), or an unplaced file when the pattern does not match."""
        rel = relpath.replace("\\", "/")
        m = self.regex.search(rel)
        if m is None:
            return PathInfo(org=None, year=None, genre=None, bucket="")
        fields = m.groupdict()
        org = fields.get("org")
        # files of one organisation folder may pair; unplaced ones are held together until all are read
        head = rel[: m.start("org")] if org is not None else rel.rsplit("/", 1)[0] + "/"
        return PathInfo(
            org=org,
            year=int(fields["year"]) if fields.get("year") else None,
            genre=fields.get("genre"),
            bucket=head + (org or ""),
        )
