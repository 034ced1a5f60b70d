"""hall.toml, its environment overrides, and start-up errors that name what is wrong."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from operator_console.server.config import StartupError, load_config
from operator_console.server.runtime import HallRuntime
from tests.conftest import hall_config

GOOD = """
[upstream]
url = "https://central.example"
hall_id = "almaty-3"

[keys]
dir = "/etc/testing-hall/keys"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "hall.toml"
    path.write_text(text, "utf-8")
    return path


def test_defaults_fill_what_the_file_leaves_out(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD), environ={})
    assert config.session.late_grace_minutes == 0
    assert config.server.listen == "127.0.0.1:8470"
    assert config.database_url.startswith("sqlite:///") and config.database_url.endswith("hall.db")
    assert (config.detector.protocol, config.detector.baudrate) == ("line", 9600)


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    env = {
        "HALL_SESSION_LATE_GRACE_MINUTES": "5",
        "HALL_UPSTREAM_HALL_ID": "astana-1",
        "HALL_DATABASE_URL": "postgresql+psycopg://h@db/hall",
        "UNRELATED": "x",
    }
    config = load_config(write(tmp_path, GOOD), environ=env)
    assert config.session.late_grace_minutes == 5
    assert config.upstream.hall_id == "astana-1"
    assert config.database_url == "postgresql+psycopg://h@db/hall"


def test_drop_ins_beside_the_file_override_it_in_name_order(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "\n[session]\nlate_grace_minutes = 3\n")
    folder = tmp_path / "hall.toml.d"
    folder.mkdir()
    (folder / "50-provision.toml").write_text('[upstream]\nhall_id = "astana-1"\n')
    (folder / "90-local.toml").write_text('[upstream]\nhall_id = "astana-2"\n')
    (folder / "README").write_text("not a drop-in")
    config = load_config(path, environ={"HALL_SESSION_LATE_GRACE_MINUTES": "7"})
    assert config.upstream.hall_id == "astana-2"
    assert config.upstream.url == "https://central.example"  # the rest of the section stays
    assert config.session.late_grace_minutes == 7  # the environment is over everything
    (folder / "95-broken.toml").write_text("[upstream\n")
    with pytest.raises(StartupError, match=r"95-broken\.toml: not valid TOML"):
        load_config(path, environ={})


def test_environment_alone_is_a_whole_configuration() -> None:
    env = {"HALL_UPSTREAM_URL": "http://u", "HALL_UPSTREAM_HALL_ID": "h1", "HALL_KEYS_DIR": "/k"}
    assert load_config(None, environ=env).keys.dir == Path("/k")


@pytest.mark.parametrize(
    "text, expected",
    [
        (GOOD.replace('hall_id = "almaty-3"', ""), "hall.toml: upstream.hall_id: missing"),
        (GOOD + "[session]\nlate_grace_minutes = -1\n", "session.late_grace_minutes"),
        (GOOD + '[session]\nlate_grace_minutes = "ten"\n', "session.late_grace_minutes"),
        (GOOD + '[server]\nlisten = "8470"\n', "server.listen: Value error, expected HOST:PORT"),
        (GOOD + '[hall]\ntimezone = "Mars/Olympus"\n', "hall.timezone"),
        (GOOD + '[detector]\nprotocol = "smoke"\n', "detector.protocol"),
        (GOOD + "[sesion]\nlate_grace_minutes = 1\n", "sesion"),
        ("[upstream\n", "not valid TOML"),
        (GOOD + '[database]\nschema = "hall_one"\n', "database.schema is for PostgreSQL"),
        (
            GOOD + '[database]\nurl = "postgresql+psycopg://db/h"\nschema = "Hall-1"\n',
            "database.schema",
        ),
    ],
)
def test_bad_configuration_is_one_line_naming_the_key(
    tmp_path: Path, text: str, expected: str
) -> None:
    with pytest.raises(StartupError) as err:
        load_config(write(tmp_path, text), environ={})
    message = str(err.value)
    assert expected in message and "\n" not in message


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(StartupError, match=r"hall\.toml: configuration file not found"):
        load_config(tmp_path / "hall.toml", environ={})


def test_missing_key_file_stops_start_up_naming_the_file(tmp_path: Path, keys: Path) -> None:
    (keys / "hall-box.key").unlink()
    with pytest.raises(StartupError, match=r"keys.dir: .*hall-box.key: key file not found"):
        HallRuntime(hall_config(tmp_path, keys, "http://127.0.0.1:9"))


def test_key_of_the_wrong_kind_is_named(tmp_path: Path, keys: Path) -> None:
    (keys / "authority.pub").write_bytes((keys / "hall-box.pub").read_bytes())
    with pytest.raises(StartupError, match=r"authority.pub: expected an Ed25519 key"):
        HallRuntime(hall_config(tmp_path, keys, "http://127.0.0.1:9"))


def test_garbage_key_file_is_named(tmp_path: Path, keys: Path) -> None:
    (keys / "hall-sign.key").write_text("not a key")
    with pytest.raises(StartupError, match=r"hall-sign.key: not a PEM PKCS#8 private key"):
        HallRuntime(hall_config(tmp_path, keys, "http://127.0.0.1:9"))


def test_unreachable_database_names_the_url_without_its_password(
    tmp_path: Path, keys: Path
) -> None:
    url = "postgresql+psycopg://hall:s3cret@127.0.0.1:1/hall"
    with pytest.raises(StartupError) as err:
        HallRuntime(hall_config(tmp_path, keys, "http://127.0.0.1:9", database_url=url))
    message = str(err.value)
    assert message.startswith("database.url: cannot connect to postgresql+psycopg://hall:***@")
    assert "s3cret" not in message


def test_nonsense_database_url_is_named(tmp_path: Path, keys: Path) -> None:
    with pytest.raises(StartupError, match=r"database\.url: 'not a url' is not a database URL"):
        HallRuntime(hall_config(tmp_path, keys, "http://127.0.0.1:9", database_url="not a url"))


def test_serve_with_a_bad_config_prints_one_line_and_exits_nonzero(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + '[session]\nlate_grace_minutes = "ten"\n')
    env = dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state"), HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "operator_console.cli", "serve", "--config", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "session.late_grace_minutes" in lines[0]
    assert "Traceback" not in done.stderr
    logs = list((tmp_path / "state").rglob("room-server.log"))
    assert logs and "Traceback" in logs[0].read_text()


def test_tls_needs_both_files(tmp_path: Path) -> None:
    cert = tmp_path / "hall.crt"
    cert.write_text("x")
    text = GOOD + f'[server]\ntls_cert = "{cert}"\n'
    with pytest.raises(StartupError, match="tls_cert and tls_key go together"):
        load_config(write(tmp_path, text), environ={})
    missing = GOOD + f'[server]\ntls_cert = "{cert}"\ntls_key = "{tmp_path / "none.key"}"\n'
    with pytest.raises(StartupError, match=r"none\.key is not a readable file"):
        load_config(write(tmp_path, missing), environ={})


def test_the_room_server_speaks_https(tmp_path: Path, keys: Path) -> None:
    import datetime as dt
    import ipaddress
    import ssl

    import httpx
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    from operator_console.server.app import create_app
    from operator_console.server.serve import ServerThread

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "room-server")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "hall.crt", tmp_path / "hall.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    config = hall_config(
        tmp_path,
        keys,
        "http://127.0.0.1:9",
        server={
            "listen": "127.0.0.1:0",
            "data_dir": str(tmp_path / "hall"),
            "tls_cert": str(cert_path),
            "tls_key": str(key_path),
        },
    )
    runtime = HallRuntime(config)
    with ServerThread(create_app(runtime, run_workers=False), tls=(cert_path, key_path)) as srv:
        assert srv.url.startswith("https://")
        trusted = ssl.create_default_context(cafile=str(cert_path))
        assert httpx.get(f"{srv.url}/health", verify=trusted).json()["status"] == "ok"
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{srv.url}/health")  # an unknown certificate is not trusted
    runtime.close()
