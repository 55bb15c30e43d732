"""What a command line call loads: a host's lookup imports its own command and nothing of the window,
the migrations, HTTP, the returns use cases or the other commands. (Its time is `make bench`'s to
measure, never a test's.)"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys

from posreturns.app import Till
from tests.helpers.cli import run_cli

cli_main = importlib.import_module("posreturns.cli.main")  # the package's `main` is the function

# Run the command line in a fresh process, then report the exit code and every module it imported.
PROBE = """
import json, runpy, sys
sys.argv = ['posreturns', *sys.argv[1:]]
code = 0
try:
    runpy.run_module('posreturns', run_name='__main__')
except SystemExit as stop:
    code = stop.code
print(json.dumps({'code': code, 'modules': sorted(sys.modules)}), file=sys.stderr)
"""
# What a lookup has no use for (the window, its drivers, migrations, HTTP, the import's rules, and
# SQLAlchemy: lookups read through plain sqlite3)
NOT_FOR_A_LOOKUP = ("PySide6", "posdrivers", "alembic", "requests", "sqlalchemy", "biip", "msgspec",
                    "posreturns.ui", "posreturns.devices.printing", "posreturns.services.returns.service",
                    "posreturns.services.canonical", "posreturns.persistence.cache_writer")


def loaded(*argv: str) -> tuple[int, set[str], str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=120,
                          check=False)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], set(report["modules"]), done.stdout


def imported(modules: set[str], names: tuple[str, ...]) -> set[str]:
    return {name for name in names if any(m == name or m.startswith(f"{name}.") for m in modules)}


def command_modules(modules: set[str]) -> set[str]:
    return {m for m in modules if m.startswith("posreturns.cli.") and m.endswith("_commands")}


def test_order_show_imports_its_own_command_and_nothing_a_lookup_does_not_use(demo_till: Till) -> None:
    code, modules, out = loaded("--data-dir", str(demo_till.data_dir), "--json", "order", "show", "PA01-000101")
    assert code == 0 and json.loads(out)["number"] == "PA01-000101"
    assert imported(modules, NOT_FOR_A_LOOKUP) == set()
    assert command_modules(modules) == {"posreturns.cli.order_commands"}
    code, modules, out = loaded("--data-dir", str(demo_till.data_dir), "--json", "order", "search", "camille")
    assert code == 0 and json.loads(out)["orders"] != [] and imported(modules, NOT_FOR_A_LOOKUP) == set()


def test_version_imports_no_command_and_no_database_library() -> None:
    code, modules, out = loaded("--version")
    assert code == 0 and out.startswith("posreturns ")
    assert imported(modules, ("sqlalchemy", "posreturns.app", "posreturns.persistence")) == set()
    assert command_modules(modules) == set()


def test_the_command_table_says_which_module_registers_each_command() -> None:
    def names(parser: argparse.ArgumentParser) -> list[str]:
        return list(next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices)

    assert names(cli_main.build_parser()) == list(cli_main.MODULE_OF)
    for module, commands in cli_main.COMMAND_MODULES:
        assert names(cli_main.build_parser((module,))) == list(commands), module


def test_every_read_only_command_named_exists() -> None:
    for name in cli_main.READ_ONLY:
        module, _, function = name.partition(".")
        assert callable(getattr(importlib.import_module(f"posreturns.cli.{module}"), function)), name


def test_help_and_usage_errors_come_from_the_whole_parser(demo_till: Till) -> None:
    listed = run_cli("-h", "order")
    assert listed.code == 0 and "restock" in listed.out and "gui" in listed.out
    typo = run_cli("order", "shw")
    assert typo.code == 2 and "invalid choice: 'shw'" in typo.err and typo.err.startswith("usage: posreturns order")
    unknown = run_cli("ordr", "show")
    assert unknown.code == 2 and "invalid choice: 'ordr'" in unknown.err and "'restock'" in unknown.err
    missing = run_cli("--json")
    assert missing.code == 2 and "required: COMMAND" in missing.err


def test_an_option_value_that_is_a_command_name_is_not_taken_for_the_command(demo_till: Till) -> None:
    shown = run_cli("--data-dir", str(demo_till.data_dir), "--till", "gui", "order", "show", "PA01-000101", "--json")
    assert shown.code == 0 and json.loads(shown.out)["number"] == "PA01-000101"
    assert cli_main.modules_named(["--till", "gui", "order", "show"]) == ("order_commands",)
    assert cli_main.modules_named(["--data-dir=gui", "order", "show"]) == ("order_commands",)
    assert cli_main.modules_named(["--version"]) == ()
    assert cli_main.modules_named(["--help", "order"]) is None


def test_a_version_asked_after_the_command_prints_the_same() -> None:
    assert run_cli("order", "--version").out == run_cli("--version").out != ""
