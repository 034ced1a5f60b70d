"""The embedded default, headless: the whole hall thread end to end, as contracts §1 describes."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

from operator_console.central.samples import sample_roster
from operator_console.central.store import StubStore
from operator_console.central.stub import FaultPlan, create_stub_app
from operator_console.demo.hall import DemoSettings
from operator_console.demo.headless import run_headless
from operator_console.server.serve import ServerThread
from question_banks.keys import generate_hall_keys
from tests.hall import served_url, wait_until


def test_headless_demo_with_three_candidates(tmp_path: Path) -> None:
    out = io.StringIO()
    assert run_headless(DemoSettings(workdir=tmp_path), 3, timeout=60, out=out) == 0
    text = out.getvalue()
    # The sample roster's third candidate is banned: two sit, one is turned away with the reason;
    # the first sits the state-language test, then legislation: three results in all.
    assert "admitted: 2" in text and "refused: 1" in text and "banned from testing" in text
    assert "finished: 3" in text and "acknowledged upstream: 3/3" in text
    assert re.search(r"test end -> upstream acknowledgement: median \d+\.\d+ s", text)
    results = StubStore(tmp_path / "upstream").records("results")
    assert sorted(r["program"] for r in results.values()) == [
        "legislation",
        "legislation",
        "state_language",
    ]
    for record in results.values():
        if record["program"] == "legislation":
            assert len(record["sections"]) == 4 and record["outcome"] in ("pass", "fail")
        else:
            assert record["outcome"] == "reported" and record["total"]["threshold"] is None
        assert record["verification"] == "pending"


def test_demo_against_an_upstream_stub_started_from_its_command(tmp_path: Path) -> None:
    keys, data = tmp_path / "keys", tmp_path / "upstream"
    generate_hall_keys(keys)
    env = dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state"), HOME=str(tmp_path))
    said = tmp_path / "stub.stderr"
    with said.open("wb") as log:  # the child has its own copy
        stub = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "operator_console.cli",
                "upstream-stub",
                "--listen",
                "127.0.0.1:0",
                "--data",
                str(data),
                "--register-hall",
                f"hall-7={keys / 'hall-sign.pub'}",
                "--sample-roster",
                "5",
                "--fail-first",
                "2",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    try:
        url = served_url(said)

        def listening() -> bool:
            try:
                return httpx.get(f"{url}/docs", timeout=1).status_code == 200
            except httpx.TransportError:
                return False

        wait_until(listening, timeout=30, what="the upstream stub to listen")
        # The demo plays the authority for its sample banks: it signs with the stub's key.
        for name in ("authority.pub", "authority.key"):
            (keys / name).write_bytes((data / name).read_bytes())
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "operator_console.cli",
                "demo",
                "--headless",
                "--candidates",
                "5",
                "--upstream",
                url,
                "--keys",
                str(keys),
                "--hall-id",
                "hall-7",
                "--timeout",
                "90",
                "--report",
                str(tmp_path / "report.pdf"),
                "--language",
                "ru",
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert done.returncode == 0, done.stderr
        assert "admitted: 4" in done.stdout and "acknowledged upstream: 6/6" in done.stdout
        assert len(StubStore(data).records("results")) == 6
        report = subprocess.run(
            ["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True
        ).stdout
        assert "Отчёт о сессии" in report and "Вершина цепочки" in report
    finally:
        stub.terminate()
        stub.wait(timeout=30)


def test_demo_refuses_an_upstream_without_keys(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state"), HOME=str(tmp_path))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "operator_console.cli",
            "demo",
            "--headless",
            "--upstream",
            "http://127.0.0.1:9",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "--upstream needs --keys" in done.stderr


def test_headless_demo_names_what_upstream_never_acknowledged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = DemoSettings(workdir=tmp_path, faults=FaultPlan(fail_first=10**9))
    out = io.StringIO()
    assert run_headless(settings, 2, timeout=1.0, out=out) == 1
    err = capsys.readouterr().err
    assert "not acknowledged upstream after 1 s" in err
    assert "acknowledged upstream: 0/3" in out.getvalue()
    pending = [
        line.split()[1] for line in out.getvalue().splitlines() if "not acknowledged" in line
    ]
    assert len(pending) == 3 and all(p.startswith("REG-") for p in pending)


def test_demo_with_a_display_opens_the_console_and_a_kiosk_window_per_seat(
    tmp_path: Path,
) -> None:
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(tmp_path), HOME=str(tmp_path)
    )
    demo = subprocess.Popen(
        [sys.executable, "-m", "operator_console.cli", "demo", "--kiosks", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    seen: list[str] = []
    assert demo.stdout is not None
    with demo.stdout as lines:
        for line in lines:  # bounded by the test's timeout
            seen.append(line)
            if line.startswith("The console is signed in"):
                demo.send_signal(signal.SIGINT)
                break
        assert demo.wait(timeout=60) == 0
    assert "kiosk windows: A01, A02; spare kiosk: B01\n" in seen


def test_a_roster_the_hall_refuses_stops_the_demo_with_one_line(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    generate_hall_keys(keys)
    store = StubStore(tmp_path / "upstream")
    for name in ("authority.pub", "authority.key"):
        (keys / name).write_bytes((tmp_path / "upstream" / name).read_bytes())
    store.register_hall("hall-7", (keys / "hall-sign.pub").read_bytes())
    now = datetime.now(UTC)
    day = now.astimezone(ZoneInfo("Asia/Almaty")).date()  # the demo hall's calendar day
    roster = sample_roster("hall-7", day, 3, starts_at=now, now=now)
    roster["sessions"][0]["candidates"][1]["banned_until"] = "next spring"
    store.put_roster(roster)
    with ServerThread(create_stub_app(store)) as stub:
        done = subprocess.run(
            [
                *(sys.executable, "-m", "operator_console.cli", "demo", "--headless"),
                *("--candidates", "2", "--upstream", stub.url, "--keys", str(keys)),
                *("--hall-id", "hall-7", "--timeout", "30"),
            ],
            env={**os.environ, "HOME": str(tmp_path)},
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "roster refused" in lines[0] and "banned_until" in lines[0]
    assert "Traceback" not in done.stderr
