"""`python -m installer build`: the Debian package of a role for a Debian suite, with a wheelhouse
of the project and every Python dependency that role needs inside, so the machine it goes to needs
no network (dh-virtualenv's idea, with the environment made at install time by Debian's own
python3-venv).

The wheelhouse is for the suite's Python, not the builder's: pip downloads the wheels published
for that interpreter and that C library (`--python-version`, `--abi`, `--platform`), so one
Debian 12 build machine makes the packages of both suites, in seconds, with no root of the target
suite. Every dependency of the hall is published as a manylinux wheel; one that is not stops the
build with its name."""

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

from installer.provision.layout import CONSOLE_OPT, ETC, OPT

PROJECT = Path(__file__).resolve().parents[1]
COMMANDS = ("kiosk", "operator-console", "qbank", "hall-provision")
QT_RUNTIME = (
    "libegl1", "libgl1", "libopengl0", "libxkbcommon0", "libfontconfig1", "libfreetype6",
    "libdbus-1-3", "@GLIB@", "libwayland-client0", "libwayland-cursor0", "libwayland-egl1",
)  # fmt: skip


@dataclass(frozen=True)
class Suite:
    """A Debian release the packages are built for: its Python and its C library."""

    name: str
    number: str
    """Debian's release number: `Debian 13`, versions `+deb13`."""
    python: tuple[int, int]
    glibc: tuple[int, int]
    glib: str
    """The GLib package's name (Debian 13 renamed it in the 64-bit time transition)."""

    @property
    def depends(self) -> tuple[str, ...]:
        major, minor = self.python
        return (
            f"python3 (>= {major}.{minor})",
            f"python3 (<< {major}.{minor + 1})",
            "python3-venv",
        )

    def platforms(self) -> list[str]:
        """Every manylinux tag this suite's C library runs (pip does not widen the tag itself)."""
        major, minor = self.glibc
        tags = [f"manylinux_{major}_{m}_x86_64" for m in range(minor, 4, -1)]
        return [*tags, "manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64"]


SUITES = {
    "trixie": Suite("trixie", "13", (3, 13), (2, 41), "libglib2.0-0t64"),
    "bookworm": Suite("bookworm", "12", (3, 11), (2, 36), "libglib2.0-0"),
}
DEFAULT_SUITE = "trixie"


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
    extra: str
    """The project's extra (pyproject) with what this role runs."""
    purge_extra: str = ":"
    opt: Path = OPT
    commands: tuple[tuple[str, str], ...] = tuple((c, c) for c in COMMANDS)
    """(name in /usr/bin, command in the environment)."""
    conflicts: tuple[str, ...] = ()


ROLES = {
    "kiosk": Role(
        "kiosk",
        "testing-hall-kiosk",
        "Testing hall kiosk: the candidate's seat, locked down under cage",
        (
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
        "kiosk",
        "systemctl unmask --quiet ctrl-alt-del.target 2>/dev/null || true",
        conflicts=("testing-hall-server", "testing-hall-console"),
    ),
    "room-server": Role(
        "room-server",
        "testing-hall-server",
        "Testing hall room server: the hall's API, database, sync and detector",
        ("nftables", "systemd", "udev", "fonts-noto-core", "fonts-dejavu-core"),
        ("postgresql", "postgresql-client"),
        "hall.toml",
        "testing-hall-server.service",
        (
            "testing-hall-server.service",
            "testing-hall-backup.timer",
            "testing-hall-firewall.service",
        ),
        "server",
        conflicts=("testing-hall-kiosk",),
    ),
    "console": Role(
        "console",
        "testing-hall-console",
        "Testing hall operator console: the desk, the live hall, review and administration",
        ("fonts-noto-core", "fonts-dejavu-core", *QT_RUNTIME),
        (),
        "",
        "",
        (),
        "console",
        opt=CONSOLE_OPT,
        commands=(("hall-console", "operator-console"),),
        conflicts=("testing-hall-kiosk",),
    ),
}


def project_version() -> str:
    with (PROJECT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


SOURCE_IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", "*.pyc", "build", "dist", "*.egg-info", ".mypy_cache",
    ".ruff_cache", ".pytest_cache", "tests", "bench",
)  # fmt: skip


def _pip(*argv: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", *argv, "--quiet", "--disable-pip-version-check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        words = [line for line in done.stderr.splitlines() if "ERROR" in line] or [done.stderr]
        raise BuildError(f"pip {argv[0]} failed: {words[-1].strip()[:300]}")


def wheelhouse(
    out: Path, role_name: str = "room-server", suite_name: str = DEFAULT_SUITE
) -> list[Path]:
    """The project and every dependency of the role as wheels for the suite's Python."""
    role, suite = ROLES[role_name], SUITES[suite_name]
    with tempfile.TemporaryDirectory(prefix="hall-src-") as source:
        # From a copy: files that come and go in the working tree while it builds (a test's,
        # an editor's) cannot break the build, and nothing of the build is left in the tree.
        tree = Path(source) / "testing-hall"
        shutil.copytree(PROJECT, tree, ignore=SOURCE_IGNORED)
        _pip("wheel", "--no-deps", "--wheel-dir", str(out), str(tree))
    major, minor = suite.python
    platforms = [arg for tag in suite.platforms() for arg in ("--platform", tag)]
    _pip(
        "download", "--dest", str(out), "--find-links", str(out), "--only-binary", ":all:",
        "--python-version", f"{major}.{minor}", "--implementation", "cp",
        "--abi", f"cp{major}{minor}", "--abi", "abi3", "--abi", "none", *platforms,
        f"testing-hall[{role.extra}]=={project_version()}",
    )  # fmt: skip
    wheels = sorted(out.glob("*.whl"))
    if not wheels or list(out.glob("*.tar.gz")):
        raise BuildError("the wheelhouse is incomplete: every dependency must be a wheel")
    return wheels


def _template(name: str, **values: str) -> str:
    text = (files("installer") / "debian" / name).read_text("utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    return text


def _control(role: Role, suite: Suite, version: str, installed_kb: int) -> str:
    depends = [d.replace("@GLIB@", suite.glib) for d in (*suite.depends, *role.depends)]
    lines = [
        f"Package: {role.package}",
        f"Version: {version}",
        "Architecture: amd64",
        "Maintainer: Testing hall team <hall@localhost>",
        f"Installed-Size: {installed_kb}",
        f"Depends: {', '.join(depends)}",
    ]
    if role.recommends:
        lines.append(f"Recommends: {', '.join(role.recommends)}")
    lines += [
        f"Conflicts: {', '.join(role.conflicts)}",
        "Section: misc",
        "Priority: optional",
        f"Description: {role.description} (Debian {suite.number})",
        " Installs offline from the wheelhouse it carries"
        + ("." if role.name == "console" else "; hall-provision then sets the machine up."),
        f" See /usr/share/doc/{role.package}/README.md.",
    ]
    return "\n".join(lines) + "\n"


def _size_kb(root: Path) -> int:
    return (
        sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    )


DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=Operator console
Name[kk]=Оператор пульті
Name[ru]=Консоль оператора
Comment=Testing hall: the desk, the live hall, review and administration
Exec=hall-console
Terminal=false
Categories=Office;
"""


def build(
    role_name: str,
    out: Path,
    version: str | None = None,
    wheels: Path | None = None,
    suite_name: str = DEFAULT_SUITE,
) -> Path:
    """Builds `PACKAGE_VERSION+debNN_amd64.deb` in `out`; `wheels` reuses a wheelhouse made for
    this role and suite."""
    role, suite = ROLES[role_name], SUITES[suite_name]
    # `+debNN`: above the same version built without a suite, and deb12 below deb13.
    version = f"{version or project_version()}+deb{suite.number}"
    if shutil.which("dpkg-deb") is None:
        raise BuildError("dpkg-deb is not installed (apt install dpkg-dev)")
    venv, house_path = role.opt / "venv", role.opt / "wheelhouse"
    with tempfile.TemporaryDirectory(prefix="hall-deb-") as work:
        root = Path(work) / "root"
        house = root / house_path.relative_to("/")
        house.mkdir(parents=True)
        if wheels is None:
            wheelhouse(house, role.name, suite.name)
        else:
            for wheel in sorted(wheels.glob("*.whl")):
                shutil.copy2(wheel, house / wheel.name)
        for name, command in role.commands:
            link = root / "usr" / "bin" / name
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(venv / "bin" / command)
        debian = root / "DEBIAN"
        debian.mkdir()
        if role.conffile:
            conf = root / ETC.relative_to("/") / role.conffile
            conf.parent.mkdir(parents=True)
            conf.write_text(_template(role.conffile), "utf-8")
            (debian / "conffiles").write_text(f"{ETC / role.conffile}\n", "utf-8")
        if role.name == "console":
            entry = root / "usr" / "share" / "applications" / "testing-hall-console.desktop"
            entry.parent.mkdir(parents=True)
            entry.write_text(DESKTOP_ENTRY, "utf-8")
        doc = root / "usr" / "share" / "doc" / role.package
        doc.mkdir(parents=True)
        shutil.copy2(PROJECT / "README.md", doc / "README.md")
        (doc / "copyright").write_text(
            "Testing hall. Proprietary. The wheelhouse carries third-party packages under "
            "their own licences, named in each wheel's metadata.\n",
            "utf-8",
        )
        common = {"OPT": str(role.opt)}
        scripts = {
            "postinst": _template(
                "postinst", ROLE=role.name, EXTRA=role.extra, PY_VERSION=project_version(), **common
            ),
            "prerm": _template("prerm", SERVICE=role.service or "none", **common),
            "postrm": _template(
                "postrm",
                ROLE=role.name,
                UNITS=" ".join(role.units),
                PURGE_EXTRA=role.purge_extra,
                **common,
            ),
        }
        for name, text in scripts.items():
            (debian / name).write_text(text, "utf-8")
            (debian / name).chmod(0o755)
        (debian / "control").write_text(_control(role, suite, version, _size_kb(root)), "utf-8")
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
