"""Writing a bank's items in one language as an IMS QTI 2.1 or 3.0 content package."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from question_banks.bank import Bank, Item

NS = {
    "2.1": "http://www.imsglobal.org/xsd/imsqti_v2p1",
    "2.2": "http://www.imsglobal.org/xsd/imsqti_v2p2",
    "3.0": "http://www.imsglobal.org/xsd/imsqtiasi_v3p0",
}
KINDS = {"2.1": "xmlv2p1", "2.2": "xmlv2p2", "3.0": "xmlv3p0"}


def _tag(name: str, version: str) -> str:
    """`choiceInteraction` in QTI 2, `qti-choice-interaction` in QTI 3."""
    if not version.startswith("3"):
        return name
    return "qti-" + "".join("-" + c.lower() if c.isupper() else c for c in name)


def _attr(name: str, version: str) -> str:
    if not version.startswith("3"):
        return name
    return "".join("-" + c.lower() if c.isupper() else c for c in name)


def item_xml(
    item: Item, lang: str, version: str = "2.1", image_paths: dict[str, str] | None = None
) -> str:
    def t(name: str) -> str:
        return _tag(name, version)

    def a(name: str) -> str:
        return _attr(name, version)

    text = item.texts[lang]
    keyed = "".join(f"<{t('value')}>{escape(c)}</{t('value')}>" for c in sorted(item.correct))
    correct = f"<{t('correctResponse')}>{keyed}</{t('correctResponse')}>" if item.correct else ""
    mapping = ""
    if item.option_scores:
        entries = "".join(
            f'<{t("mapEntry")} {a("mapKey")}={quoteattr(k)} {a("mappedValue")}="{v}"/>'
            for k, v in item.option_scores.items()
        )
        mapping = f'<{t("mapping")} {a("defaultValue")}="0">{entries}</{t("mapping")}>'
    cardinality = "multiple" if item.multiple else "single"
    images = "".join(
        f'<img src={quoteattr((image_paths or {}).get(n, n))} alt=""/>' for n in text.images
    )
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.prompt.split("\n"))
    choices = "".join(
        f"<{t('simpleChoice')} identifier={quoteattr(c.id)}>{escape(c.text)}</{t('simpleChoice')}>"
        for c in text.choices
    )
    template = "map_response" if item.option_scores and not item.correct else "match_correct"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<{t("assessmentItem")} xmlns="{NS[version]}" identifier={quoteattr(item.id)} '
        f'title={quoteattr(item.id)} xml:lang="{lang}" {a("adaptive")}="false" '
        f'{a("timeDependent")}="false">'
        f'<{t("responseDeclaration")} identifier="RESPONSE" cardinality="{cardinality}" '
        f'{a("baseType")}="identifier">{correct}{mapping}</{t("responseDeclaration")}>'
        f"<{t('itemBody')}>{paragraphs}{images}"
        f'<{t("choiceInteraction")} {a("responseIdentifier")}="RESPONSE" '
        f'shuffle="{"false" if item.fixed_order else "true"}" '
        f'{a("maxChoices")}="{0 if item.multiple else 1}">{choices}</{t("choiceInteraction")}>'
        f"</{t('itemBody')}>"
        f'<{t("responseProcessing")} template="http://www.imsglobal.org/question/qti_v2p1/'
        f'rptemplates/{template}"/></{t("assessmentItem")}>'
    )


def assessment_test_xml(bank: Bank, lang: str, version: str) -> str:
    def t(name: str) -> str:
        return _tag(name, version)

    sections: dict[str, list[Item]] = {}
    for item in bank.items:
        if lang in item.texts:
            sections.setdefault(item.section, []).append(item)
    body = "".join(
        f"<{t('assessmentSection')} identifier={quoteattr(code)} title={quoteattr(code)} "
        f'visible="true">'
        + "".join(
            f'<{t("assessmentItemRef")} identifier={quoteattr(i.id)} href="items/{i.id}.xml"/>'
            for i in items
        )
        + f"</{t('assessmentSection')}>"
        for code, items in sections.items()
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<{t("assessmentTest")} xmlns="{NS[version]}" '
        f'identifier="test" title="{bank.bank_id}"><{t("testPart")} identifier="part" '
        f'{_attr("navigationMode", version)}="nonlinear" '
        f'{_attr("submissionMode", version)}="simultaneous">{body}</{t("testPart")}>'
        f"</{t('assessmentTest')}>"
    )


def write_qti_package(
    bank: Bank,
    lang: str,
    out: Path,
    *,
    version: str = "2.1",
    media: dict[str, bytes] | None = None,
    with_test: bool = True,
) -> Path:
    kind = KINDS[version]
    items = [i for i in bank.items if lang in i.texts]
    resources = "".join(
        f'<resource identifier="r-{i.id}" type="imsqti_item_{kind}" href="items/{i.id}.xml">'
        f'<file href="items/{i.id}.xml"/></resource>'
        for i in items
    )
    if with_test:
        resources += (
            f'<resource identifier="r-test" type="imsqti_test_{kind}" href="test.xml">'
            f'<file href="test.xml"/></resource>'
        )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest '
        'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="m">'
        f"<organizations/><resources>{resources}</resources></manifest>"
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("imsmanifest.xml", manifest)
        if with_test:
            zf.writestr("test.xml", assessment_test_xml(bank, lang, version))
        for item in items:
            paths = {n: f"../media/{n}" for n in item.texts[lang].images}
            zf.writestr(f"items/{item.id}.xml", item_xml(item, lang, version, paths))
        for name, data in (media or {}).items():
            zf.writestr(f"media/{name}", data)
    return out
