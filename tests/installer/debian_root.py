"""A Debian 12 or 13 root file system to install the hall's packages into, as a technician would.

Every command runs chrooted in a mount namespace of its own, with /dev, /proc and /sys mounted
there only: nothing stays mounted on the host when a command ends or a test fails. No service
starts inside (policy-rc.d says no), as on an image being built.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SUITE = "bookworm"


def mirrors(suite: str) -> tuple[str, ...]:
    return (
        f"deb http://deb.debian.org/debian {suite} main",
        f"deb http://deb.debian.org/debian {suite}-updates main",
        f"deb http://deb.debian.org/debian-security {suite}-security main",
    )


ENV = {
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "LANG": "C.UTF-8",
    "DEBIAN_FRONTEND": "noninteractive",
    "HOME": "/root",
}
ENTER = (
    'set -e; r="$0"; mount --rbind /dev "$r/dev"; mount -t proc proc "$r/proc"; '
    'mount -t sysfs sysfs "$r/sys"; exec chroot "$r" "$@"'
)


@dataclass
class DebianRoot:
    path: Path

    @classmethod
    def create(cls, path: Path, suite: str = SUITE, include: tuple[str, ...] = ()) -> DebianRoot:
        done = subprocess.run(
            ["mmdebstrap", "--mode=root", "--variant=apt",
             f"--include={','.join(('ca-certificates', *include))}",
             suite, str(path), *mirrors(suite)],
            capture_output=True, text=True, check=False, timeout=900,
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"mmdebstrap failed: {done.stderr[-2000:]}")
        root = cls(path)
        root.write("/usr/sbin/policy-rc.d", "#!/bin/sh\nexit 101\n", 0o755)
        root.ok("apt-get", "update", "-q")  # mmdebstrap leaves no package lists behind
        return root

    def copy(self, path: Path) -> DebianRoot:
        subprocess.run(["cp", "-a", str(self.path), str(path)], check=True)
        return DebianRoot(path)

    def __truediv__(self, inside: str) -> Path:
        return self.path / inside.lstrip("/")

    def write(self, inside: str, text: str, mode: int = 0o644) -> Path:
        path = self / inside
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        path.chmod(mode)
        return path

    def put(self, source: Path, inside: str) -> str:
        target = self / inside
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, symlinks=True, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target)
        return inside

    def run(
        self,
        *argv: str,
        stdin: str | None = None,
        network: bool = True,
        timeout: float = 900,
    ) -> subprocess.CompletedProcess[str]:
        """A command inside the root; `network=False` gives it a network namespace of its own
        with nothing in it, so whatever it does offline is proven offline."""
        unshare = ["unshare", "--mount", "--propagation", "private"]
        if not network:
            unshare.append("--net")
        return subprocess.run(
            [*unshare, "sh", "-c", ENTER, str(self.path), *argv],
            input=stdin,
            capture_output=True,
            text=True,
            env=ENV,
            timeout=timeout,
            check=False,
        )

    def start(self, *argv: str, log: Path) -> subprocess.Popen[bytes]:
        """A long-running command inside the root (a service as its unit starts it), its output
        in `log`; the caller stops it. It runs in a new session, so its whole group can be
        signalled."""
        with log.open("wb") as out:
            return subprocess.Popen(
                ["unshare", "--mount", "--propagation", "private", "sh", "-c", ENTER,
                 str(self.path), *argv],
                stdout=out, stderr=subprocess.STDOUT, env=ENV, start_new_session=True,
            )  # fmt: skip

    def ok(self, *argv: str, **kwargs: object) -> str:
        done = self.run(*argv, **kwargs)  # type: ignore[arg-type]
        said = f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        assert done.returncode == 0, f"{' '.join(argv)}: exit {done.returncode}\n{said}"
        return done.stdout
