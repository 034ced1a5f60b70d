"""The kiosk's replicator: answers reach the room server, and survive the room LAN going down."""

from __future__ import annotations

from pathlib import Path

from kiosk.journal import Journal
from kiosk.replicator import Link, LinkStatus, Replicator
from kiosk.sitting import Sitting
from operator_console.server.app import create_app
from operator_console.server.serve import ServerThread
from tests.hall import Hall, wait_until


def test_answers_flow_and_wait_out_a_lan_outage(driven_hall: Hall, tmp_path: Path) -> None:
    hall = driven_hall
    client = hall.seat(hall.registrations[1], "A01")
    hall.console.start_session(hall.session_id)
    form = hall.start("A01")
    journal = Journal(tmp_path / "journal.db")
    sitting = Sitting(form, journal, client, hall.clock)
    seen: list[LinkStatus] = []
    replicator = Replicator(sitting, on_status=seen.append, interval=0.05, backoff_max=0.1).start()
    restarted = None
    try:
        item = form.items[0]
        sitting.answer(item.item_id, [item.choices[0].id])
        replicator.poke()
        wait_until(
            lambda: hall.stored_changes(form.attempt_id) == 1, what="the first answer stored"
        )

        port = hall.server.port
        hall.server.stop()  # the room LAN goes down
        sitting.answer(item.item_id, [item.choices[1].id])
        replicator.poke()
        wait_until(
            lambda: replicator.status.link is Link.OFFLINE and replicator.status.unsent == 1,
            what="the kiosk to show it is offline with one unsent change",
        )
        assert journal.answers(form.attempt_id) == {item.item_id: [item.choices[1].id]}

        restarted = ServerThread(create_app(hall.runtime, run_workers=False), port=port).start()
        wait_until(
            lambda: replicator.status.link is Link.ONLINE and replicator.status.unsent == 0,
            what="the change carried after the LAN came back",
        )
        assert hall.stored_changes(form.attempt_id) == 2
        assert any(s.link is Link.OFFLINE for s in seen) and seen[-1].last_success is not None
    finally:
        replicator.stop()
        journal.close()
        if restarted is not None:
            restarted.stop()
