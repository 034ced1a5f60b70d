"""The installed hall on Debian 13: the room server's and the kiosk's packages built for trixie,
installed by apt into fresh Debian 13 roots, the server provisioned onto Debian 13's PostgreSQL 17
and started as its unit starts it, the kiosk provisioned against it (the certificate pinned by
fingerprint) and started as its cage unit starts it, under cage headless: the seat screen in a
grim screenshot, the kiosk heard by the room server.

Slow: two packages with their wheelhouses for Python 3.13, a Debian 13 root made with mmdebstrap
and what apt resolves from the Debian archive. The roots have no running systemd: each service is
started with exactly the `ExecStart`, `User`, `Environment` and `WorkingDirectory` of its
installed unit, and what logind would give the kiosk's session (its runtime directory) is made by
hand.
"""

from __future__ import annotations

import os
import re
import signal
import ssl
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import httpx
import numpy as np
import pytest

from installer.build import build
from question_banks.keys import generate_authority_key
from tests.hall import wait_until
from tests.hardware.video import write_video
from tests.installer.debian_root import DebianRoot
from tests.installer.usb_devices import CAMERA, HUB, KEYBOARD, MOUSE, write_devices

pytestmark = [
    pytest.mark.slow,
    pytest.mark.debian_root,
    pytest.mark.xdist_group("debian_root"),
    pytest.mark.timeout(1500),
]
SUITE = "trixie"
POSTGRES = "17"
CHROOT_POSTGRES_PORT = 5434
HALL_PORT = 18443
"""The room server's port on loopback: the roots share the host's network."""
PASSWORD = "a long hall password"


def figure(name: str, value: str) -> None:
    print(f"installer figure: {name} = {value}")


@dataclass(frozen=True)
class UnitStart:
    """How systemd would start a unit's service: its user, environment, directory and command."""

    user: str
    environment: dict[str, str]
    directory: str | None
    argv: list[str]
    made: list[tuple[str, str]]
    """The directories systemd makes for the service before it starts, owned by its user:
    (path, mode) from `StateDirectory=`, `LogsDirectory=`, `RuntimeDirectory=`."""

    @classmethod
    def read(cls, text: str) -> UnitStart:
        service = text.split("[Service]", 1)[1].split("\n[", 1)[0]
        values: dict[str, list[str]] = {}
        for line in service.splitlines():
            key, sep, value = line.partition("=")
            if sep and not line.startswith("#"):
                values.setdefault(key.strip(), []).append(value.strip())
        environment = {
            name: value
            for line in values.get("Environment", [])
            for name, _, value in (word.partition("=") for word in line.split())
        }
        (command,) = values["ExecStart"]
        made = [
            (f"{base}/{name}", values.get(f"{kind}Mode", [default])[-1])
            for kind, base, default in (
                ("StateDirectory", "/var/lib", "0755"),
                ("LogsDirectory", "/var/log", "0755"),
                ("RuntimeDirectory", "/run", "0755"),
            )
            for line in values.get(kind, [])
            for name in line.split()
        ]
        return cls(
            user=values.get("User", ["root"])[-1],
            environment=environment,
            directory=values.get("WorkingDirectory", [None])[-1],
            argv=command.split(),
            made=made,
        )

    def prepare(self, root: DebianRoot) -> None:
        """What systemd does before `ExecStart`: the service's own directories, its user's."""
        for path, mode in self.made:
            root.ok("install", "-d", "-m", mode, "-o", self.user, path)
            root.ok("chown", "-R", self.user, path)

    def command(self, **extra: str) -> list[str]:
        """The unit's command as `runuser` runs it in the root, `extra` added to its environment
        (what the service manager or logind would give it)."""
        cd = ["--chdir", self.directory] if self.directory else []
        env = [f"{k}={v}" for k, v in {**self.environment, **extra}.items()]
        return ["runuser", "-u", self.user, "--", "env", *cd, *env, *self.argv]


@pytest.fixture(scope="module")
def debs13(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("debs13")
    made = {}
    for role in ("room-server", "kiosk"):
        started = time.monotonic()
        made[role] = build(role, out, suite_name=SUITE)
        figure(f"{made[role].name} build", f"{time.monotonic() - started:.0f} s")
        figure(f"{made[role].name} size", f"{made[role].stat().st_size / 1e6:.0f} MB")
    return made


@pytest.fixture(scope="module")
def base13(tmp_path_factory: pytest.TempPathFactory) -> DebianRoot:
    started = time.monotonic()
    root = DebianRoot.create(tmp_path_factory.mktemp("debian13") / "base", SUITE)
    figure("mmdebstrap trixie", f"{time.monotonic() - started:.0f} s")
    return root


def install(root: DebianRoot, *packages: str) -> str:
    started = time.monotonic()
    out = root.ok("apt-get", "install", "-y", "-q", *packages)
    figure(
        f"apt install {' '.join(Path(p).name for p in packages)}",
        f"{time.monotonic() - started:.0f} s",
    )
    return out


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)


@dataclass
class InstalledServer:
    root: DebianRoot
    url: str
    certificate: str
    fingerprint: str
    admin: tuple[str, ...]


@pytest.fixture(scope="module")
def server13(
    debs13: dict[str, Path], base13: DebianRoot, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[InstalledServer]:
    work = tmp_path_factory.mktemp("server13")
    root = base13.copy(work / "root")
    inside = root.put(debs13["room-server"], f"/root/{debs13['room-server'].name}")
    out = install(root, inside)
    assert "environment ready in /opt/testing-hall/venv (offline" in out
    assert root.ok("/opt/testing-hall/venv/bin/python", "--version").startswith("Python 3.13")
    no_qt = root.run("/opt/testing-hall/venv/bin/python", "-c", "import PySide6")
    assert no_qt.returncode == 1 and "No module named 'PySide6'" in no_qt.stderr

    conf = root / f"/etc/postgresql/{POSTGRES}/main/postgresql.conf"
    text = re.sub(r"(?m)^port = \d+", f"port = {CHROOT_POSTGRES_PORT}", conf.read_text())
    conf.write_text(text + "\nlisten_addresses = ''\n")
    root.ok("pg_ctlcluster", POSTGRES, "main", "start")
    process = None
    try:
        keys = work / "authority"
        generate_authority_key(keys)
        root.put(keys / "authority.pub", "/root/authority.pub")
        provisioned = root.ok(
            "hall-provision", "room-server", "--hall-id", "almaty-7", "--upstream",
            "https://central.example", "--authority-pub", "/root/authority.pub",
            "--lan", "127.0.0.0/8", "--address", "127.0.0.1", "--listen", f"127.0.0.1:{HALL_PORT}",
            "--name", "Алматы, зал 7", "--database", "postgresql",
        )  # fmt: skip
        assert "database upgraded from empty to" in provisioned
        found = re.search(r"certificate SHA-256 ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})", provisioned)
        assert found is not None, provisioned
        admin = ("runuser", "-u", "testing-hall", "--", "operator-console", "admin",
                 "--config", "/etc/testing-hall/hall.toml")  # fmt: skip
        root.ok(*admin, "create-user", "--username", "chief", "--role", "administrator",
                "--password-stdin", stdin=f"{PASSWORD}\n")  # fmt: skip

        unit = UnitStart.read(
            (root / "/etc/systemd/system/testing-hall-server.service").read_text()
        )
        assert unit.user == "testing-hall" and unit.argv[1:] == [
            "serve",
            "--config",
            "/etc/testing-hall/hall.toml",
        ]
        started = time.monotonic()
        process = serve_as_the_unit(root, work / "server.log")
        certificate = (root / "/etc/testing-hall/tls/hall.crt").read_text()
        url = f"https://127.0.0.1:{HALL_PORT}"
        wait_answering(
            url, ssl.create_default_context(cadata=certificate), process, work / "server.log"
        )
        figure(
            "room server start as its unit starts it (trixie)",
            f"{time.monotonic() - started:.1f} s",
        )
        yield InstalledServer(root, url, certificate, found[1], admin)
    finally:
        if process is not None:
            stop(process)
        root.run("pg_ctlcluster", POSTGRES, "main", "stop")


def not_blank(png: Path) -> bool:
    image = cv2.imread(str(png))
    return image is not None and len(np.unique(image.reshape(-1, 3), axis=0)) > 50


def test_the_kiosk_on_debian_13_shows_its_seat_under_cage_and_is_heard_by_the_room_server(
    debs13: dict[str, Path], base13: DebianRoot, server13: InstalledServer, tmp_path: Path
) -> None:
    issued = server13.root.ok(*server13.admin, "enrollment-code", "--seat", "A01")
    found = re.search(r"seat A01: code (\S+)", issued)
    assert found is not None, issued
    code = found[1]

    root = base13.copy(tmp_path / "kiosk")
    inside = root.put(debs13["kiosk"], f"/root/{debs13['kiosk'].name}")
    out = install(root, inside, "grim")
    assert "environment ready" in out
    root.put(write_devices(tmp_path / "seat", HUB, KEYBOARD, MOUSE, CAMERA), "/root/seat")
    provisioned = root.ok(
        "hall-provision", "kiosk", "--hall", server13.url, "--code", code,
        "--fingerprint", server13.fingerprint, "--sysfs", "/root/seat",
    )  # fmt: skip
    assert f"certificate SHA-256 {server13.fingerprint}" in provisioned

    # The hall's camera is a video file here: the technician's setting, in the conffile.
    root.put(write_video(tmp_path / "camera.mp4", seconds=4), "/var/lib/testing-hall/camera.mp4")
    conf = root / "/etc/testing-hall/kiosk.toml"
    conf.write_text(
        conf.read_text().replace(
            'source = "device:0"', 'source = "file:/var/lib/testing-hall/camera.mp4"'
        )
    )
    root.ok("chmod", "a+r", "/var/lib/testing-hall/camera.mp4")

    unit = UnitStart.read((root / "/etc/systemd/system/testing-hall-kiosk.service").read_text())
    assert unit.user == "kiosk" and unit.argv[:3] == ["/usr/bin/cage", "-d", "--"]
    unit.prepare(root)
    uid = root.ok("id", "-u", "kiosk").strip()
    runtime = f"/run/user/{uid}"
    root.ok("install", "-d", "-m", "0700", "-o", "kiosk", "-g", "kiosk", runtime)
    session = {  # what logind's session and the machine's DRM would give; headless here
        "XDG_RUNTIME_DIR": runtime,
        "WLR_BACKENDS": "headless",
        "WLR_RENDERER": "pixman",
        "WLR_LIBINPUT_NO_DEVICES": "1",
    }
    started = time.monotonic()
    kiosk = root.start(*unit.command(**session), log=tmp_path / "kiosk.log")
    try:
        shot = tmp_path / "seat.png"

        wait_until(
            lambda: grab(root, runtime, kiosk, tmp_path / "kiosk.log", shot),
            timeout=90,
            what="the kiosk's window under cage",
        )
        figure("kiosk cold start under cage (trixie)", f"{time.monotonic() - started:.1f} s")

        pinned = ssl.create_default_context(cadata=server13.certificate)
        with httpx.Client(base_url=server13.url, verify=pinned, timeout=10) as http:
            token = http.post(
                "/api/v1/auth/login", json={"username": "chief", "password": PASSWORD}
            ).json()["token"]
            http.headers["Authorization"] = f"Bearer {token}"

            def heard() -> bool:
                seats = http.get("/api/v1/seats").json()["seats"]
                return any(s["seat"] == "A01" and s["last_heard_at"] for s in seats)

            wait_until(heard, timeout=60, what="the room server to hear the kiosk at A01")
        image = cv2.imread(str(shot))
        assert (
            image is not None and image.shape[0] >= 480 and image.shape[1] >= 640
        )  # the whole output, one window
        print(f"installer figure: seat screen screenshot = {shot}")
    finally:
        stop(kiosk)

    # The same cage with a bare PySide6 window from the same environment: the floor under the
    # kiosk's cold start.
    root.write("/tmp/bare.py", BARE_WINDOW)
    env = [f"{k}={v}" for k, v in {**unit.environment, **session}.items()]
    started = time.monotonic()
    bare = root.start(
        "runuser", "-u", "kiosk", "--", "env", *env,
        "/usr/bin/cage", "-d", "--", "/opt/testing-hall/venv/bin/python", "/tmp/bare.py",
        log=tmp_path / "bare.log",
    )  # fmt: skip
    try:
        wait_until(
            lambda: grab(root, runtime, bare, tmp_path / "bare.log", tmp_path / "bare.png"),
            timeout=60,
            what="a bare PySide6 window under cage",
        )
        figure("bare PySide6 window under the same cage", f"{time.monotonic() - started:.1f} s")
    finally:
        stop(bare)


BARE_WINDOW = """from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
window = QLabel("Орын A01 / Место A01")
window.setStyleSheet("font-size: 48px; background: #f4f5f7")
window.showFullScreen()
app.exec()
"""


def grab(
    root: DebianRoot, runtime: str, process: subprocess.Popen[bytes], log: Path, shot: Path
) -> bool:
    """A grim screenshot of cage's output into `shot`, once the window has drawn something."""
    assert process.poll() is None, log.read_text()[-3000:]
    sockets = list((root / runtime).glob("wayland-*[0-9]"))
    if not sockets:
        return False
    done = root.run(
        "runuser", "-u", "kiosk", "--", "env", f"XDG_RUNTIME_DIR={runtime}",
        f"WAYLAND_DISPLAY={sockets[0].name}", "grim", "/tmp/shot.png",
    )  # fmt: skip
    if done.returncode != 0 or not not_blank(root / "/tmp/shot.png"):
        return False
    shot.write_bytes((root / "/tmp/shot.png").read_bytes())
    return True


def serve_as_the_unit(root: DebianRoot, log: Path) -> subprocess.Popen[bytes]:
    unit = UnitStart.read((root / "/etc/systemd/system/testing-hall-server.service").read_text())
    unit.prepare(root)
    return root.start(*unit.command(), log=log)


def wait_answering(
    url: str, pinned: ssl.SSLContext, process: subprocess.Popen[bytes], log: Path
) -> None:
    def answers() -> bool:
        assert process.poll() is None, log.read_text()[-3000:]
        try:
            return httpx.get(f"{url}/api/v1/seats", verify=pinned, timeout=2).status_code < 500
        except httpx.TransportError:
            return False

    wait_until(answers, timeout=60, what="the installed room server to answer")


UPGRADE_PORT = 18444
KEPT = ("/etc/testing-hall", "/var/lib/testing-hall")


def test_a_hall_moved_from_debian_12_to_debian_13_keeps_its_data_keys_and_kiosks(
    debs13: dict[str, Path], base13: DebianRoot, tmp_path: Path
) -> None:
    """The Debian 12 room server with a user, an enrolled kiosk and a backup; its
    /etc/testing-hall and /var/lib/testing-hall given to a fresh Debian 13 root (as a technician
    moves them, owners by number: the users there have other numbers); the Debian 13 package
    installed and provisioned with the same arguments: the same keys and certificate, the
    migrations run, the user signs in, the kiosk's token still opens its seat, the backup timer
    is there."""
    old = DebianRoot.create(tmp_path / "bookworm", "bookworm")
    deb12 = build("room-server", tmp_path / "debs", suite_name="bookworm")
    old.ok("apt-get", "install", "-y", "-q", old.put(deb12, f"/root/{deb12.name}"))
    keys = tmp_path / "authority"
    generate_authority_key(keys)
    provision = (
        "hall-provision", "room-server", "--hall-id", "almaty-7", "--upstream",
        "https://central.example", "--authority-pub", "/root/authority.pub",
        "--lan", "127.0.0.0/8", "--address", "127.0.0.1", "--listen",
        f"127.0.0.1:{UPGRADE_PORT}", "--name", "Алматы, зал 7",
    )  # fmt: skip
    admin = ("runuser", "-u", "testing-hall", "--", "operator-console", "admin",
             "--config", "/etc/testing-hall/hall.toml")  # fmt: skip
    old.put(keys / "authority.pub", "/root/authority.pub")
    old.ok(*provision)
    old.ok(*admin, "create-user", "--username", "chief", "--role", "administrator",
           "--password-stdin", stdin=f"{PASSWORD}\n")  # fmt: skip
    issued = old.ok(*admin, "enrollment-code", "--seat", "A07")
    code = re.search(r"code (\S+)", issued)
    assert code is not None
    url = f"https://127.0.0.1:{UPGRADE_PORT}"
    certificate = (old / "/etc/testing-hall/tls/hall.crt").read_text()
    pinned = ssl.create_default_context(cadata=certificate)
    server = serve_as_the_unit(old, tmp_path / "old.log")
    try:
        wait_answering(url, pinned, server, tmp_path / "old.log")
        enrolled = httpx.post(
            f"{url}/kiosk/v1/enroll", json={"code": code[1], "machine": "seat-a07"}, verify=pinned
        )
        assert enrolled.status_code == 200, enrolled.text
        token = enrolled.json()["token"]
    finally:
        stop(server)
    old.ok(*admin, "backup", "--dir", "/var/lib/testing-hall/backups")
    before = {
        name: (old / f"/etc/testing-hall/{name}").read_bytes()
        for name in ("keys/hall-sign.key", "keys/hall-box.key", "tls/hall.crt", "tls/hall.key")
    }

    new = base13.copy(tmp_path / "trixie")
    for kept in KEPT:  # cp -a: the files keep their owners' numbers from the old machine
        (new / kept).parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["cp", "-a", str(old / kept), str(new / kept)], check=True)
    deb13 = debs13["room-server"]
    new.ok("apt-get", "install", "-y", "-q", new.put(deb13, f"/root/{deb13.name}"))
    new.put(keys / "authority.pub", "/root/authority.pub")  # the technician's stick, again
    again = new.ok(*provision)
    assert "owned by testing-hall" in again
    assert "nothing to upgrade" in new.ok(*admin, "migrate")
    for name, data in before.items():
        assert (new / f"/etc/testing-hall/{name}").read_bytes() == data, name
    assert (new / "/etc/systemd/system/timers.target.wants/testing-hall-backup.timer").is_symlink()
    assert list((new / "/var/lib/testing-hall/backups").glob("hall-*.db"))

    server = serve_as_the_unit(new, tmp_path / "new.log")
    try:
        wait_answering(url, pinned, server, tmp_path / "new.log")
        seat = httpx.get(
            f"{url}/kiosk/v1/seat", headers={"Authorization": f"Bearer {token}"}, verify=pinned
        )
        assert seat.status_code == 200 and seat.json()["seat"] == "A07", seat.text
        login = httpx.post(
            f"{url}/api/v1/auth/login",
            json={"username": "chief", "password": PASSWORD},
            verify=pinned,
        )
        assert login.status_code == 200, login.text
    finally:
        stop(server)


REPOSITORY = Path(__file__).resolve().parents[2]


def test_the_readme_s_demo_command_runs_on_a_fresh_debian_13_machine(
    base13: DebianRoot, tmp_path: Path
) -> None:
    """The README's first command on a fresh Debian 13 machine: a clone of this repository, git,
    sudo and the machine's certificate bundle (how it reaches the package registries), then
    `./scripts/demo --headless --candidates 5`, which makes its own environment on Python 3.13."""
    root = base13.copy(tmp_path / "fresh")
    install(root, "git", "sudo", "python3")
    root.put(Path("/etc/ssl/certs/ca-certificates.crt"), "/etc/ssl/certs/ca-certificates.crt")
    subprocess.run(
        ["git", "clone", "-q", "--no-hardlinks", str(REPOSITORY), str(root / "/root/hall")],
        check=True,
        timeout=120,
    )
    started = time.monotonic()
    done = root.run(
        "sh", "-c",
        "cd /root/hall && PIP_CERT=/etc/ssl/certs/ca-certificates.crt "
        "./scripts/demo --headless --candidates 5",
        timeout=1200,
    )  # fmt: skip
    figure(
        "README demo on a fresh trixie (bootstrap included)", f"{time.monotonic() - started:.0f} s"
    )
    said = f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    assert done.returncode == 0, said
    assert "acknowledged upstream:" in done.stdout and "finished:" in done.stdout, said
    python = root.ok("/root/hall/.venv/bin/python", "--version")
    assert python.startswith("Python 3.13"), python
