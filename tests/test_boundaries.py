"""Dependency direction (architecture §2): the import-linter contracts of pyproject.toml hold, the
Qt-free modules stay Qt-free when actually imported, and no two parts of the project import each
other in a circle."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PACKAGES = ("question_banks", "hardware", "operator_console", "kiosk", "installer")


def contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    found: list[dict[str, object]] = config["tool"]["importlinter"]["contracts"]
    return found


def qt_free_modules() -> list[str]:
    """The source modules of the contract that forbids PySide6: one list, kept in pyproject.toml."""
    for contract in contracts():
        if "PySide6" in contract.get("forbidden_modules", []):  # type: ignore[operator]
            modules = contract["source_modules"]
            assert isinstance(modules, list)
            return [str(m) for m in modules]
    raise AssertionError("pyproject.toml has no contract that forbids PySide6")


def test_import_contracts_are_kept() -> None:
    done = subprocess.run(
        [str(BIN / "lint-imports"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(contracts())} kept, 0 broken" in done.stdout


PROBE = """
import importlib, pkgutil, sys
for name in sys.argv[1:]:
    module = importlib.import_module(name)
    for info in pkgutil.walk_packages(getattr(module, "__path__", []), name + "."):
        if not info.name.endswith(".migrations.env"):  # runs only inside alembic
            importlib.import_module(info.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6"))
print(",".join(qt))
"""


def imported_qt(*modules: str, prelude: str = "") -> str:
    done = subprocess.run(
        [sys.executable, "-c", prelude + PROBE, *modules],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip()


def test_qt_free_modules_import_no_qt_when_run() -> None:
    # The contract reads the source; this imports every module, so a dynamic import counts too.
    assert imported_qt(*qt_free_modules()) == ""


def test_the_probe_sees_qt_when_it_is_imported() -> None:
    assert "PySide6.QtCore" in imported_qt("hardware", prelude="import PySide6.QtCore\n")


def unit(module: str) -> str:
    """The part a module belongs to: a subpackage of operator_console or kiosk, else its package."""
    parts = module.split(".")
    if parts[0] in ("operator_console", "kiosk") and len(parts) > 1:
        return ".".join(parts[:2])
    return parts[0]


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one part (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while (w := stack.pop()) != v:
                group.append(w)
            if group:
                found.append(sorted([v, *group]))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_part_of_the_project_imports_another_in_a_circle() -> None:
    graph = grimp.build_graph(*PACKAGES)
    edges: dict[str, set[str]] = defaultdict(set)
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if unit(module) != unit(imported):
                edges[unit(module)].add(unit(imported))
    assert len(edges) > 10  # the graph was really built
    assert cycles(edges) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


LONGEST = 500
"""Lines a module of the product may hold: past it, a module does more than one thing. Migrations
(each a frozen step) and sample banks (data: written questions) are not counted."""


def test_no_module_of_the_product_grows_past_five_hundred_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): lines
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts and "samples" not in path.parts
        if (lines := len(path.read_text("utf-8").splitlines())) > LONGEST
    }
    assert long == {}
