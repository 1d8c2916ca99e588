"""One task over many items in forked worker processes, with results and log records in order.

Forking gives every worker the parent's whole state as it is at the call (the loaded content,
the engine's configuration, the pages rendered so far) without pickling any of it; only the
results travel back. What workers log is handed back and replayed in the parent, in item
order, so the output and any count of warnings (MkDocs' strict mode) are those of a serial run.
"""

from __future__ import annotations

import gc
import itertools
import logging
import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Items from which forking workers pays for itself (fork, pickling results, replaying logs).
PARALLEL_FROM = 200
#: At most this many workers by default: each keeps its own copy of the memory it writes to,
#: and past a few the serial part of a build is what the reader waits for.
MAX_WORKERS = 8
#: Chunks per worker: enough for one slow chunk not to leave the other workers idle.
_CHUNKS_PER_WORKER = 8

#: In a worker: the task (set before forking) and the log records of the current item.
_task: Callable[[int], Any] | None = None
_records: list[logging.LogRecord] = []


def workers_for(items: int, requested: int = 0) -> int:
    """Workers for a task over ``items``: ``requested``, else one per core (up to
    MAX_WORKERS) for many items."""
    if requested:
        return requested
    return min(len(os.sched_getaffinity(0)), MAX_WORKERS) if items >= PARALLEL_FROM else 1


def fork_map(
    task: Callable[[Item], Result],
    items: Sequence[Item],
    workers: int,
    heavy: Callable[[Item], bool] | None = None,
    each: Callable[[int, Result], Any] | None = None,
    together: Callable[[Item], str] | None = None,
) -> list[Any]:
    """``[task(item) for item in items]``, computed by ``workers`` forked processes.

    Done here instead with one worker, one item, or other threads running.
    The first item is done here, before forking, so that what a task loads or compiles on
    first use (modules, templates) is loaded once and shared. Items ``heavy`` says are far
    costlier than the rest are handed out first, so that no worker is still busy with one
    when the others have run out of work. Log records are replayed in item order; the
    exception of the first item that failed is raised, after the records made before it.
    ``each(index, result)`` is called here for every result, in item order, as soon as it and
    those before it are done (while the workers go on), and not from the first that failed;
    what it returns is kept in the result's place, so a large result it consumes is not held
    until the end. Items of the same ``together`` key are handed to one worker, one after the
    other (for what a worker keeps from one for the next); results and records stay in item
    order.
    """
    global _task
    # Forking copies only the calling thread: a lock another thread holds would stay held.
    if workers <= 1 or len(items) < 2 or threading.active_count() > 1:
        return [_delivered(each, index, task(item)) for index, item in enumerate(items)]
    results = [_delivered(each, 0, task(items[0]))]
    _task = lambda index: task(items[index])  # noqa: E731 -- read by the forked workers
    chunks = _chunks(
        range(1, len(items)),
        workers,
        heavy and (lambda i: heavy(items[i])),
        together and (lambda i: together(items[i])),
    )
    done: dict[int, tuple[list[logging.LogRecord], Any]] = {}
    failures: list[tuple[int, list[logging.LogRecord], BaseException]] = []
    given = 1  # the next index for ``each``
    # Objects that exist now are the parent's: a worker's garbage collector need not walk them,
    # which would also copy every page of memory it touches.
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(workers, initializer=_capture_logs) as pool:
            for finished, failure in pool.imap(_run_chunk, chunks, chunksize=1):
                done.update((index, (records, value)) for index, records, value in finished)
                failures.extend([failure] if failure else [])
                while each is not None and given in done:
                    records, value = done[given]
                    done[given] = records, each(given, value)
                    given += 1
    finally:
        _task = None
        gc.unfreeze()
    first_failure = min(failures, key=lambda failure: failure[0], default=None)
    for index in range(1, len(items)):
        if first_failure is not None and index == first_failure[0]:
            _replay(first_failure[1])
            raise first_failure[2]
        records, value = done[index]
        _replay(records)
        results.append(value)
    return results


def _delivered(each: Callable[[int, Result], Any] | None, index: int, result: Result) -> Any:
    return result if each is None else each(index, result)


def _replay(records: list[logging.LogRecord]) -> None:
    for record in records:
        logging.getLogger(record.name).handle(record)


def _chunks(
    indexes: range,
    workers: int,
    heavy: Callable[[int], bool] | None,
    together: Callable[[int], str] | None = None,
) -> list[tuple[int, ...]]:
    """Heavy items one by one, then runs of consecutive others: enough runs to share out;
    with ``together``, runs of whole keys (in order of key, each key's items in item order),
    so that the items of one key go to one worker (without, each item is its own key)."""
    first = [(i,) for i in indexes if heavy and heavy(i)]
    rest = [i for i in indexes if not (heavy and heavy(i))]
    size = max(1, -(-len(rest) // (workers * _CHUNKS_PER_WORKER)))
    key: Callable[[int], Any] = together or (lambda i: i)
    runs: list[tuple[int, ...]] = []
    run: list[int] = []
    for _, group in itertools.groupby(sorted(rest, key=key), key=key):
        run.extend(group)
        if len(run) >= size:
            runs.append(tuple(run))
            run = []
    return first + runs + ([tuple(run)] if run else [])


def _run_chunk(indexes: tuple[int, ...]) -> tuple[list[tuple[int, Any, Any]], Any]:
    """Each item's index, log records and result; and the item that failed, if one did."""
    assert _task is not None
    finished = []
    for index in indexes:
        _records.clear()
        try:
            value = _task(index)
        except Exception as error:  # handed to the parent, which raises it
            return finished, (index, list(_records), _picklable(error))
        finished.append((index, list(_records), value))
    return finished, None


def _picklable(error: Exception) -> Exception:
    try:
        pickle.dumps(error)
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


class _Capture(logging.Handler):
    """Keeps a worker's records, formatted so that they pickle, each once."""

    def emit(self, record: logging.LogRecord) -> None:
        if _records and _records[-1] is record:  # met again on its way up the logger tree
            return
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        _records.append(record)


def _capture_logs() -> None:
    """In a worker: every handler becomes a capture; the parent's handlers do the printing."""
    capture = _Capture()
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    for logger in loggers:
        if isinstance(logger, logging.Logger) and logger.handlers:
            logger.handlers = [capture]
    last_resort = _Capture(logging.WARNING)
    logging.lastResort = last_resort
