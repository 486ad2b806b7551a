"""Progress of a corpus run: a bar redrawn in place on a terminal, plain lines (every few seconds) in a log."""

from __future__ import annotations

import time
from typing import TextIO

__all__ = ["Progress"]


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


class Progress:
    """Counts of reports and comparisons done; ``stream=None`` shows nothing."""

    def __init__(self, stream: TextIO | None = None, *, every: float = 5.0) -> None:
        self.stream = stream
        self.tty = bool(stream is not None and getattr(stream, "isatty", lambda: False)())
        self.every = every
        self.start = time.monotonic()
        self._last = 0.0
        self.reports = self.reports_total = self.pairs = self.pairs_total = self.failed = 0
        self.pairs_ahead = 0  # comparisons expected from buckets not yet paired (for the time left)

    def update(self, *, force: bool = False) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        if not force and now - self._last < (0.1 if self.tty else self.every):
            return
        self._last = now
        line = self._line(now - self.start)
        if self.tty:
            self.stream.write("\r" + line + "\x1b[K")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.update(force=True)
        if self.stream is not None and self.tty:
            self.stream.write("\n")
            self.stream.flush()

    def _line(self, elapsed: float) -> str:
        done = self.reports + self.pairs
        total = self.reports_total + self.pairs_total + self.pairs_ahead
        rate = self.reports / elapsed if elapsed > 0 else 0.0
        left = "--:--"
        if done and total > done:
            left = _clock(elapsed / done * (total - done))
        elif total and done >= total:
            left = "0:00"
        text = (f"reports {self.reports}/{self.reports_total}  "
                f"pairs {self.pairs}/{self.pairs_total}{'+' if self.pairs_ahead else ''}  "
                f"failed {self.failed}  {rate:.1f} reports/s  elapsed {_clock(elapsed)}  left {left}")
        if not self.tty:
            return "reportkit corpus: " + text
        width = 24
        filled = int(width * done / total) if total else width
        return f"[{'#' * filled}{'.' * (width - filled)}] " + text
