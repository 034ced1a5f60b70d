"""`python -m installer build`: the Debian package of a role, with a wheelhouse of the project and
every Python dependency inside, so the machine it goes to needs no network (dh-virtualenv's idea,
with the environment made at install time by Debian's own python3-venv)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from installer.provision.layout import ETC, VENV, WHEELHOUSE

PROJECT = Path(__file__).resolve().parents[1]
COMMANDS = ("kiosk", "operator-console", "qbank", "hall-provision")
PYTHON = ("python3 (>= 3.11)", "python3 (<< 3.12)", "python3-venv")
QT_RUNTIME = (
    "libegl1", "libgl1", "libopengl0", "libxkbcommon0", "libfontconfig1", "libfreetype6",
    "libdbus-1-3", "libglib2.0-0", "libwayland-client0", "libwayland-cursor0", "libwayland-egl1",
)  # fmt: skip


class BuildError(Exception):
    """The package was not built; the message says why in one line."""


@dataclass(frozen=True)
class Role:
    name: str
    package: str
    description: str
    depends: tuple[str, ...]
    recommends: tuple[str, ...]
    conffile: str
    service: str
    units: tuple[str, ...]
    purge_extra: str = ":"


ROLES = {
    "kiosk": Role(
        "kiosk",
        "testing-hall-kiosk",
        "Testing hall kiosk: the candidate's seat, locked down under cage",
        (
            *PYTHON,
            "cage",
            "xwayland",
            "usbguard",
            "nftables",
            "systemd",
            "udev",
            "libpam-systemd",
            "fonts-noto-core",
            "fonts-dejavu-core",
            *QT_RUNTIME,
        ),
        (),
        "kiosk.toml",
        "testing-hall-kiosk.service",
        ("testing-hall-kiosk.service", "testing-hall-firewall.service"),
        "systemctl unmask --quiet ctrl-alt-del.target 2>/dev/null || true",
    ),
    "room-server": Role(
        "room-server",
        "testing-hall-server",
        "Testing hall room server and operator console",
        (
            *PYTHON,
            "nftables",
            "systemd",
            "udev",
            "fonts-noto-core",
            "fonts-dejavu-core",
            *QT_RUNTIME,
        ),
        ("postgresql", "postgresql-client"),
        "hall.toml",
        "testing-hall-server.service",
        (
            "testing-hall-server.service",
            "testing-hall-backup.timer",
            "testing-hall-firewall.service",
        ),
    ),
}


def project_version() -> str:
    with (PROJECT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def wheelhouse(out: Path) -> list[Path]:
    """The project and every dependency as wheels for this Python (Debian 12's is 3.11)."""
    if sys.version_info[:2] != (3, 11):
        raise BuildError(
            f"build with Python 3.11 (Debian 12's python3), not {sys.version.split()[0]}: "
            "the wheelhouse holds wheels for the Python that builds it"
        )
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check",
         "--wheel-dir", str(out), str(PROJECT)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        words = [line for line in done.stderr.splitlines() if "ERROR" in line] or [done.stderr]
        raise BuildError(f"pip wheel failed: {words[-1].strip()[:300]}")
    wheels = sorted(out.glob("*.whl"))
    if not wheels or list(out.glob("*.tar.gz")):
        raise BuildError("the wheelhouse is incomplete: every dependency must be a wheel")
    return wheels


def _template(name: str, **values: str) -> str:
    text = (files("installer") / "debian" / name).read_text("utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    return text


def _control(role: Role, version: str, installed_kb: int) -> str:
    lines = [
        f"Package: {role.package}",
        f"Version: {version}",
        "Architecture: amd64",
        "Maintainer: Testing hall team <hall@localhost>",
        f"Installed-Size: {installed_kb}",
        f"Depends: {', '.join(role.depends)}",
    ]
    if role.recommends:
        lines.append(f"Recommends: {', '.join(role.recommends)}")
    other = ROLES["room-server" if role.name == "kiosk" else "kiosk"].package
    lines += [
        f"Conflicts: {other}",
        "Section: misc",
        "Priority: optional",
        f"Description: {role.description}",
        " Installs offline from the wheelhouse it carries; hall-provision then sets the",
        " machine up (see /usr/share/doc/" + role.package + "/README.md).",
    ]
    return "\n".join(lines) + "\n"


def _size_kb(root: Path) -> int:
    return (
        sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    )


def build(
    role_name: str, out: Path, version: str | None = None, wheels: Path | None = None
) -> Path:
    """Builds `PACKAGE_VERSION_amd64.deb` in `out`; `wheels` reuses a wheelhouse already made."""
    role = ROLES[role_name]
    version = version or project_version()
    if shutil.which("dpkg-deb") is None:
        raise BuildError("dpkg-deb is not installed (apt install dpkg-dev)")
    with tempfile.TemporaryDirectory(prefix="hall-deb-") as work:
        root = Path(work) / "root"
        house = root / WHEELHOUSE.relative_to("/")
        house.mkdir(parents=True)
        if wheels is None:
            wheelhouse(house)
        else:
            for wheel in sorted(wheels.glob("*.whl")):
                shutil.copy2(wheel, house / wheel.name)
        for command in COMMANDS:
            link = root / "usr" / "bin" / command
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(VENV / "bin" / command)
        conf = root / ETC.relative_to("/") / role.conffile
        conf.parent.mkdir(parents=True)
        conf.write_text(_template(role.conffile), "utf-8")
        doc = root / "usr" / "share" / "doc" / role.package
        doc.mkdir(parents=True)
        shutil.copy2(PROJECT / "README.md", doc / "README.md")
        (doc / "copyright").write_text(
            "Testing hall. Proprietary. The wheelhouse carries third-party packages under "
            "their own licences, named in each wheel's metadata.\n",
            "utf-8",
        )
        debian = root / "DEBIAN"
        debian.mkdir()
        (debian / "conffiles").write_text(f"{ETC / role.conffile}\n", "utf-8")
        scripts = {
            "postinst": _template("postinst", ROLE=role.name, PY_VERSION=project_version()),
            "prerm": _template("prerm", SERVICE=role.service),
            "postrm": _template("postrm", UNITS=" ".join(role.units), PURGE_EXTRA=role.purge_extra),
        }
        for name, text in scripts.items():
            (debian / name).write_text(text, "utf-8")
            (debian / name).chmod(0o755)
        (debian / "control").write_text(_control(role, version, _size_kb(root)), "utf-8")
        for path in root.rglob("*"):
            if not path.is_symlink():
                path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"{role.package}_{version}_amd64.deb"
        done = subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z1", "--build", str(root), str(target)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise BuildError(f"dpkg-deb failed: {done.stderr.strip()[:300]}")
    return target
