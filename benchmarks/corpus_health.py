"""Health of reportkit over every report in ../shared/corpus: a regression shows here first.

    python benchmarks/corpus_health.py [SHARED_DIR]

Per genre: reports read, year and organisation found, sections (and Chinese numbering that runs
一、二、三… at every level without a gap), plan found (or not expected:
an opening fragment, as SOURCES.tsv marks it), numeric targets
(commitments with a target figure, over consecutive years of one organisation), targets
whose outcome was found; then every report that fails a check, with the check. There is no
gold behind these figures: a change that helps one report and breaks ten shows as a drop
here. A measurement, not a test: it prints and exits 0.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections import defaultdict
from pathlib import Path

import reportkit
from reportkit.errors import ReportkitError
from reportkit.model import PartKind, Report, Section
from reportkit.parse.text.markers import cn_value

DEFAULT = Path(__file__).resolve().parents[2] / "shared"
_COLUMNS = ("reports", "read", "year", "org", "sections", "plan", "targets", "outcomes")


def _partial(shared: Path) -> set[str]:
    """Files SOURCES.tsv marks as opening fragments: they have no plan to find."""
    out = set()
    sources = shared / "corpus" / "SOURCES.tsv"
    if sources.is_file():
        for line in sources.read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split("\t")
            if len(cells) > 4 and cells[4].startswith("partial"):
                out.add(cells[0])
    return out


_CN_MARKER = re.compile(r"^[（(]?([一二三四五六七八九十]+)(?:[、）)]|是)$")


def _broken_numbering(sections: tuple[Section, ...], path: str = "") -> list[str]:
    """Siblings numbered 一、二、… or （一）（二）… or 一是 二是 … that skip or repeat (Arabic numbering may run on
    across parents, so it is not checked)."""
    out = []
    runs: dict[str, list[int]] = defaultdict(list)
    for s in sections:
        m = _CN_MARKER.match(s.marker.strip())
        value = cn_value(m.group(1)) if m else None
        if value is not None:
            runs[s.marker.strip().replace(m.group(1), "N")].append(value)
        out.extend(_broken_numbering(s.children, f"{path}/{s.marker}"))
    for kind, values in runs.items():
        if values != list(range(1, len(values) + 1)):
            out.append(f"numbering {kind} under {path or '/'}: {values}")
    return out


def _checks(report: Report, partial: bool) -> list[str]:
    m = report.meta
    failed = []
    if m.year is None:
        failed.append("no year")
    if not m.organisation:
        failed.append("no organisation")
    if not report.sections:
        failed.append("no sections")
    if report.part(PartKind.PLAN) is None and not partial:
        failed.append("no plan")
    failed.extend(_broken_numbering(report.sections))
    return failed


def main(argv: list[str]) -> int:
    shared = Path(argv[0]) if argv else DEFAULT
    files = sorted((shared / "corpus").rglob("*.txt"))
    partial = _partial(shared)
    rows: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(_COLUMNS, 0))
    failures: list[tuple[str, str]] = []
    by_org: dict[Path, list[tuple[int, Report]]] = defaultdict(list)
    for path in files:
        rel = str(path.relative_to(shared / "corpus"))
        try:
            report = reportkit.read(path)
        except ReportkitError as exc:
            rows["unread"]["reports"] += 1
            failures.append((rel, f"not read: {exc}"))
            continue
        genre = report.meta.genre or "other"
        row = rows[genre]
        row["reports"] += 1
        row["read"] += 1
        row["year"] += report.meta.year is not None
        row["org"] += bool(report.meta.organisation)
        row["sections"] += bool(report.sections)
        row["plan"] += report.part(PartKind.PLAN) is not None or rel in partial  # a fragment has none
        failures.extend((rel, check) for check in _checks(report, rel in partial))
        if report.meta.year is not None:
            by_org[path.parent].append((report.meta.year, report))
    for reports in by_org.values():
        reports.sort(key=lambda yr: yr[0])
        for (y0, old), (y1, new) in itertools.pairwise(reports):
            if y1 != y0 + 1:
                continue
            row = rows[old.meta.genre or "other"]
            for follow in reportkit.compare(old, new).commitments:
                if follow.commitment.target is not None:
                    row["targets"] += 1
                    row["outcomes"] += follow.outcome is not None
    print(f"{'genre':12}" + "".join(f"{c:>10}" for c in _COLUMNS))
    for genre in sorted(rows):
        print(f"{genre:12}" + "".join(f"{rows[genre][c]:>10}" for c in _COLUMNS))
    total = {c: sum(r[c] for r in rows.values()) for c in _COLUMNS}
    print(f"{'all':12}" + "".join(f"{total[c]:>10}" for c in _COLUMNS))
    print(f"\n{len(failures)} failed checks")
    for rel, check in failures:
        print(f"  {rel}: {check}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
