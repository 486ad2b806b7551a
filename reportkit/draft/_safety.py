"""Never lose what a user wrote: existing outputs are refused unless forced, and then backed up first.

A data-collection workbook may hold weeks of departments' answers, and a first draft may have been
edited by hand, so `draft` and `fill` replace neither silently. With ``force`` the old file is copied
to a dated backup beside it (``2023-数据填报.backup-20240105-093000.xlsx``) before the new one is
renamed over it. An output is never one of the inputs (the workbook read, the template).
"""

from __future__ import annotations

import datetime as _dt
import shutil
from collections.abc import Iterable
from pathlib import Path

from .._io import same_file
from ..errors import OutputError, ReportkitError


def refuse_inputs(out: Path, inputs: Iterable[tuple[Path | None, str]]) -> None:
    """``inputs``: (path, what it is: "the report", "the workbook", "the template")."""
    for p, what in inputs:
        if p is not None and same_file(out, p):
            raise OutputError(
                f"the output would replace {what} ({p}): choose another output name", path=out
            )
    if out.is_dir():
        raise OutputError("the output is a folder: give a file name", path=out)


def answers_in(workbook: Path) -> str:
    """What a user wrote in an existing workbook, in words ("12 values, 3 task entries"), or ""."""
    from ._readback import read_workbook

    try:
        filled = read_workbook(workbook, allow_missing=True)
    except ReportkitError:  # not ours, or damaged: it is still a file we must not replace silently
        return ""
    offices = {s.id: s.office for s in filled.draft.slots}  # the 责任单位 the draft wrote is no answer
    values = sum(
        1 for v in filled.values if v.value is not None or v.responsible not in ("", offices.get(v.slot)) or v.note
    )
    tasks = sum(1 for p in filled.progress if p.status is not None or p.done or p.evidence)
    if not values and not tasks:
        return ""
    return f"{values} value(s) and {tasks} task entr{'y' if tasks == 1 else 'ies'} filled in"


def backup_name(path: Path, now: _dt.datetime | None = None) -> Path:
    stamp = (now or _dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}.backup-{stamp}-{n}{path.suffix}")
    return candidate


def guard_outputs(paths: Iterable[Path], *, force: bool, command: str) -> list[Path]:
    """Refuse existing ``paths`` unless ``force``; with it, back each up. Returns the backups made."""
    existing = [p for p in paths if p.exists()]
    if not existing:
        return []
    if not force:
        what = []
        for p in existing:
            answers = answers_in(p) if p.suffix.lower() == ".xlsx" else ""
            what.append(f"{p.name} ({answers})" if answers else p.name)
        raise OutputError(
            f"already there: {', '.join(what)}; nothing was written. Use another folder or name, "
            f"or {command} --force to replace (the old files are kept as dated backups)",
            path=existing[0].parent,
        )
    backups = []
    for p in existing:
        if p.is_dir():
            raise OutputError("the output is a folder: give a file name", path=p)
        b = backup_name(p)
        try:
            shutil.copy2(p, b)
        except OSError as e:
            raise OutputError(f"cannot back up before replacing: {e.strerror or e}", path=p) from e
        backups.append(b)
    return backups
