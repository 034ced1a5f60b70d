"""Words the screens share: program names, section names, instructions, status messages.

Each is a literal `QCoreApplication.translate` call so that pyside6-lupdate finds it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from question_banks.programs import PROGRAMS, section_words


def language() -> str:
    """The language the screens speak now: the installed catalogue says which ("en" when none)."""
    return QCoreApplication.translate("Texts", "en", "the code of this catalogue's language")


def program_name(code: str) -> str:
    """The test's full name (from the program's definition) in the screens' language."""
    defined = PROGRAMS.get(code)
    return defined.title.said(language()) if defined else code.replace("_", " ")


def section_name(code: str) -> str:
    """A section's (act's, competency's) name from the programs' definitions."""
    names = section_words(code)
    return names.said(language()) if names else code.replace("_", " ").capitalize()


def instructions(code: str) -> list[str]:
    """The rules the candidate reads before the program starts."""
    lines = [
        QCoreApplication.translate(
            "Texts",
            "You may move freely between questions, leave some unanswered and come back. "
            "You may change any answer until the time is over.",
        ),
        QCoreApplication.translate(
            "Texts",
            "Each answer is saved the moment you choose it. When the time is over, the test "
            "ends and your saved answers are scored.",
        ),
    ]
    defined = PROGRAMS.get(code)
    marks = defined.pass_marks if defined else None
    if marks is not None:
        lines.append(
            QCoreApplication.translate(
                "Texts",
                "To pass you need at least %1 correct answers in all, and at least %2 in each "
                "part.",
            )
            .replace("%1", str(marks[0]))
            .replace("%2", str(marks[1]))
        )
    elif defined is not None and defined.option_scored:
        lines.append(
            QCoreApplication.translate(
                "Texts",
                "Every option counts: choose the one closest to how you would act.",
            )
        )
    lines.append(
        QCoreApplication.translate(
            "Texts",
            "Talking, notes, phones and other devices are not allowed. The camera records the "
            "whole test.",
        )
    )
    return lines


def refusal(code: str) -> str | None:
    """What the candidate reads when the room server refuses with `code` (one of
    `protocol.refusals.SHOWN_TO_CANDIDATES`); None for a code that has no words of its own."""
    stored_nothing = QCoreApplication.translate(
        "Texts", "The room server cannot store anything now. Call the operator."
    )
    bank_missing = QCoreApplication.translate(
        "Texts", "The questions of this test are not loaded in the hall. Call the operator."
    )
    wrong_code = QCoreApplication.translate("Texts", "That code is not right. Try again.")
    void_code = QCoreApplication.translate(
        "Texts", "Too many wrong codes. The operator must give a new one."
    )
    texts = {
        "kiosk_not_enrolled": QCoreApplication.translate(
            "Texts", "This computer is not enrolled as a seat. Call the operator."
        ),
        "database_unavailable": stored_nothing,
        "disk_full": stored_nothing,
        "not_your_attempt": QCoreApplication.translate(
            "Texts", "This test belongs to another seat. Call the operator."
        ),
        "attempt_not_started": QCoreApplication.translate(
            "Texts", "This part has not been opened yet. Call the operator."
        ),
        "attempt_finished": QCoreApplication.translate(
            "Texts", "This part is already finished: its answers are kept."
        ),
        "bank_not_loaded": bank_missing,
        "no_bank_for_program": bank_missing,
        "language_not_offered": QCoreApplication.translate(
            "Texts", "This test is not given to you in that language. Choose another one."
        ),
        "seat_locked": QCoreApplication.translate(
            "Texts", "This seat is paused. The operator will give you the code."
        ),
        "session_not_started": QCoreApplication.translate(
            "Texts", "The session has not started yet. The button opens when it does."
        ),
        "room_paused": QCoreApplication.translate(
            "Texts", "The whole room is paused. Please wait for the operator."
        ),
        "earlier_part_unfinished": QCoreApplication.translate(
            "Texts", "The previous part is not finished yet. Finish it first."
        ),
        "resume_code_wrong": wrong_code,
        "resume_code_void": void_code,
        "no_resume_code": void_code,
    }
    return texts.get(code)


def message(code: str) -> str:
    """Status lines the model reports by code; `refused:<code>` says that refusal's words."""
    kind, _, refused = code.partition(":")
    if kind == "refused" and refused:
        return refusal(refused) or message("refused")
    texts = {
        "not_enrolled": QCoreApplication.translate(
            "Texts", "This computer is not enrolled as a seat. Call the operator."
        ),
        "offline": QCoreApplication.translate(
            "Texts", "No connection to the room server. Your answers are kept on this computer."
        ),
        "wait_operator": QCoreApplication.translate("Texts", "Please wait for the operator."),
        "called": QCoreApplication.translate(
            "Texts", "The operator has been called. Please stay in your seat."
        ),
        "wait_session": QCoreApplication.translate(
            "Texts", "The session has not started yet. The button opens when it does."
        ),
        "starting": QCoreApplication.translate("Texts", "Opening the test…"),
        "section_closed": QCoreApplication.translate(
            "Texts", "This section's time is over: its answers can no longer be changed."
        ),
        "finishing": QCoreApplication.translate("Texts", "Saving your answers…"),
        "finish_waiting": QCoreApplication.translate(
            "Texts", "Waiting for the room server. Your answers are safe on this computer."
        ),
        "refused": QCoreApplication.translate(
            "Texts", "The room server refused this. Call the operator."
        ),
        "unlocking": QCoreApplication.translate("Texts", "Checking the code…"),
    }
    return texts.get(code, code)


LOCK_REASONS = {
    "unclean_exit": QT_TRANSLATE_NOOP("Texts", "The test program was restarted after a failure."),
    "prohibited_program": QT_TRANSLATE_NOOP(
        "Texts", "A program that is not allowed during the test is running."
    ),
    "virtual_machine": QT_TRANSLATE_NOOP("Texts", "This computer is a virtual machine."),
    "remote_session": QT_TRANSLATE_NOOP("Texts", "A remote session was detected."),
    "operator": QT_TRANSLATE_NOOP("Texts", "The operator paused this seat."),
    "operator_pause": QT_TRANSLATE_NOOP("Texts", "The operator paused this seat."),
    "room_paused": QT_TRANSLATE_NOOP(
        "Texts",
        "The whole room is paused. Your time is stopped and will be given back. "
        "Please stay in your seat.",
    ),
    "identity_disputed": QT_TRANSLATE_NOOP(
        "Texts", "You said the name on the screen is not yours. The operator is coming."
    ),
    "moved_here": QT_TRANSLATE_NOOP(
        "Texts", "Your test continues at this seat. The operator will give you the code."
    ),
}
PAUSED_FOR_OPERATOR = QT_TRANSLATE_NOOP("Texts", "The test is paused for the operator.")


def lock_reason_source(code: str) -> str:
    """The reason's English source (for `bilingual(…, context="Texts")` before a choice)."""
    return str(LOCK_REASONS.get(code, PAUSED_FOR_OPERATOR))


def lock_reason(code: str) -> str:
    return QCoreApplication.translate("Texts", lock_reason_source(code))
