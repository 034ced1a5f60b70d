"""The session report for a full hall: how long gathering and drawing the PDF takes for N
candidates (each with a result of four sections, a seat, a walk-through), beside the time to read
the same rows from the database alone.

The session is written straight into a room server's database (SQLite, as a hall runs it by
default) and the report is made by the same function `GET /sessions/{id}/report.pdf` calls.

    .venv/bin/python bench/report.py [--candidates 200] [--language kk]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from hardware.clock import FakeClock
from operator_console.server.config import HallConfig
from operator_console.server.models import (
    Admission,
    Attempt,
    AttemptSection,
    DetectorEventRow,
    HallSession,
    Registration,
    Seat,
)
from operator_console.server.reports.report import gather
from operator_console.server.reports.report_pdf import render, session_report
from operator_console.server.runtime import HallRuntime
from question_banks.keys import generate_authority_key, generate_hall_keys

SECTIONS = (("constitution", 15), ("civil_service_law", 15), ("anti_corruption_law", 15),
            ("ethics_code", 10))  # fmt: skip
NAMES = ("Жұмабаева Айгерім", "Нұрпейісов Нұрлан", "Ахметова Әсел", "Төлеуов Ерлан",
         "Құрманғалиева Жансая", "Петров Арман", "Оспанова Інжу", "Ким Гүлнұр")  # fmt: skip


def fill(rt: HallRuntime, candidates: int, now: datetime) -> str:
    session_id = f"{rt.hall_id}-bench-1"
    with rt.tx() as db:
        db.add(HallSession(id=session_id, hall_id=rt.hall_id, day=now.date(), starts_at=now,
                           programs=["legislation"], status="started", started_at=now,
                           started_by="operator"))  # fmt: skip
        for n in range(candidates):
            seat = f"{chr(65 + n // 20)}{n % 20 + 1:02d}"
            db.merge(Seat(code=seat, hall_id=rt.hall_id, spare=False))
            reg = Registration(
                id=f"REG-{n:05d}", session_id=session_id, iin=f"{900101300000 + n:012d}",
                full_name=f"{NAMES[n % len(NAMES)]} {n}", photo_jpeg_b64=None,
                programs=["legislation"], languages=["kk", "ru"], banned_until=None,
                last_attempts=[],
            )  # fmt: skip
            db.add(reg)
            walk = DetectorEventRow(device="arch", source="serial", kind="pass", sequence=n,
                                    zones=[], level=None, raw="", received_at=now)  # fmt: skip
            db.add(walk)
            db.flush()
            refused = n % 25 == 7
            admission = Admission(
                id=str(uuid.uuid4()), session_id=session_id, registration_id=reg.id,
                status="refused" if refused else "admitted",
                reason="retake too soon" if refused else None,
                reason_code="retake_too_soon" if refused else None,
                decided_at=now, decided_by="operator", seat_code=None if refused else seat,
                detector_event_id=walk.id,
            )  # fmt: skip
            db.add(admission)
            if refused:
                continue
            attempt = Attempt(
                id=str(uuid.uuid4()), admission_id=admission.id, registration_id=reg.id,
                session_id=session_id, program="legislation", position=0, status="finished",
                language="kk", seat_code=seat, started_at=now,
                finished_at=now + timedelta(minutes=80), finish_reason="submitted",
                outcome="pass" if n % 3 else "fail", total_score=30.0 + n % 20,
            )  # fmt: skip
            db.add(attempt)
            for code, questions in SECTIONS:
                db.add(AttemptSection(attempt_id=attempt.id, code=code, questions=questions,
                                      answered=questions, correct=questions // 2,
                                      score=questions / 2, threshold=5, passed=True))  # fmt: skip
    return session_id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=200)
    parser.add_argument("--language", default="kk")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    now = datetime(2026, 12, 2, 4, 0, tzinfo=UTC)
    with tempfile.TemporaryDirectory(prefix="bench-report-") as work:
        root = Path(work)
        generate_hall_keys(root / "keys")
        generate_authority_key(root / "keys")
        (root / "banks").mkdir()
        config = HallConfig.model_validate({
            "server": {"listen": "127.0.0.1:0", "data_dir": str(root / "hall")},
            "upstream": {"url": "http://127.0.0.1:9", "hall_id": "bench-hall"},
            "keys": {"dir": str(root / "keys")}, "banks": {"dir": str(root / "banks")},
        })  # fmt: skip
        rt = HallRuntime(config, clock=FakeClock(now + timedelta(hours=2)))
        try:
            session_id = fill(rt, args.candidates, now)
            reads, gathers, draws, totals = [], [], [], []
            pdf = b""
            for _ in range(args.runs):
                t = time.perf_counter()
                with rt.read() as db:
                    db.execute(select(Attempt).where(Attempt.session_id == session_id)).all()
                    db.execute(select(AttemptSection)).all()
                    db.execute(select(Registration)).all()
                reads.append(time.perf_counter() - t)
                t = time.perf_counter()
                with rt.read() as db:
                    data = gather(db, hall_id=rt.hall_id, session_id=session_id, now=now,
                                  key=rt.keys.sign)  # fmt: skip
                gathers.append(time.perf_counter() - t)
                t = time.perf_counter()
                pdf = render(data, language=args.language, zone=config.zone)
                draws.append(time.perf_counter() - t)
                t = time.perf_counter()
                session_report(rt, session_id, language=args.language)
                totals.append(time.perf_counter() - t)
        finally:
            rt.close()
    pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
    figures = {
        "candidates": args.candidates,
        "report_s_best": round(min(totals), 3),
        "report_s_worst": round(max(totals), 3),
        "gather_s": round(min(gathers), 3),
        "draw_s": round(min(draws), 3),
        "plain_read_s": round(min(reads), 3),
        "pdf_kib": len(pdf) // 1024,
        "pages": pages,
    }
    print(
        f"session report, {args.candidates} candidates ({args.language}): "
        f"{figures['report_s_best']} s best, {figures['report_s_worst']} s worst of {args.runs} "
        f"(gather {figures['gather_s']} s, draw {figures['draw_s']} s; reading the same rows "
        f"alone {figures['plain_read_s']} s); {figures['pdf_kib']} KiB"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
