"""The room server's systemd unit."""

from __future__ import annotations

import configparser
from pathlib import Path

from installer.units import room_server_unit


def test_unit_runs_serve_with_the_config_and_restarts() -> None:
    text = room_server_unit(
        executable=Path("/opt/hall/bin/operator-console"),
        config=Path("/etc/testing hall/hall.toml"),
    )
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read_string(text)
    service = unit["Service"]
    assert service["ExecStart"] == (
        "/opt/hall/bin/operator-console serve --config '/etc/testing hall/hall.toml'"
    )
    assert service["Restart"] == "always" and service["User"] == "testing-hall"
    assert unit["Install"]["WantedBy"] == "multi-user.target"
