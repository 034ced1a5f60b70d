"""console.toml: where the console finds its room server, with CONSOLE_<SECTION>_<KEY> over it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field
from pydantic_settings import SettingsConfigDict

from operator_console.protocol.settings import SettingsFile

APP_NAME = "testing-hall-console"


class ConsoleSection(BaseModel):
    model_config = ConfigDict(extra="forbid")

    server: str = Field(default="http://127.0.0.1:8470", pattern=r"^https?://[^\s/]+")
    """The room server's URL (`--server` overrides it)."""
    language: Literal["kk", "ru", "en"] = "ru"
    """The language the sign-in opens in; each operator may switch it there."""
    username: str = ""
    """Filled in at sign-in, for a console that one operator always uses."""


class ConsoleConfig(SettingsFile):
    model_config = SettingsConfigDict(env_prefix="CONSOLE_")

    console: ConsoleSection = ConsoleSection()


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "console.toml"


def load_console_config(
    path: Path | None, environ: Mapping[str, str] | None = None
) -> ConsoleConfig:
    if path is None and default_config_path().is_file():
        path = default_config_path()
    return ConsoleConfig.load(path, environ)
