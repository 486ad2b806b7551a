"""How many confidently paired figures are far apart: a health check of metric pairing over a whole corpus.

    python benchmarks/pair_health.py [CORPUS_DIR]

Every folder under CORPUS_DIR (default ../shared/corpus) whose files are named by year (2024.txt, 2025.md …)
gives its consecutive pairs (2024 → 2025; a gap of years is skipped). Each pair is compared as
``reportkit diff`` would, and of the pairs it shows as a change (up, down, unchanged) this counts

* all of them, and those of high confidence (≥ HEADLINE_CONFIDENCE, what the headline lists show);
* levels more than three times apart among all of them and among the high-confidence ones (a five-year total
  against a year, a stock against a flow, or a wrong partner, nearly always).

Goal: at most 3 % of the high-confidence pairs more than three times apart. A measurement, not a test: it
prints and exits 0.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import reportkit
from reportkit.comparison.pair_confidence import HEADLINE_CONFIDENCE, log_ratio
from reportkit.comparison.records import MetricStatus

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus"
GOAL = 0.03
_YEAR = re.compile(r"^(\d{4})$")
_CHANGED = (MetricStatus.UP, MetricStatus.DOWN, MetricStatus.UNCHANGED)


def consecutive(folder: Path) -> list[tuple[Path, Path]]:
    years = {int(p.stem): p for p in folder.iterdir() if p.is_file() and _YEAR.match(p.stem)}
    return [(years[y], years[y + 1]) for y in sorted(years) if y + 1 in years]


def main(argv: list[str]) -> None:
    root = Path(argv[1]) if len(argv) > 1 else DEFAULT
    rows = []
    total = {"pairs": 0, "shown": 0, "high": 0, "far": 0, "apart": 0}
    for folder in sorted({p.parent for p in root.rglob("*") if p.is_file() and _YEAR.match(p.stem)}):
        for old, new in consecutive(folder):
            try:
                diff = reportkit.compare(reportkit.read(old), reportkit.read(new))
            except reportkit.ReportkitError as e:
                print(f"  skipped {old} → {new}: {e}", file=sys.stderr)
                continue
            shown = [p for p in diff.metrics if p.status in _CHANGED and p.old and p.new]
            high = [p for p in shown if p.confidence >= HEADLINE_CONFIDENCE]
            apart = [p for p in shown if p.old and p.new and log_ratio(p.old, p.new) > 0.4771]  # log10(3)
            far = [p for p in apart if p.confidence >= HEADLINE_CONFIDENCE]
            total["pairs"] += 1
            total["shown"] += len(shown)
            total["high"] += len(high)
            total["far"] += len(far)
            total["apart"] += len(apart)
            rows.append((f"{folder.relative_to(root)}/{old.stem}→{new.stem}", len(shown), len(apart), len(high),
                         len(far)))
    print(f"{'pair':48s} {'shown':>6s} {'>3x':>5s} {'high':>6s} {'>3x':>5s}")
    for name, s, a, h, f in rows:
        print(f"{name:48s} {s:6d} {a:5d} {h:6d} {f:5d}")
    share = total["far"] / max(1, total["high"])
    print(f"\n{total['pairs']} consecutive pairs; {total['shown']} pairs shown as a change, {total['high']} of them "
          f"high confidence (≥ {HEADLINE_CONFIDENCE}); more than three times apart among those: {total['far']} "
          f"= {share:.1%} (goal ≤ {GOAL:.0%}); among all shown: {total['apart']} "
          f"= {total['apart'] / max(1, total['shown']):.1%}")


if __name__ == "__main__":
    main(sys.argv)
