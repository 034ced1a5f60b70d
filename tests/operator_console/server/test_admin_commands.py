"""The administrator's commands on a hall: kiosk enrollment, signed rosters, bank packages."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from kiosk.cli import main as kiosk_main
from kiosk.hall_client import HallClient
from operator_console.central.samples import sample_roster
from operator_console.cli import main as console_main
from operator_console.protocol.refusals import Catalogue
from operator_console.protocol.signing import sign_document
from question_banks.keys import load_box_public, load_signing_key
from question_banks.package import seal
from question_banks.samples import sample_bank
from tests.commands import Ran, run_main, user_env
from tests.conftest import HALL_ID
from tests.hall import Hall, hall_toml

PROGRAMS = {"kiosk.cli": kiosk_main, "operator_console.cli": console_main}


def run(program: str, *args: str, tmp: Path, lang: str = "C.UTF-8") -> Ran:
    """`python -m program args`, in this process (tests/commands.py)."""
    env = user_env(tmp) | {"LANG": lang, "LC_ALL": "", "LC_MESSAGES": ""}
    return run_main(PROGRAMS[program], list(args), env=env)


def test_kiosk_enroll_keeps_a_private_credential(driven_hall: Hall, tmp_path: Path) -> None:
    code = driven_hall.console.enrollment_code("B07").code
    data = tmp_path / "kiosk"
    done = run(
        "kiosk.cli",
        "enroll",
        "--hall",
        driven_hall.server.url,
        "--code",
        code,
        "--data-dir",
        str(data),
        tmp=tmp_path,
    )
    assert done.returncode == 0 and "seat B07" in done.stdout, done.stderr
    credential = data / "credential.json"
    assert stat.S_IMODE(credential.stat().st_mode) == 0o600
    saved = json.loads(credential.read_text())
    client = HallClient(saved["hall"], saved["token"])
    assert client.seat().seat == "B07"
    client.close()
    again = run(
        "kiosk.cli",
        "enroll",
        "--hall",
        driven_hall.server.url,
        "--code",
        code,
        "--data-dir",
        str(tmp_path / "other"),
        tmp=tmp_path,
        lang="ru_RU.UTF-8",
    )
    assert again.returncode == 2 and again.stderr.count("\n") == 1
    # The technician's locale is Russian: the console's words for the refusal, in Russian.
    assert Catalogue.of("ru").sentences["enrollment_code_invalid"] in again.stderr


def test_import_roster_checks_the_authoritys_signature(tmp_path: Path, keys: Path) -> None:
    config = hall_toml(tmp_path, keys, "http://127.0.0.1:9")
    now = datetime.now(UTC)
    roster = sample_roster(HALL_ID, now.date(), 4, starts_at=now + timedelta(hours=1), now=now)
    signed = {
        "roster": roster,
        "signature": sign_document(load_signing_key(keys / "authority.key"), roster),
    }
    good = tmp_path / "roster.json"
    good.write_text(json.dumps(signed, ensure_ascii=False))
    done = run(
        "operator_console.cli",
        "admin",
        "--config",
        str(config),
        "import-roster",
        str(good),
        tmp=tmp_path,
    )
    assert done.returncode == 0 and "1 sessions, 4 candidates" in done.stdout, done.stderr
    roster["sessions"][0]["candidates"][0]["banned_until"] = None
    roster["sessions"][0]["candidates"][2]["banned_until"] = None  # someone lifts a ban
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(signed, ensure_ascii=False))
    refused = run(
        "operator_console.cli",
        "admin",
        "--config",
        str(config),
        "import-roster",
        str(forged),
        tmp=tmp_path,
    )
    assert refused.returncode == 2 and "signature does not verify" in refused.stderr
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json")
    bad = run(
        "operator_console.cli",
        "admin",
        "--config",
        str(config),
        "import-roster",
        str(garbage),
        tmp=tmp_path,
    )
    assert bad.returncode == 2 and "not a signed roster file" in bad.stderr


def test_load_bank_refuses_a_damaged_package_and_keeps_a_good_one(
    tmp_path: Path, keys: Path
) -> None:
    config = hall_toml(tmp_path, keys, "http://127.0.0.1:9")
    data = seal(
        sample_bank("pq_program_2"),
        {},
        authority=load_signing_key(keys / "authority.key"),
        hall=load_box_public(keys / "hall-box.pub"),
    )
    cut = tmp_path / "cut.hallbank"
    cut.write_bytes(data[:-5])
    before = sorted(p.name for p in (tmp_path / "banks").iterdir())
    refused = run(
        "operator_console.cli",
        "admin",
        "--config",
        str(config),
        "load-bank",
        str(cut),
        tmp=tmp_path,
    )
    assert refused.returncode == 2 and "cut.hallbank: truncated package" in refused.stderr
    assert sorted(p.name for p in (tmp_path / "banks").iterdir()) == before
    good = tmp_path / "pq2.hallbank"
    good.write_bytes(data)
    done = run(
        "operator_console.cli",
        "admin",
        "--config",
        str(config),
        "load-bank",
        str(good),
        tmp=tmp_path,
    )
    assert done.returncode == 0 and "168 questions" in done.stdout
    assert (tmp_path / "banks" / "sample-pq-program-2-2026.1.hallbank").read_bytes() == data


@pytest.mark.postgres
def test_an_admin_command_leaves_no_database_connection_open(
    tmp_path: Path, keys: Path, postgres_url: str
) -> None:
    config = hall_toml(tmp_path, keys, "http://127.0.0.1:9")
    config.write_text(config.read_text() + f'\n[database]\nurl = "{postgres_url}"\n')
    engine = create_engine(postgres_url)

    def others() -> int:
        with engine.connect() as conn:
            return int(
                conn.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity"
                        " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                ).scalar_one()
            )

    try:
        before = others()
        argv = ["admin", "--config", str(config), "create-user", "--username", "op"]
        argv += ["--role", "operator", "--password-stdin"]
        done = run_main(
            console_main, argv, stdin="a long enough password\n", env=user_env(tmp_path)
        )
        assert done.returncode == 0, done.stderr
        assert others() == before
    finally:
        engine.dispose()
