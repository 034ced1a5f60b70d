"""The admission desk's rules, held by the server: the detector gate, admission closing at the
real start, which decision stands, refusals by a rule, and admitting once."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from hardware.clock import FakeClock
from hardware.detector import DetectorEvent, EventKind
from operator_console.central.store import StubStore
from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.console_api.desk import AdmissionView, RegistrationView
from operator_console.protocol.reasons import Reason
from operator_console.server.models import Admission, AuditEntry
from operator_console.server.reports import report
from operator_console.server.serve import ServerThread
from tests.conftest import HALL_ID
from tests.hall import Hall, open_hall

ERROR = Reason(category="staff", code="error", note="the wrong candidate was called")


@pytest.fixture
def hall(driven_hall: Hall) -> Hall:
    """A hall that runs without a detector (the tests' default)."""
    return driven_hall


@pytest.fixture
def gated(
    tmp_path: Path, keys: Path, driven_stub: ServerThread, stub_store: StubStore, clock: FakeClock
) -> Iterator[Hall]:
    """A hall with a detector at the door: every admission needs a check."""
    yield from open_hall(
        tmp_path,
        keys,
        driven_stub,
        stub_store,
        clock,
        detector={"required": True, "check_valid_minutes": 2},
    )


def walk(hall: Hall, kind: EventKind) -> int:
    """The arch at the door reports a walk-through, as its reader would."""
    return hall.runtime.detector.record(DetectorEvent("wtmd", kind, hall.clock.now()))


def refused(call: Callable[[], object]) -> ServerRefused:
    with pytest.raises(ServerRefused) as caught:
        call()
    return caught.value


def admit(hall: Hall, reg: RegistrationView, event: int | None) -> AdmissionView:
    return hall.console.admit(
        hall.session_id, reg.registration_id, reg.iin, detector_event_id=event
    )


def test_an_older_pass_after_an_alarm_is_refused(gated: Hall) -> None:
    reg = gated.registrations[1]
    older = walk(gated, EventKind.PASS)
    walk(gated, EventKind.ALARM)
    said = refused(lambda: admit(gated, reg, older))
    assert (said.status, said.code) == (409, "detector_alarm_newer")
    assert said.params["event"] == str(older) and "alarm_at" in said.params
    check = gated.console.check_admission(gated.session_id, reg.registration_id, reg.iin, older)
    assert (check.admissible, check.detector) == (False, "detector_alarm_newer")
    fresh = walk(gated, EventKind.PASS)
    assert admit(gated, reg, fresh).status == "admitted"


def test_a_wand_pass_for_the_candidate_clears_an_alarm(gated: Hall) -> None:
    reg, other = gated.registrations[1], gated.registrations[4]
    alarm = walk(gated, EventKind.ALARM)
    assert refused(lambda: admit(gated, reg, alarm)).code == "detector_alarm"
    wand = gated.console.wand("pass", reg.registration_id, note="belt buckle")
    assert (wand.source, wand.registration_id) == ("manual", reg.registration_id)
    said = refused(lambda: admit(gated, other, wand.id))
    assert (said.code, said.params["registration"]) == (
        "wand_other_candidate",
        reg.registration_id,
    )
    assert admit(gated, reg, wand.id).status == "admitted"


def test_one_walk_through_admits_one_candidate(gated: Hall) -> None:
    first, second = gated.registrations[1], gated.registrations[4]
    once = walk(gated, EventKind.PASS)
    assert admit(gated, first, once).status == "admitted"
    said = refused(lambda: admit(gated, second, once))
    assert (said.code, said.params["registration"]) == ("walk_through_used", first.registration_id)


def test_admission_without_a_detector_check_is_refused(gated: Hall) -> None:
    reg = gated.registrations[1]
    said = refused(lambda: admit(gated, reg, None))
    assert (said.status, said.code) == (409, "detector_check_required")
    check = gated.console.check_admission(gated.session_id, reg.registration_id, reg.iin)
    assert (check.admissible, check.reason_code, check.detector) == (
        False,
        None,
        "detector_check_required",
    )
    with gated.runtime.tx() as db:
        assert db.execute(select(Admission)).scalars().all() == []


def test_a_stale_walk_through_is_refused(gated: Hall) -> None:
    reg = gated.registrations[1]
    old = walk(gated, EventKind.PASS)
    minutes = gated.runtime.config.detector.check_valid_minutes
    gated.clock.advance(timedelta(minutes=minutes, seconds=1))
    said = refused(lambda: admit(gated, reg, old))
    assert (said.code, said.params["minutes"]) == ("walk_through_stale", str(minutes))


def test_a_wand_check_for_no_candidate_is_refused(gated: Hall) -> None:
    said = refused(lambda: gated.console.wand("pass", None))
    assert (said.status, said.code) == (422, "wand_needs_candidate")
    missing = refused(lambda: gated.console.wand("pass", "NO-SUCH-REG"))
    assert (missing.status, missing.params["what"]) == (404, "registration")


def test_a_hall_without_a_detector_admits_without_a_check(hall: Hall) -> None:
    assert hall.runtime.config.detector.required is False
    reg = hall.registrations[1]
    assert admit(hall, reg, None).status == "admitted"


def test_admission_closes_at_the_real_start_when_it_is_early(hall: Hall) -> None:
    session = hall.console.sessions(hall.clock.now().date())[0]
    assert session.starts_at > hall.clock.now() + timedelta(minutes=5)
    hall.console.start_session(hall.session_id)
    hall.clock.advance(timedelta(seconds=47))
    reg = hall.registrations[1]
    check = hall.console.check_admission(hall.session_id, reg.registration_id, reg.iin)
    assert (check.admissible, check.reason_code) == (False, "late")
    decision = admit(hall, reg, None)
    assert (decision.status, decision.reason_code) == ("refused", "late")


def test_a_refusal_then_an_admission_is_admitted_everywhere(hall: Hall) -> None:
    reg = hall.registrations[1]
    first = hall.console.refuse(hall.session_id, reg.registration_id, ERROR)
    assert first.status == "refused"
    assert admit(hall, reg, None).status == "admitted"
    hall.console.refuse(hall.session_id, hall.registrations[2].registration_id, rule="banned")
    expected = len(hall.registrations)
    view = hall.console.sessions(hall.clock.now().date())[0]
    assert (view.admitted, view.refused, view.no_shows, view.unseated) == (1, 1, expected - 2, 1)
    listed = {r.registration_id: r for r in hall.console.registrations(hall.session_id)}
    assert listed[reg.registration_id].admission == "admitted"
    assert listed[hall.registrations[2].registration_id].admission == "refused"
    assert sum(r.admission is None for r in listed.values()) == expected - 2
    history = hall.console.history(hall.session_id, action="admission.")
    assert [(e.subject, e.action) for e in history] == [
        (reg.registration_id, "admission.refuse"),
        (reg.registration_id, "admission.admit"),
        (hall.registrations[2].registration_id, "admission.refuse"),
    ]
    with hall.runtime.tx() as db:
        data = report.gather(
            db,
            hall_id=HALL_ID,
            session_id=hall.session_id,
            now=hall.clock.now(),
            key=hall.runtime.keys.sign,
        )
    assert [p.registration_id for p in data.admitted] == [reg.registration_id]
    assert [(r.person.registration_id, r.code) for r in data.refused] == [
        (hall.registrations[2].registration_id, "banned")
    ]
    assert len(data.no_shows) == expected - 2
    assert len(data.admitted) + len(data.refused) + len(data.no_shows) == expected


def test_a_refusal_by_rule_keeps_the_rules_code(hall: Hall) -> None:
    banned, free = hall.registrations[2], hall.registrations[1]
    check = hall.console.check_admission(hall.session_id, banned.registration_id, banned.iin)
    assert "banned" in check.rules
    stored = hall.console.refuse(hall.session_id, banned.registration_id, rule="banned")
    assert (stored.status, stored.reason_code) == ("refused", "banned")
    assert stored.reason and stored.reason.startswith("banned")
    said = refused(
        lambda: hall.console.refuse(hall.session_id, free.registration_id, rule="banned")
    )
    assert (said.status, said.code, said.params) == (409, "rule_does_not_apply", {"rule": "banned"})
    with hall.runtime.tx() as db:
        row = db.execute(
            select(Admission).where(Admission.registration_id == banned.registration_id)
        ).scalar_one()
        assert row.reason_code == "banned"


def forty_admissions(hall: Hall) -> None:
    reg = hall.registrations[1]
    go = threading.Barrier(40)

    def once(_n: int) -> AdmissionView:
        go.wait()
        return admit(hall, reg, None)

    with ThreadPoolExecutor(40) as pool:
        answers = list(pool.map(once, range(40)))
    assert len({(a.admission_id, a.decided_by, a.decided_at, a.status) for a in answers}) == 1
    assert sorted(a.already for a in answers) == [False] + [True] * 39
    with hall.runtime.tx() as db:
        rows = db.execute(
            select(Admission).where(Admission.registration_id == reg.registration_id)
        ).scalars()
        assert len(list(rows)) == 1
        audits = db.execute(
            select(AuditEntry).where(AuditEntry.action == "admission.admit")
        ).scalars()
        assert len(list(audits)) == 1
    said = refused(lambda: hall.console.refuse(hall.session_id, reg.registration_id, ERROR))
    assert (said.code, said.params["by"]) == ("already_admitted", "desk")


def test_forty_admissions_of_one_candidate_at_once_admit_once(hall: Hall) -> None:
    forty_admissions(hall)


@pytest.mark.postgres
def test_forty_admissions_at_once_on_postgresql(
    tmp_path: Path,
    keys: Path,
    driven_stub: ServerThread,
    stub_store: StubStore,
    clock: FakeClock,
    postgres_url: str,
) -> None:
    """A row lock on the candidate, not SQLite's one writer, keeps it to one admission."""
    for hall in open_hall(
        tmp_path, keys, driven_stub, stub_store, clock, database_url=postgres_url
    ):
        forty_admissions(hall)
