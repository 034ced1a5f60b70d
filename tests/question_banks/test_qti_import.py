"""QTI import: every version round-trips; every hostile or broken package is refused cleanly."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from question_banks.archive import Limits
from question_banks.bank import Bank, Item, ItemText, bank_to_dict, read_bank, read_media
from question_banks.cli import main as qbank
from question_banks.importer import ImportFailed, import_qti
from question_banks.qti_write import write_qti_package
from question_banks.samples import sample_bank
from tests.question_banks.qti_files import PNG, item, package


def without_sources(bank: Bank) -> dict[str, object]:
    data = bank_to_dict(bank)
    data["items"].sort(key=lambda raw: raw["id"])
    for raw in data["items"]:
        for text in raw["texts"].values():
            text["source"] = ""
    return data


def imported(tmp_path: Path, bank: Bank, version: str) -> Bank:
    kk = write_qti_package(bank, "kk", tmp_path / "kk.zip", version=version)
    ru = write_qti_package(bank, "ru", tmp_path / "ru.zip", version=version)
    return import_qti(
        [kk, ru],
        program_code=bank.program,
        out=tmp_path / "bank",
        bank_id=bank.bank_id,
        version=bank.version,
    )


@pytest.mark.parametrize("version", ["2.1", "2.2", "3.0"])
@pytest.mark.parametrize("program", ["legislation", "pq_program_2"])
def test_round_trip_through_every_qti_version(tmp_path: Path, version: str, program: str) -> None:
    original = sample_bank(program)
    bank = imported(tmp_path, original, version)
    assert without_sources(bank) == without_sources(original) | {"sample": False}
    assert read_bank(tmp_path / "bank") == bank
    some = bank.items[0].texts["kk"]
    assert some.source.startswith("kk.zip:items/")


def nothing_left(tmp_path: Path) -> None:
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith((".bank", "bank"))]
    assert leftovers == [], leftovers


def refused(
    tmp_path: Path,
    packages: list[Path],
    expected: str,
    *,
    program: str = "legislation",
    section: str | None = "constitution",
    limits: Limits | None = None,
    lang: str | None = None,
) -> list[str]:
    with pytest.raises(ImportFailed) as failed:
        import_qti(
            packages,
            program_code=program,
            out=tmp_path / "bank",
            section=section,
            limits=limits or Limits(),
            lang=lang,
        )
    lines = [str(p) for p in failed.value.problems]
    assert any(expected in line for line in lines), lines
    nothing_left(tmp_path)
    return lines


def test_malformed_xml(tmp_path: Path) -> None:
    pkg = package(tmp_path / "p.zip", {"items/q1.xml": item()[:-20]})
    refused(tmp_path, [pkg], "malformed XML")


def test_external_entity_is_refused_unread(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xxe = f'<!DOCTYPE x [<!ENTITY leak SYSTEM "file://{secret}">]>'
    pkg = package(
        tmp_path / "p.zip",
        {"items/q1.xml": item(doctype=xxe).replace("Question q1?", "Question &leak;?")},
    )
    lines = refused(tmp_path, [pkg], "DTD or entities")
    assert not any("TOP SECRET" in line for line in lines)


def test_entity_expansion_bomb_is_refused(tmp_path: Path) -> None:
    lol = (
        '<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    pkg = package(tmp_path / "p.zip", {"items/q1.xml": item(doctype=lol)})
    refused(tmp_path, [pkg], "DTD or entities")


@pytest.mark.parametrize(
    "name",
    ["../evil.xml", "items/../../evil.xml", "/etc/evil.xml", "C:/evil.xml", "items\\..\\evil.xml"],
)
def test_zip_slip_is_refused(tmp_path: Path, name: str) -> None:
    pkg = package(tmp_path / "p.zip", {"items/q1.xml": item(), name: item("q2")})
    refused(tmp_path, [pkg], "unsafe path")
    assert not (tmp_path.parent / "evil.xml").exists()


def test_symbolic_link_is_refused(tmp_path: Path) -> None:
    pkg = package(
        tmp_path / "p.zip", {"items/q1.xml": item()}, links={"items/passwd.png": "/etc/passwd"}
    )
    refused(tmp_path, [pkg], "symbolic link")


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    pkg = package(tmp_path / "p.zip", {"items/q1.xml": item(), "media/big.png": b"\0" * 8_000_000})
    refused(tmp_path, [pkg], "zip bomb")


def test_too_many_files_are_refused(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {f"items/q{n}.xml": item(f"q{n}") for n in range(30)}
    pkg = package(tmp_path / "p.zip", files)
    refused(tmp_path, [pkg], "more than 10 allowed", limits=Limits(members=10))


def test_not_a_zip_and_no_manifest(tmp_path: Path) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 not really")
    refused(tmp_path, [junk], "not a readable zip archive")
    bare = tmp_path / "bare.zip"
    with zipfile.ZipFile(bare, "w") as zf:
        zf.writestr("items/q1.xml", item())
    refused(tmp_path, [bare], "imsmanifest.xml missing")


def test_missing_correct_response(tmp_path: Path) -> None:
    pkg = package(tmp_path / "p.zip", {"items/q1.xml": item(correct=None)})
    lines = refused(tmp_path, [pkg], "missing correct response")
    assert any(line.startswith("p.zip:items/q1.xml: q1: ") for line in lines)


def test_duplicate_choice_ids(tmp_path: Path) -> None:
    pkg = package(tmp_path / "p.zip", {"items/q1.xml": item(choices=("A", "B", "B", "C"))})
    refused(tmp_path, [pkg], "duplicate choice ids B")


def test_item_in_one_language_only(tmp_path: Path) -> None:
    kk = package(tmp_path / "kk.zip", {"items/q1.xml": item("q1"), "items/q2.xml": item("q2")})
    ru = package(tmp_path / "ru.zip", {"items/q1.xml": item("q1", lang="ru")})
    refused(tmp_path, [kk, ru], "q2: present in kk but not in ru")


@pytest.mark.parametrize("bad", ["6", "-1", "5.01"])
def test_option_scores_outside_0_to_5(tmp_path: Path, bad: str) -> None:
    scores = {"A": "5", "B": bad, "C": "1", "D": "0"}
    pkg = package(tmp_path / "p.zip", {"items/q1.xml": item(correct=None, mapping=scores)})
    refused(
        tmp_path,
        [pkg],
        f"option score {bad} for B outside 0-5",
        program="pq_program_2",
        section="ethics",
    )


def test_unknown_section(tmp_path: Path) -> None:
    pkg = package(
        tmp_path / "p.zip", {"items/q1.xml": item()}, sections={"history": ["items/q1.xml"]}
    )
    refused(tmp_path, [pkg], "unknown section 'history'")


def test_loose_items_need_a_section(tmp_path: Path) -> None:
    pkg = package(tmp_path / "p.zip", {"items/q1.xml": item()})
    refused(tmp_path, [pkg], "give --section CODE", section=None)


def test_pool_smaller_than_the_draw(tmp_path: Path) -> None:
    pkg = package(tmp_path / "p.zip", {"items/q1.xml": item()})
    refused(tmp_path, [pkg], "constitution: 1 items in kk, the program draws 15")


@pytest.mark.parametrize(
    "img",
    [
        '<img src="../media/missing.png"/>',
        '<img src="../media/x.png"/>',
        '<img src="http://example.org/a.png"/>',
    ],
)
def test_unreadable_media(tmp_path: Path, img: str) -> None:
    pkg = package(
        tmp_path / "p.zip", {"items/q1.xml": item(body_extra=img), "media/x.png": b"not an image"}
    )
    refused(tmp_path, [pkg], "unreadable media")


def test_images_are_carried_into_the_bank(tmp_path: Path) -> None:
    base = sample_bank("state_language")
    first = base.items[0]
    pictured = Item(
        first.id,
        first.section,
        {lang: ItemText(t.prompt, t.choices, ("flag.png",)) for lang, t in first.texts.items()},
        first.correct,
    )
    bank = Bank(base.bank_id, base.version, base.program, (pictured, *base.items[1:]))
    kk = write_qti_package(bank, "kk", tmp_path / "kk.zip", media={"flag.png": PNG})
    ru = write_qti_package(bank, "ru", tmp_path / "ru.zip", media={"flag.png": PNG})
    out = import_qti([kk, ru], program_code="state_language", out=tmp_path / "bank")
    name = out.item(first.id).texts["ru"].images[0]
    assert name.endswith(".png") and read_media(tmp_path / "bank") == {name: PNG}


def test_language_from_the_command_line(tmp_path: Path) -> None:
    no_lang = item().replace(' xml:lang="kk"', "")
    pkg = package(tmp_path / "p.zip", {"items/q1.xml": no_lang})
    refused(tmp_path, [pkg], "expected kk or ru")
    refused(tmp_path, [pkg], "kk, the program draws 15", lang="kk")  # read; pool is short


def test_cli_prints_every_problem_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pkg = package(
        tmp_path / "p.zip",
        {
            "items/q1.xml": item(correct=None),
            "items/q2.xml": item("q2", choices=("A", "A", "B", "C")),
        },
    )
    code = qbank(
        [
            "import-qti",
            str(pkg),
            "--program",
            "legislation",
            "--section",
            "constitution",
            "--out",
            str(tmp_path / "bank"),
        ]
    )
    out, err = capsys.readouterr()
    assert code == 1 and "nothing was written" in err
    assert "p.zip:items/q1.xml: q1: missing correct response" in out.splitlines()
    assert any("q2: duplicate choice ids A" in line for line in out.splitlines())
    nothing_left(tmp_path)


def test_cli_import_then_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = sample_bank("legislation")
    kk = write_qti_package(bank, "kk", tmp_path / "kk.zip", version="3.0")
    ru = write_qti_package(bank, "ru", tmp_path / "ru.zip", version="3.0")
    assert (
        qbank(
            [
                "import-qti",
                str(kk),
                str(ru),
                "--program",
                "legislation",
                "--out",
                str(tmp_path / "bank"),
            ]
        )
        == 0
    )
    assert qbank(["validate", str(tmp_path / "bank")]) == 0
    assert "can be served in kk, ru" in capsys.readouterr().out
    assert (
        qbank(["import-qti", str(kk), "--program", "legislation", "--out", str(tmp_path / "bank")])
        == 1
    )
    assert "already exists" in capsys.readouterr().err
