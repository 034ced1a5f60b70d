"""The console's sign-in with nothing or the wrong thing typed, and the proctor's violation verdict
as the rules have it: a reason only where the rule proposes one, and a question before it is
given."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operator_console.core.settings import ConsoleConfig, ConsoleSection
from operator_console.protocol.reasons import Reason
from operator_console.server.models import OutboxRecord
from operator_console.ui.app import Language, application, sign_in
from operator_console.ui.dialogs import SignInDialog
from operator_console.ui.screens.admin.screen import AdminScreen
from operator_console.ui.screens.review.screen import ReviewScreen
from operator_console.ui.screens.review.verdict import VerdictConfirmation
from tests.hall import PASSWORD, Hall
from tests.operator_console.server.test_recordings_api import seated
from tests.operator_console.ui.conftest import WAIT_MS, console_for
from tests.operator_console.ui.modal import Answers


def _typed(username: str, password: str) -> Callable[[SignInDialog], str]:
    def act(dialog: SignInDialog) -> str:
        said = dialog.problem.text()
        dialog.username.setText(username)
        dialog.password.setText(password)
        QTest.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter, as a hurried operator does
        return said

    return act


def _cancel(dialog: SignInDialog) -> str:
    said = dialog.problem.text()
    dialog.reject()
    return said


def test_an_empty_password_or_a_refusal_is_said_at_the_sign_in_and_nothing_crashes(
    qtbot: QtBot, hall: Hall
) -> None:
    language = Language(application())
    config = ConsoleConfig(console=ConsoleSection(server=hall.server.url, language="en"))
    answers = Answers(
        SignInDialog, [_typed("desk", ""), _typed("", "x"), _typed("desk", "wrong"), _cancel]
    )
    try:
        assert sign_in(config, language) is None
    finally:
        answers.stop()
        language.use("en")
    assert answers.seen == [
        "",
        "Fill in the user name and the password.",
        "Fill in the user name and the password.",
        "wrong user name or password",
    ]


def _open(qtbot: QtBot, screen: ReviewScreen, seat: str) -> None:
    row = next(n for n, item in enumerate(screen.queue_box.items) if item.seat == seat)
    screen.queue_box.open_row(row)
    qtbot.waitUntil(
        lambda: screen.line is not None and screen.line.attempt.seat == seat, timeout=WAIT_MS
    )


def test_the_reason_is_proposed_only_by_the_rule_and_a_violation_is_asked_first(
    qtbot: QtBot, hall: Hall
) -> None:
    seated(hall)
    hall.seat(hall.registrations[4], "A02")
    hall.start("A02")
    talking = Reason(category="examinee", code="talking", note="to A03, twice")
    hall.console.terminate("A01", hall.sitting("A01"), talking)
    hall.console.terminate("A02", hall.sitting("A02"), Reason(category="examinee", code="illness"))
    windows = console_for(qtbot, hall, "proctor")
    window = next(windows)
    try:
        screen = window.show_screen("review")
        assert isinstance(screen, ReviewScreen)
        qtbot.waitUntil(lambda: len(screen.queue_box.items) == 2, timeout=WAIT_MS)
        # Terminated for illness: no rule proposes a violation, no reason is chosen for the proctor.
        _open(qtbot, screen, "A02")
        reason = screen.verdict_box.reason
        assert reason.reason() is None and reason.code.currentIndex() == -1
        proposal = screen.verdict_box.proposal
        assert proposal.isHidden()
        # Terminated for talking: the operator's reason is proposed, and said so.
        _open(qtbot, screen, "A01")
        assert reason.reason() == talking
        assert not proposal.isHidden() and "Talking — to A03, twice" in proposal.text()
        assert "proposed" in proposal.text()
        screen.verdict_box.ban.setValue(12)
        # The question names the candidate, the reason and the ban; Enter goes back.
        name = screen.line.attempt.full_name  # type: ignore[union-attr]
        back = Answers(VerdictConfirmation, [_enter])
        qtbot.mouseClick(screen.verdict_box.violation, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: back.done, timeout=WAIT_MS)
        (said,) = back.seen
        assert isinstance(said, str)
        assert name in said and "Talking" in said and "12 months" in said
        assert "1 flags have no finding" in said  # the termination itself is a flag
        assert screen.line is not None and _verdicts(hall) == []
        # Asked again and confirmed: the violation goes, despite the open flag.
        go = Answers(VerdictConfirmation, [_confirm])
        qtbot.mouseClick(screen.verdict_box.violation, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: go.done and screen.line is None, timeout=WAIT_MS)
        # Nothing of the attempt stays on the screen: its flags, its proposal.
        assert screen.flags_box.flags.rowCount() == 0 and proposal.isHidden()
        (record,) = _verdicts(hall)
        assert record["verdict"] == "violation" and record["ban_months"] == 12
        assert record["reasons"][0]["code"] == "talking"
    finally:
        next(windows, None)


def _enter(dialog: VerdictConfirmation) -> str:
    said = dialog.text()
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    return said


def _confirm(dialog: VerdictConfirmation) -> str:
    said = dialog.text()
    dialog.go.click()
    return said


def _verdicts(hall: Hall) -> list[dict[str, Any]]:
    with hall.runtime.read() as db:
        rows = db.execute(select(OutboxRecord).where(OutboxRecord.kind == "verification"))
        return [json.loads(r.body) for r in rows.scalars()]


def test_an_administrator_unlocks_a_user_from_the_users_screen(qtbot: QtBot, hall: Hall) -> None:
    transport = httpx.HTTPTransport(local_address="127.0.0.2")
    with httpx.Client(base_url=hall.server.url, transport=transport) as stranger:
        for n in range(5):
            stranger.post("/api/v1/auth/login", json={"username": "desk", "password": f"w{n}"})
        right = {"username": "desk", "password": PASSWORD}
        assert stranger.post("/api/v1/auth/login", json=right).status_code == 429
        windows = console_for(qtbot, hall, "administrator")
        window = next(windows)
        try:
            screen = window.show_screen("admin")
            assert isinstance(screen, AdminScreen)
            users = screen.users
            qtbot.waitUntil(lambda: "desk" in [u.username for u in users.users], timeout=WAIT_MS)
            assert not users.unlock.isEnabled()  # no user chosen yet
            users.table.selectRow([u.username for u in users.users].index("desk"))
            qtbot.mouseClick(users.unlock, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(
                lambda: "may sign in again" in (window.model.message or ""), timeout=WAIT_MS
            )
        finally:
            next(windows, None)
        assert stranger.post("/api/v1/auth/login", json=right).status_code == 200


@pytest.mark.parametrize(
    ("code", "one", "few", "many"),
    [
        ("ru", "Подтвердить 1 попытку", "Подтвердить 3 попытки", "Подтвердить 5 попыток"),
        ("kk", "белгісіз 1 әрекетті", "белгісіз 3 әрекетті", "белгісіз 5 әрекетті"),
    ],
)
def test_the_bulk_clear_counts_attempts_in_the_languages_plural(
    qtbot: QtBot, code: str, one: str, few: str, many: str
) -> None:
    language = Language(application())
    try:
        language.use(code)

        def words(n: int) -> str:
            return QCoreApplication.translate(
                "ReviewQueue", "Clear the %n unflagged attempt(s) after the sample", "", n
            )

        assert one in words(1) and few in words(3) and many in words(5)
    finally:
        language.use("en")
