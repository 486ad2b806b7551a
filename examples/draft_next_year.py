"""Roll this year's report forward: next year's data-collection workbook (数据填报) and first draft (初稿).

    python examples/draft_next_year.py                        # the bundled 莲都区 2023 report, into a temp folder
    python examples/draft_next_year.py OUTDIR
    python examples/draft_next_year.py OUTDIR --report 2023.docx

Colleagues fill the workbook; ``reportkit fill WORKBOOK -o report.docx`` then writes the report.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from reportkit import read
from reportkit.draft import draft

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", nargs="?", help="folder for the two files (default: a new temp folder)")
    ap.add_argument("--report", default=str(HERE / "liandu-2023.txt"), help="this year's report")
    args = ap.parse_args()
    outdir = Path(args.outdir) if args.outdir else Path(tempfile.mkdtemp(prefix="reportkit-draft-"))

    report = read(args.report)
    result = draft(report, outdir)
    slots = len(result.draft.input_slots)
    print(f"{len(report.metrics)} metrics in {Path(args.report).name}; {slots} values to collect for next year")
    print(f"workbook  {result.workbook}")
    print(f"draft     {result.docx}")


if __name__ == "__main__":
    main()
