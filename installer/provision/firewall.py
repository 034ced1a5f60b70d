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


def kiosk_rules(server_addresses: list[str], port: int) -> str:
    v4, v6 = _split(server_addresses)
    to_server = []
    if v4:
        to_server.append(f"        ip daddr {_set(v4)} tcp dport {port} accept")
    if v6:
        to_server.append(f"        ip6 daddr {_set(v6)} tcp dport {port} accept")
    lines = "\n".join(to_server)
    return f"""#!/usr/sbin/nft -f
# The kiosk: out only to the room server (and DHCP, DNS), nothing in. Written by hall-provision.
table inet {TABLE}
delete table inet {TABLE}
table inet {TABLE} {{
    chain input {{
        type filter hook input priority filter; policy drop;
        iif lo accept
        ct state established,related accept
        udp sport 67 udp dport 68 accept
        meta l4proto ipv6-icmp accept
    }}
    chain forward {{
        type filter hook forward priority filter; policy drop;
    }}
    chain output {{
        type filter hook output priority filter; policy drop;
        oif lo accept
        ct state established,related accept
        udp dport {{ 53, 67 }} accept
        tcp dport 53 accept
        meta l4proto ipv6-icmp accept
{lines}
    }}
}}
"""


def server_rules(lan: list[str], port: int) -> str:
    for net in lan:
        try:
            ipaddress.ip_network(net, strict=False)
        except ValueError:
            raise ProvisionError(
                f"--lan: {net!r} is not an address range like 10.20.0.0/24"
            ) from None
    v4, v6 = _split(lan)
    from_lan = []
    if v4:
        from_lan.append(f"        ip saddr {_set(v4)} tcp dport {port} accept")
    if v6:
        from_lan.append(f"        ip6 saddr {_set(v6)} tcp dport {port} accept")
    lines = "\n".join(from_lan)
    return f"""#!/usr/sbin/nft -f
# The room server: the hall's LAN reaches the API and nothing else. Written by hall-provision.
table inet {TABLE}
delete table inet {TABLE}
table inet {TABLE} {{
    chain input {{
        type filter hook input priority filter; policy drop;
        iif lo accept
        ct state established,related accept
        udp sport 67 udp dport 68 accept
        meta l4proto ipv6-icmp accept
{lines}
    }}
    chain forward {{
        type filter hook forward priority filter; policy drop;
    }}
}}
"""
