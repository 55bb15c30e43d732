"""The migrations are the one definition of the schema: every SQL statement the persistence layer
writes out is prepared against a database migrated to head, so a table or column the code names
and no migration creates (or one a migration renamed) fails here, not at a till."""

from __future__ import annotations

import ast
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from posreturns.persistence import migrate
from posreturns.persistence.engine import create_sqlite_engine

PERSISTENCE = Path(__file__).parents[2] / "posreturns" / "persistence"
STATEMENT = re.compile(r"\s*(SELECT|INSERT|UPDATE|DELETE|WITH|REPLACE)\b", re.IGNORECASE)
UNKNOWN = ("no such table", "no such column", "has no column named")


def constants(tree: ast.Module) -> dict[str, str]:
    """The module's top-level string constants (`_COLUMNS = "id, kind, ..."`), to fill f-strings."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            text = text_of(node.value, found)
            if text is not None:
                found[node.targets[0].id] = text
    return found


def text_of(node: ast.expr, names: dict[str, str], unknown: str | None = None) -> str | None:
    """The text of a string expression built from literals and known constants, else None; with
    `unknown`, an f-string's unknown parts (`WHERE {where}`, `IN ({marks})`) are written as that."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = text_of(node.left, names, unknown), text_of(node.right, names, unknown)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.JoinedStr):
        parts = [text_of(value.value if isinstance(value, ast.FormattedValue) else value, names)
                 for value in node.values]
        if unknown is not None:
            parts = [unknown if part is None else part for part in parts]
        return None if None in parts else "".join(p for p in parts if p is not None)
    return None


def statements() -> Iterator[tuple[str, str]]:
    """Each whole SQL text of the persistence modules (a concatenation or f-string of known parts is
    one statement; of one with unknown parts, each literal piece is tried alone)."""
    for path in sorted(PERSISTENCE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        yield from _texts(tree, constants(tree), path.name)


def _texts(node: ast.AST, names: dict[str, str], where: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, ast.expr) and not isinstance(node, ast.Name):
        # an unknown part is a value, a condition or a list of marks (" 1 "), or an optional clause (" ")
        texts = {text_of(node, names, unknown=filler) for filler in (" 1 ", " ")} - {None}
        if texts:
            for text in sorted(t for t in texts if t is not None and STATEMENT.match(t)):
                yield f"{where}:{node.lineno}", text
            return
    for child in ast.iter_child_nodes(node):
        yield from _texts(child, names, where)


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """A database migrated to head, through the engine the till uses (its SQL functions included)."""
    engine = create_sqlite_engine(tmp_path_factory.mktemp("schema") / "posreturns.db")
    migrate.upgrade(engine)
    connection = engine.raw_connection()
    yield connection.driver_connection  # type: ignore[misc]
    connection.close()
    engine.dispose()


def prepare(connection: sqlite3.Connection, sql: str) -> str | None:
    """Why SQLite cannot prepare `sql` on this schema, or None (a wrong count of parameters means it
    was prepared: SQLite binds only after the statement compiled)."""
    try:
        connection.execute("EXPLAIN " + sql)
    except sqlite3.ProgrammingError:
        return None
    except sqlite3.OperationalError as error:
        return str(error)
    return None


def test_every_statement_of_the_persistence_layer_names_what_the_migrations_create(
        migrated: sqlite3.Connection) -> None:
    found = list(statements())
    problems = {where: problem for where, sql in found
                if (problem := prepare(migrated, sql)) is not None and problem.startswith(UNKNOWN)}
    assert problems == {}
    prepared = {where for where, sql in found if prepare(migrated, sql) is None}
    places = {where for where, _ in found}
    assert len(prepared) >= 150, f"only {len(prepared)} of {len(places)} statements were prepared"


def test_a_column_no_migration_creates_is_caught(migrated: sqlite3.Connection) -> None:
    assert prepare(migrated, "SELECT number, colour FROM returns WHERE id = ?") == "no such column: colour"
    assert prepare(migrated, "INSERT INTO refunds_paid (id) VALUES (?)") == "no such table: refunds_paid"
    assert prepare(migrated, "SELECT number FROM returns WHERE id = ?") is None


def test_constraints_the_migrations_leave_unnamed_get_the_conventional_names(
        migrated: sqlite3.Connection) -> None:
    (sql,) = migrated.execute("SELECT sql FROM sqlite_master WHERE name = 'print_jobs'").fetchone()
    assert "CONSTRAINT ck_print_jobs_status CHECK" in sql
