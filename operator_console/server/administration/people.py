"""The hall's users and kiosks as an administrator manages them from the console."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from operator_console.protocol.console_api.administration import (
    KioskView,
    NewUser,
    UserChange,
    UserView,
)
from operator_console.server import auth
from operator_console.server.changes import touch
from operator_console.server.errors import Refusal, conflict, not_found
from operator_console.server.models import Kiosk, User
from operator_console.server.upstream import audit


def _view(u: User) -> UserView:
    return UserView(
        username=u.username, full_name=u.full_name, role=u.role, active=u.active,
        created_at=u.created_at,
    )  # fmt: skip


def users(db: Session) -> list[UserView]:
    return [_view(u) for u in db.execute(select(User).order_by(User.username)).scalars()]


def user(db: Session, username: str) -> UserView:
    found = db.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if found is None:
        raise not_found("user", username)
    return _view(found)


def create(db: Session, body: NewUser, *, hall_id: str, now: datetime, actor: str) -> UserView:
    try:
        user = auth.create_user(
            db, username=body.username, password=body.password, role=body.role, now=now,
            full_name=body.full_name,
        )  # fmt: skip
    except IntegrityError:  # the same name, made by another request just now
        raise conflict("user_exists", username=body.username) from None
    audit.append(
        db, hall_id=hall_id, at=now, actor=actor, action="user.create", subject=body.username,
        detail={"role": body.role},
    )  # fmt: skip
    return _view(user)


def change(
    db: Session, username: str, body: UserChange, *, hall_id: str, now: datetime, actor: str
) -> UserView:
    user = db.execute(
        select(User).where(User.username == username).with_for_update()
    ).scalar_one_or_none()
    if user is None:
        raise not_found("user", username)
    leaves_admins = (
        user.role == "administrator"
        and user.active
        and ((body.role is not None and body.role != "administrator") or body.active is False)
    )
    if leaves_admins:
        # Every active administrator's row is locked, so two administrators demoting each other
        # at the same moment cannot both pass this count.
        others = db.execute(
            select(func.count()).select_from(
                select(User.id)
                .where(User.role == "administrator", User.active, User.id != user.id)
                .with_for_update()
                .subquery()
            )
        ).scalar_one()
        if others == 0:
            raise conflict("last_administrator", username=username)
    said: dict[str, object] = {}
    if body.full_name is not None:
        user.full_name = body.full_name
        said["full_name"] = body.full_name
    if body.role is not None and body.role != user.role:
        user.role = body.role
        auth.revoke(db, user)  # the console's screens follow the role: sign in again
        said["role"] = body.role
    if body.password is not None:
        auth.set_password(db, user, body.password)
        said["password"] = "reset"
    if body.active is not None and body.active != user.active:
        if body.active:
            user.active = True
        else:
            if user.username == actor:
                raise conflict("cannot_disable_yourself")
            auth.disable(db, user)
        said["active"] = body.active
    if not said:
        raise Refusal(422, "nothing_to_change")
    audit.append(
        db, hall_id=hall_id, at=now, actor=actor, action="user.change", subject=username,
        detail=said,
    )  # fmt: skip
    return _view(user)


def kiosks(db: Session, *, heard: dict[str, datetime], now: datetime) -> list[KioskView]:
    rows = db.execute(select(Kiosk).order_by(Kiosk.seat_code, Kiosk.enrolled_at)).scalars()
    return [
        KioskView(
            kiosk_id=k.id,
            seat=k.seat_code,
            machine=k.machine,
            enrolled_at=k.enrolled_at,
            credential_age_days=round((now - k.enrolled_at).total_seconds() / 86400, 2),
            last_heard_at=None if k.revoked else heard.get(k.seat_code),
            revoked=k.revoked,
            locked=k.locked_at is not None,
        )
        for k in rows
    ]


def revoke_kiosk(
    db: Session, kiosk_id: str, *, hall_id: str, now: datetime, actor: str
) -> KioskView:
    kiosk = db.get(Kiosk, kiosk_id, with_for_update=True)
    if kiosk is None:
        raise not_found("kiosk", kiosk_id)
    if kiosk.revoked:
        raise conflict("kiosk_revoked_already", kiosk=kiosk_id)
    kiosk.revoked = True
    touch(db, "seat", kiosk.seat_code)  # its credential, kept in memory, is stale from now
    audit.append(
        db, hall_id=hall_id, at=now, actor=actor, action="kiosk.revoke", subject=kiosk_id,
        detail={"seat": kiosk.seat_code, "machine": kiosk.machine},
    )  # fmt: skip
    (view,) = [v for v in kiosks(db, heard={}, now=now) if v.kiosk_id == kiosk_id]
    return view
