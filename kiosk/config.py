"""kiosk.toml: the seat's settings, each overridable by KIOSK_<SECTION>_<KEY>."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_settings import SettingsConfigDict

from kiosk.lockdown.processes import DEFAULT_PROHIBITED
from operator_console.protocol.settings import SettingsFile

APP_NAME = "testing-hall-kiosk"


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class KioskSection(Section):
    data_dir: Path = Field(
        default_factory=lambda: Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )
    ui_language: Literal["kk", "ru", "en"] = "kk"
    """The language of the seat screens before a candidate chooses."""
    poll_seconds: float = Field(default=2.0, gt=0, le=60)


class CameraSection(Section):
    source: str = "device:0"
    """`device:N` (a V4L2 camera), `file:PATH` (a video file, looped) or `synthetic`."""
    width: int = Field(default=640, ge=160, le=1920)
    height: int = Field(default=480, ge=120, le=1080)
    fps: float = Field(default=15, gt=0, le=60)
    segment_seconds: float = Field(default=60, ge=5, le=600)
    upload_seconds: float = Field(default=10, gt=0, le=600)

    @field_validator("source")
    @classmethod
    def _known(cls, value: str) -> str:
        kind, _, rest = value.partition(":")
        if (
            value == "synthetic"
            or (kind == "device" and rest.isdigit())
            or (kind == "file" and rest)
        ):
            return value
        raise ValueError("expected device:N, file:PATH or synthetic")


class LockdownSection(Section):
    enabled: bool = True
    """Full screen, shortcuts swallowed, keyboard grabbed. Off only for development and demos."""
    prohibited: list[str] = Field(default_factory=lambda: list(DEFAULT_PROHIBITED))
    scan_seconds: float = Field(default=5, gt=0, le=300)
    clipboard_seconds: float = Field(default=5, gt=0, le=300)
    block_virtual_machine: bool = False
    block_remote_session: bool = False


class KioskConfig(SettingsFile):
    """kiosk.toml, with KIOSK_<SECTION>_<KEY> over it."""

    model_config = SettingsConfigDict(env_prefix="KIOSK_")

    kiosk: KioskSection = KioskSection()
    camera: CameraSection = CameraSection()
    lockdown: LockdownSection = LockdownSection()

    @property
    def data_dir(self) -> Path:
        return self.kiosk.data_dir


def load_kiosk_config(path: Path | None, environ: Mapping[str, str] | None = None) -> KioskConfig:
    return KioskConfig.load(path, environ)
