"""The machine being provisioned: files, users and units, each changed only when it differs.

Every call says one line — `changed` or `ok` and what — so a second run shows that it changed
nothing, and a technician can read what the first one did.
"""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

from installer.provision.layout import MANIFEST


class ProvisionError(Exception):
    """Provisioning cannot go on; the message says what is wrong in one line."""


class Machine:
    def __init__(self, say: Callable[[str], None] = print) -> None:
        self._say = say
        self.changes = 0
        self.made: set[Path] = set()

    def report(self, changed: bool, what: str) -> bool:
        self.changes += changed
        self._say(f"{'changed' if changed else 'ok':8} {what}")
        return changed

    @property
    def systemd_running(self) -> bool:
        """False in a chroot or an image being built: units are enabled for boot, not started."""
        return Path("/run/systemd/system").is_dir()

    def run(self, argv: Sequence[str], *, check: bool = True) -> subprocess.CompletedProcess[str]:
        try:
            done = subprocess.run(list(argv), capture_output=True, text=True, check=False)
        except FileNotFoundError as exc:
            raise ProvisionError(f"{argv[0]} is not installed: {exc.strerror}") from exc
        if check and done.returncode != 0:
            words = (done.stderr or done.stdout).strip().splitlines()
            raise ProvisionError(
                f"{' '.join(argv)} failed: {words[-1] if words else f'exit {done.returncode}'}"
            )
        return done

    # Files

    def directory(
        self, path: Path, mode: int = 0o755, owner: str = "root", group: str | None = None
    ) -> bool:
        changed = not path.is_dir()
        path.mkdir(parents=True, exist_ok=True)
        changed |= self._owner_and_mode(path, mode, owner, group or owner)
        return self.report(changed, f"directory {path} ({mode:o}, {owner})")

    def owned_tree(self, path: Path, owner: str) -> bool:
        """Everything under `path` belongs to `owner` (data brought from another machine, whose
        users had other numbers); modes are left as they are."""
        uid, gid = pwd.getpwnam(owner).pw_uid, grp.getgrnam(owner).gr_gid
        wrong = [p for p in path.rglob("*") if (p.lstat().st_uid, p.lstat().st_gid) != (uid, gid)]
        for item in wrong:
            os.chown(item, uid, gid, follow_symlinks=False)
        return self.report(bool(wrong), f"{path} owned by {owner} ({len(wrong)} changed)")

    def file(
        self,
        path: Path,
        content: str | bytes,
        mode: int = 0o644,
        owner: str = "root",
        group: str | None = None,
        *,
        what: str = "",
    ) -> bool:
        data = content.encode("utf-8") if isinstance(content, str) else content
        if not path.exists():
            self.made.add(path)  # what another package made is changed, never listed for purge
        try:
            same = path.read_bytes() == data
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            same = False
        if not same:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.new")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            self._owner_and_mode(tmp, mode, owner, group or owner)
            os.replace(tmp, path)
        changed = self._owner_and_mode(path, mode, owner, group or owner) or not same
        return self.report(changed, what or f"file {path}")

    def link(self, path: Path, target: str) -> bool:
        same = path.is_symlink() and os.readlink(path) == target
        if not path.is_symlink() and not path.exists():
            self.made.add(path)
        if not same:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.is_symlink() or path.exists():
                path.unlink()
            path.symlink_to(target)
        return self.report(not same, f"link {path} -> {target}")

    @staticmethod
    def _owner_and_mode(path: Path, mode: int, owner: str, group: str) -> bool:
        st = path.lstat()
        uid, gid = pwd.getpwnam(owner).pw_uid, grp.getgrnam(group).gr_gid
        changed = False
        if (st.st_uid, st.st_gid) != (uid, gid):
            os.chown(path, uid, gid)
            changed = True
        if st.st_mode & 0o7777 != mode:
            path.chmod(mode)
            changed = True
        return changed

    # Users

    def system_user(
        self, name: str, home: Path, *, groups: Sequence[str] = (), shell: str = "/usr/sbin/nologin"
    ) -> bool:
        try:
            pwd.getpwnam(name)
            changed = False
        except KeyError:
            self.run(
                ["useradd", "--system", "--user-group", "--home-dir", str(home),
                 "--no-create-home", "--shell", shell, name]
            )  # fmt: skip
            changed = True
        for group in groups:
            if name not in grp.getgrnam(group).gr_mem:
                self.run(["usermod", "--append", "--groups", group, name])
                changed = True
        listed = f" in {', '.join(groups)}" if groups else ""
        return self.report(changed, f"system user {name}{listed}, no password")

    # Units

    def enable(self, unit: str) -> bool:
        state = self.run(["systemctl", "is-enabled", unit], check=False).stdout.strip()
        if state != "enabled":
            self.run(["systemctl", "enable", "--quiet", unit])
        return self.report(state != "enabled", f"{unit} enabled at boot")

    def mask(self, unit: str) -> bool:
        state = self.run(["systemctl", "is-enabled", unit], check=False).stdout.strip()
        if state != "masked":
            self.run(["systemctl", "mask", "--quiet", unit])
        return self.report(state != "masked", f"{unit} masked")

    def default_target(self, target: str) -> bool:
        now = self.run(["systemctl", "get-default"], check=False).stdout.strip()
        if now != target:
            self.run(["systemctl", "set-default", "--quiet", target])
        return self.report(now != target, f"boots to {target}")

    def start(self, units: Sequence[str]) -> None:
        """Applies what was written, where systemd runs; in a chroot it waits for the first boot."""
        if not self.systemd_running:
            self._say("note     systemd is not running here: the units start at the next boot")
            return
        self.run(["systemctl", "daemon-reload"])
        for unit in units:
            self.run(["systemctl", "restart", unit])
            self._say(f"started  {unit}")

    def remember(self) -> None:
        """Adds what this run made to the manifest a purge reads."""
        known = set()
        if MANIFEST.exists():
            known = {Path(line) for line in MANIFEST.read_text("utf-8").splitlines() if line}
        everything = sorted(str(p) for p in known | self.made | {MANIFEST})
        self.file(
            MANIFEST, "\n".join(everything) + "\n", 0o644, what=f"list of what it made {MANIFEST}"
        )


def which(program: str) -> str:
    found = shutil.which(program)
    if found is None:
        raise ProvisionError(f"{program} is not installed; install the hall package with apt")
    return found
