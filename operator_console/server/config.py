"""hall.toml: the room server's configuration, with HALL_<SECTION>_<KEY> environment overrides."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from hardware.detector.protocols import known_protocol
from operator_console.protocol.settings import SettingsFile
from operator_console.protocol.settings import StartupError as StartupError

APP_NAME = "testing-hall"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class HallSection(_Section):
    name: str = "Testing hall"
    timezone: str = "Asia/Almaty"
    columns: int = Field(default=6, ge=1, le=40)
    """Seats in one row of the room: the console lays the seat map out in rows of this many."""
    spare_seats: list[str] = []
    """Seats kept free for moving a candidate whose kiosk fails."""

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value


class ServerSection(_Section):
    listen: str = "127.0.0.1:8470"
    data_dir: Path = Field(default_factory=default_data_dir)
    tls_cert: Path | None = None
    """PEM certificate chain: with `tls_key`, the server speaks HTTPS (kiosks and consoles)."""
    tls_key: Path | None = None
    api_docs: bool = False
    """Serve /docs and /openapi.json: for development and the demo, off on a hall's LAN."""
    trusted_proxies: list[str] = []
    """Addresses of reverse proxies whose X-Forwarded-For is believed. Empty (the default): no
    proxy header is read, so a client cannot name another address to get past the guess
    limits (enrollment codes, sign-ins), which are kept per source address."""
    threads: int = Field(default=16, ge=2, le=64)
    """Threads for the requests that wait on the database or the disk (long polls have their
    own). Measured with bench/load.py."""

    @model_validator(mode="after")
    def _tls_pair(self) -> ServerSection:
        if (self.tls_cert is None) != (self.tls_key is None):
            raise ValueError("tls_cert and tls_key go together: give both, or neither")
        for path in (self.tls_cert, self.tls_key):
            if path is not None and not path.is_file():
                raise ValueError(f"{path} is not a readable file")
        return self

    @field_validator("listen")
    @classmethod
    def _host_port(cls, value: str) -> str:
        host, sep, port = value.rpartition(":")
        if not sep or not host or not port.isdigit() or not 0 <= int(port) < 65536:
            raise ValueError("expected HOST:PORT, for example 127.0.0.1:8470")
        return value

    @property
    def host(self) -> str:
        return self.listen.rpartition(":")[0].strip("[]")

    @property
    def port(self) -> int:
        return int(self.listen.rpartition(":")[2])


class DatabaseSection(_Section):
    url: str | None = None
    """None: a SQLite file in the data directory."""
    schema_name: str | None = Field(
        default=None, alias="schema", pattern=r"^[a-z_][a-z0-9_]{0,62}$"
    )
    """PostgreSQL only: the schema this hall keeps its tables in, so that several halls share
    one database and stay apart (made on first start). None: the database's default (public)."""


class UpstreamSection(_Section):
    url: str
    hall_id: str = Field(pattern=r"^[A-Za-z0-9._-]{1,64}$")
    timeout_seconds: float = Field(default=10.0, gt=0, le=300)


class KeysSection(_Section):
    dir: Path


class DetectorSection(_Section):
    port: str | None = None
    protocol: Annotated[str, AfterValidator(known_protocol)] = "line"
    """One of the reader's protocols (`hardware.detector.protocols.PROTOCOLS`)."""
    baudrate: int = Field(default=9600, gt=0)
    required: bool = True
    """Every admission needs a detector check: a walk-through of the arch or a wand check for the
    candidate. False only in a hall that runs without a detector: admission then takes none."""
    check_valid_minutes: int = Field(default=10, ge=1, le=120)
    """How long a detector check stands for the candidate who made it: an older one is walked
    again."""


class SessionSection(_Section):
    late_grace_minutes: int = Field(default=0, ge=0, le=240)
    deadline_grace_seconds: int = Field(default=30, ge=0, le=600)
    """How long after a deadline the server waits for a kiosk's own finish before closing it."""


class PasswordsSection(_Section):
    """Argon2id cost of new password hashes; the default is the production one."""

    memory_kib: int = Field(default=19 * 1024, ge=8)
    iterations: int = Field(default=2, ge=1)


class BanksSection(_Section):
    dir: Path | None = None
    """Banks to serve; None: the data directory's banks/ folder."""


class RecordingsSection(_Section):
    retention_days: int = Field(default=30, ge=1, le=3650)
    max_segment_mb: int = Field(default=64, ge=1, le=1024)


class HallConfig(SettingsFile):
    """hall.toml, with HALL_<SECTION>_<KEY> over it."""

    model_config = SettingsConfigDict(env_prefix="HALL_")

    hall: HallSection = HallSection()
    server: ServerSection = ServerSection()
    database: DatabaseSection = DatabaseSection()
    upstream: UpstreamSection
    keys: KeysSection
    detector: DetectorSection = DetectorSection()
    session: SessionSection = SessionSection()
    banks: BanksSection = BanksSection()
    recordings: RecordingsSection = RecordingsSection()
    passwords: PasswordsSection = PasswordsSection()

    @property
    def database_url(self) -> str:
        return self.database.url or f"sqlite:///{self.server.data_dir / 'hall.db'}"

    @model_validator(mode="after")
    def _schema_on_postgresql(self) -> HallConfig:
        if self.database.schema_name and not self.database_url.startswith("postgresql"):
            raise ValueError("database.schema is for PostgreSQL: SQLite keeps one hall a file")
        return self

    @property
    def banks_dir(self) -> Path:
        return self.banks.dir or self.server.data_dir / "banks"

    @property
    def recordings_dir(self) -> Path:
        return self.server.data_dir / "recordings"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.hall.timezone)


def load_config(path: Path | None, environ: Mapping[str, str] | None = None) -> HallConfig:
    return HallConfig.load(path, environ)
