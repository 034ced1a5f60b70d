"""kiosk.toml through pydantic-settings: the file, KIOSK_<SECTION>_<KEY> over it, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import load_kiosk_config
from operator_console.protocol.settings import StartupError


def test_environment_overrides_the_file_key_by_key(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('[camera]\nsource = "synthetic"\nfps = 10\n[kiosk]\nui_language = "ru"\n')
    env = {
        "KIOSK_CAMERA_FPS": "12.5",
        "KIOSK_LOCKDOWN_PROHIBITED": '["anydesk", "obs"]',
        "KIOSK_KIOSK_POLL_SECONDS": "1",
        "HALL_CAMERA_FPS": "99",  # the room server's prefix is not the kiosk's
    }
    config = load_kiosk_config(path, environ=env)
    assert (config.camera.source, config.camera.fps) == ("synthetic", 12.5)
    assert config.lockdown.prohibited == ["anydesk", "obs"]
    assert (config.kiosk.ui_language, config.kiosk.poll_seconds) == ("ru", 1.0)


def test_defaults_without_a_file() -> None:
    config = load_kiosk_config(None, environ={})
    assert config.camera.source == "device:0" and config.lockdown.enabled


@pytest.mark.parametrize(
    "env, expected",
    [
        ({"KIOSK_CAMERA_SOURCE": "webcam"}, "configuration: camera.source: Value error"),
        ({"KIOSK_CAMERA_FPS": "fast"}, "configuration: camera.fps"),
        ({"KIOSK_LOCKDOWN_BOGUS": "1"}, "configuration: lockdown.bogus"),
    ],
)
def test_a_bad_override_is_one_line_naming_the_key(env: dict[str, str], expected: str) -> None:
    with pytest.raises(StartupError) as err:
        load_kiosk_config(None, environ=env)
    assert expected in str(err.value) and "\n" not in str(err.value)
