"""Question banks at scale: a generated 10,000-question bank in Kazakh and Russian.

Prints the wall time and peak memory of import (QTI 2.1, both languages) + validate + pack, run
in a child process beside the same child doing nothing but importing the libraries; then the time
to assemble one candidate's form (median, p99).

    .venv/bin/python bench/banks.py [--items 10000]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from question_banks.bank import Bank, Item
from question_banks.forms import assemble_form
from question_banks.programs import LEGISLATION
from question_banks.samples.items import LETTERS, keyed


def generated_bank(n: int) -> Bank:
    sections = [s.code for s in LEGISLATION.sections]
    items: list[Item] = []
    for k in range(n):
        section = sections[k % len(sections)]
        kk = (
            f"Сұрақ № {k}: «{section}» бойынша мәтін, ұзындығы шынайы сұрақтай болсын үшін "
            "бірнеше сөз қосылды.",
            tuple(f"{c} жауап нұсқасы, қысқа түсіндірмемен" for c in LETTERS),
        )
        ru = (
            f"Вопрос № {k}: текст по разделу «{section}», несколько слов для длины настоящего "
            "вопроса.",
            tuple(f"Вариант ответа {c} с коротким пояснением" for c in LETTERS),
        )
        items.append(keyed(f"q{k:05d}", section, k % 4, kk, ru))
    return Bank("bench", "1", "legislation", tuple(items))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_pipeline(work: Path) -> dict[str, float]:
    from question_banks.bank import read_bank, read_media
    from question_banks.importer import import_qti
    from question_banks.keys import load_box_public, load_signing_key
    from question_banks.package import seal, write_package
    from question_banks.validate import validate_bank

    started = time.perf_counter()
    import_qti(
        [work / "kk.zip", work / "ru.zip"],
        program_code="legislation",
        out=work / "bank",
        bank_id="bench",
        version="1",
    )
    imported = time.perf_counter()
    bank = read_bank(work / "bank")
    media = read_media(work / "bank")
    problems = validate_bank(bank, media.__contains__)
    validated = time.perf_counter()
    data = seal(
        bank,
        media,
        authority=load_signing_key(work / "keys" / "authority.key"),
        hall=load_box_public(work / "keys" / "hall-box.pub"),
    )
    write_package(data, work / "bench.hallbank")
    packed = time.perf_counter()
    return {
        "import_s": imported - started,
        "validate_s": validated - imported,
        "pack_s": packed - validated,
        "total_s": packed - started,
        "peak_mb": peak_mb(),
        "problems": len(problems),
        "package_mb": len(data) / 1e6,
    }


def child_baseline() -> dict[str, float]:
    import question_banks.importer
    import question_banks.package
    import question_banks.validate  # noqa: F401

    return {"peak_mb": peak_mb()}


def in_child(*args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--child", choices=["pipeline", "baseline"])
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    if args.child == "pipeline":
        print(json.dumps(child_pipeline(args.work)))
        return 0
    if args.child == "baseline":
        print(json.dumps(child_baseline()))
        return 0

    from question_banks.keys import generate_authority_key, generate_hall_keys
    from question_banks.qti_write import write_qti_package

    bank = generated_bank(args.items)
    with tempfile.TemporaryDirectory(prefix="bench-banks-") as tmp:
        work = Path(tmp)
        generate_authority_key(work / "keys")
        generate_hall_keys(work / "keys")
        for lang in ("kk", "ru"):
            write_qti_package(bank, lang, work / f"{lang}.zip")
        sizes = sum((work / f"{lang}.zip").stat().st_size for lang in ("kk", "ru")) / 1e6
        run = in_child("--child", "pipeline", "--work", str(work))
        base = in_child("--child", "baseline")
    print(
        f"bank: {args.items} questions x 2 languages ({2 * args.items} QTI item files, "
        f"{sizes:.1f} MB zipped); problems found: {run['problems']:.0f}"
    )
    print(
        f"import {run['import_s']:.1f} s + validate {run['validate_s']:.2f} s + pack "
        f"{run['pack_s']:.2f} s = {run['total_s']:.1f} s; package {run['package_mb']:.1f} MB"
    )
    print(
        f"peak memory: {run['peak_mb']:.0f} MB (the same process with only the libraries "
        f"loaded: {base['peak_mb']:.0f} MB)"
    )

    cold = time.perf_counter()
    assemble_form(bank, LEGISLATION, "kk", "seed-cold")
    cold = time.perf_counter() - cold
    times = []
    for n in range(2000):
        started = time.perf_counter()
        assemble_form(bank, LEGISLATION, "ru" if n % 2 else "kk", f"attempt-{n}")
        times.append(time.perf_counter() - started)
    times.sort()
    print(
        f"form assembly (55 questions from {args.items}): median "
        f"{statistics.median(times) * 1000:.2f} ms, p99 {times[int(0.99 * len(times))] * 1000:.2f} "
        f"ms; first form (builds the pool index) {cold * 1000:.0f} ms"
    )
    return 0 if run["problems"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
