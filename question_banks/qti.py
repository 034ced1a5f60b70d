"""IMS QTI 2.1 / 2.2 / 3.0 content packages: manifest, sections, choice items, media.

QTI 3.0 names (`qti-choice-interaction`, `response-identifier`) are read as their QTI 2 names
(`choiceInteraction`, `responseIdentifier`), so one reader serves every version.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeXML
from defusedxml import DefusedXmlException

from question_banks.archive import ArchiveError, SafeArchive, safe_name

MANIFEST = "imsmanifest.xml"
MAX_XML_BYTES = 8 * 1024 * 1024
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpg",
    b"GIF87a": "gif",
    b"GIF89a": "gif",
}


class PackageRefused(ValueError):
    """The package cannot be read at all; nothing of it is imported."""


@dataclass
class ParsedItem:
    id: str
    language: str
    source: str
    prompt: str
    choices: list[tuple[str, str]]
    correct: list[str] = field(default_factory=list)
    scores: dict[str, Decimal] = field(default_factory=dict)
    multiple: bool = False
    fixed_order: bool = False
    images: list[str] = field(default_factory=list)
    section: str | None = None


@dataclass
class ParsedPackage:
    items: list[ParsedItem]
    media: dict[str, bytes]
    problems: list[tuple[str, str, str]]
    """(file, item, problem) for items that could not be read; they are left out."""


def _local(tag: str) -> str:
    """`{ns}qti-choice-interaction` -> `choiceInteraction`; `{ns}simpleChoice` -> same."""
    name = tag.rsplit("}", 1)[-1]
    if name.startswith("qti-"):
        head, *rest = name[4:].split("-")
        name = head + "".join(part.capitalize() for part in rest)
    return name


def _attr(el: Element, name: str, default: str | None = None) -> str | None:
    kebab = re.sub(r"([A-Z])", lambda m: "-" + m.group(1).lower(), name)
    return el.get(name, el.get(kebab, default))


def _children(el: Element, name: str) -> Iterator[Element]:
    return (c for c in el if _local(c.tag) == name)


def _find(el: Element, name: str) -> Element | None:
    return next((c for c in el.iter() if _local(c.tag) == name), None)


def _text(el: Element) -> str:
    return " ".join("".join(el.itertext()).split())


HIDDEN = frozenset(
    {"feedbackInline", "feedbackBlock", "modalFeedback", "templateInline", "templateBlock"}
)
"""What the candidate never sees while answering: feedback (it gives the answer away: "Correct",
"That's right, ...") and template content."""


def _shown(el: Element) -> bool:
    """Whether the candidate sees `el`: not feedback or template content, and a rubric only when
    its `view` names the candidate (a tutor's, proctor's, scorer's or author's rubric is not)."""
    name = _local(el.tag)
    if name in HIDDEN:
        return False
    if name == "rubricBlock":
        views = (_attr(el, "view") or "").split()
        return not views or "candidate" in views
    return True


def _visible(el: Element) -> Iterator[Element]:
    """`el` and every element under it the candidate sees, in document order (walked with a
    stack of its own: a hostile item nests thousands deep)."""
    stack = [el]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed([c for c in node if _shown(c)]))


def _seen_text(el: Element) -> str:
    """The text of `el` as the candidate sees it: hidden parts left out, the text after them
    kept (it belongs to the element around them)."""
    parts: list[str] = []
    stack: list[Element | str] = [el]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        parts.append(node.text or "")
        for child in reversed(list(node)):
            if child.tail:
                stack.append(child.tail)
            if _shown(child):
                stack.append(child)
    return " ".join("".join(parts).split())


def parse_xml(data: bytes, where: str) -> Element:
    if len(data) > MAX_XML_BYTES:
        raise PackageRefused(f"{where}: XML file larger than {MAX_XML_BYTES} bytes")
    try:
        root: Element = SafeXML.fromstring(
            data, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException as exc:
        raise PackageRefused(
            f"{where}: refused: the XML declares a DTD or entities ({exc})"
        ) from exc
    except SafeXML.ParseError as exc:
        raise PackageRefused(f"{where}: malformed XML: {exc}") from exc
    return root


def _language(root: Element, default: str | None) -> str | None:
    lang = root.get(XML_LANG) or default
    return lang.split("-")[0].lower() if lang else None


def _resolve(base: str, href: str) -> str | None:
    if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE):
        return None  # an absolute URL: never fetched
    return safe_name(posixpath.join(posixpath.dirname(base), href))


def _image(archive: SafeArchive, path: str) -> tuple[str, bytes] | None:
    if path not in archive:
        return None
    data = archive.read(path)
    ext = next((e for magic, e in IMAGE_MAGIC.items() if data.startswith(magic)), None)
    if ext is None:
        return None
    return f"{hashlib.sha256(data).hexdigest()[:20]}.{ext}", data


def parse_item(
    archive: SafeArchive, path: str, lang: str | None, media: dict[str, bytes]
) -> ParsedItem:
    where = f"{archive.path.name}:{path}"
    root = parse_xml(archive.read(path), where)
    if _local(root.tag) != "assessmentItem":
        raise PackageRefused(f"{where}: not an assessmentItem")
    item_id = root.get("identifier") or ""
    language = _language(root, lang)
    if not item_id:
        raise ItemProblem(where, "?", "the item has no identifier")
    if language not in ("kk", "ru"):
        raise ItemProblem(
            where, item_id, f"language {language!r}: expected kk or ru (xml:lang or --lang)"
        )
    templated = [c for c in root if _local(c.tag) in ("templateDeclaration", "templateProcessing")]
    if templated:
        raise ItemProblem(
            where,
            item_id,
            f"a template item ({_local(templated[0].tag)}): its values are drawn each time it is "
            "shown, which a sealed bank cannot hold; write it out as plain items",
        )
    body = _find(root, "itemBody")
    interactions = [
        e
        for e in (body.iter() if body is not None else ())
        if _local(e.tag).endswith("Interaction")
    ]
    if len(interactions) != 1 or _local(interactions[0].tag) != "choiceInteraction":
        kinds = ", ".join(_local(e.tag) for e in interactions) or "none"
        raise ItemProblem(where, item_id, f"needs exactly one choiceInteraction (found {kinds})")
    interaction = interactions[0]
    assert body is not None
    item = ParsedItem(item_id, language, where, "", [])
    _read_body(archive, path, body, interaction, item, media)
    _read_response(root, interaction, item, where)
    return item


class ItemProblem(ValueError):
    def __init__(self, file: str, item: str, problem: str) -> None:
        super().__init__(f"{file}: {item}: {problem}")
        self.file, self.item, self.problem = file, item, problem


def _blocks(body: Element, interaction: Element) -> list[str]:
    """The text blocks around the interaction as the candidate sees them, descending into the
    wrappers that hold it (without recursion: a hostile item nests thousands deep)."""
    parents = {child: parent for parent in body.iter() for child in parent}
    holding: set[Element] = set()
    node: Element | None = interaction
    while node is not None and node is not body:
        holding.add(node)
        node = parents.get(node)
    out: list[str] = []
    levels = [iter(body)]
    while levels:
        child = next(levels[-1], None)
        if child is None:
            levels.pop()
        elif child is interaction or not _shown(child):
            continue
        elif child in holding:
            levels.append(iter(child))
        elif text := _seen_text(child):
            out.append(text)
    return out


def _read_body(
    archive: SafeArchive,
    path: str,
    body: Element,
    interaction: Element,
    item: ParsedItem,
    media: dict[str, bytes],
) -> None:
    blocks = _blocks(body, interaction)
    prompt = next(_children(interaction, "prompt"), None)
    if prompt is not None:
        blocks.append(_seen_text(prompt))
    item.prompt = "\n".join(b for b in blocks if b)
    for img in (e for e in _visible(body) if _local(e.tag) in ("img", "object")):
        href = img.get("src") or img.get("data") or ""
        target = _resolve(path, href)
        found = _image(archive, target) if target else None
        if found is None:
            raise ItemProblem(item.source, item.id, f"unreadable media {href!r}")
        name, data = found
        media[name] = data
        item.images.append(name)
    item.choices = [
        (c.get("identifier") or "", _seen_text(c))
        for c in _visible(interaction)
        if _local(c.tag) == "simpleChoice"
    ]
    item.fixed_order = (_attr(interaction, "shuffle", "false") or "false").lower() != "true"
    max_choices = _attr(interaction, "maxChoices", "1") or "1"
    item.multiple = max_choices != "1"


def _read_response(root: Element, interaction: Element, item: ParsedItem, where: str) -> None:
    response_id = _attr(interaction, "responseIdentifier")
    declaration = next(
        (d for d in _children(root, "responseDeclaration") if d.get("identifier") == response_id),
        None,
    )
    if declaration is None:
        raise ItemProblem(where, item.id, f"no responseDeclaration for {response_id!r}")
    if declaration.get("cardinality") == "multiple":
        item.multiple = True
    correct = _find(declaration, "correctResponse")
    if correct is not None:
        item.correct = [_text(v) for v in correct if _local(v.tag) == "value"]
    mapping = _find(declaration, "mapping")
    if mapping is not None:
        for entry in (e for e in mapping if _local(e.tag) == "mapEntry"):
            key, value = _attr(entry, "mapKey") or "", _attr(entry, "mappedValue") or ""
            try:
                score = Decimal(value)
            except InvalidOperation:
                score = Decimal("NaN")
            if not score.is_finite():  # NaN, sNaN, Infinity: Decimal reads them, no one scores
                raise ItemProblem(where, item.id, f"option score {value!r} is not a number")
            item.scores[key] = score


def _sections(archive: SafeArchive, tests: list[str]) -> dict[str, str]:
    """Item file path -> section code, from every assessmentTest in the package."""
    placed: dict[str, str] = {}
    for test in tests:
        root = parse_xml(archive.read(test), f"{archive.path.name}:{test}")
        for section in (e for e in root.iter() if _local(e.tag) == "assessmentSection"):
            code = section.get("identifier") or ""
            for ref in (e for e in section if _local(e.tag) == "assessmentItemRef"):
                target = _resolve(test, ref.get("href") or "")
                if target:
                    placed[target] = code
    return placed


def _manifest(archive: SafeArchive) -> tuple[list[str], list[str]]:
    if MANIFEST not in archive:
        raise PackageRefused(f"{archive.path.name}: not a QTI content package ({MANIFEST} missing)")
    root = parse_xml(archive.read(MANIFEST), f"{archive.path.name}:{MANIFEST}")
    items, tests = [], []
    for resource in (e for e in root.iter() if _local(e.tag) == "resource"):
        kind = resource.get("type") or ""
        href = safe_name(resource.get("href") or "")
        if not href:
            continue
        if kind.startswith("imsqti_item"):
            items.append(href)
        elif kind.startswith("imsqti_test"):
            tests.append(href)
    return items, tests


def read_package(
    archive: SafeArchive,
    lang: str | None,
    section: str | None,
    progress: Callable[[str], None] = lambda _msg: None,
) -> ParsedPackage:
    try:
        item_paths, tests = _manifest(archive)
        placed = _sections(archive, tests)
        parsed = ParsedPackage([], {}, [])
        for n, path in enumerate(item_paths, start=1):
            if n % 2000 == 0:
                progress(f"{archive.path.name}: {n}/{len(item_paths)} items read")
            try:
                item = parse_item(archive, path, lang, parsed.media)
            except ItemProblem as problem:
                parsed.problems.append((problem.file, problem.item, problem.problem))
                continue
            item.section = placed.get(path, section)
            if item.section is None:
                parsed.problems.append(
                    (
                        item.source,
                        item.id,
                        "in no assessmentSection; give --section CODE for a package of loose items",
                    )
                )
                continue
            parsed.items.append(item)
        return parsed
    except ArchiveError as exc:
        raise PackageRefused(str(exc)) from exc
