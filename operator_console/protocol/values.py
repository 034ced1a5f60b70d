"""The wire's value types: times, identifiers, programs, languages and the status words."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator

ProgramCode = Literal[
    "legislation", "state_language", "pq_program_1", "pq_program_2", "pq_program_3"
]

Language = Literal["kk", "ru"]


class FinishReason(StrEnum):
    SUBMITTED = "submitted"
    TIME_EXPIRED = "time_expired"
    TERMINATED = "terminated"


class OutcomeCode(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    REPORTED = "reported"
    """Personal-qualities programs: the scores are reported, with no pass mark."""
    ANNULLED = "annulled"


class SessionStatus(StrEnum):
    SCHEDULED = "scheduled"
    RUNNING = "running"
    CLOSED = "closed"


class AdmissionStatus(StrEnum):
    ADMITTED = "admitted"
    REFUSED = "refused"


class AttemptStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    FINISHED = "finished"


class Verification(StrEnum):
    """The proctor's review of an attempt: pending until a verdict."""

    PENDING = "pending"
    CLEAR = "clear"
    VIOLATION = "violation"


class OutboxStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    PARKED = "parked"


class SyncLevel(StrEnum):
    OK = "ok"
    WARNING = "warning"
    ALARM = "alarm"


class SeatState(StrEnum):
    """What a seat on the map is doing; a kiosk silent for long is the console's to judge."""

    FREE = "free"
    SEATED = "seated"
    """A candidate is admitted to the seat and has not begun (confirming, instructions)."""
    IN_TEST = "in_test"
    BETWEEN = "between"
    """One part of the sitting is finished and the next has not begun."""
    LOCKED = "locked"
    FINISHED = "finished"
    TERMINATED = "terminated"


class LockSource(StrEnum):
    KIOSK = "kiosk"
    """The kiosk locked itself (focus lost, a second screen, the candidate's own call)."""
    OPERATOR = "operator"
    """An operator paused the seat, or moved an attempt to it."""
    ROOM = "room"
    """The whole room is paused; resuming the room opens the seat again without a code."""


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    OPERATOR = "operator"
    PROCTOR = "proctor"


# Who may do what: the room server refuses a request outside its role set with `role_required`,
# and the console offers an action only to the roles of its set. Decided here, once.
ADMINISTER: tuple[Role, ...] = (Role.ADMINISTRATOR,)
"""Users, kiosks, banks, rosters, the outbox and the audit chain."""
DESK: tuple[Role, ...] = (Role.OPERATOR, Role.ADMINISTRATOR)
"""The admission desk, the seats and the room: admit, refuse, seat, pause, terminate, move."""
REVIEW: tuple[Role, ...] = (Role.PROCTOR, Role.ADMINISTRATOR)
"""Recordings, flags and verdicts."""
WATCH: tuple[Role, ...] = (Role.OPERATOR, Role.PROCTOR, Role.ADMINISTRATOR)
"""The seat map, its changes, the session's history and incidents."""


EARLIEST_YEAR, LATEST_YEAR = 1970, 9000
"""Times on the wire lie between these years: anything else is an error, never a stored value."""


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("a time must carry its UTC offset (RFC 3339)")
    try:
        utc = value.astimezone(UTC)
    except OverflowError:
        raise ValueError("a time out of range") from None
    if not EARLIEST_YEAR <= utc.year <= LATEST_YEAR:
        raise ValueError(f"a time must lie between {EARLIEST_YEAR} and {LATEST_YEAR}")
    return utc


UtcTime = Annotated[datetime, AfterValidator(_aware)]


Digits12 = Annotated[str, Field(pattern=r"^\d{12}$")]


Id = Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._:-]+$")]


MAX_INT = 2**31 - 1
"""No number on the wire is larger: the hall's integer columns are 32-bit on PostgreSQL."""

Count = Annotated[int, Field(ge=0, le=MAX_INT)]
Seq = Annotated[int, Field(ge=1, le=MAX_INT)]
RowId = Annotated[int, Field(ge=1, le=MAX_INT)]


def rfc3339(moment: datetime) -> str:
    """UTC, millisecond precision, `Z` suffix: the one time format on the wire."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _wrong_kind(kind: Any, value: object) -> bool:
    """Whether `value` is of another JSON kind than `kind` asks for: a number in quotes, a truth
    as 0 or 1, a number where a time or a truth belongs. pydantic's lax mode would convert each
    of them; its strict mode cannot be used for requests (FastAPI validates Python objects, and
    strict Python mode refuses a time or a choice written as text, as JSON writes them)."""
    if value is None:
        return False
    origin = get_origin(kind)
    if origin is Annotated:
        return _wrong_kind(get_args(kind)[0], value)
    if origin in (Union, UnionType):
        members = [m for m in get_args(kind) if m is not type(None)]
        return all(_wrong_kind(m, value) for m in members)
    if kind is bool:
        return not isinstance(value, bool)
    if kind is int:
        return isinstance(value, bool) or not isinstance(value, int)
    if kind is float:
        return isinstance(value, bool) or not isinstance(value, int | float | Decimal)
    if kind is datetime:
        return isinstance(value, int | float | bool)
    if kind is str:
        return not isinstance(value, str | StrEnum)
    if origin in (list, tuple, set, frozenset) and isinstance(value, list | tuple | set):
        inner = get_args(kind)
        return len(inner) == 1 and any(_wrong_kind(inner[0], v) for v in value)
    if origin is dict and isinstance(value, dict):
        inner = get_args(kind)
        return len(inner) == 2 and any(_wrong_kind(inner[1], v) for v in value.values())
    return False


class Strict(BaseModel):
    """Every model of the protocol: no field it does not name, and no value of another kind
    than the field's (`"4"` or `4.0` or `true` for a number, `0` for a truth or a time): such a
    request is refused with 422, never converted."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _same_kind(cls, value: object, info: ValidationInfo) -> object:
        field = cls.model_fields.get(info.field_name or "")
        if field is not None and _wrong_kind(field.annotation, value):
            raise ValueError(f"{type(value).__name__} {value!r} is not of this field's kind")
        return value


class Problem(Strict):
    """Every refusal from the room server: its code of `protocol.refusals` with the parameters
    it names, and the same in English words (`detail`) for logs and for people with `curl`."""

    detail: str
    code: str = "unspecified"
    params: dict[str, str] = {}
