"""TOML settings with <PREFIX>_<SECTION>_<KEY> environment overrides (hall.toml and kiosk.toml).

No Qt and nothing of the server: the kiosk reads its kiosk.toml through this too.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


class StartupError(RuntimeError):
    """Start-up cannot go on; the message is one line naming the key, file or URL at fault."""


def env_overrides(
    raw: dict[str, Any], environ: Mapping[str, str], prefix: str, sections: Mapping[str, object]
) -> dict[str, Any]:
    merged = {k: dict(v) if isinstance(v, dict) else v for k, v in raw.items()}
    for name, value in environ.items():
        if not name.startswith(prefix):
            continue
        rest = name[len(prefix) :].lower()
        section = next((s for s in sections if rest.startswith(s + "_")), None)
        if section is None:
            continue
        merged.setdefault(section, {})[rest[len(section) + 1 :]] = value
    return merged


def describe(error: ValidationError, source: str) -> str:
    first = error.errors()[0]
    key = ".".join(str(p) for p in first["loc"])
    message = "missing" if first["type"] == "missing" else first["msg"]
    more = len(error.errors()) - 1
    tail = f" (and {more} more problem{'s' * (more > 1)})" if more else ""
    return f"{source}: {key}: {message}{tail}"


def load_settings(
    model: type[M], path: Path | None, prefix: str, environ: Mapping[str, str] | None = None
) -> M:
    environ = os.environ if environ is None else environ
    raw: dict[str, Any] = {}
    source = str(path) if path else "configuration"
    if path is not None:
        try:
            raw = tomllib.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise StartupError(f"{path}: configuration file not found") from None
        except OSError as exc:
            raise StartupError(f"{path}: cannot read: {exc.strerror}") from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise StartupError(f"{path}: not valid TOML: {exc}") from exc
    try:
        return model.model_validate(env_overrides(raw, environ, prefix, model.model_fields))
    except ValidationError as exc:
        raise StartupError(describe(exc, source)) from exc
