"""The administrator's API: users, kiosks, bank packages, parked records, the audit chain —
each action refused by the server to an operator's token, not only hidden in the console."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import delete, select, update

from hardware.clock import FakeClock
from operator_console.central.store import StubStore
from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.console_api.administration import NewUser
from operator_console.protocol.values import OutboxStatus
from operator_console.server.models import AuditEntry, AuditHead, OutboxRecord, User
from operator_console.server.serve import ServerThread
from operator_console.server.upstream import audit
from question_banks.keys import load_box_public, load_signing_key
from question_banks.package import seal
from question_banks.samples import sample_bank
from tests.hall import Hall, open_hall
from tests.operator_console.server.test_recordings_api import person, seated
from tests.operator_console.server.test_seat_actions import forty_at_once


@pytest.fixture
def hall(driven_hall: Hall) -> Hall:
    return driven_hall


ADMIN_ACTIONS = [
    ("GET", "/api/v1/users", None),
    ("POST", "/api/v1/users", {"username": "x", "role": "operator", "password": "long-enough"}),
    ("PATCH", "/api/v1/users/desk", {"role": "operator"}),
    ("POST", "/api/v1/users/desk/unlock", None),
    ("GET", "/api/v1/kiosks", None),
    ("POST", "/api/v1/kiosks/{kiosk}/revoke", None),
    ("POST", "/api/v1/banks", b"not even a package"),
    ("GET", "/api/v1/audit/verify", None),
    ("POST", "/api/v1/enrollment-codes", {"seat": "A05"}),
]


@pytest.mark.parametrize("role", ["operator", "proctor"])
def test_every_administrator_action_is_refused_to_other_roles_and_changes_nothing(
    hall: Hall, role: str
) -> None:
    seated(hall)
    kiosk = hall.console.kiosks()[0].kiosk_id
    users_before = [u.model_dump() for u in hall.console.users()]
    someone = person(hall, f"{role}9", role)
    for method, path, body in ADMIN_ACTIONS:
        kwargs = {"content": body} if isinstance(body, bytes) else {"json": body}
        answer = someone.request(method, path.format(kiosk=kiosk), **kwargs)  # type: ignore[arg-type]
        assert answer.status_code == 403, (method, path, answer.text)
    someone.close()
    assert [u.model_dump() for u in hall.console.users()][:-1] == users_before
    assert [k.revoked for k in hall.console.kiosks()] == [False]
    assert "pq_program_1" not in [b.program for b in hall.console.banks().loaded]


def _login(hall: Hall, username: str, password: str) -> int:
    with httpx.Client(base_url=hall.server.url) as c:
        return c.post(
            "/api/v1/auth/login", json={"username": username, "password": password}
        ).status_code


def test_users_are_created_changed_reset_and_disabled_and_their_sign_ins_end(hall: Hall) -> None:
    from operator_console.protocol.console_api.administration import NewUser, UserChange

    admin = hall.console
    made = admin.create_user(
        NewUser(username="aigerim", full_name="Айгерім Ж.", role="operator", password="first-pass")
    )
    assert made.role == "operator" and made.active
    with pytest.raises(ServerRefused) as twice:
        admin.create_user(NewUser(username="aigerim", role="proctor", password="other-pass"))
    assert twice.value.status == 409
    signed_in = person(hall, "proctor7", "proctor")
    assert signed_in.get("/api/v1/reviews").status_code == 200
    admin.change_user("proctor7", UserChange(role="operator"))
    assert signed_in.get("/api/v1/reviews").status_code == 401  # the role's sign-in ended
    signed_in.close()
    assert _login(hall, "aigerim", "first-pass") == 200
    admin.change_user("aigerim", UserChange(password="second-pass"))
    assert _login(hall, "aigerim", "first-pass") == 401
    assert _login(hall, "aigerim", "second-pass") == 200
    admin.change_user("aigerim", UserChange(active=False))
    assert _login(hall, "aigerim", "second-pass") == 401
    assert {u.username: u.active for u in admin.users()}["aigerim"] is False
    with pytest.raises(ServerRefused) as empty:
        admin.change_user("aigerim", UserChange())
    assert empty.value.status == 422
    with hall.runtime.read() as db:
        actions = db.execute(
            select(AuditEntry.action, AuditEntry.subject).where(AuditEntry.action.like("user.%"))
        ).all()
    assert ("user.create", "aigerim") in actions and ("user.change", "proctor7") in actions


def test_the_last_administrator_stays_one_even_when_two_demote_each_other_at_once(
    hall: Hall,
) -> None:
    from operator_console.protocol.console_api.administration import UserChange

    with pytest.raises(ServerRefused) as alone:
        hall.console.change_user("desk", UserChange(role="operator"))
    assert alone.value.status == 409 and "last administrator" in alone.value.detail
    other = person(hall, "boss", "administrator")
    mine = httpx.Client(base_url=hall.server.url, headers=dict(hall.console._core._client.headers))
    gate = threading.Barrier(40)

    def demote(n: int) -> int:
        client, target = (mine, "boss") if n % 2 else (other, "desk")
        gate.wait(timeout=30)
        field = {"role": "proctor"} if n % 4 < 2 else {"active": False}
        return client.patch(f"/api/v1/users/{target}", json=field).status_code

    with ThreadPoolExecutor(40) as pool:
        answers = list(pool.map(demote, range(40)))
    other.close()
    mine.close()
    # 422: the role it was already given; 401: the caller was demoted a moment before.
    assert set(answers) <= {200, 401, 409, 422}, answers
    with hall.runtime.read() as db:
        admins = db.execute(
            select(User.username).where(User.role == "administrator", User.active)
        ).all()
    assert len(admins) == 1


def test_a_revoked_kiosk_is_refused_at_once(hall: Hall) -> None:
    client, _attempt = seated(hall)
    (kiosk,) = hall.console.kiosks()
    assert kiosk.seat == "A01" and not kiosk.revoked and kiosk.last_heard_at is not None
    assert client.seat().seat == "A01"
    assert hall.console.revoke_kiosk(kiosk.kiosk_id).revoked
    with pytest.raises(ServerRefused) as refused:
        client.seat()
    assert refused.value.status == 401
    with pytest.raises(ServerRefused) as again:
        hall.console.revoke_kiosk(kiosk.kiosk_id)
    assert again.value.status == 409


def test_a_bank_package_is_loaded_while_the_hall_runs_and_a_bad_one_changes_nothing(
    hall: Hall, keys: Path
) -> None:
    authority = load_signing_key(keys / "authority.key")
    hall_box = load_box_public(keys / "hall-box.pub")
    bank = sample_bank("pq_program_1")
    good = seal(bank, {}, authority=authority, hall=hall_box)
    forged = seal(bank, {}, authority=Ed25519PrivateKey.generate(), hall=hall_box)
    elsewhere = seal(bank, {}, authority=authority, hall=X25519PrivateKey.generate().public_key())
    damaged = good[: len(good) // 2]
    admin = hall.console
    before = [b.model_dump() for b in admin.banks().loaded]
    for name, data, says in [
        ("forged.pkg", forged, "signature"),
        ("other-hall.pkg", elsewhere, "hall"),
        ("damaged.pkg", damaged, ""),
    ]:
        with pytest.raises(ServerRefused) as refused:
            admin.load_bank(data, name)
        assert refused.value.status == 422 and name in refused.value.detail
        assert says in refused.value.detail.lower()
    shelf = admin.banks()
    assert [b.model_dump() for b in shelf.loaded] == before
    assert set(shelf.refused) >= {"forged.pkg", "other-hall.pkg", "damaged.pkg"}
    assert not list(hall.runtime.config.banks_dir.glob(f"{bank.bank_id}*"))
    loaded = admin.load_bank(good, "pq1.pkg")
    assert loaded.program == "pq_program_1" and loaded.questions == len(bank.items)
    assert "pq_program_1" in [b.program for b in admin.banks().loaded]
    assert list(hall.runtime.config.banks_dir.glob(f"{bank.bank_id}*"))
    with pytest.raises(ServerRefused) as twice:
        admin.load_bank(good, "pq1.pkg")
    assert twice.value.status == 409


def test_a_parked_record_is_retried_by_a_person_once_the_cause_is_fixed(
    hall: Hall, stub_store: StubStore
) -> None:
    client, attempt = seated(hall)
    # The central system already holds other content under this result's id: it answers 409.
    stub_store.store("results", attempt, {"schema": "something else"})
    client.finish(attempt, "submitted", 0)
    hall.runtime.sync.run_once()
    parked = [r for r in hall.console.outbox("result") if r.record_id == attempt]
    assert parked and parked[0].status is OutboxStatus.PARKED
    assert hall.console.sync_status().level == "alarm"
    proctor = person(hall, "proctor3", "proctor")
    assert proctor.post(f"/api/v1/outbox/{attempt}/retry").status_code == 403
    proctor.close()
    (stub_store.root / "results" / f"{attempt}.json").unlink()  # the cause, fixed upstream
    # Two operators press Retry at once, forty times: the record is queued again once.
    assert forty_at_once(lambda: hall.console.retry(attempt)) == [200] + [409] * 39
    (again,) = [r for r in hall.console.outbox("result") if r.record_id == attempt]
    assert again.status is OutboxStatus.PENDING and again.tries == 0
    with hall.runtime.read() as db:
        retries = (
            db.execute(select(AuditEntry).where(AuditEntry.action == "outbox.retry"))
            .scalars()
            .all()
        )
    assert len(retries) == 1
    hall.runtime.sync.run_once()
    assert stub_store.records("results")[attempt]["result_id"] == attempt
    with pytest.raises(ServerRefused) as delivered:
        hall.console.retry(attempt)
    assert delivered.value.status == 409
    with pytest.raises(ServerRefused) as unknown:
        hall.console.retry("nothing-here")
    assert unknown.value.status == 404


def test_the_audit_chain_is_checked_and_a_rewrite_is_caught_by_the_acknowledged_head(
    hall: Hall, stub_store: StubStore
) -> None:
    seated(hall)
    hall.runtime.sync.run_once()  # the head goes upstream and is acknowledged
    found = hall.console.verify_audit()
    assert found.broken is None and found.holds, found.summary()
    assert found.acknowledged_seq == found.entries and found.acknowledged_matches
    assert found.upstream == "confirmed"

    # Someone with the database rewrites entry 2, recomputes every hash after it, the head row,
    # and the outbox's copy of the acknowledged head: the chain alone looks whole.
    with hall.runtime.tx() as db:
        entries = db.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars().all()
        entries[1].actor = "nobody"
        prev = entries[0].hash
        for e in entries[1:]:
            e.prev_hash = prev
            e.hash = audit.entry_hash(prev, e.seq, e.at, e.actor, e.action, e.subject, e.detail)
            prev = e.hash
        head = db.get(AuditHead, hall.runtime.hall_id)
        assert head is not None
        head.hash = prev
        for row in db.execute(
            select(OutboxRecord).where(OutboxRecord.kind == "audit_head")
        ).scalars():
            record = json.loads(row.body)
            record["head"] = next(e.hash for e in entries if e.seq == record["seq"])
            row.body = json.dumps(record)
    rewritten = hall.console.verify_audit()
    assert rewritten.broken is None and rewritten.acknowledged_matches
    assert rewritten.upstream == "holds a different head" and not rewritten.holds
    offline = hall.console.verify_audit(ask_upstream=False)
    assert offline.upstream == "not asked" and offline.holds  # what the database alone says

    # A plain edit without recomputing is named: entry, who, what.
    with hall.runtime.tx() as db:
        db.execute(update(AuditEntry).where(AuditEntry.seq == 3).values(subject="forged"))
    broken = hall.console.verify_audit(ask_upstream=False)
    assert broken.broken is not None and broken.broken.seq == 3 and not broken.holds
    assert "forged" in broken.summary() and "BROKEN at entry 3" in broken.summary()


def test_forty_creations_of_one_user_at_once_make_one(hall: Hall) -> None:
    from operator_console.protocol.console_api.administration import NewUser

    body = NewUser(username="twin", role="operator", password="long-enough")
    made = forty_at_once(lambda: hall.console.create_user(body))
    assert made == [200] + [409] * 39
    assert [u.username for u in hall.console.users()].count("twin") == 1
    one_name_written_forty_ways(hall)


def one_name_written_forty_ways(hall: Hall) -> None:
    """`case-x`, `Case-X`, `CASe-x`, ... at the same moment: one user, the rest 409."""
    spellings = [f"{'CASE'[: n % 4]}{'case'[n % 4 :]}-{'X' if n % 2 else 'x'}" for n in range(40)]
    made = forty_at_once(
        lambda: hall.console.create_user(
            NewUser(username=spellings.pop(), role="operator", password="long-enough")
        )
    )
    assert sorted(made) == [200] + [409] * 39
    assert len([u for u in hall.console.users() if u.username.casefold() == "case-x"]) == 1


@pytest.mark.postgres
def test_one_name_written_forty_ways_at_once_on_postgresql(
    tmp_path: Path,
    keys: Path,
    driven_stub: ServerThread,
    stub_store: StubStore,
    clock: FakeClock,
    postgres_url: str,
) -> None:
    """Read committed lets forty requests past the look at once: the unique key refuses."""
    for hall in open_hall(
        tmp_path, keys, driven_stub, stub_store, clock, database_url=postgres_url
    ):
        one_name_written_forty_ways(hall)


def test_a_staff_request_does_not_wait_for_a_long_write(hall: Hall) -> None:
    """A proctor's sign-in used within the minute is only read: a console's requests do not
    queue behind a writer (a kiosk's answers, a verdict), nor hold one up."""
    proctor = person(hall, "proctor8", "proctor")
    holding, release = threading.Event(), threading.Event()

    def write() -> None:
        with hall.runtime.tx():
            holding.set()
            release.wait(timeout=30)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert holding.wait(timeout=10)
        answer = proctor.get("/api/v1/reviews", timeout=5)
        assert answer.status_code == 200 and writer.is_alive()
    finally:
        release.set()
        writer.join(timeout=30)
        proctor.close()


def test_an_authority_signed_package_cannot_write_outside_the_banks_nor_inflate_unbounded(
    hall: Hall, keys: Path, tmp_path: Path
) -> None:
    """Signed by the authority, sealed for this hall, and still refused: a bank id that climbs
    out of the banks folder, and a picture that inflates a thousandfold (a zip bomb)."""
    import tracemalloc

    authority = load_signing_key(keys / "authority.key")
    hall_box = load_box_public(keys / "hall-box.pub")
    climbing = sample_bank("pq_program_1")
    object.__setattr__(climbing, "bank_id", "../../../../outside/pwned")  # as a hostile file says
    climbs = seal(climbing, {}, authority=authority, hall=hall_box)
    bomb = seal(
        sample_bank("pq_program_1"),
        {"photo.png": bytes(120 * 1024 * 1024)},  # 120 MiB of zeros: ~120 KiB compressed
        authority=authority,
        hall=hall_box,
    )
    assert len(bomb) < 1024 * 1024
    admin = hall.console
    before = [b.model_dump() for b in admin.banks().loaded]
    tracemalloc.start()
    try:
        for name, data, says in [("climbs.pkg", climbs, "bank id"), ("bomb.pkg", bomb, "inflates")]:
            with pytest.raises(ServerRefused) as refused:
                admin.load_bank(data, name)
            assert refused.value.status == 422 and says in refused.value.detail, refused.value
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024  # refused long before the 120 MiB were inflated
    assert [b.model_dump() for b in admin.banks().loaded] == before
    assert not [p for p in tmp_path.parent.rglob("*pwned*")]
    assert not list(hall.runtime.config.banks_dir.iterdir()) or all(
        p.name.startswith("sample-") for p in hall.runtime.config.banks_dir.iterdir()
    )


def test_a_chain_cut_short_with_its_outbox_is_caught_by_the_central_system_s_copy(
    hall: Hall,
) -> None:
    """The last entries deleted with their audit-head outbox rows and the head row set back:
    the database alone reads whole, the central system's newest head does not."""
    seated(hall)
    hall.runtime.sync.run_once()
    whole = hall.console.verify_audit()
    assert whole.upstream == "confirmed" and whole.upstream_seq == whole.entries and whole.proven
    keep = whole.entries - 2
    with hall.runtime.tx() as db:
        db.execute(delete(AuditEntry).where(AuditEntry.seq > keep))
        for row in db.execute(
            select(OutboxRecord).where(OutboxRecord.kind == "audit_head")
        ).scalars():
            if json.loads(row.body)["seq"] > keep:
                db.delete(row)
        last = db.execute(select(AuditEntry).where(AuditEntry.seq == keep)).scalar_one()
        head = db.get(AuditHead, hall.runtime.hall_id)
        assert head is not None
        head.seq, head.hash = keep, last.hash
    offline = hall.console.verify_audit(ask_upstream=False)
    assert offline.broken is None and offline.holds and not offline.proven
    assert "not proven" in offline.summary()
    cut = hall.console.verify_audit()
    assert cut.upstream == "holds a later head" and not cut.holds, cut.summary()
    assert cut.upstream_seq == whole.entries and cut.entries == keep
    assert "DOES NOT HOLD" in cut.summary()


def test_a_name_that_differs_only_in_case_is_the_same_name(hall: Hall) -> None:
    for name in ("DESK", "Desk"):
        with pytest.raises(ServerRefused) as refused:
            hall.console.create_user(NewUser(username=name, password="long enough", role="proctor"))
        assert refused.value.code == "user_exists" and refused.value.params["username"] == "desk"
    assert [u.username for u in hall.console.users()] == ["desk"]
