"""Work across processes, made one way everywhere.

Pools use the "spawn" start method: a caller may hold threads (a test's browser,
a review server, the translator's requests), and "fork" would copy them
half-way. How many processes: what the caller asks for (``--jobs``, one per
language), else ``NEWSARCHIVE_JOBS`` when set (a whole number), else one per core.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from .errors import UserError

JOBS_SETTING = "NEWSARCHIVE_JOBS"


def job_count() -> int:
    """Processes to use when the caller does not say: the setting, or one per core."""
    raw = os.environ.get(JOBS_SETTING, "").strip()
    if raw:
        if not raw.isdigit() or int(raw) < 1:
            raise UserError(f"{JOBS_SETTING}={raw!r}: expected a whole number of processes, 1 or more")
        return int(raw)
    return os.cpu_count() or 1


def process_pool(processes: int | None = None) -> ProcessPoolExecutor:
    """A spawn pool of ``processes`` (default ``job_count()``); use it as a context manager."""
    return ProcessPoolExecutor(max_workers=processes or job_count(), mp_context=multiprocessing.get_context("spawn"))
