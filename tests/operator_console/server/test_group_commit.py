"""Answer batches that arrive together share one commit (issue: the room server at hall scale);
each is acknowledged only after it, a refused one writes nothing and takes no other down, and a
commit that fails acknowledges none of them."""

from __future__ import annotations

import gc
import inspect
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from kiosk.hall_client import HallClient
from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.kiosk_api import AnswerAck, AnswerChange, FormView
from operator_console.server.app import create_app
from operator_console.server.changes import touch
from operator_console.server.db import _WRITERS, keeps_seats
from operator_console.server.models import Incident
from operator_console.server.routes import kiosks
from operator_console.server.runtime import HallRuntime
from operator_console.server.serve import ServerThread
from tests.hall import Hall, wait_until
from tests.operator_console.server.test_snapshots import NOW, kept_both, seat


@pytest.fixture
def hall(driven_hall: Hall) -> Hall:
    return driven_hall


def seated(hall: Hall, seats: int) -> list[tuple[HallClient, FormView]]:
    """`seats` candidates, each at a seat of their own with their first part started."""
    free = [r for r in hall.registrations if r.banned_until is None][:seats]
    clients = [hall.seat(registration, f"A0{n + 1}") for n, registration in enumerate(free)]
    hall.console.start_session(hall.session_id)
    return [(client, hall.start(f"A0{n + 1}")) for n, client in enumerate(clients)]


def answer(form: FormView, seq: int, when: Any, item: int = 0) -> AnswerChange:
    question = form.items[item]
    return AnswerChange(
        seq=seq, item_id=question.item_id, choices=[question.choices[0].id], answered_at=when
    )


@contextmanager
def writer_held(hall: Hall, first: Callable[[], Any], queued: int) -> Iterator[Sender]:
    """`first` posted alone while the hall's write lock is held: the answer writer takes it and
    waits for the lock. What the block sends queues behind it; once `queued` posts wait, the
    lock is let go, and they are written together. Yields the sender; `first`'s future is the
    sender's `first` attribute."""
    lock = _WRITERS[hall.runtime.engine]
    writer = hall.runtime.answers
    with ThreadPoolExecutor(max_workers=queued + 1) as pool:
        lock.acquire()
        try:
            before = writer.submitted
            sender = Sender(pool, pool.submit(first))
            wait_until(lambda: writer.submitted == before + 1 and writer.waiting == 0, timeout=20)
            yield sender
            wait_until(lambda: writer.waiting == queued, timeout=20)
            assert not sender.first.done()  # nothing acknowledged before its commit
        finally:
            lock.release()


@dataclass
class Sender:
    pool: ThreadPoolExecutor
    first: Future[Any]

    def __call__(self, call: Callable[[], Any]) -> Future[Any]:
        return self.pool.submit(call)


def test_answers_arriving_together_share_one_commit_and_each_is_acknowledged(
    hall: Hall,
) -> None:
    sittings = seated(hall, 4)
    now = hall.clock.now()
    before = hall.runtime.answers.commits
    client0, form0 = sittings[0]
    with writer_held(
        hall, lambda: client0.send_answers(form0.attempt_id, [answer(form0, 1, now)]), queued=39
    ) as send:
        # Ten posts per seat, each of one change, numbered 1..10 at each seat.
        def post(client: HallClient, form: FormView, seq: int) -> Callable[[], AnswerAck]:
            return lambda: client.send_answers(form.attempt_id, [answer(form, seq, now, item=seq)])

        sent = [send.first] + [
            send(post(client, form, seq))
            for n, (client, form) in enumerate(sittings)
            for seq in range(1, 11)
            if (n, seq) != (0, 1)
        ]
        assert not any(f.done() for f in sent)
    acks: list[AnswerAck] = [f.result(timeout=20) for f in sent]
    assert all(ack.refused == {} for ack in acks)
    # The first post alone, then the thirty-nine that queued behind it: two commits.
    assert hall.runtime.answers.commits - before == 2
    for _client, form in sittings:
        assert hall.stored_changes(form.attempt_id) == 10
    assert max(ack.stored_through for ack in acks) == 10
    # A retry of any of them is acknowledged again and stores nothing twice.
    client, form = sittings[2]
    again = client.send_answers(form.attempt_id, [answer(form, 4, now, item=4)])
    assert again.stored_through == 10 and hall.stored_changes(form.attempt_id) == 10


def test_a_refused_post_in_a_shared_commit_writes_nothing_and_takes_no_other_down(
    hall: Hall,
) -> None:
    (a, form_a), (b, form_b) = seated(hall, 2)
    now = hall.clock.now()
    a.send_answers(form_a.attempt_id, [answer(form_a, 1, now)])
    with writer_held(
        hall, lambda: b.send_answers(form_b.attempt_id, [answer(form_b, 1, now)]), queued=3
    ) as send:
        blocker = send.first
        others_attempt = send(lambda: b.send_answers(form_a.attempt_id, [answer(form_a, 2, now)]))
        # Number 1 again with another question: the kiosk's journal and the server disagree.
        changed = send(
            lambda: a.send_answers(
                form_a.attempt_id, [answer(form_a, 2, now), answer(form_a, 1, now, item=3)]
            )
        )
        fine = send(lambda: a.send_answers(form_a.attempt_id, [answer(form_a, 2, now, item=2)]))
    assert blocker.result(timeout=20).stored_through == 1
    with pytest.raises(ServerRefused) as refused:
        others_attempt.result(timeout=20)
    assert refused.value.status == 403
    with pytest.raises(ServerRefused) as refused:
        changed.result(timeout=20)
    assert refused.value.status == 409 and "other content" in refused.value.detail
    assert fine.result(timeout=20).stored_through == 2
    assert hall.stored_changes(form_a.attempt_id) == 2  # 1 before, 2 from `fine`; none refused
    assert hall.stored_changes(form_b.attempt_id) == 1


def test_a_commit_that_fails_acknowledges_none_of_its_posts(hall: Hall) -> None:
    (a, form_a), (b, form_b) = seated(hall, 2)
    now = hall.clock.now()
    commits = iter([None, OperationalError("COMMIT", {}, Exception("disk I/O error"))])

    def second_fails(_db: Session) -> None:
        failure = next(commits, None)
        if failure is not None:
            raise failure

    event.listen(hall.runtime.factory, "before_commit", second_fails)
    try:
        with writer_held(
            hall, lambda: a.send_answers(form_a.attempt_id, [answer(form_a, 1, now)]), queued=2
        ) as send:
            together = [
                send(lambda: a.send_answers(form_a.attempt_id, [answer(form_a, 2, now)])),
                send(lambda: b.send_answers(form_b.attempt_id, [answer(form_b, 1, now)])),
            ]
        assert send.first.result(timeout=20).stored_through == 1
        for sent in together:
            with pytest.raises(ServerRefused) as refused:
                sent.result(timeout=20)
            assert refused.value.status == 503
    finally:
        event.remove(hall.runtime.factory, "before_commit", second_fails)
    assert hall.stored_changes(form_a.attempt_id) == 1
    assert hall.stored_changes(form_b.attempt_id) == 0
    # Sent again, as a kiosk does, both are stored.
    assert a.send_answers(form_a.attempt_id, [answer(form_a, 2, now)]).stored_through == 2
    assert b.send_answers(form_b.attempt_id, [answer(form_b, 1, now)]).stored_through == 1


def test_a_savepoint_publishes_nothing_and_keeps_what_its_transaction_said(
    runtime: HallRuntime,
) -> None:
    """A savepoint released inside a transaction is not its commit: the change stream hears of
    nothing yet, and a transaction that keeps the seats keeps them through its savepoints."""
    kept_both(runtime)
    cursor = runtime.live.feed.cursor
    with runtime.tx() as db:
        keeps_seats(db)
        for _ in range(2):
            with db.begin_nested():
                db.add(Incident(at=NOW, category="lockdown", code="focus_lost", reported_by="t"))
                touch(db, "seat", "A01")
        assert runtime.live.feed.cursor == cursor
    assert runtime.live.feed.cursor != cursor
    assert runtime.live.snapshots.seat("A01") == seat("A01")
    assert runtime.live.snapshots.seat("A02") == seat("A02")


def test_a_started_server_settles_its_heap(runtime: HallRuntime) -> None:
    before = gc.get_freeze_count()
    try:
        with ServerThread(create_app(runtime, run_workers=False, settle=True)) as server:
            assert httpx.get(f"{server.url}/health").status_code == 200
            assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()


def test_the_kiosks_routes_are_matched_first_and_run_on_the_event_loop(
    runtime: HallRuntime,
) -> None:
    """A full hall is mostly seat polls and answers: each is matched before the consoles' routes
    and waits for no worker thread on its way (FastAPI runs a plain `def` on one)."""
    app = create_app(runtime, run_workers=False)
    prefixes = [r.original_router.prefix for r in app.routes if hasattr(r, "original_router")]
    assert prefixes[0] == "/kiosk/v1" and "/api/v1" in prefixes[1:]

    def calls(route: APIRoute) -> list[Callable[..., Any]]:
        found, todo = [], [route.dependant]
        while todo:
            dependant = todo.pop()
            if dependant.call is not None:
                found.append(dependant.call)
            todo.extend(dependant.dependencies)
        return found

    for path, method in (("/seat", "GET"), ("/attempts/{attempt_id}/answers", "POST")):
        route = next(
            r
            for r in kiosks.router.routes
            if isinstance(r, APIRoute)
            and r.path == "/kiosk/v1" + path
            and method in (r.methods or ())
        )
        assert all(inspect.iscoroutinefunction(call) for call in calls(route)), path


def test_the_same_batch_sent_forty_times_at_once_is_stored_once(hall: Hall) -> None:
    """A kiosk that resends while its first copy waits: every copy is acknowledged alike, each
    change is stored once, in however many commits the copies fall."""
    ((client, form),) = seated(hall, 1)
    now = hall.clock.now()
    batch = [answer(form, seq, now, item=seq) for seq in (1, 2, 3)]
    with ThreadPoolExecutor(max_workers=40) as pool:
        acks = list(pool.map(lambda _n: client.send_answers(form.attempt_id, batch), range(40)))
    assert {(ack.stored_through, tuple(ack.refused)) for ack in acks} == {(3, ())}
    assert hall.stored_changes(form.attempt_id) == 3
