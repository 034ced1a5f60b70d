"""The wire's value types: times, identifiers, programs, languages and the status words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from question_banks.programs import PROGRAMS


def _known_program(code: str) -> str:
    if code not in PROGRAMS:
        raise ValueError(f"unknown program {code!r}; known: {', '.join(PROGRAMS)}")
    return code


ProgramCode = Annotated[
    str,
    AfterValidator(_known_program),
    WithJsonSchema({"type": "string", "enum": list(PROGRAMS)}),
]
"""A program the hall knows: one of `question_banks.programs.PROGRAMS` (its definitions)."""

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


ROOM_PAUSED = "room_paused"
"""The lock reason of every seat a room pause locks: the kiosk shows no keypad for it (the
room's resume opens the seat)."""


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


Check = Callable[[object], bool]
"""Whether a raw value is of another kind than its field asks for."""


def _scalar(kind: Any) -> Check | None:
    if kind is bool:
        return lambda v: v is not None and not isinstance(v, bool)
    if kind is int:
        return lambda v: v is not None and (isinstance(v, bool) or not isinstance(v, int))
    if kind is float:
        return lambda v: (
            v is not None and (isinstance(v, bool) or not isinstance(v, int | float | Decimal))
        )
    if kind is datetime:
        return lambda v: isinstance(v, int | float | bool)
    if kind is str:
        return lambda v: v is not None and not isinstance(v, str | StrEnum)
    return None


def _kind_check(kind: Any) -> Check | None:
    """The check for a field of `kind`: a number in quotes, a truth as 0 or 1, a number where a
    time or a truth belongs are of another JSON kind. pydantic's lax mode would convert each of
    them; its strict mode cannot be used for requests (FastAPI validates Python objects, and
    strict Python mode refuses a time or a choice written as text, as JSON writes them). None:
    nothing to check (a model, an enumeration, a literal: pydantic refuses those itself)."""
    origin = get_origin(kind)
    if origin is Annotated:
        return _kind_check(get_args(kind)[0])
    if origin in (Union, UnionType):
        members = [_kind_check(m) for m in get_args(kind) if m is not type(None)]
        if any(m is None for m in members):
            return None
        checks = [m for m in members if m is not None]
        return lambda v: v is not None and all(check(v) for check in checks)
    if origin in (list, tuple, set, frozenset):
        inner = get_args(kind)
        item = _kind_check(inner[0]) if len(inner) == 1 else None
        if item is None:
            return None
        return lambda v: isinstance(v, list | tuple | set) and any(item(x) for x in v)
    if origin is dict:
        inner = get_args(kind)
        value = _kind_check(inner[1]) if len(inner) == 2 else None
        if value is None:
            return None
        return lambda v: isinstance(v, dict) and any(value(x) for x in v.values())
    return _scalar(kind)


class Strict(BaseModel):
    """Every model of the protocol: no field it does not name, and no value of another kind
    than the field's (`"4"` or `4.0` or `true` for a number, `0` for a truth or a time): such a
    request is refused with 422, never converted."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _same_kind(cls, value: object, info: ValidationInfo) -> object:
        checks: dict[str, Check | None] | None = cls.__dict__.get("_kind_checks")
        if checks is None:  # made once per model, on its first use
            checks = {name: _kind_check(f.annotation) for name, f in cls.model_fields.items()}
            type.__setattr__(cls, "_kind_checks", checks)
        check = checks.get(info.field_name or "")
        if check is not None and check(value):
            raise ValueError(f"{type(value).__name__} {value!r} is not of this field's kind")
        return value


class Problem(Strict):
    """Every refusal from the room server: its code of `protocol.refusals` with the parameters
    it names, and the same in English words (`detail`) for logs and for people with `curl`."""

    detail: str
    code: str = "unspecified"
    params: dict[str, str] = {}
