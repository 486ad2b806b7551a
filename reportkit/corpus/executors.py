"""Where the tasks run: in this process, in a pool of worker processes, or on a Dask cluster.

All three hand back ``concurrent.futures.Future`` objects (Dask through ``Client.get_executor()``), so the run
loop is one and the tables are the same whichever runs them.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
from collections.abc import Callable
from typing import Any

from ..errors import UsageError

__all__ = ["Runner", "make_runner"]


class Runner:
    """An executor with a way to replace it when a worker process dies, and to close what it opened."""

    def __init__(self, make: Callable[[], cf.Executor], workers: int, close: Callable[[], None] | None = None,
                 where: str = "", *, cancels: bool = True) -> None:
        self._make = make
        self._cancels = cancels  # Dask's executor has no cancel_futures (it cancels on shutdown anyway)
        self.executor = make()
        self.workers = workers
        self._close = close
        self.where = where

    def submit(self, fn: Callable[..., Any], *args: Any) -> cf.Future[Any]:
        return self.executor.submit(fn, *args)

    def restart(self) -> None:
        self._shutdown(cancel=True)
        self.executor = self._make()

    def shutdown(self, *, cancel: bool = False) -> None:
        self._shutdown(cancel=cancel)
        if self._close is not None:
            self._close()

    def _shutdown(self, *, cancel: bool) -> None:
        if self._cancels:
            self.executor.shutdown(wait=not cancel, cancel_futures=cancel)
        else:
            self.executor.shutdown(wait=not cancel)


class InlineExecutor(cf.Executor):
    """Runs each task at once in this process: one core, no pickling (``workers=1``)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future[Any]:
        f: cf.Future[Any] = cf.Future()
        try:
            f.set_result(fn(*args, **kwargs))
        except BaseException as e:  # a KeyboardInterrupt must still stop the run
            if not isinstance(e, Exception):
                raise
            f.set_exception(e)
        return f


def make_runner(workers: int | None = None, dask: str | None = None) -> Runner:
    if dask:
        return _dask_runner(dask)
    n = workers or os.cpu_count() or 1
    if n < 1:
        raise UsageError(f"workers must be 1 or more (got {n})")
    if n == 1:
        return Runner(InlineExecutor, 1, where="1 process")
    # spawn: the parent holds a DuckDB connection and its threads, which a forked child must not inherit
    ctx = multiprocessing.get_context("spawn")
    return Runner(lambda: cf.ProcessPoolExecutor(max_workers=n, mp_context=ctx), n, where=f"{n} processes")


def _dask_runner(address: str) -> Runner:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--dask needs dask.distributed: pip install 'reportkit[dask]'") from None
    if address == "local":
        cluster: Any = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)  # type: ignore[no-untyped-call]
    else:
        if not address.startswith(("tcp://", "tls://", "ws://", "wss://", "inproc://", "ucx://")):
            raise UsageError(f"--dask expects 'local' or a scheduler address such as tcp://host:8786 (got {address!r})")
        cluster = None
        try:
            client = Client(address, timeout="20s")  # type: ignore[no-untyped-call]
        except OSError as e:
            raise UsageError(f"cannot reach the Dask scheduler at {address}: {e}") from None
    workers = max(1, len(client.scheduler_info().get("workers", {})))

    def close() -> None:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()

    return Runner(client.get_executor, workers, close, where=f"Dask {address} ({workers} workers)", cancels=False)
