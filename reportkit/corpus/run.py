"""One corpus run: discover, skip what the database already holds, read, pair, compare, write as results come.

The loop keeps a bounded number of tasks in flight and holds a Report only until the comparisons that need it
are submitted, so memory does not grow with the corpus: it is bounded by the largest bucket (one organisation's
folder) and the number of tasks in flight.
"""

from __future__ import annotations

import concurrent.futures as cf
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import attrs

from ..limits import Limits
from ..model import Report
from .discover import Entry, plan_bucket
from .executors import Runner
from .progress import Progress
from .rows import Row
from .store import Store
from .tasks import PairResult, ReadResult, compare_task, failure_row, file_sha256, pair_failure, read_task

__all__ = ["CorpusSummary", "run_corpus"]


@attrs.frozen
class CorpusSummary:
    """What a run did. ``read`` counts the files read this run (``failed`` of them, and comparisons, failed);
    ``skipped`` those already in the database."""

    output: str
    files: int
    read: int
    skipped: int
    failed: int
    compared: int
    pairs_skipped: int
    gaps: int
    seconds: float
    where: str


@attrs.define
class _Task:
    kind: str  # "read" (rows written), "neighbour" (an unchanged report read again to be compared), "compare"
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    bucket: str
    attempts: int = 0


@attrs.define
class _Bucket:
    entries: list[Entry]
    pending: int = 0  # reads not yet back
    reports: dict[str, Report] = attrs.field(factory=dict)
    waiting: list[tuple[str, str]] = attrs.field(factory=list)  # pairs whose reports are not all here yet
    planned: bool = False
    pending_at_start: bool = False  # counted in Progress.pairs_ahead until planned


def run_corpus(entries: Sequence[Entry], store: Store, runner: Runner, *, limits: Limits | None,
               progress: Progress, output: str) -> CorpusSummary:
    t0 = time.monotonic()
    known = store.known()
    now = {e.path: file_sha256(e.path) for e in entries}
    gone = [p for p in known if p not in now]
    changed = [p for p, (h, _) in known.items() if p in now and now[p] != h]
    store.forget(gone + changed)
    todo = {e.path for e in entries if e.path not in known or now[e.path] != known[e.path][0]}
    compared = store.compared()
    state = _Loop(store, runner, limits, progress, now, compared)

    for e in entries:
        state.buckets.setdefault(e.info.bucket, _Bucket([])).entries.append(e)
    for name, b in state.buckets.items():
        for e in b.entries:
            if e.path in todo:
                b.pending += 1
                state.queue.append(_Task("read", read_task, (e.path, e.relpath, e.info, limits), name))
    progress.reports_total = len(todo)
    for b in state.buckets.values():
        b.pending_at_start = b.pending > 0
    progress.pairs_ahead = sum(len(b.entries) - 1 for b in state.buckets.values() if b.pending_at_start)
    try:
        for name, b in state.buckets.items():
            if b.pending == 0:
                state.plan(name)
        state.loop()
        store.finish(state.gaps)
    except BaseException:
        runner.shutdown(cancel=True)
        raise
    finally:
        progress.close()
    runner.shutdown()
    return CorpusSummary(
        output=output, files=len(entries), read=state.read, skipped=len(entries) - len(todo),
        failed=state.failed, compared=state.compared_now, pairs_skipped=state.pairs_skipped,
        gaps=len(state.gaps), seconds=time.monotonic() - t0, where=runner.where,
    )


class _Loop:
    def __init__(self, store: Store, runner: Runner, limits: Limits | None, progress: Progress,
                 sha: dict[str, str], compared: set[tuple[str, str, str, str]]) -> None:
        self.store, self.runner, self.limits, self.progress = store, runner, limits, progress
        self.sha, self.done_pairs = sha, compared
        self.pairs_of: dict[str, list[tuple[str, str]]] = {}  # path → the comparisons in the database it is in
        for old, new, _, _ in compared:
            self.pairs_of.setdefault(old, []).append((old, new))
            self.pairs_of.setdefault(new, []).append((old, new))
        self.neighbours: set[str] = set()  # unchanged reports queued to be read again for a comparison
        self.buckets: dict[str, _Bucket] = {}
        self.queue: deque[_Task] = deque()
        # two tasks per worker keep each busy; in this process one at a time, so each result is written at once
        self.window = 1 if runner.workers == 1 and runner.where == "1 process" else max(4, 2 * runner.workers)
        self.gaps: list[Row] = []
        self.read = self.failed = self.compared_now = self.pairs_skipped = 0

    def loop(self) -> None:
        inflight: dict[cf.Future[Any], _Task] = {}
        while self.queue or inflight:
            while self.queue and len(inflight) < self.window:
                task = self.queue.popleft()
                inflight[self.runner.submit(task.fn, *task.args)] = task
            done, _ = cf.wait(list(inflight), return_when=cf.FIRST_COMPLETED)
            broken = False
            for f in done:
                task = inflight.pop(f)
                try:
                    result = f.result()
                except BrokenProcessPool:
                    broken = True
                    self._retry(task)
                    continue
                except Exception as e:  # noqa: BLE001 - a task lost on a cluster (KilledWorker …) is a failure row
                    self._lost(task, e)
                    continue
                self._handle(task, result)
            if broken:  # the pool is gone: every task still in flight goes round again on a new one
                for task in inflight.values():
                    self._retry(task)
                inflight.clear()
                self.runner.restart()
            self.progress.update()

    def _retry(self, task: _Task) -> None:
        task.attempts += 1
        if task.attempts < 2:
            self.queue.appendleft(task)
        else:
            self._lost(task, BrokenProcessPool("a worker process died on this file (out of memory?)"))

    def _lost(self, task: _Task, e: BaseException) -> None:
        if task.kind == "compare":
            pair = task.args[2]
            rows = {"failures": [pair_failure(pair, e)]}
            self._handle(task, PairResult(pair["old_path"], pair["new_path"], rows))
        else:
            path, info = task.args[0], task.args[2]
            row = failure_row(path, self.sha.get(path), "read", None, e, organisation=info.org, year=info.year)
            self._handle(task, ReadResult(path, self.sha.get(path, ""), None, {"failures": [row]}))

    def _handle(self, task: _Task, result: Any) -> None:
        b = self.buckets[task.bucket]
        if task.kind == "compare":
            assert isinstance(result, PairResult)
            self.store.write(result.rows, replace_pair=(result.old_path, result.new_path))
            self.compared_now += 1
            self.progress.pairs += 1
            self.failed += len(result.rows.get("failures", ()))
            return
        assert isinstance(result, ReadResult)
        if task.kind == "read":
            self.store.write(result.rows)
            self.read += 1
            self.progress.reports += 1
            b.pending -= 1
            if result.report is None:
                self.failed += 1
                self.progress.failed += 1
        if result.report is not None:
            b.reports[result.path] = result.report
        if task.kind == "read" and b.pending == 0 and not b.planned:
            self.plan(task.bucket)
        elif b.planned:
            self._submit_ready(task.bucket)

    def plan(self, name: str) -> None:
        """All reads of the bucket are back: pair its years, queue the comparisons not already done."""
        b = self.buckets[name]
        b.planned = True
        if b.pending_at_start:
            self.progress.pairs_ahead = max(0, self.progress.pairs_ahead - (len(b.entries) - 1))
        placed = self.store.placed([e.path for e in b.entries])
        series = plan_bucket(placed)
        if series.genres:
            self.store.set_genres(series.genres)
            placed = self.store.placed([e.path for e in b.entries])
        ok = [p for p, _sha, org, _g, year in placed if org is not None and year is not None]
        self.store.set_status(ok, "ok")
        self.store.set_status(series.duplicates, "duplicate")
        self.gaps.extend(series.gaps)
        wanted = set(series.pairs)
        for old, new in self._stale(placed, wanted):
            self.store.forget_pair(old, new)
        sha = {p: h for p, h, *_ in placed}
        for old, new in series.pairs:
            if (old, new, sha[old], sha[new]) in self.done_pairs:
                self.pairs_skipped += 1
                continue
            b.waiting.append((old, new))
            self.progress.pairs_total += 1
            for p in (old, new):
                if p not in b.reports and p not in self.neighbours:
                    self.neighbours.add(p)
                    entry = next(e for e in b.entries if e.path == p)
                    self.queue.appendleft(_Task("neighbour", read_task, (p, entry.relpath, entry.info, self.limits),
                                                name))
        self._submit_ready(name)

    def _stale(self, placed: Sequence[tuple[Any, ...]], wanted: set[tuple[str, str]]) -> list[tuple[str, str]]:
        there = {pair for p, *_ in placed for pair in self.pairs_of.get(p, ())}
        return sorted(there - wanted)

    def _submit_ready(self, name: str) -> None:
        b = self.buckets[name]
        still = []
        for old, new in b.waiting:
            if old in b.reports and new in b.reports:
                ro, rn = b.reports[old], b.reports[new]
                placed = {p: (org, genre, year) for p, _h, org, genre, year in self.store.placed([old, new])}
                org, genre, y0 = placed[old]
                y1 = placed[new][2]
                assert y0 is not None  # only placed reports are paired
                pair = {"organisation": org, "genre": genre, "old_year": y0, "new_year": y1, "old_path": old,
                        "new_path": new, "old_sha256": self.sha[old], "new_sha256": self.sha[new],
                        "plan_year": y0 + 1}
                self.queue.appendleft(_Task("compare", compare_task, (ro, rn, pair), name))
            else:
                still.append((old, new))
        b.waiting = still
        needed = {p for pair in still for p in pair}
        for p in list(b.reports):
            if p not in needed:
                del b.reports[p]  # its comparisons are queued: the queue holds it until they are sent
