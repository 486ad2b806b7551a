"""How long `reportkit fill` takes to refuse a tampered workbook, beside reading the honest one.

    python benchmarks/bench_hostile_fill.py [N]

Drafts the bundled 莲都区 2022 report, fills every value, then forges the draft in the workbook's
``_meta`` sheet to hold N times its blocks (default 3,000, about 26 MB; the digest recomputed, as anyone
can) and times ``read_workbook`` on both (best of three, wall clock) and the peak memory (tracemalloc).
Before Limits.max_chars / max_draft_blocks the forged one took 594 s and exited 0; the goal is a refusal
in about the time openpyxl takes to open the file.
"""

from __future__ import annotations

import importlib
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import openpyxl

import reportkit
from reportkit.draft import draft, read_workbook
from reportkit.errors import WorkbookError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
forge_meta = importlib.import_module("test_hostile_fill").forge_meta  # the forger the tests use


def _read(path: Path) -> str:
    try:
        read_workbook(path)
        return "read"
    except WorkbookError as e:
        return "refused: " + e.message[:70]


def timed(path: Path) -> tuple[float, float, str]:
    """Best of three without tracing (tracemalloc slows openpyxl several times), then one traced run."""
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        outcome = _read(path)
        best = min(best, time.perf_counter() - t)
    tracemalloc.start()
    _read(path)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return best, peak, outcome


def main(argv: list[str]) -> int:
    times = int(argv[1]) if len(argv) > 1 else 3000
    folder = Path(tempfile.mkdtemp())
    try:
        result = draft(reportkit.read(ROOT / "examples" / "liandu-2022.txt"), folder)
        wb = openpyxl.load_workbook(result.workbook)
        ws = wb["数据填报"]
        for row in range(2, ws.max_row + 1):
            ws.cell(row, 5).value = ws.cell(row, 6).value
        honest = folder / "honest.xlsx"
        wb.save(honest)
        forged = folder / "forged.xlsx"
        shutil.copy(honest, forged)
        forge_meta(forged, lambda d: d.update(blocks=d["blocks"] * times))
        print(f"{'workbook':<10} {'bytes':>11} {'best s':>8} {'peak MiB':>9}  outcome")
        for name, path in (("honest", honest), (f"{times}x", forged)):
            best, peak, outcome = timed(path)
            print(f"{name:<10} {path.stat().st_size:>11} {best:>8.2f} {peak:>9.0f}  {outcome}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
