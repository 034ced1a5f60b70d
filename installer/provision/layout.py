"""Where a hall machine keeps things: the same paths in the packages, the units and provisioning."""

from __future__ import annotations

from pathlib import Path

OPT = Path("/opt/testing-hall")
VENV = OPT / "venv"
WHEELHOUSE = OPT / "wheelhouse"
CONSOLE_OPT = Path("/opt/testing-hall-console")
"""The operator console's own environment: a console may share a machine with the room server."""
ETC = Path("/etc/testing-hall")
VAR = Path("/var/lib/testing-hall")
MANIFEST = VAR / "provisioned.txt"
"""Every file provisioning made, one path a line: what a purge removes besides the package's own."""

SERVER_USER = "testing-hall"
KIOSK_USER = "kiosk"

HALL_TOML = ETC / "hall.toml"
KIOSK_TOML = ETC / "kiosk.toml"
KEYS = ETC / "keys"
TLS_CERT = ETC / "tls" / "hall.crt"
TLS_KEY = ETC / "tls" / "hall.key"
SERVER_DATA = VAR / "server"
BACKUPS = VAR / "backups"
KIOSK_DATA = VAR / "kiosk"

SERVER_UNIT = "testing-hall-server.service"
BACKUP_SERVICE = "testing-hall-backup.service"
BACKUP_TIMER = "testing-hall-backup.timer"
FIREWALL_UNIT = "testing-hall-firewall.service"
KIOSK_UNIT = "testing-hall-kiosk.service"
KIOSK_PAM = "testing-hall-kiosk"
FIREWALL_RULES = ETC / "firewall.nft"
DETECTOR_LINK = "hall-detector"
