"""Every refusal the room server raises names a code of the protocol's list, with its parameters.

The server's source is read, not run: each `Refusal(status, code, ...)`, `conflict(code, ...)`,
`forbidden(code, ...)` and `not_found(kind, id)` must name its code (or kind) as a literal of
`protocol.refusals`, so that no refusal reaches a kk or ru screen in English.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

import operator_console.server
from operator_console.protocol.refusals import NOT_FOUND_KINDS, REFUSALS, markdown_table, words
from operator_console.server.errors import Refusal, conflict, not_found

SERVER = Path(operator_console.server.__file__).parent
CODE_ARGUMENT = {"Refusal": 1, "conflict": 0, "forbidden": 0}


def _name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _raised() -> list[tuple[str, int, str, ast.Call]]:
    found = []
    for path in sorted(SERVER.rglob("*.py")):
        if "migrations" in path.parts or path.name == "errors.py":
            continue
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and (name := _name(node)) in (
                *CODE_ARGUMENT,
                "not_found",
            ):
                found.append((str(path.relative_to(SERVER)), node.lineno, name, node))
    return found


def test_the_scan_sees_the_servers_refusals() -> None:
    names = {name for _file, _line, name, _call in _raised()}
    assert {"Refusal", "conflict", "not_found"} <= names
    assert len(_raised()) > 50


def test_every_refusal_names_a_code_of_the_list() -> None:
    wrong = []
    for file, line, name, call in _raised():
        if name == "not_found":
            kind = call.args[0] if call.args else None
            if not (isinstance(kind, ast.Constant) and kind.value in NOT_FOUND_KINDS):
                wrong.append(f"{file}:{line}: not_found of a kind not in NOT_FOUND_KINDS")
            continue
        at = CODE_ARGUMENT[name]
        code = call.args[at] if len(call.args) > at else None
        if not (isinstance(code, ast.Constant) and code.value in REFUSALS):
            shown = ast.unparse(code) if code is not None else "nothing"
            wrong.append(f"{file}:{line}: {name}({shown}) is not a code of protocol.refusals")
    assert wrong == []


def test_every_code_names_its_parameters_the_same_way_everywhere() -> None:
    """The parameters a raise passes are exactly those its template names."""
    wrong = []
    for file, line, name, call in _raised():
        if name == "not_found" or any(k.arg is None for k in call.keywords):
            continue
        at = CODE_ARGUMENT[name]
        code = call.args[at] if len(call.args) > at else None
        if not (isinstance(code, ast.Constant) and code.value in REFUSALS):
            continue
        named = {f for _t, f, _s, _c in string.Formatter().parse(REFUSALS[code.value]) if f}
        given = {k.arg for k in call.keywords if k.arg is not None}
        if named != given:
            takes = f"takes {sorted(named)}, given {sorted(given)}"
            wrong.append(f"{file}:{line}: {code.value} {takes}")
    assert wrong == []


def test_a_refusal_carries_its_code_params_and_english() -> None:
    said = conflict("busy", what="hall")
    assert (said.status, said.code, said.params) == (409, "busy", {"what": "hall"})
    assert said.problem() == {
        "detail": "too many consoles are following the hall; try again shortly",
        "code": "busy",
        "params": {"what": "hall"},
    }
    missing = not_found("seat", "Z99")
    assert (missing.status, missing.code, missing.params) == (
        404,
        "not_found",
        {"what": "seat", "id": "Z99"},
    )


def test_words_without_a_code_are_marked_as_such() -> None:
    said = Refusal(409, "something in words")
    assert (said.code, said.detail, said.params) == ("unspecified", "something in words", {})


@pytest.mark.parametrize("code", sorted(REFUSALS))
def test_each_template_fills_from_its_own_parameters(code: str) -> None:
    names = [f for _t, f, _s, _c in string.Formatter().parse(REFUSALS[code]) if f]
    filled = words(code, {n: f"<{n}>" for n in names})
    assert "{" not in filled and all(f"<{n}>" in filled for n in names)


def test_the_readme_lists_every_code_as_the_protocol_has_it() -> None:
    readme = (SERVER.parents[1] / "README.md").read_text()
    assert markdown_table() in readme
