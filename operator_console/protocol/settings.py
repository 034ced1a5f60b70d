"""Settings files of the hall's programs (contracts §2): TOML sections, each key overridable by an
environment variable PREFIX_SECTION_KEY. Built on pydantic-settings; each program owns its model."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Self

from pydantic import ValidationError
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)
from pydantic_settings.sources.utils import parse_env_vars


class StartupError(RuntimeError):
    """Start-up cannot go on; the message is one line naming the key, file or URL at fault."""


class _Environment(EnvSettingsSource):
    """The environment source, reading a given mapping (the process's, or a test's)."""

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str]) -> None:
        self._environ = environ
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return parse_env_vars(
            self._environ, self.case_sensitive, self.env_ignore_empty, self.env_parse_none_str
        )


def describe(error: ValidationError, source: str) -> str:
    """The first problem as `SOURCE: section.key: message`, on one line."""
    first = error.errors()[0]
    key = ".".join(str(p) for p in first["loc"])
    message = "missing" if first["type"] == "missing" else first["msg"]
    more = len(error.errors()) - 1
    tail = f" (and {more} more problem{'s' * (more > 1)})" if more else ""
    return f"{source}: {key}: {message}{tail}".replace("\n", " ")


def _toml(settings_cls: type[BaseSettings], path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise StartupError(f"{path}: configuration file not found")
    try:
        return TomlConfigSettingsSource(settings_cls, toml_file=path)()
    except OSError as exc:
        raise StartupError(f"{path}: cannot read: {exc.strerror}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise StartupError(f"{path}: not valid TOML: {exc}") from exc


def drop_ins(path: Path) -> list[Path]:
    """`NAME.toml.d/*.toml` beside the file, in name order: what provisioning writes for this
    machine, so the packaged file (a conffile) is never rewritten by a script."""
    folder = path.with_name(path.name + ".d")
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def _merge(into: dict[str, Any], over: Mapping[str, Any]) -> None:
    for section, keys in over.items():
        if isinstance(keys, dict) and isinstance(into.get(section), dict):
            into[section] = {**into[section], **keys}
        else:
            into[section] = keys


class SettingsFile(BaseSettings):
    """A settings file of sections; a subclass names its prefix (`env_prefix="HALL_"`)."""

    model_config = SettingsConfigDict(
        extra="forbid", env_nested_delimiter="_", env_nested_max_split=1, case_sensitive=False
    )

    @classmethod
    def load(cls, path: Path | None, environ: Mapping[str, str] | None = None) -> Self:
        """The file (if any), its drop-ins over it, the environment over both; a bad one is one
        StartupError line."""
        merged: dict[str, Any] = {}
        if path is not None:
            merged = _toml(cls, path)
            for extra in drop_ins(path):
                _merge(merged, _toml(cls, extra))
        _merge(merged, _Environment(cls, os.environ if environ is None else environ)())
        try:
            return cls.model_validate(merged)
        except ValidationError as exc:
            raise StartupError(describe(exc, str(path) if path else "configuration")) from exc
