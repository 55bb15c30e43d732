"""Holds the import direction of the layers (README, "What is here"):
domain <- services <- persistence | sync | devices | ui <- app/cli, and posdrivers <- devices.
Every module of the package has a layer: a new top-level module or subpackage fails here until it
is given one."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "posreturns"
# The top: the composition root, the command line, the window's and the widget's start, the demo store.
APP_MODULES = {"app", "app_ui", "bootstrap", "plugin", "till_session", "paths", "__main__", "cli", "demo"}
ALLOWED = {
    "package": set(),  # posreturns/__init__.py: the version, which every layer may read
    "domain": {"domain"},
    "services": {"domain", "services"},
    "persistence": {"domain", "services", "persistence"},
    "sync": {"domain", "services", "sync"},
    "devices": {"domain", "services", "devices"},
    "ui": {"domain", "services", "ui"},
    "app": {"domain", "services", "persistence", "sync", "devices", "ui", "app"},
}
# The window's key filter is the Qt side of the keyboard-wedge rules, which are pure timing logic
# (no port, no thread): it takes them from devices, the one layer that talks to posdrivers.
UI_MAY_IMPORT = {"posreturns.devices.keyboard_wedge"}
DRIVERS_AND_STORAGE = {"sqlalchemy", "alembic", "requests", "serial", "posdrivers"}
THIRD_PARTY_FORBIDDEN = {
    "domain": {"sqlalchemy", "alembic", "PySide6", "requests", "serial", "posdrivers", "orjson"},
    "services": {"sqlalchemy", "alembic", "PySide6", "requests", "serial", "posdrivers"},
    "persistence": {"PySide6", "requests", "serial", "posdrivers"},
    "sync": {"PySide6", "serial", "posdrivers", "sqlalchemy"},
    "devices": {"PySide6", "sqlalchemy", "requests"},
    "ui": DRIVERS_AND_STORAGE,
}


def imports_of(path: Path) -> set[str]:
    """Absolute names imported; `from posreturns import x` counts as `posreturns.x`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "posreturns":
                names.update(f"posreturns.{alias.name}" for alias in node.names)
            else:
                names.add(node.module)
    return names


def layer_of(parts: tuple[str, ...]) -> str | None:
    """The layer of a module given by its name's parts after `posreturns` (None: no layer)."""
    if not parts or parts[0] == "__init__" or parts[0].startswith("__version"):
        return "package"
    if parts[0] in APP_MODULES:
        return "app"
    return parts[0] if parts[0] in ALLOWED else None


def modules() -> list[tuple[Path, tuple[str, ...]]]:
    return [(path, path.relative_to(PACKAGE).with_suffix("").parts) for path in PACKAGE.rglob("*.py")]


def test_every_module_has_a_layer() -> None:
    assert [str(path.relative_to(ROOT)) for path, parts in modules() if layer_of(parts) is None] == []


def test_each_layer_imports_only_the_layers_beneath_it() -> None:
    wrong = []
    for path, parts in modules():
        layer = layer_of(parts)
        assert layer is not None
        for name in imports_of(path):
            top, *rest = name.split(".")
            if (top == "posreturns" and layer_of(tuple(rest)) not in ALLOWED[layer] | {"package"}
                    and not (layer == "ui" and name in UI_MAY_IMPORT)):
                wrong.append(f"{path.relative_to(ROOT)} imports {name}")
            if top in THIRD_PARTY_FORBIDDEN.get(layer, set()):
                wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert wrong == []


def test_only_the_ui_layer_imports_qt() -> None:
    wrong = [f"{path.relative_to(ROOT)}" for path, parts in modules()
             if layer_of(parts) != "ui"
             and any(name.split(".")[0] in ("PySide6", "shiboken6") for name in imports_of(path))]
    assert wrong == []


def test_the_drivers_import_nothing_from_posreturns() -> None:
    wrong = [f"{path.relative_to(ROOT)}" for path in (ROOT / "drivers" / "posdrivers").rglob("*.py")
             if any(name.split(".")[0] in ("posreturns", "PySide6") for name in imports_of(path))]
    assert wrong == []


def test_the_layer_test_can_see_the_layers() -> None:
    assert all((PACKAGE / layer).is_dir() for layer in ALLOWED if layer not in ("package", "app"))
    assert len(list((PACKAGE / "domain").rglob("*.py"))) > 3
    assert {"cli", "demo", "bootstrap", "plugin"} <= {parts[0] for _path, parts in modules()}
    found = {layer_of(parts) for _path, parts in modules()}
    assert found == set(ALLOWED)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules_imported_by(path: Path, modules: set[str]) -> set[str]:
    """The package's modules `path` imports, at the top or inside a function alike: `from a.b import c`
    names the module a.b.c when there is one, else a.b."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = {f"{node.module}.{alias.name}" for alias in node.names} & modules
            found.update(submodules or ({node.module} & modules))
    return found


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in graph[module]:
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group: list[str] = []
            while (member := stack.pop()) != module:
                group.append(member)
            if group:
                cycles.append(sorted([module, *group]))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return cycles


def package_import_graph() -> dict[str, set[str]]:
    paths = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {name: modules_imported_by(path, set(paths)) - {name} for name, path in paths.items()}


def test_the_package_has_no_import_cycles_not_even_inside_functions() -> None:
    assert import_cycles(package_import_graph()) == []


def test_the_cycle_check_sees_an_import_hidden_in_a_function(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("from pkg import b\n")
    (tmp_path / "b.py").write_text("def later() -> None:\n    from pkg.a import thing\n")
    modules = {"pkg.a", "pkg.b"}
    graph = {f"pkg.{name}": modules_imported_by(tmp_path / f"{name}.py", modules) for name in "ab"}
    assert graph == {"pkg.a": {"pkg.b"}, "pkg.b": {"pkg.a"}}
    assert import_cycles(graph) == [["pkg.a", "pkg.b"]]
