"""Compare last year's report with this year's and write the comparison as HTML, Excel and JSON.

    python examples/compare_two_years.py                      # the bundled 莲都区 2022 → 2023, into a temp folder
    python examples/compare_two_years.py OUTDIR
    python examples/compare_two_years.py OUTDIR --old 2022.docx --new 2023.docx

Prints a few lines on what changed and the folder it wrote to. Writes nothing outside OUTDIR.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from reportkit import compare, read
from reportkit.comparison.records import FollowStatus, MetricStatus
from reportkit.render.excel import write_xlsx
from reportkit.render.html import write_html

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", nargs="?", help="folder for diff.html, diff.xlsx, diff.json (default: a new temp folder)")
    ap.add_argument("--old", default=str(HERE / "liandu-2022.txt"), help="last year's report")
    ap.add_argument("--new", default=str(HERE / "liandu-2023.txt"), help="this year's report")
    args = ap.parse_args()
    outdir = Path(args.outdir) if args.outdir else Path(tempfile.mkdtemp(prefix="reportkit-compare-"))
    outdir.mkdir(parents=True, exist_ok=True)

    old, new = read(args.old), read(args.new)
    diff = compare(old, new)

    # The biggest moves first: the indicators a reader of the two reports would look for.
    moved = [p for p in diff.metrics if p.status in (MetricStatus.UP, MetricStatus.DOWN) and p.old and p.new]
    moved.sort(key=lambda p: abs(p.pct_change or 0), reverse=True)
    print(f"{len(diff.metrics)} metrics compared, {len(moved)} went up or down; the largest moves:")
    for p in moved[:5]:
        assert p.old is not None and p.new is not None
        print(f"  {p.new.label or p.new.text}: {p.old.text} → {p.new.text} ({p.status.value})")
    dropped = [p.old for p in diff.metrics if p.status is MetricStatus.DROPPED and p.old]
    print(f"{len(dropped)} of last year's metrics are not reported this year")
    followed = sum(1 for f in diff.commitments if f.status is not FollowStatus.NOT_FOUND)
    print(f"last year's plan: {followed} of {len(diff.commitments)} commitments have evidence this year")
    for c in diff.stated_changes:
        if c.consistent is False and c.prior is not None:
            # The clause from the number to the stated change: 47件,较去年同期下降20%.
            start = c.metric.start if c.metric is not None and c.metric.start < c.start else c.start
            print(f"check: {new.text[start:c.end]} — but last year's report says {c.prior.text}")

    write_html(diff, outdir / "diff.html")
    write_xlsx(diff, outdir / "diff.xlsx")
    (outdir / "diff.json").write_text(diff.to_json(), encoding="utf-8")
    print(f"wrote diff.html, diff.xlsx and diff.json into {outdir}")


if __name__ == "__main__":
    main()
