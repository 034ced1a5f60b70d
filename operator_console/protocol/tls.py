"""The room server's TLS certificate, pinned: taken once at enrollment, trusted alone afterwards.

A hall's room server usually has a self-signed certificate and is reached by a LAN address, so
neither a public CA nor a host name can vouch for it. The kiosk takes the certificate the server
presents when the technician enrolls it, shows its SHA-256 fingerprint to compare with the one the
server's provisioning printed, and from then on trusts that certificate and nothing else.
"""

from __future__ import annotations

import hashlib
import socket
import ssl
from urllib.parse import urlsplit

from cryptography import x509


class CertificateError(Exception):
    """The server's certificate could not be taken or read; the message says why, for a person."""


def fingerprint(pem: str) -> str:
    """SHA-256 over the certificate's DER bytes, as colon-separated hex (what browsers show)."""
    try:
        der = ssl.PEM_cert_to_DER_cert(pem)
    except ValueError as exc:
        raise CertificateError(f"not a PEM certificate: {exc}") from exc
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def fetch_certificate(url: str, timeout: float = 10.0) -> str:
    """The certificate an https:// server presents, unverified (that is what pinning is for)."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise CertificateError(f"{url}: only an https:// address has a certificate to pin")
    port = parts.port or 443
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with (
            socket.create_connection((parts.hostname, port), timeout=timeout) as raw,
            context.wrap_socket(raw, server_hostname=parts.hostname) as tls,
        ):
            der = tls.getpeercert(binary_form=True)
    except (OSError, ssl.SSLError) as exc:
        raise CertificateError(f"cannot take the certificate of {url}: {exc}") from exc
    if not der:
        raise CertificateError(f"{url} presented no certificate")
    return ssl.DER_cert_to_PEM_cert(der)


def pinned_context(pem: str) -> ssl.SSLContext:
    """A client context that trusts exactly this certificate, whatever name or address it bears.

    The pinned certificate is the only trust anchor. VERIFY_X509_PARTIAL_CHAIN lets a leaf that a
    CA issued be an anchor too, so a hall with a provided certificate pins the same way.
    """
    try:
        x509.load_pem_x509_certificate(pem.encode("ascii"))
    except ValueError as exc:
        raise CertificateError(f"not a PEM certificate: {exc}") from exc
    context = ssl.create_default_context(cadata=pem)
    context.check_hostname = False
    context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN
    return context
