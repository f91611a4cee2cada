"""The one place that reads the time. Everything else is handed a clock, so tests move time."""

from __future__ import annotations

import time
from typing import Protocol

from .domain.zones import Instant


class Clock(Protocol):
    def now(self) -> Instant:
        """Whole seconds since the epoch, UTC (wall time: it can jump)."""
        ...

    def monotonic(self) -> float:
        """Seconds that only ever go forward, for measuring intervals in one process."""
        ...


class SystemClock:
    def now(self) -> Instant:
        return int(time.time())

    def monotonic(self) -> float:
        return time.monotonic()
