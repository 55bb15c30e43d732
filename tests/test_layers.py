"""Holds the import direction of the layers (README, "What is here"):
domain <- services <- persistence | sync | devices | ui <- app/cli, and posdrivers <- devices."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "posreturns"
ALLOWED = {
    "domain": {"domain"},
    "services": {"domain", "services"},
    "persistence": {"domain", "services", "persistence"},
    "sync": {"domain", "services", "sync"},
    "devices": {"domain", "services", "devices"},
    "ui": {"domain", "services", "ui"},
}
THIRD_PARTY_FORBIDDEN = {
    "domain": {"sqlalchemy", "alembic", "PySide6", "requests", "serial", "posdrivers", "orjson"},
    "services": {"sqlalchemy", "alembic", "PySide6", "requests", "serial", "posdrivers"},
    "persistence": {"PySide6", "requests", "serial", "posdrivers"},
    "sync": {"PySide6", "serial", "posdrivers", "sqlalchemy"},
    "devices": {"PySide6", "sqlalchemy", "requests"},
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_each_layer_imports_only_the_layers_beneath_it() -> None:
    wrong = []
    for layer, allowed in ALLOWED.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in imports_of(path):
                parts = name.split(".")
                if parts[0] == "posreturns" and len(parts) > 1 and parts[1] not in allowed:
                    wrong.append(f"{path.relative_to(ROOT)} imports {name}")
                if parts[0] in THIRD_PARTY_FORBIDDEN.get(layer, set()):
                    wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert wrong == []


def test_only_the_ui_layer_imports_qt() -> None:
    wrong = [f"{path.relative_to(ROOT)}" for path in PACKAGE.rglob("*.py")
             if "ui" not in path.relative_to(PACKAGE).parts[:1]
             and any(name.split(".")[0] == "PySide6" for name in imports_of(path))]
    assert wrong == []


def test_the_drivers_import_nothing_from_posreturns() -> None:
    wrong = [f"{path.relative_to(ROOT)}" for path in (ROOT / "drivers" / "posdrivers").rglob("*.py")
             if any(name.split(".")[0] in ("posreturns", "PySide6") for name in imports_of(path))]
    assert wrong == []


def test_the_layer_test_can_see_the_layers() -> None:
    assert all((PACKAGE / layer).is_dir() for layer in ALLOWED if layer not in ("sync", "devices"))
    assert len(list((PACKAGE / "domain").rglob("*.py"))) > 3
