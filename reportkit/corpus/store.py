"""The corpus database: one DuckDB file, written one transaction per report and per comparison.

A crash, a killed worker or Ctrl-C loses at most the results not yet committed; DuckDB's write-ahead log makes
each commit whole or absent. A rerun reads back what is there (``known``) and replaces only what changed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import OutputError, PathLike, UsageError
from .rows import Row, Rows
from .schema import PAIR_TABLES, SERIES_SQL, STREAMED, TABLES, create_sql

__all__ = ["MEMORY_LIMIT", "Store"]

MEMORY_LIMIT = "256MB"


def _duckdb() -> Any:
    try:
        import duckdb
    except ImportError:
        raise UsageError("the corpus database needs DuckDB: pip install 'reportkit[corpus]'") from None
    return duckdb


class Store:
    def __init__(self, path: PathLike) -> None:
        duckdb = _duckdb()
        self.path = Path(os.fspath(path))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.con = duckdb.connect(str(self.path))
        except (OSError, duckdb.Error) as e:
            raise OutputError(f"cannot open the database: {e}", path=self.path) from None
        # DuckDB caches up to 80 % of RAM by default; capped, the writer's memory stays put as the corpus grows
        # (bench_corpus.py, main process: 311 MiB at 1,000 reports and 368 at 2,000; uncapped, 494 at 2,000)
        self.con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        for name in STREAMED:
            self.con.execute(create_sql(name))
        # a database an older reportkit wrote lacks the last column of reports; it reads as NULL there
        self.con.execute('ALTER TABLE reports ADD COLUMN IF NOT EXISTS org_written VARCHAR')
        self.con.execute(create_sql("series"))
        self.con.execute(create_sql("gaps"))

    def close(self) -> None:
        self.con.close()

    # what an earlier run left -------------------------------------------------------------------------
    def known(self) -> dict[str, tuple[str, str]]:
        """path → (sha256, "ok" | "failed") of every file already in the database."""
        out = {p: (h, "ok") for p, h in self.con.execute("SELECT path, sha256 FROM reports").fetchall()}
        for p, h in self.con.execute("SELECT path, sha256 FROM failures WHERE stage = 'read'").fetchall():
            out.setdefault(p, (h or "", "failed"))
        return out

    def placed(self, paths: Sequence[str]) -> list[tuple[str, str, str | None, str | None, int | None]]:
        """(path, sha256, organisation, genre, year) of the reports among ``paths``."""
        if not paths:
            return []
        rows: list[Any] = self.con.execute(
            "SELECT path, sha256, organisation, genre, year FROM reports WHERE path IN (SELECT unnest($1))",
            [list(paths)],
        ).fetchall()
        return [tuple(r) for r in rows]

    def compared(self) -> set[tuple[str, str, str, str]]:
        rows = self.con.execute("SELECT old_path, new_path, old_sha256, new_sha256 FROM comparisons").fetchall()
        return {(a, b, c, d) for a, b, c, d in rows}

    # writing -------------------------------------------------------------------------------------------
    def forget(self, paths: Iterable[str]) -> None:
        """Remove every row of these files (changed or gone), and the comparisons they take part in."""
        paths = list(paths)
        if not paths:
            return
        with self._transaction():
            for t in ("reports", "metrics", "failures"):
                self.con.execute(f'DELETE FROM "{t}" WHERE path IN (SELECT unnest($1))', [paths])
            self.con.execute("DELETE FROM failures WHERE other_path IN (SELECT unnest($1))", [paths])
            for t in PAIR_TABLES:
                self.con.execute(
                    f'DELETE FROM "{t}" WHERE old_path IN (SELECT unnest($1)) OR new_path IN (SELECT unnest($1))',
                    [paths],
                )

    def forget_pair(self, old_path: str, new_path: str) -> None:
        with self._transaction():
            self._delete_pair(old_path, new_path)

    def _delete_pair(self, old_path: str, new_path: str) -> None:
        for t in PAIR_TABLES:
            self.con.execute(f'DELETE FROM "{t}" WHERE old_path = ? AND new_path = ?', [old_path, new_path])
        self.con.execute("DELETE FROM failures WHERE stage = 'compare' AND path = ? AND other_path = ?",
                         [new_path, old_path])

    def write(self, rows: Rows, *, replace_pair: tuple[str, str] | None = None) -> None:
        """One result, all its tables, in one transaction."""
        with self._transaction():
            if replace_pair:
                self._delete_pair(*replace_pair)
            for table, items in rows.items():
                self._insert(table, items)

    def set_status(self, paths: Iterable[str], status: str) -> None:
        paths = list(paths)
        if paths:
            self.con.execute("UPDATE reports SET status = ? WHERE path IN (SELECT unnest($2))", [status, paths])

    def set_genres(self, genres: dict[str, str]) -> None:
        if not genres:
            return
        with self._transaction():
            for t in ("reports", "metrics"):
                self.con.execute(
                    f'UPDATE "{t}" SET genre = g.genre FROM (SELECT unnest($1) AS path, unnest($2) AS genre) g '
                    f'WHERE "{t}".path = g.path', [list(genres), list(genres.values())])

    def finish(self, gaps: list[Row]) -> None:
        """Derive ``series`` and ``gaps`` from what the run wrote; one transaction."""
        with self._transaction():
            self.con.execute("DELETE FROM series")
            self.con.execute(
                f"INSERT INTO series SELECT * FROM ({SERIES_SQL}) "
                "WHERE path IN (SELECT path FROM reports WHERE status = 'ok') ORDER BY ALL"
            )
            self.con.execute("DELETE FROM gaps")
            self._insert("gaps", gaps)
        self.con.execute("CHECKPOINT")

    def _insert(self, table: str, items: list[Row]) -> None:
        # one INSERT of column lists: DuckDB's executemany is a statement per row, far slower
        if not items:
            return
        cols = list(zip(*items, strict=True))
        names = ", ".join(f"unnest(${i + 1})" for i in range(len(cols)))
        self.con.execute(f'INSERT INTO "{table}" SELECT {names}', [list(c) for c in cols])

    def _transaction(self) -> _Tx:
        return _Tx(self.con)

    # export --------------------------------------------------------------------------------------------
    def export_parquet(self, folder: PathLike) -> Path:
        """Every table as ``<folder>/<table>.parquet``, written beside and renamed into place."""
        target = Path(os.fspath(folder))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        except OSError as e:
            raise OutputError(f"cannot write here: {e.strerror or e}", path=target) from None
        try:
            for name in TABLES:
                dest = str(tmp / f"{name}.parquet").replace("'", "''")
                self.con.execute(f"COPY (SELECT * FROM \"{name}\" ORDER BY ALL) TO '{dest}' (FORMAT PARQUET)")
            if target.exists():
                shutil.rmtree(target)
            os.replace(tmp, target)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return target


class _Tx:
    def __init__(self, con: Any) -> None:
        self.con = con

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, kind: object, value: object, tb: object) -> None:
        self.con.execute("COMMIT" if kind is None else "ROLLBACK")
