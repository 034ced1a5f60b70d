"""Reading an untrusted zip archive: no path escapes, no links, bounded sizes, no zip bombs."""

from __future__ import annotations

import posixpath
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path


class ArchiveError(ValueError):
    """The archive is refused as a whole; the message names the archive and the member."""


@dataclass(frozen=True)
class Limits:
    members: int = 100_000
    member_bytes: int = 64 * 1024 * 1024
    total_bytes: int = 2 * 1024 * 1024 * 1024
    ratio: int = 200
    """Largest uncompressed/compressed ratio tolerated for a member above 1 MiB."""


def safe_name(name: str) -> str | None:
    """The normalised member path, or None when it could escape the archive's root."""
    if "\\" in name or name.startswith("/") or "\x00" in name or (len(name) > 1 and name[1] == ":"):
        return None
    normal = posixpath.normpath(name)
    if normal == ".." or normal.startswith("../") or normal.startswith("/"):
        return None
    return normal


class SafeArchive:
    """The members of a zip, checked up front and read with hard byte limits."""

    def __init__(self, path: Path, limits: Limits = Limits()) -> None:
        self.path = path
        self.limits = limits
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise ArchiveError(f"{path.name}: not a readable zip archive ({exc})") from exc
        self._members: dict[str, zipfile.ZipInfo] = {}
        self._check()

    def _check(self) -> None:
        infos = self._zip.infolist()
        if len(infos) > self.limits.members:
            raise ArchiveError(
                f"{self.path.name}: {len(infos)} files, more than {self.limits.members} allowed"
            )
        total = 0
        for info in infos:
            name = safe_name(info.filename)
            if name is None:
                raise ArchiveError(
                    f"{self.path.name}: {info.filename}: unsafe path (leaves the "
                    "package); the package is refused"
                )
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise ArchiveError(f"{self.path.name}: {info.filename}: symbolic link; refused")
            if info.is_dir():
                continue
            if info.file_size > self.limits.member_bytes:
                raise ArchiveError(
                    f"{self.path.name}: {info.filename}: {info.file_size} bytes, "
                    f"more than {self.limits.member_bytes} allowed"
                )
            if info.file_size > 1024 * 1024 and info.file_size > self.limits.ratio * max(
                info.compress_size, 1
            ):
                raise ArchiveError(
                    f"{self.path.name}: {info.filename}: compressed "
                    f"{info.file_size // max(info.compress_size, 1)}:1, a zip bomb"
                )
            total += info.file_size
            self._members[name] = info
        if total > self.limits.total_bytes:
            raise ArchiveError(
                f"{self.path.name}: {total} bytes uncompressed, more than "
                f"{self.limits.total_bytes} allowed"
            )

    def names(self) -> list[str]:
        return sorted(self._members)

    def __contains__(self, name: str) -> bool:
        return name in self._members

    def read(self, name: str) -> bytes:
        """Reads one member, never more bytes than it declared (headers can lie)."""
        info = self._members.get(name)
        if info is None:
            raise ArchiveError(f"{self.path.name}: {name}: no such file in the package")
        try:
            with self._zip.open(info) as fh:
                data = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise ArchiveError(f"{self.path.name}: {name}: unreadable ({exc})") from exc
        if len(data) > info.file_size:
            raise ArchiveError(f"{self.path.name}: {name}: larger than its header says; refused")
        return data

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> SafeArchive:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
