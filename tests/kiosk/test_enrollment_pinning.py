"""Enrollment over HTTPS pins the room server's certificate: the kiosk trusts it, nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from installer.provision.tls import self_signed
from kiosk.credential import read_credential
from kiosk.enrollment import EnrollmentError, enroll_kiosk
from operator_console.protocol.calls import ServerUnreachable
from operator_console.protocol.tls import CertificateError, fetch_certificate, fingerprint
from operator_console.server.app import create_app
from operator_console.server.runtime import HallRuntime
from operator_console.server.seating import enrollment
from operator_console.server.serve import ServerThread
from tests.conftest import hall_config
from tests.tcp_gate import HeldPort


def tls_files(folder: Path, name: str) -> tuple[Path, Path]:
    # A name the kiosk does not use: pinning trusts the certificate, not what it is called.
    cert, key = self_signed([f"{name}.hall.invalid"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.crt").write_bytes(cert)
    (folder / f"{name}.key").write_bytes(key)
    return folder / f"{name}.crt", folder / f"{name}.key"


@pytest.fixture
def runtime(tmp_path: Path, keys: Path) -> Iterator[HallRuntime]:
    hall = HallRuntime(hall_config(tmp_path, keys, "http://127.0.0.1:9"))
    yield hall
    hall.close()


def code(runtime: HallRuntime, seat: str) -> str:
    with runtime.tx() as db:
        return enrollment.issue_code(
            db, seat_code=seat, hall_id=runtime.hall_id, now=runtime.clock.now(), actor="test"
        ).code


def test_the_pinned_certificate_is_trusted_and_no_other(
    tmp_path: Path, runtime: HallRuntime, held_port: HeldPort
) -> None:
    real = tls_files(tmp_path / "tls", "real")
    app = create_app(runtime, run_workers=False)
    with ServerThread(app, tls=real, sock=held_port.socket()) as server:
        url = server.url
        shown = fingerprint(real[0].read_text())
        assert fingerprint(fetch_certificate(url)) == shown
        with pytest.raises(EnrollmentError, match="not the hall's room server"):
            enroll_kiosk(
                url, code(runtime, "A01"), "m", tmp_path / "k", expected_fingerprint="00" * 32
            )
        assert not (tmp_path / "k").exists()
        done = enroll_kiosk(
            url, code(runtime, "A01"), "m", tmp_path / "k", expected_fingerprint=shown.lower()
        )
        assert done.fingerprint == shown and f"SHA-256 {shown}" in done.lines()[1]
        credential = read_credential(tmp_path / "k")
        assert credential is not None and credential.certificate == real[0].read_text()
        client = credential.client()
        assert client.seat().seat == "A01"
        client.close()

    # Someone else's server at the same address, with a certificate of its own.
    impostor = tls_files(tmp_path / "tls", "impostor")
    with ServerThread(
        create_app(runtime, run_workers=False), tls=impostor, sock=held_port.socket()
    ):
        client = credential.client()
        with pytest.raises(ServerUnreachable, match="CERTIFICATE_VERIFY_FAILED"):
            client.seat()
        client.close()


def test_nothing_to_pin_on_plain_http_and_no_server_is_one_line(
    tmp_path: Path, held_port: HeldPort
) -> None:
    with pytest.raises(CertificateError, match="only an https:// address"):
        fetch_certificate("http://127.0.0.1:1")
    with pytest.raises(EnrollmentError, match="cannot take the certificate"):
        enroll_kiosk(f"https://127.0.0.1:{held_port.port}", "123456", "m", tmp_path)
    with pytest.raises(EnrollmentError, match="a fingerprint needs an https:// address"):
        enroll_kiosk("http://127.0.0.1:1", "123456", "m", tmp_path, expected_fingerprint="AB")
