"""Read every report in a folder into one table: one row per metric, ready for a pivot table.

    python examples/folder_to_table.py                        # the bundled examples, into a temp folder
    python examples/folder_to_table.py FOLDER                 # every .txt .html .htm .docx .md in FOLDER
    python examples/folder_to_table.py FOLDER -o metrics.xlsx # .csv (UTF-8 with BOM, opens in Excel) or .xlsx

Columns: file, organisation, year, section, label, text, value, unit, kind, qualifier.
A file that cannot be read is reported on stderr and skipped; the others still make the table.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from openpyxl import Workbook

from reportkit import read
from reportkit.errors import ReportkitError
from reportkit.model import Report

HERE = Path(__file__).resolve().parent
SUFFIXES = {".txt", ".html", ".htm", ".docx", ".md"}
COLUMNS = ("file", "organisation", "year", "section", "label", "text", "value", "unit", "kind", "qualifier")


def reports_in(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.iterdir()):
        # A folder's README describes the reports; it is not one of them.
        if path.suffix.lower() in SUFFIXES and not path.name.upper().startswith("README"):
            yield path


def section_names(report: Report) -> dict[str, str]:
    """Section path → its headings from the top (一、… / (二)… / 一是…): a reader knows where the number sits."""
    names: dict[str, str] = {}
    for s in report.walk():
        parent = s.path.rpartition("/")[0]
        own = f"{s.marker}{s.title}"
        names[s.path] = f"{names[parent]} / {own}" if parent in names else own
    return names


def rows(path: Path, report: Report) -> Iterator[tuple[object, ...]]:
    titles = section_names(report)
    for m in report.metrics:
        yield (path.name, report.meta.organisation or "", report.meta.year or "",
               titles.get(m.section, m.section), m.label, m.text, m.value, m.unit,
               m.kind.value, m.qualifier.value)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(HERE), help="folder of reports (default: the bundled examples)")
    ap.add_argument("-o", "--output", help="metrics.csv or metrics.xlsx (default: metrics.csv in a new temp folder)")
    args = ap.parse_args()
    out = Path(args.output) if args.output else Path(tempfile.mkdtemp(prefix="reportkit-table-")) / "metrics.csv"

    table: list[tuple[object, ...]] = []
    failed = 0
    for path in reports_in(Path(args.folder)):
        try:
            report = read(path)
        except ReportkitError as e:  # one bad file should not cost the whole table
            print(f"skipped: {e}", file=sys.stderr)
            failed += 1
            continue
        table.extend(rows(path, report))

    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".xlsx":
        wb = Workbook()
        ws = wb.active
        ws.title = "metrics"
        ws.append(COLUMNS)
        for row in table:
            ws.append(list(row))
        wb.save(out)
    else:
        with open(out, "w", encoding="utf-8-sig", newline="") as f:  # the BOM lets Excel read the Chinese
            writer = csv.writer(f)
            writer.writerow(COLUMNS)
            writer.writerows(table)
    print(f"{len(table)} metrics from {len({r[0] for r in table})} reports → {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
