"""Bank packages: what a good one carries, and each way a bad one is caught (contracts §4)."""

from __future__ import annotations

import json
import struct
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from operator_console.protocol.canonical import canonical_json
from operator_console.server.banks import BankShelf
from question_banks.bank import bank_to_dict, write_bank
from question_banks.cli import main as qbank
from question_banks.keys import (
    generate_authority_key,
    generate_hall_keys,
    load_box_key,
    load_signing_key,
    load_verify_key,
)
from question_banks.package import MAGIC, PackageError, open_package, read_metadata, seal
from question_banks.samples import sample_bank

CREATED = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def keys(tmp_path: Path) -> Path:
    generate_authority_key(tmp_path / "k")
    generate_hall_keys(tmp_path / "k")
    return tmp_path / "k"


@pytest.fixture
def package(keys: Path) -> bytes:
    hall = load_box_key(keys / "hall-box.key").public_key()
    return seal(
        sample_bank("legislation"),
        {"x.png": b"png"},
        authority=load_signing_key(keys / "authority.key"),
        hall=hall,
        created_at=CREATED,
    )


def opened(data: bytes, keys: Path) -> object:
    return open_package(
        data,
        authority=load_verify_key(keys / "authority.pub"),
        hall_key=load_box_key(keys / "hall-box.key"),
    )


def test_a_good_package_opens_to_the_same_bank(package: bytes, keys: Path) -> None:
    result = open_package(
        package,
        authority=load_verify_key(keys / "authority.pub"),
        hall_key=load_box_key(keys / "hall-box.key"),
    )
    assert bank_to_dict(result.bank) == bank_to_dict(sample_bank("legislation"))
    assert result.media == {"x.png": b"png"}


def test_metadata_is_in_the_clear_and_the_content_is_not(package: bytes) -> None:
    meta = read_metadata(package)
    assert meta == {
        "bank_id": "sample-legislation",
        "version": "2026.1",
        "program": "legislation",
        "items": 110,
        "sample": True,
        "created_at": "2026-03-01T09:30:00+00:00",
        "counts": {
            "constitution": {"kk": 30, "ru": 30},
            "civil_service_law": {"kk": 30, "ru": 30},
            "anti_corruption_law": {"kk": 30, "ru": 30},
            "ethics_code": {"kk": 20, "ru": 20},
        },
    }
    assert "Конституция".encode() not in package and "Парламент".encode() not in package


def test_signed_by_another_key_is_refused(keys: Path) -> None:
    hall = load_box_key(keys / "hall-box.key").public_key()
    forged = seal(sample_bank("legislation"), {}, authority=Ed25519PrivateKey.generate(), hall=hall)
    with pytest.raises(PackageError, match="signature check failed"):
        opened(forged, keys)


@pytest.mark.parametrize("cut", [1, 64, 1000])
def test_truncated_is_refused(package: bytes, keys: Path, cut: int) -> None:
    with pytest.raises(PackageError, match="truncated"):
        opened(package[:-cut], keys)


def test_empty_and_foreign_files_are_refused(keys: Path) -> None:
    for data in (b"", b"%PDF-1.7", MAGIC):
        with pytest.raises(PackageError):
            opened(data, keys)


@pytest.mark.parametrize("where", [len(MAGIC) + 20, -200, -1])
def test_one_altered_byte_is_refused(package: bytes, keys: Path, where: int) -> None:
    altered = bytearray(package)
    altered[where] ^= 0x01
    with pytest.raises(PackageError):
        opened(bytes(altered), keys)


def test_re_signed_after_changing_the_metadata_is_refused(package: bytes, keys: Path) -> None:
    (hlen,) = struct.unpack(">I", package[len(MAGIC) : len(MAGIC) + 4])
    header = json.loads(package[len(MAGIC) + 4 : len(MAGIC) + 4 + hlen])
    header["meta"]["version"] = "2099.1"
    new_header = canonical_json(header)
    rest = package[len(MAGIC) + 4 + hlen : -64]
    body = MAGIC + struct.pack(">I", len(new_header)) + new_header + rest
    resigned = body + Ed25519PrivateKey.generate().sign(body)
    with pytest.raises(PackageError, match="not signed by the authority"):
        opened(resigned, keys)


def test_built_for_another_hall_is_refused(keys: Path) -> None:
    other = X25519PrivateKey.generate().public_key()
    data = seal(
        sample_bank("legislation"),
        {},
        authority=load_signing_key(keys / "authority.key"),
        hall=other,
    )
    with pytest.raises(PackageError, match="built for another hall"):
        opened(data, keys)


def test_cli_pack_inspect_verify(
    tmp_path: Path, keys: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_bank(sample_bank("state_language"), tmp_path / "bank")
    out = tmp_path / "sl.hallbank"
    assert (
        qbank(
            [
                "pack",
                str(tmp_path / "bank"),
                "--authority-key",
                str(keys / "authority.key"),
                "--hall-pub",
                str(keys / "hall-box.pub"),
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert qbank(["inspect", str(out), "--json"]) == 0
    text = capsys.readouterr().out
    meta = json.loads(text[text.index("{") :])
    assert (meta["bank_id"], meta["counts"]) == (
        "sample-state-language",
        {"state_language": {"kk": 40, "ru": 40}},
    )
    assert (
        qbank(
            [
                "verify",
                str(out),
                "--authority-pub",
                str(keys / "authority.pub"),
                "--hall-key",
                str(keys / "hall-box.key"),
            ]
        )
        == 0
    )
    out.write_bytes(out.read_bytes()[:-3])
    assert qbank(["verify", str(out), "--authority-pub", str(keys / "authority.pub")]) == 1
    assert "truncated" in capsys.readouterr().err


def test_cli_refuses_to_pack_an_invalid_bank_and_leaves_nothing(
    tmp_path: Path, keys: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = sample_bank("state_language")
    small = type(bank)(bank.bank_id, bank.version, bank.program, bank.items[:10])
    write_bank(small, tmp_path / "bank")
    out = tmp_path / "out" / "sl.hallbank"
    assert (
        qbank(
            [
                "pack",
                str(tmp_path / "bank"),
                "--authority-key",
                str(keys / "authority.key"),
                "--hall-pub",
                str(keys / "hall-box.pub"),
                "--out",
                str(out),
            ]
        )
        == 1
    )
    assert "10 items in kk, the program draws 20" in capsys.readouterr().out
    assert not out.exists() and not (tmp_path / "out").exists()


def test_room_server_loads_good_packages_and_refuses_bad_ones(
    tmp_path: Path, keys: Path, package: bytes
) -> None:
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "good.hallbank").write_bytes(package)
    (banks / "cut.hallbank").write_bytes(package[:-10])
    hall = load_box_key(keys / "hall-box.key").public_key()
    forged = seal(
        sample_bank("state_language"), {}, authority=Ed25519PrivateKey.generate(), hall=hall
    )
    (banks / "forged.hallbank").write_bytes(forged)
    shelf = BankShelf.load(
        banks,
        authority=load_verify_key(keys / "authority.pub"),
        hall_key=load_box_key(keys / "hall-box.key"),
    )
    assert shelf.programs() == ["legislation"]
    assert set(shelf.refused) == {"cut.hallbank", "forged.hallbank"}
    assert "signature" in shelf.refused["forged.hallbank"]


def test_the_hall_shows_loaded_and_refused_banks(
    tmp_path: Path, keys: Path, package: bytes
) -> None:
    import httpx

    from operator_console.server import auth
    from operator_console.server.app import create_app
    from operator_console.server.runtime import HallRuntime
    from operator_console.server.serve import ServerThread
    from tests.conftest import hall_config

    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "good.hallbank").write_bytes(package)
    (banks / "cut.hallbank").write_bytes(package[:-1])
    runtime = HallRuntime(hall_config(tmp_path, keys, "http://127.0.0.1:9"))
    with runtime.tx() as db:
        auth.create_user(
            db,
            username="admin",
            password="password-1",
            role="administrator",
            now=runtime.clock.now(),
        )
    with (
        ServerThread(create_app(runtime, run_workers=False)) as server,
        httpx.Client(base_url=server.url) as client,
    ):
        token = client.post(
            "/api/v1/auth/login", json={"username": "admin", "password": "password-1"}
        ).json()["token"]
        view = client.get("/api/v1/banks", headers={"Authorization": f"Bearer {token}"}).json()
    runtime.close()
    assert [(b["program"], b["questions"], b["languages"]) for b in view["loaded"]] == [
        ("legislation", 110, ["kk", "ru"])
    ]
    assert view["refused"] == {"cut.hallbank": "truncated package"}
