"""systemd units for the hall's machines: the room server as a service, restarted on failure."""

from __future__ import annotations

import shlex
from pathlib import Path


def room_server_unit(*, executable: Path, config: Path, user: str = "testing-hall") -> str:
    command = shlex.join([str(executable), "serve", "--config", str(config)])
    return f"""[Unit]
Description=Testing hall room server (API, sync worker, detector reader)
Wants=network-online.target
After=network-online.target postgresql.service

[Service]
Type=simple
User={user}
Group={user}
ExecStart={command}
Restart=always
RestartSec=2
# Acknowledged data is on disk before it is acknowledged; give in-flight requests time to finish.
TimeoutStopSec=30
StateDirectory=testing-hall
LogsDirectory=testing-hall
Environment=XDG_DATA_HOME=/var/lib XDG_STATE_HOME=/var/log
NoNewPrivileges=yes
ProtectSystem=strict
ProtectHome=yes
PrivateTmp=yes
SupplementaryGroups=dialout

[Install]
WantedBy=multi-user.target
"""
