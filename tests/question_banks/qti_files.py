"""Hand-made QTI packages for tests: good ones from the writer, hostile ones byte by byte."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

from question_banks.qti_write import NS

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def item(
    identifier: str = "q1",
    lang: str = "kk",
    correct: str | None = "B",
    choices: tuple[str, ...] = ("A", "B", "C", "D"),
    mapping: dict[str, str] | None = None,
    body_extra: str = "",
    doctype: str = "",
    version: str = "2.1",
) -> str:
    keyed = f"<correctResponse><value>{correct}</value></correctResponse>" if correct else ""
    mapped = ""
    if mapping:
        mapped = (
            "<mapping>"
            + "".join(f'<mapEntry mapKey="{k}" mappedValue="{v}"/>' for k, v in mapping.items())
            + "</mapping>"
        )
    options = "".join(f'<simpleChoice identifier="{c}">Option {c}</simpleChoice>' for c in choices)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
        f'<assessmentItem xmlns="{NS[version]}" identifier="{identifier}" xml:lang="{lang}">'
        f'<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">'
        f"{keyed}{mapped}</responseDeclaration><itemBody><p>Question {identifier}?</p>"
        f"{body_extra}"
        f'<choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">'
        f"{options}</choiceInteraction></itemBody></assessmentItem>"
    )


def manifest(items: list[str], test: str | None = None) -> str:
    res = "".join(
        f'<resource identifier="r{n}" type="imsqti_item_xmlv2p1" href="{h}"/>'
        for n, h in enumerate(items)
    )
    if test:
        res += f'<resource identifier="t" type="imsqti_test_xmlv2p1" href="{test}"/>'
    return (
        '<?xml version="1.0"?><manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1">'
        f"<resources>{res}</resources></manifest>"
    )


def section_test(sections: dict[str, list[str]]) -> str:
    body = "".join(
        f'<assessmentSection identifier="{code}">'
        + "".join(f'<assessmentItemRef identifier="{h}" href="{h}"/>' for h in hrefs)
        + "</assessmentSection>"
        for code, hrefs in sections.items()
    )
    return (
        f'<assessmentTest xmlns="{NS["2.1"]}" identifier="t"><testPart identifier="p">'
        f"{body}</testPart></assessmentTest>"
    )


def package(
    path: Path,
    files: dict[str, str | bytes],
    *,
    sections: dict[str, list[str]] | None = None,
    links: dict[str, str] | None = None,
) -> Path:
    """A content package of the given item files (all listed in the manifest)."""
    item_files = [n for n in files if n.endswith(".xml")]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("imsmanifest.xml", manifest(item_files, "test.xml" if sections else None))
        if sections:
            zf.writestr("test.xml", section_test(sections))
        for name, data in files.items():
            zf.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, target)
    return path
