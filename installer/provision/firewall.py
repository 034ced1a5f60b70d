"""nftables rules of the hall's machines, loaded at boot by their own unit.

A kiosk talks to its room server and to nothing else (DHCP and DNS aside) and accepts no
connection. The room server accepts the API from the hall's LAN only and may reach out (upstream,
DNS, time).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from installer.provision.machine import ProvisionError

TABLE = "testing_hall"


def resolve(url: str) -> tuple[list[str], int]:
    """The addresses and port a URL points at (a name is resolved now, as it is at enrollment)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ProvisionError(f"--hall: expected https://HOST:PORT, got {url!r}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        found = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise ProvisionError(f"--hall: cannot resolve {parts.hostname}: {exc.strerror}") from exc
    return sorted({str(info[4][0]) for info in found}), port


def _split(addresses: list[str]) -> tuple[list[str], list[str]]:
    v4 = [a for a in addresses if ipaddress.ip_network(a, strict=False).version == 4]
    v6 = [a for a in addresses if ipaddress.ip_network(a, strict=False).version == 6]
    return v4, v6


def _set(values: list[str]) -> str:
    return "{ " + ", ".join(values) + " }"


def _table(purpose: str, accept_in: list[str], accept_out: list[str] | None) -> str:
    """One table of the hall's own: `delete` first, so loading it again replaces it whole.
    Without `accept_out` the machine may reach out freely."""
    body_in = "".join(f"        {rule}\n" for rule in accept_in)
    output = ""
    if accept_out is not None:
        body_out = "".join(f"        {rule}\n" for rule in accept_out)
        output = f"""    chain output {{
        type filter hook output priority filter; policy drop;
        oif lo accept
        ct state established,related accept
        meta l4proto ipv6-icmp accept
{body_out}    }}
"""
    return f"""#!/usr/sbin/nft -f
# {purpose} Written by hall-provision.
table inet {TABLE}
delete table inet {TABLE}
table inet {TABLE} {{
    chain input {{
        type filter hook input priority filter; policy drop;
        iif lo accept
        ct state established,related accept
        udp sport 67 udp dport 68 accept
        meta l4proto ipv6-icmp accept
{body_in}    }}
    chain forward {{
        type filter hook forward priority filter; policy drop;
    }}
{output}}}
"""


def kiosk_rules(server_addresses: list[str], port: int) -> str:
    v4, v6 = _split(server_addresses)
    to_server = [f"ip daddr {_set(v4)} tcp dport {port} accept"] if v4 else []
    to_server += [f"ip6 daddr {_set(v6)} tcp dport {port} accept"] if v6 else []
    return _table(
        "The kiosk: out only to the room server (and DHCP, DNS), nothing in.",
        [],
        ["udp dport { 53, 67 } accept", "tcp dport 53 accept", *to_server],
    )


def server_rules(lan: list[str], port: int) -> str:
    for net in lan:
        try:
            ipaddress.ip_network(net, strict=False)
        except ValueError:
            raise ProvisionError(
                f"--lan: {net!r} is not an address range like 10.20.0.0/24"
            ) from None
    v4, v6 = _split(lan)
    from_lan = [f"ip saddr {_set(v4)} tcp dport {port} accept"] if v4 else []
    from_lan += [f"ip6 saddr {_set(v6)} tcp dport {port} accept"] if v6 else []
    return _table(
        "The room server: the hall's LAN reaches the API and nothing else.", from_lan, None
    )
