"""Enrolling a seat's kiosk: the one-time code exchanged, over TLS pinned at that moment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk.credential import Credential, save_credential
from kiosk.hall_client import enroll
from operator_console.protocol.calls import ServerRefused, ServerUnreachable
from operator_console.protocol.refusals import Catalogue, locale_language, say
from operator_console.protocol.tls import (
    CertificateError,
    fetch_certificate,
    fingerprint,
    pinned_context,
)


class EnrollmentError(Exception):
    """Enrollment did not happen; the message says why in one line, for the technician."""


@dataclass(frozen=True)
class Enrolled:
    credential: Credential
    path: Path

    @property
    def fingerprint(self) -> str | None:
        cert = self.credential.certificate
        return fingerprint(cert) if cert else None

    def lines(self) -> list[str]:
        said = [f"enrolled as the kiosk of seat {self.credential.seat}; credential in {self.path}"]
        if self.fingerprint:
            said.append(f"room server certificate pinned, SHA-256 {self.fingerprint}")
        else:
            said.append("the room server speaks plain HTTP: nothing to pin (development only)")
        return said


def _said(refusal: ServerRefused) -> str:
    """The refusal in the technician's language (the locale's), times in this machine's zone."""
    zone = datetime.now().astimezone().tzinfo or UTC
    return say(refusal.code, refusal.params, Catalogue.of(locale_language()), zone=zone)


def _same(a: str, b: str) -> bool:
    return a.replace(":", "").strip().upper() == b.replace(":", "").strip().upper()


def take_credential(
    hall_url: str, code: str, machine: str, *, expected_fingerprint: str | None = None
) -> Credential:
    """Takes the server's certificate, checks it against the fingerprint the technician was given
    (when given), and exchanges the code over a connection that trusts only that certificate."""
    hall_url = hall_url.rstrip("/")
    certificate: str | None = None
    try:
        if hall_url.startswith("https://"):
            certificate = fetch_certificate(hall_url)
            seen = fingerprint(certificate)
            if expected_fingerprint and not _same(seen, expected_fingerprint):
                raise EnrollmentError(
                    f"{hall_url} presents a certificate with fingerprint {seen}, not "
                    f"{expected_fingerprint}: this is not the hall's room server; nothing enrolled"
                )
        elif expected_fingerprint:
            raise EnrollmentError(f"{hall_url}: a fingerprint needs an https:// address")
        verify = pinned_context(certificate) if certificate else True
        done = enroll(hall_url, code, machine, verify=verify)
    except CertificateError as exc:
        raise EnrollmentError(str(exc)) from exc
    except ServerRefused as exc:
        raise EnrollmentError(f"the hall refused: {_said(exc)}") from exc
    except ServerUnreachable as exc:
        raise EnrollmentError(f"cannot reach {hall_url}: {exc}") from exc
    return Credential(hall_url, done.kiosk_id, done.seat, done.token, certificate)


def enroll_kiosk(
    hall_url: str,
    code: str,
    machine: str,
    directory: Path,
    *,
    expected_fingerprint: str | None = None,
) -> Enrolled:
    """`kiosk enroll`: the credential taken and saved with the pinned certificate in it."""
    credential = take_credential(hall_url, code, machine, expected_fingerprint=expected_fingerprint)
    return Enrolled(credential, save_credential(directory, credential))
