"""Work across processes, made one way everywhere.

Pools fork where that is safe, a caller with no thread but its own on a system that
can fork: a forked worker starts with what the caller has loaded (the segmenter's
word list, the catalog), which spawn makes every worker load again (the month
benchmark's segment stage took twice the CPU). A caller that holds threads (a test's
browser, a review server, the translator's requests, the site stage's clean-up)
gets "spawn": "fork" would copy those threads half-way. How many processes: what the caller asks for (``--jobs``, one per
language), else ``NEWSARCHIVE_JOBS`` when set (a whole number), else one per core.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
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


def start_method() -> str:
    """"fork" for a single-threaded caller where the system has it, else "spawn"."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def process_pool(processes: int | None = None) -> ProcessPoolExecutor:
    """A pool of ``processes`` (default ``job_count()``); use it as a context manager."""
    return ProcessPoolExecutor(max_workers=processes or job_count(),
                               mp_context=multiprocessing.get_context(start_method()))
