"""`qbank import-qti`: QTI packages in, one validated bank directory out (or nothing at all)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from question_banks.archive import ArchiveError, Limits, SafeArchive
from question_banks.bank import MEDIA_DIR, Bank, Choice, Item, ItemText, write_bank
from question_banks.programs import program
from question_banks.qti import PackageRefused, ParsedItem, read_package
from question_banks.validate import Problem, validate_bank

Progress = Callable[[str], None]
DEFAULT_LIMITS = Limits()


class ImportFailed(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def _merge(parsed: list[ParsedItem]) -> tuple[list[Item], list[Problem]]:
    """Joins the language versions of each identifier into one question."""
    by_id: dict[str, list[ParsedItem]] = {}
    for p in parsed:
        by_id.setdefault(p.id, []).append(p)
    items, problems = [], []
    for item_id, versions in sorted(by_id.items()):
        first = versions[0]
        langs = [v.language for v in versions]
        if len(langs) != len(set(langs)):
            problems.append(Problem(first.source, item_id, "the same item twice in one language"))
            continue
        keys = {
            (v.section, tuple(sorted(v.correct)), tuple(sorted(v.scores.items())), v.multiple)
            for v in versions
        }
        if len(keys) > 1:
            problems.append(
                Problem(
                    first.source,
                    item_id,
                    "language versions differ in section, "
                    "keyed answer, option scores or cardinality",
                )
            )
            continue
        texts = {
            v.language: ItemText(
                v.prompt, tuple(Choice(i, t) for i, t in v.choices), tuple(v.images), v.source
            )
            for v in versions
        }
        items.append(
            Item(
                item_id,
                first.section or "",
                texts,
                frozenset(first.correct),
                dict(first.scores),
                first.multiple,
                first.fixed_order,
            )
        )
    return items, problems


def import_qti(
    packages: Sequence[Path],
    *,
    program_code: str,
    out: Path,
    lang: str | None = None,
    section: str | None = None,
    bank_id: str | None = None,
    version: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress = lambda _msg: None,
) -> Bank:
    program(program_code)
    if out.exists():
        raise FileExistsError(f"{out}: already exists; choose a new --out or remove it first")
    parsed: list[ParsedItem] = []
    media: dict[str, bytes] = {}
    problems: list[Problem] = []
    for n, path in enumerate(packages, start=1):
        progress(f"reading {path.name} ({n}/{len(packages)})")
        try:
            with SafeArchive(path, limits) as archive:
                package = read_package(archive, lang, section, progress)
        except (PackageRefused, ArchiveError) as exc:
            raise ImportFailed(
                [Problem(path.name, "package", str(exc).split(": ", 1)[-1])]
            ) from exc
        parsed += package.items
        media.update(package.media)
        problems += [Problem(*p) for p in package.problems]
    items, merge_problems = _merge(parsed)
    stamp = datetime.now(UTC).strftime("%Y.%m.%d-%H%M")
    bank = Bank(bank_id or out.name, version or stamp, program_code, tuple(items))
    progress(f"validating {len(items)} questions")
    problems = sorted(set(problems + merge_problems + validate_bank(bank, media.__contains__)))
    if problems:
        raise ImportFailed(problems)
    _write_atomically(bank, media, out)
    return bank


def _write_atomically(bank: Bank, media: dict[str, bytes], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        folder = staging / MEDIA_DIR
        folder.mkdir()
        for name, data in media.items():
            (folder / name).write_bytes(data)
        write_bank(bank, staging)
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
