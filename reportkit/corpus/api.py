"""``reportkit.corpus(folders, output)``: every report under the folders, paired by year, into one database."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..errors import PathLike, UsageError
from ..limits import Limits
from .discover import Entry, discover
from .executors import make_runner
from .names import Layout
from .progress import Progress
from .run import CorpusSummary, run_corpus
from .schema import TABLES
from .store import Store

__all__ = ["corpus"]


def corpus(
    folders: PathLike | Sequence[PathLike],
    output: PathLike,
    *,
    layout: str | None = None,
    workers: int | None = None,
    dask: str | None = None,
    parquet: PathLike | None = None,
    html: PathLike | None = None,
    charts: Sequence[str] | None = None,
    limits: Limits | None = None,
    progress: bool = False,
) -> CorpusSummary:
    """Read every report under ``folders``, compare each organisation's consecutive years, write ``output``.

    ``output`` is a DuckDB file; run again, it skips the files whose content it already holds and redoes only
    the comparisons they take part in. ``layout`` (default ``{org}/{year}.*``) says how the folders name the
    organisation and the year; ``workers`` processes run the work (default: one per core; 1 = this process);
    ``dask`` = ``"local"`` or a scheduler address runs it on Dask instead. ``parquet`` writes every table as
    ``<table>.parquet`` into that folder; ``html`` an overview page, charting the indicators ``charts`` names
    (default: the longest series).
    ``progress`` prints to stderr.
    """
    if isinstance(folders, (str, os.PathLike)):
        folders = [folders]
    if workers is not None and (not isinstance(workers, int) or workers < 1):
        raise UsageError(f"workers must be a whole number of 1 or more (got {workers!r})")
    pattern = Layout.parse(layout)
    entries = discover(list(folders), pattern)
    roots = [Path(os.fspath(f)).resolve() for f in folders]
    _check_outputs(entries, roots, output, parquet, html)
    runner = make_runner(workers, dask)
    store = Store(output)
    try:
        summary = run_corpus(entries, store, runner, limits=limits,
                             progress=Progress(sys.stderr if progress else None), output=os.fspath(output))
        if parquet is not None:
            store.export_parquet(parquet)
        if html is not None:
            from .overview import write_overview

            write_overview(store, html, charts=charts)
    finally:
        store.close()
    return summary


def _check_outputs(entries: Sequence[Entry], roots: Sequence[Path], output: PathLike,
                   parquet: PathLike | None, html: PathLike | None) -> None:
    inputs = {e.path for e in entries}
    for label, out in (("output", output), ("--parquet", parquet), ("--html", html)):
        if out is None:
            continue
        p = Path(os.fspath(out)).resolve()
        if str(p) in inputs or p in roots:
            raise UsageError(f"{label} {out} is one of the inputs: choose another path")
        if label == "--html" and any(p.is_relative_to(r) for r in roots):
            raise UsageError(f"{label} {out} is inside an input folder, so the next run would read it as a report")
        if label == "--parquet" and p.is_dir():
            extra = [f.name for f in p.iterdir() if f.name not in {f"{t}.parquet" for t in TABLES}]
            if extra:
                raise UsageError(f"--parquet {out} holds other files ({', '.join(sorted(extra)[:3])}): "
                                 "give a new folder or one written by an earlier run")
