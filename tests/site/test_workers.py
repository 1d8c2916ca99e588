"""Forked workers: results and log records in item order, errors raised in the parent."""

from __future__ import annotations

import logging
import os
import threading
import time

import pytest

from site_builder.site import workers as parallel
from site_builder.site.workers import MAX_WORKERS, PARALLEL_FROM, fork_map, workers_for

log = logging.getLogger("mkdocs.tests.parallel")


def _square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def test_results_come_back_in_item_order_from_several_processes() -> None:
    assert threading.active_count() == 1  # else fork_map rightly runs everything here
    results = fork_map(_square_and_pid, range(60), workers=2, heavy=lambda n: n % 17 == 0)
    assert [square for square, _ in results] == [n * n for n in range(60)]
    pids = {pid for _, pid in results}
    assert results[0][1] == os.getpid()  # the first item warms up in the parent
    assert len(pids - {os.getpid()}) >= 1  # the rest ran elsewhere


def test_one_worker_or_one_item_runs_here() -> None:
    assert {pid for _, pid in fork_map(_square_and_pid, range(5), workers=1)} == {os.getpid()}
    assert fork_map(_square_and_pid, [3], workers=2) == [(9, os.getpid())]
    assert fork_map(_square_and_pid, [], workers=2) == []


def test_with_other_threads_running_nothing_is_forked() -> None:
    """A forked child keeps only the calling thread: a lock another one held would stay held."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        results = fork_map(_square_and_pid, range(30), workers=2)
    finally:
        stop.set()
        thread.join()
    assert {pid for _, pid in results} == {os.getpid()}
    assert [square for square, _ in results] == [n * n for n in range(30)]


def _log_item(n: int) -> int:
    log.warning("item %d", n)
    return n


def test_log_records_of_workers_are_replayed_here_in_item_order(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs.tests.parallel"):
        fork_map(_log_item, range(40), workers=2, heavy=lambda n: n in (30, 39))
    assert [r.getMessage() for r in caplog.records] == [f"item {n}" for n in range(40)]


def _fail_at_25(n: int) -> int:
    log.warning("item %d", n)
    if n == 25:
        raise ValueError("item 25 is bad")
    return n


def test_an_error_in_a_worker_is_raised_here_after_the_records_before_it(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with (
        caplog.at_level(logging.WARNING, logger="mkdocs.tests.parallel"),
        pytest.raises(ValueError, match="item 25 is bad"),
    ):
        fork_map(_fail_at_25, range(40), workers=2)
    messages = [r.getMessage() for r in caplog.records]
    assert messages[:26] == [f"item {n}" for n in range(26)]


class _Unpicklable(Exception):
    def __init__(self, handle: object) -> None:
        super().__init__("cannot travel")
        self.handle = handle

    def __reduce__(self):  # type: ignore[no-untyped-def]
        raise TypeError("no pickling")


def _fail_unpicklably(n: int) -> int:
    if n == 10:
        raise _Unpicklable(lambda: None)
    return n


def test_an_error_that_cannot_be_pickled_arrives_as_its_text() -> None:
    assert threading.active_count() == 1  # else nothing is forked, and nothing pickled
    with pytest.raises(RuntimeError, match="_Unpicklable: cannot travel"):
        fork_map(_fail_unpicklably, range(20), workers=2)


def _slow_square(n: int) -> tuple[int, float]:
    time.sleep(0.01)
    return n * n, time.monotonic()


def test_each_result_is_given_here_in_item_order_while_the_workers_go_on() -> None:
    assert threading.active_count() == 1
    given: list[tuple[int, int, int, float]] = []

    def each(index: int, result: tuple[int, float]) -> tuple[int, float]:
        given.append((index, result[0], os.getpid(), time.monotonic()))
        return result

    results = fork_map(_slow_square, range(60), workers=2, heavy=lambda n: n == 50, each=each)
    assert [(index, square, pid) for index, square, pid, _ in given] == [
        (n, n * n, os.getpid()) for n in range(60)
    ]
    assert [square for square, _ in results] == [n * n for n in range(60)]
    last_done = max(done for _, done in results)
    assert given[1][3] < last_done  # item 1 came from a worker, before the last was done


def test_each_result_is_given_in_order_when_all_run_here_too() -> None:
    given: list[int] = []
    fork_map(_square_and_pid, range(5), workers=1, each=lambda index, _: given.append(index))
    assert given == [0, 1, 2, 3, 4]


def test_what_each_returns_is_kept_in_the_results_place() -> None:
    """So that a large result ``each`` consumes (a finished page) is not held to the end."""
    assert threading.active_count() == 1
    for workers in (1, 2):
        kept = fork_map(_square_and_pid, range(30), workers, each=lambda _, r: r[0] % 7)
        assert kept == [n * n % 7 for n in range(30)]


def test_no_result_is_given_from_the_first_that_failed() -> None:
    given: list[int] = []
    with pytest.raises(ValueError, match="item 25 is bad"):
        fork_map(_fail_at_25, range(40), workers=2, each=lambda index, _: given.append(index))
    assert given == list(range(25))


def test_heavy_items_are_handed_out_first_one_by_one() -> None:
    chunks = parallel._chunks(range(1, 40), 2, heavy=lambda i: i in (38, 39))
    assert chunks[:2] == [(38,), (39,)]
    rest = [i for chunk in chunks[2:] for i in chunk]
    assert rest == list(range(1, 38))
    assert [len(chunk) for chunk in chunks[2:]] == [3] * 12 + [1]  # 37 in 16 runs or fewer


def test_items_together_are_one_run_in_item_order() -> None:
    """As a brief's pages in four sites: 1, 11, 21 and 31 are one key's items."""
    chunks = parallel._chunks(
        range(1, 40), 2, heavy=lambda i: i == 39, together=lambda i: f"{i % 10}"
    )
    assert chunks[:2] == [(39,), (10, 20, 30)]  # heavy first; then by key, whole keys a run
    runs = {i: n for n, chunk in enumerate(chunks) for i in chunk}
    for key in range(1, 10):
        assert len({runs[i] for i in range(key, 39, 10)}) == 1
    assert (1, 11, 21, 31) in chunks
    assert sorted(i for chunk in chunks for i in chunk) == list(range(1, 40))


def _pid_logged(n: int) -> int:
    log.warning("item %d", n)
    return os.getpid()


def test_items_together_run_in_one_worker_and_come_back_in_item_order(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs.tests.parallel"):
        pids = fork_map(_pid_logged, range(80), workers=2, together=lambda n: f"{n % 20}")
    assert [r.getMessage() for r in caplog.records] == [f"item {n}" for n in range(80)]
    for key in range(1, 20):
        assert len({pids[n] for n in range(key, 80, 20)}) == 1
    assert os.getpid() not in pids[1:]  # the first item warms up here, the rest ran elsewhere


def test_workers_for_a_task(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2})
    assert workers_for(PARALLEL_FROM - 1) == 1
    assert workers_for(PARALLEL_FROM) == 3
    assert workers_for(5, requested=2) == 2
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(64)))
    assert workers_for(PARALLEL_FROM) == MAX_WORKERS
    assert workers_for(PARALLEL_FROM, requested=64) == 64
