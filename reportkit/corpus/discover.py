"""Finding the reports under the corpus folders, and grouping them into the years of one organisation."""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import attrs

from ..errors import MissingFileError, UsageError
from ..readers import READ_EXTENSIONS, REFUSED_EXTENSIONS
from .names import UNKNOWN_GENRE, Layout, PathInfo
from .rows import Row, row

__all__ = ["Entry", "Series", "discover", "plan_bucket"]


_DATA = frozenset({".xls", ".xlsx"})  # a data workbook beside the reports is not a failed report


@attrs.frozen
class Entry:
    path: str  # absolute
    relpath: str  # below the folder it was found in, with /
    info: PathInfo


def discover(folders: Sequence[str | os.PathLike[str]], layout: Layout) -> list[Entry]:
    """Every file under ``folders`` that reportkit reads (and the .pdf/.doc it refuses, so they show as failures);
    spreadsheets, hidden files and folders are left out. Sorted by bucket, then path."""
    if not folders:
        raise UsageError("give at least one folder of reports")
    found: dict[str, Entry] = {}
    wanted = READ_EXTENSIONS | (REFUSED_EXTENSIONS - _DATA)
    for folder in folders:
        root = Path(os.fspath(folder))
        if not root.exists():
            raise MissingFileError("no such folder", path=root)
        if root.is_file():
            files = [root]
            root = root.parent
        else:
            files = []
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                files += [Path(dirpath) / f for f in sorted(filenames)
                          if not f.startswith(".") and Path(f).suffix.lower() in wanted]
        for f in files:
            path = str(f.resolve())
            rel = f.relative_to(root).as_posix()
            found.setdefault(path, Entry(path, rel, layout.match(rel)))
    return sorted(found.values(), key=lambda e: (e.info.bucket, e.relpath))


@attrs.frozen
class Series:
    """The consecutive comparisons of one bucket, and what could not be paired."""

    pairs: tuple[tuple[str, str], ...]  # (old path, new path)
    duplicates: tuple[str, ...]  # a second report for the same organisation, genre and year
    gaps: tuple[Row, ...]
    genres: dict[str, str] = attrs.field(factory=dict)  # path → the genre it takes from its organisation


def plan_bucket(placed: Sequence[tuple[str, str, str | None, str | None, int | None]]) -> Series:
    """Group (path, sha256, organisation, genre, year) by organisation and genre, order by year, and pair each
    year with the next; a missing year is a gap (recorded, not bridged), a repeated year a duplicate."""
    # A report whose genre nothing told ("other") takes the one its organisation's other reports share: one
    # report without 政府工作报告 in its opening must not split a series in two.
    known: dict[str, Counter[str]] = {}
    for _path, _sha, org, genre, _year in placed:
        if org is not None and genre and genre != UNKNOWN_GENRE:
            known.setdefault(org, Counter())[genre] += 1
    fixes: dict[str, str] = {}
    groups: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for path, _sha, org, genre, year in placed:
        if org is None or year is None:
            continue
        if (genre or UNKNOWN_GENRE) == UNKNOWN_GENRE and org in known:
            genre = fixes[path] = known[org].most_common(1)[0][0]
        groups.setdefault((org, genre or ""), []).append((year, path))
    pairs, dups, gaps = [], [], []
    for (org, genre), items in sorted(groups.items()):
        items.sort()
        kept: list[tuple[int, str]] = []
        for year, path in items:
            if kept and kept[-1][0] == year:
                dups.append(path)
            else:
                kept.append((year, path))
        for (y0, p0), (y1, p1) in itertools.pairwise(kept):
            if y1 == y0 + 1:
                pairs.append((p0, p1))
            else:
                gaps.append(row("gaps", organisation=org, genre=genre, after_year=y0, before_year=y1,
                                missing=",".join(str(y) for y in range(y0 + 1, y1)), after_path=p0, before_path=p1))
    return Series(tuple(pairs), tuple(dups), tuple(gaps), fixes)
