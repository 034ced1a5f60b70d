"""Kiosks' answer batches written together: one transaction and one commit for those that arrive
at the same moment, each acknowledged only once that commit has returned.

A full hall sends about a hundred answer posts a second. Written one by one, each waited for the
write lock, began, committed and synced on its own, on a thread of its own that had to win the
interpreter lock back after every database call; on PostgreSQL each made some eight round
trips. Here one thread takes whatever has arrived (up to `MOST`) and hands it to one `write`
that stores them all in a few statements, and commits once. A refused batch (409, 404) is that
batch's answer and writes nothing; a commit that fails (the disk full, the database gone) fails
every batch in it, and none of them is acknowledged. Should `write` fail on something else, each
batch is written again alone, so one cannot take the others down with it.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

MOST = 64
"""Batches in one commit at most: a longer queue is written in several commits, in order."""

T = TypeVar("T")
R = TypeVar("R")


@dataclass
class _Job(Generic[T, R]):
    item: T
    done: Future[R] = field(default_factory=Future)


class GroupCommit(Generic[T, R]):
    def __init__(
        self,
        transaction: Callable[[], AbstractContextManager[Session]],
        write: Callable[[Session, list[T]], list[R | Exception]],
        *,
        prepare: Callable[[Session], None] = lambda _db: None,
        name: str = "group-commit",
    ) -> None:
        """`transaction()` opens one unit of work (committed on leaving it); `prepare(db)` runs
        first in it (what every write of the kind says of itself, such as `keeps_seats`);
        `write(db, items)` stores the items and gives each its answer or its refusal."""
        self._transaction, self._write_all, self._prepare = transaction, write, prepare
        self._name = name
        self._queue: queue.SimpleQueue[_Job[T, R] | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closed = False
        self.commits = 0
        """Commits made so far (each of one or more items): for tests and benchmarks."""
        self.submitted = 0
        """Items submitted so far."""

    def submit(self, item: T) -> Future[R]:
        """Stores `item` in the next commit; the future holds its answer once that commit has
        returned, or the exception that refused it (its own, or the commit's)."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the room server is stopping")
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()
            job: _Job[T, R] = _Job(item)
            self._queue.put(job)
            self.submitted += 1
        return job.done

    @property
    def waiting(self) -> int:
        """Items submitted and not yet taken by the writer."""
        return self._queue.qsize()

    def close(self) -> None:
        """Writes what has been submitted, then stops the thread."""
        with self._lock:
            self._closed = True
            thread = self._thread
            self._queue.put(None)
        if thread is not None:
            thread.join(timeout=30)

    def _run(self) -> None:
        for jobs in self._batches():
            self._write(jobs)

    def _batches(self) -> Iterator[list[_Job[T, R]]]:
        while True:
            first = self._queue.get()
            if first is None:
                return
            jobs = [first]
            while len(jobs) < MOST:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    yield jobs
                    return
                jobs.append(more)
            yield jobs

    def _write(self, jobs: list[_Job[T, R]]) -> None:
        try:
            with self._transaction() as db:
                self._prepare(db)
                answers = self._write_all(db, [job.item for job in jobs])
            self.commits += 1
        except Exception as failed:  # nothing of this commit holds
            if len(jobs) > 1 and not isinstance(failed, OperationalError):
                log.exception("a commit of %d items failed; writing each alone", len(jobs))
                for job in jobs:
                    self._write([job])
                return
            log.warning("a commit of %d items failed: %s", len(jobs), failed)
            for job in jobs:
                job.done.set_exception(failed)
            return
        for job, answer in zip(jobs, answers, strict=True):
            if isinstance(answer, Exception):
                job.done.set_exception(answer)
            else:
                job.done.set_result(answer)
