"""People and machines that may talk to the room server: passwords, bearer tokens, enrollment."""

from __future__ import annotations

import hashlib
import os
import secrets
from datetime import datetime, timedelta

from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from operator_console.protocol.values import Role
from operator_console.server.errors import Refusal, conflict
from operator_console.server.models import User, UserToken

ROLES = tuple(r.value for r in Role)
TOKEN_LIFETIME = timedelta(hours=14)
"""A sign-in lasts a working day at most."""
TOKEN_IDLE = timedelta(hours=2)
"""A sign-in unused this long has ended (an open console's change stream keeps it in use)."""
TOKEN_TOUCH = timedelta(minutes=1)
"""How often a token's last use is written: at most once a minute, not on every request."""


ARGON2_MEMORY_KIB = 19 * 1024
ARGON2_ITERATIONS = 2
"""OWASP's second recommended set (19 MiB, 2 passes, one lane): the hall's default
(`passwords` in hall.toml; only the tests lower it)."""
_cost = (ARGON2_MEMORY_KIB, ARGON2_ITERATIONS)


def _argon2(salt: bytes) -> Argon2id:
    memory_kib, iterations = _cost
    return Argon2id(salt=salt, length=32, iterations=iterations, lanes=1, memory_cost=memory_kib)


def hash_password(password: str) -> str:
    return _argon2(os.urandom(16)).derive_phc_encoded(password.encode())


def password_matches(password: str, encoded: str) -> bool:
    try:
        Argon2id.verify_phc_encoded(password.encode(), encoded)
    except (InvalidKey, ValueError):
        return False
    return True


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


PASSWORD_MINIMUM = 8


def _long_enough(password: str) -> None:
    if len(password) < PASSWORD_MINIMUM:
        raise Refusal(422, "password_too_short", minimum=PASSWORD_MINIMUM)


def create_user(
    db: Session, *, username: str, password: str, role: str, now: datetime, full_name: str = ""
) -> User:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    _long_enough(password)
    # Names that differ only in case are one name to a person at the sign-in: refused (and by
    # the database's unique `name_key` when two requests race past this look).
    same = select(User.username).where(User.name_key == username.casefold())
    if (taken := db.execute(same).scalar()) is not None:
        raise conflict("user_exists", username=taken)
    user = User(
        username=username,
        name_key=username.casefold(),
        password_hash=hash_password(password),
        role=role,
        full_name=full_name,
        active=True,
        created_at=now,
    )
    db.add(user)
    db.flush()
    return user


_NOBODY = hash_password(secrets.token_urlsafe(16))
"""Checked against when the user name is unknown, so that an unknown name takes as long."""


def use_cost(memory_kib: int, iterations: int) -> None:
    """New password hashes (and the unknown name's check) cost this; stored hashes keep theirs."""
    global _cost, _NOBODY
    if (memory_kib, iterations) != _cost:
        _cost = (memory_kib, iterations)
        _NOBODY = hash_password(secrets.token_urlsafe(16))


def login(db: Session, *, username: str, password: str, now: datetime) -> tuple[User, str] | None:
    user = db.execute(select(User).where(User.username == username)).scalar_one_or_none()
    matches = password_matches(password, user.password_hash if user else _NOBODY)
    if user is None or not user.active or not matches:
        return None
    token = new_token()
    db.add(
        UserToken(
            token_hash=token_hash(token),
            user_id=user.id,
            issued_at=now,
            expires_at=now + TOKEN_LIFETIME,
            last_used_at=now,
        )
    )
    return user, token


def quiet_user(db: Session, token: str, now: datetime) -> User | None:
    """The token's user when nothing about the sign-in needs writing: valid, active, and used
    within the last `TOKEN_TOUCH` (so neither expired nor due a touch). None sends the caller to
    `user_for_token` in a writing transaction, which decides."""
    row = db.get(UserToken, token_hash(token))
    if (
        row is None
        or row.expires_at <= now
        or now - (row.last_used_at or row.issued_at) >= TOKEN_TOUCH
    ):
        return None
    user = db.get(User, row.user_id)
    return user if user is not None and user.active else None


def user_for_token(db: Session, token: str, now: datetime) -> User | None:
    row = db.get(UserToken, token_hash(token))
    if row is None:
        return None
    last = row.last_used_at or row.issued_at
    if row.expires_at <= now or now - last >= TOKEN_IDLE:
        db.delete(row)
        return None
    user = db.get(User, row.user_id)
    if user is None or not user.active:
        return None
    if now - last >= TOKEN_TOUCH:
        row.last_used_at = now
    return user


def sign_out(db: Session, token: str) -> bool:
    """Ends this token at once; answers whether it was still valid."""
    row = db.get(UserToken, token_hash(token))
    if row is None:
        return False
    db.delete(row)
    return True


def revoke(db: Session, user: User) -> None:
    """Ends every sign-in of the user."""
    db.execute(delete(UserToken).where(UserToken.user_id == user.id))


def set_password(db: Session, user: User, password: str) -> None:
    """A new password ends every sign-in of the user."""
    _long_enough(password)
    user.password_hash = hash_password(password)
    revoke(db, user)


def disable(db: Session, user: User) -> None:
    """A disabled user can no longer sign in, and every sign-in they had ends."""
    user.active = False
    revoke(db, user)
