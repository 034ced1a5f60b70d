"""The reference upstream's contract (contracts §3), spoken to over real HTTP on loopback."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from operator_console.central.samples import sample_roster
from operator_console.central.store import Stored, StubStore
from operator_console.protocol.canonical import canonical_json
from operator_console.protocol.roster import SignedRoster
from operator_console.protocol.signing import SIGNATURE, sign_headers
from operator_console.server.admission.roster import verified_roster
from operator_console.server.errors import Refusal
from operator_console.server.serve import ServerThread
from question_banks.keys import HallKeys, load_signing_key
from tests.conftest import HALL_ID
from tests.records import result_record


def send(
    stub: ServerThread,
    key: Ed25519PrivateKey,
    method: str,
    target: str,
    body: bytes = b"",
    *,
    now: datetime | None = None,
    hall_id: str = HALL_ID,
) -> httpx.Response:
    headers = sign_headers(key, hall_id, method, target, body, now or datetime.now(UTC))
    return httpx.request(method, stub.url + target, content=body, headers=headers)


@pytest.fixture
def hall_key(keys: Path) -> Ed25519PrivateKey:
    return load_signing_key(keys / "hall-sign.key")


def put(
    stub: ServerThread,
    key: Ed25519PrivateKey,
    record: dict[str, object],
    now: datetime | None = None,
    hall_id: str = HALL_ID,
) -> httpx.Response:
    target = f"/v1/results/{record['result_id']}"
    return send(stub, key, "PUT", target, canonical_json(record), now=now, hall_id=hall_id)


def test_new_record_is_stored_durably(
    stub: ServerThread, stub_store: StubStore, hall_key: Ed25519PrivateKey
) -> None:
    record = result_record(HALL_ID)
    reply = put(stub, hall_key, record)
    assert reply.status_code == 201
    assert stub_store.records("results") == {record["result_id"]: record}


def test_same_content_again_is_200_and_stored_once(
    stub: ServerThread, stub_store: StubStore, hall_key: Ed25519PrivateKey
) -> None:
    record = result_record(HALL_ID)
    assert put(stub, hall_key, record).status_code == 201
    assert put(stub, hall_key, record).status_code == 200
    assert len(stub_store.records("results")) == 1


def test_other_content_for_a_stored_id_is_409_and_keeps_the_first(
    stub: ServerThread, stub_store: StubStore, hall_key: Ed25519PrivateKey
) -> None:
    record = result_record(HALL_ID)
    assert put(stub, hall_key, record).status_code == 201
    changed = dict(record, total={"score": 55.0, "threshold": 30})
    assert put(stub, hall_key, changed).status_code == 409
    assert stub_store.records("results")[str(record["result_id"])] == record


def test_unsigned_request_is_401(stub: ServerThread, stub_store: StubStore) -> None:
    record = result_record(HALL_ID)
    reply = httpx.put(
        f"{stub.url}/v1/results/{record['result_id']}",
        content=canonical_json(record),
        headers={"X-Hall-Id": HALL_ID},
    )
    assert reply.status_code == 401
    assert stub_store.records("results") == {}


def test_signature_by_another_key_is_401(stub: ServerThread, stub_store: StubStore) -> None:
    reply = put(stub, Ed25519PrivateKey.generate(), result_record(HALL_ID))
    assert reply.status_code == 401 and reply.json()["detail"] == "bad signature"
    assert stub_store.records("results") == {}


def test_body_altered_after_signing_is_401(stub: ServerThread, hall_key: Ed25519PrivateKey) -> None:
    record = result_record(HALL_ID)
    target = f"/v1/results/{record['result_id']}"
    headers = sign_headers(
        hall_key, HALL_ID, "PUT", target, canonical_json(record), datetime.now(UTC)
    )
    forged = canonical_json(dict(record, outcome="fail"))
    assert httpx.put(stub.url + target, content=forged, headers=headers).status_code == 401


@pytest.mark.parametrize("skew", [timedelta(minutes=6), -timedelta(minutes=6)])
def test_stale_or_future_timestamp_is_401(
    stub: ServerThread, hall_key: Ed25519PrivateKey, skew: timedelta
) -> None:
    reply = put(stub, hall_key, result_record(HALL_ID), now=datetime.now(UTC) - skew)
    assert reply.status_code == 401 and "5 minutes" in reply.json()["detail"]


def test_timestamp_within_five_minutes_is_accepted(
    stub: ServerThread, hall_key: Ed25519PrivateKey
) -> None:
    reply = put(
        stub, hall_key, result_record(HALL_ID), now=datetime.now(UTC) - timedelta(minutes=4)
    )
    assert reply.status_code == 201


def test_unknown_hall_is_401(stub: ServerThread, hall_key: Ed25519PrivateKey) -> None:
    assert put(stub, hall_key, result_record("elsewhere"), hall_id="elsewhere").status_code == 401


def test_body_that_is_not_json_is_400(stub: ServerThread, hall_key: Ed25519PrivateKey) -> None:
    assert send(stub, hall_key, "PUT", "/v1/results/r-1", b"\xff{not json").status_code == 400


@pytest.mark.parametrize(
    "spoil",
    [
        {"outcome": "excellent"},
        {"iin": "12345"},
        {"schema": "hall-result/2"},
        {"finished_at": "yesterday"},
        {"started_at": "2026-03-10T04:00:00"},
        {"sections": []},
        {"unexpected": 1},
    ],
)
def test_invalid_record_is_422_and_not_stored(
    stub: ServerThread, stub_store: StubStore, hall_key: Ed25519PrivateKey, spoil: dict[str, object]
) -> None:
    reply = put(stub, hall_key, result_record(HALL_ID) | spoil)
    assert reply.status_code == 422, reply.text
    assert stub_store.records("results") == {}


def test_record_id_must_match_the_path(stub: ServerThread, hall_key: Ed25519PrivateKey) -> None:
    record = result_record(HALL_ID)
    reply = send(stub, hall_key, "PUT", "/v1/results/other-id", canonical_json(record))
    assert reply.status_code == 422


def test_record_of_another_hall_is_422(stub: ServerThread, hall_key: Ed25519PrivateKey) -> None:
    assert put(stub, hall_key, result_record("some-other-hall")).status_code == 422


def test_roster_is_signed_by_the_authority(
    stub: ServerThread, stub_store: StubStore, hall_key: Ed25519PrivateKey, keys: Path
) -> None:
    now = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)
    doc = sample_roster(HALL_ID, now.date(), 4, starts_at=now, now=now)
    stub_store.put_roster(doc)
    reply = send(stub, hall_key, "GET", f"/v1/halls/{HALL_ID}/rosters?date=2026-03-10")
    assert reply.status_code == 200
    signed = SignedRoster.model_validate(reply.json())
    authority = HallKeys.load(keys).authority
    roster = verified_roster(signed, authority, HALL_ID)
    assert len(roster.sessions[0].candidates) == 4
    signed.roster["sessions"][0]["candidates"][0]["full_name"] = "Someone Else"
    with pytest.raises(Refusal, match="signature"):
        verified_roster(signed, authority, HALL_ID)


def test_query_string_is_part_of_the_signature(
    stub: ServerThread, stub_store: StubStore, hall_key: Ed25519PrivateKey
) -> None:
    now = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)
    stub_store.put_roster(sample_roster(HALL_ID, now.date(), 1, starts_at=now, now=now))
    headers = sign_headers(
        hall_key,
        HALL_ID,
        "GET",
        f"/v1/halls/{HALL_ID}/rosters?date=2026-03-11",
        b"",
        datetime.now(UTC),
    )
    reply = httpx.get(f"{stub.url}/v1/halls/{HALL_ID}/rosters?date=2026-03-10", headers=headers)
    assert reply.status_code == 401


def test_a_hall_cannot_read_another_halls_roster(
    stub: ServerThread, hall_key: Ed25519PrivateKey
) -> None:
    assert send(stub, hall_key, "GET", "/v1/halls/other/rosters?date=2026-03-10").status_code == 403


def test_audit_head_is_stored_per_sequence(
    stub: ServerThread, stub_store: StubStore, hall_key: Ed25519PrivateKey
) -> None:
    body = canonical_json({"seq": 3, "head": "ab" * 32, "at": "2026-03-10T04:00:00Z"})
    assert send(stub, hall_key, "PUT", f"/v1/audit-heads/{HALL_ID}/3", body).status_code == 201
    wrong = canonical_json({"seq": 4, "head": "ab" * 32, "at": "2026-03-10T04:00:00Z"})
    assert send(stub, hall_key, "PUT", f"/v1/audit-heads/{HALL_ID}/3", wrong).status_code == 422


def test_the_newest_audit_head_is_read_back_by_its_own_hall_only(
    stub: ServerThread, hall_key: Ed25519PrivateKey
) -> None:
    latest = f"/v1/audit-heads/{HALL_ID}/latest"
    assert send(stub, hall_key, "GET", latest, b"").status_code == 404
    for seq in (3, 12, 9):
        body = canonical_json({"seq": seq, "head": f"{seq:02d}" * 32, "at": "2026-03-10T04:00:00Z"})
        assert (
            send(stub, hall_key, "PUT", f"/v1/audit-heads/{HALL_ID}/{seq}", body).status_code == 201
        )
    got = send(stub, hall_key, "GET", latest, b"")
    assert got.status_code == 200 and (got.json()["seq"], got.json()["head"]) == (12, "12" * 32)
    assert send(stub, hall_key, "GET", "/v1/audit-heads/other-hall/latest", b"").status_code == 403


def test_signature_header_must_be_base64url(
    stub: ServerThread, hall_key: Ed25519PrivateKey
) -> None:
    record = result_record(HALL_ID)
    target = f"/v1/results/{record['result_id']}"
    headers = sign_headers(
        hall_key, HALL_ID, "PUT", target, canonical_json(record), datetime.now(UTC)
    )
    headers[SIGNATURE] = "!!!" + headers[SIGNATURE]
    assert (
        httpx.put(stub.url + target, content=canonical_json(record), headers=headers).status_code
        == 401
    )


def test_records_survive_as_canonical_json(
    stub: ServerThread, stub_store: StubStore, hall_key: Ed25519PrivateKey
) -> None:
    record = result_record(HALL_ID)
    put(stub, hall_key, record)
    path = stub_store.root / "results" / f"{record['result_id']}.json"
    assert path.read_bytes() == canonical_json(record)
    assert json.loads(path.read_text("utf-8")) == record


def test_racing_writers_of_one_id_leave_exactly_one_content(stub_store: StubStore) -> None:
    from concurrent.futures import ThreadPoolExecutor

    record = result_record(HALL_ID)
    contents = [dict(record, seat=f"A{n:02d}") for n in range(16)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        outcomes = list(pool.map(lambda r: stub_store.store("results", "race", r), contents))
    assert outcomes.count(Stored.NEW) == 1 and outcomes.count(Stored.CONFLICT) == 15
    winner = contents[outcomes.index(Stored.NEW)]
    assert stub_store.records("results") == {"race": winner}
    assert not list((stub_store.root / "results").glob(".*.tmp"))
