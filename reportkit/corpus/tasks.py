"""The work a worker process does, as top-level functions of picklable arguments (paths, Reports).

They run the same under ``concurrent.futures`` (spawn or fork) and on a Dask cluster. A file that cannot be read
comes back as a failure row, never as an exception, so one bad file in a thousand does not stop the run.
"""

from __future__ import annotations

import hashlib
from typing import Any

import attrs

from ..errors import ReportkitError
from ..limits import Limits
from ..model import Report
from .names import PathInfo, genre_of, normalise_org
from .rows import Row, Rows, diff_rows, metric_rows, row

__all__ = ["PairResult", "ReadResult", "compare_task", "failure_row", "file_sha256", "pair_failure", "read_task"]


@attrs.frozen
class ReadResult:
    path: str
    sha256: str
    report: Report | None  # None when the file failed
    rows: Rows


@attrs.frozen
class PairResult:
    old_path: str
    new_path: str
    rows: Rows


def file_sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def failure_row(path: str, sha: str | None, stage: str, other: str | None, e: BaseException, *,
                organisation: str | None = None, year: int | None = None) -> Row:
    """``organisation`` and ``year`` as far as they are known (from the layout, for a file that cannot be read)."""
    message = e.message if isinstance(e, ReportkitError) else f"internal error: {e}"
    return row("failures", path=path, sha256=sha, organisation=organisation, year=year, stage=stage,
               other_path=other, error_class=type(e).__name__, message=message)


def read_task(path: str, relpath: str, info: PathInfo, limits: Limits | None = None) -> ReadResult:
    """Read and parse one file; its ``reports`` and ``metrics`` rows, and the Report for the comparisons."""
    from ..api import read

    sha: str | None = None
    try:
        sha = file_sha256(path)
        report = read(path, limits=limits)
        who = _who(report, path, info)
        meta = report.meta
        placed = who["organisation"] is not None and who["year"] is not None
        report_row = row(
            "reports", path=path, relpath=relpath, sha256=sha, bucket=info.bucket, **who,
            meta_year=meta.year, title=meta.title, issuer=meta.issuer, date=meta.date, language=meta.language,
            format=meta.source_format, bytes=_size(path), chars=len(report.text),
            sections=sum(1 for _ in report.walk()), sentences=len(report.sentences), metrics=len(report.metrics),
            commitments=len(report.commitments), problems=len(report.problems),
            status="ok" if placed else "unplaced",
        )
        keys = {k: who[k] for k in ("organisation", "genre", "year")}
        return ReadResult(path, sha, report, {"reports": [report_row], "metrics": metric_rows(report, path, keys)})
    except Exception as e:  # noqa: BLE001 - recorded as a failure row: the corpus run goes on (never silent)
        if isinstance(e, OSError) and sha is None:
            e = ReportkitError(f"cannot read: {e.strerror or e}", path=path)
        failed = failure_row(path, sha, "read", None, e, organisation=info.org, year=info.year)
        return ReadResult(path, sha or "", None, {"failures": [failed]})


def compare_task(old: Report, new: Report, pair: dict[str, Any]) -> PairResult:
    """Compare two consecutive years; the rows of every pair table (or one failure row)."""
    from ..api import compare

    try:
        rows = diff_rows(compare(old, new), pair)
    except Exception as e:  # noqa: BLE001 - recorded as a failure row, as for reading
        rows = {"failures": [pair_failure(pair, e)]}
    return PairResult(pair["old_path"], pair["new_path"], rows)


def pair_failure(pair: dict[str, Any], e: BaseException) -> Row:
    return failure_row(pair["new_path"], pair["new_sha256"], "compare", pair["old_path"], e,
                       organisation=pair["organisation"], year=pair["new_year"])


def _size(path: str) -> int:
    import os

    return os.path.getsize(path)


def _who(report: Report, path: str, info: PathInfo) -> dict[str, Any]:
    """Organisation, genre and year: the layout's where it matched (the folder a person filed it in names the
    organisation the same way every year, where the text says 北京市, 北京市人民政府 or nothing), else the metadata."""
    meta = report.meta
    org_name = normalise_org(meta.organisation)
    org = info.org if info.org is not None else org_name
    year = info.year if info.year is not None else meta.year
    if year is not None and year == meta.year:
        plan_year = meta.plan_year
    else:  # a report reviews one year and plans the next
        plan_year = year + 1 if year is not None else None
    return {
        "organisation": org,
        "org_name": org_name,
        "org_written": meta.organisation,
        "org_source": "layout" if info.org is not None else ("meta" if org_name else None),
        "genre": genre_of(meta, path, report.text[:500], layout=info.genre),
        "year": year,
        "year_source": "layout" if info.year is not None else ("meta" if meta.year is not None else None),
        "plan_year": plan_year,
    }
