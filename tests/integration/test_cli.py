"""The command line as an integrator drives it: real processes, JSON out, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def posreturns(*args: str, env_dir: Path | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(env_dir or Path.home())}
    if env_dir:
        env["POSRETURNS_DATA_DIR"] = str(env_dir)
    return subprocess.run([sys.executable, "-m", "posreturns", *args], capture_output=True, text=True,
                          env=env, timeout=120, input=stdin)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    result = posreturns("--data-dir", str(folder), "demo", "--today", "2026-11-26")
    assert result.returncode == 0, result.stderr
    return folder


def test_init_creates_the_database_in_the_given_folder(tmp_path: Path) -> None:
    result = posreturns("init", "--json", "--data-dir", str(tmp_path / "till"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["database"] == str(tmp_path / "till" / "posreturns.db")
    assert (tmp_path / "till" / "posreturns.db").exists()


def test_the_data_folder_can_come_from_the_environment(tmp_path: Path) -> None:
    assert posreturns("init", env_dir=tmp_path / "env-till").returncode == 0
    assert (tmp_path / "env-till" / "posreturns.db").exists()


@pytest.mark.parametrize("order", [("--json", "--data-dir", "{d}", "order", "show", "pa01 000102"),
                                   ("order", "show", "pa01 000102", "--data-dir", "{d}", "--json"),
                                   ("--data-dir", "{d}", "order", "--json", "show", "PA01-000102")])
def test_order_show_gives_lines_with_returnable_quantities_and_global_options_go_anywhere(
        data_dir: Path, order: tuple[str, ...]) -> None:
    result = posreturns(*(part.format(d=data_dir) for part in order))
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["number"] == "PA01-000102" and shown["total"] == "257.00"
    first = shown["lines"][0]
    assert {k: first[k] for k in ("id", "sku", "sold", "returned", "returnable", "unit_paid")} == {
        "id": "ORD-1002-L1", "sku": "ROBE-LIN-38", "sold": 1, "returned": 0, "returnable": 1, "unit_paid": "100.20"}
    assert first["title"] == "Robe en lin 38"


def test_a_lookup_imports_nothing_it_does_not_need(data_dir: Path) -> None:
    """A host POS pays the start of a process per lookup: no window toolkit, no migration tool (the
    database is up to date), no HTTP client (no OMS is asked), no device drivers."""
    from bench.cli_start import HEAVY, heavy_imports

    assert {"PySide6", "sqlalchemy", "alembic", "requests", "posdrivers"} <= set(HEAVY)
    assert heavy_imports(data_dir, "PA01-000102") == []


def test_order_search_finds_by_name(data_dir: Path) -> None:
    result = posreturns("--data-dir", str(data_dir), "--json", "order", "search", "camille")
    assert result.returncode == 0
    assert {o["number"] for o in json.loads(result.stdout)["orders"]} == {"PA01-000101", "PA01-000106"}


def test_nothing_found_exits_3_with_one_sentence(data_dir: Path) -> None:
    result = posreturns("--data-dir", str(data_dir), "order", "show", "PA01-424242")
    assert result.returncode == 3
    assert result.stdout == "" and result.stderr.count("\n") == 1 and "PA01-424242" in result.stderr
    as_json = posreturns("--data-dir", str(data_dir), "--json", "order", "show", "PA01-424242")
    assert json.loads(as_json.stderr)["error"]["code"] == "not_found"


def test_a_bad_import_exits_2_and_names_the_file_and_path(data_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "posreturns/1", "stores": [{"id": "X", "name": "X", "currency": "EUR",
                                                                   "prices_include_tax": "yes",
                                                                     "timezone": "Europe/Paris"}]}))
    result = posreturns("--data-dir", str(data_dir), "--json", "import", str(bad), "--user", "admin", "--pin-stdin",
                        stdin="246810\n")
    assert result.returncode == 2
    message = json.loads(result.stderr)["error"]["message"]
    assert message.startswith(f"{bad}: $.stores[0].prices_include_tax: expected true or false")


def test_the_demo_is_not_loaded_twice_with_if_missing(data_dir: Path) -> None:
    result = posreturns("--data-dir", str(data_dir), "--json", "demo", "--if-missing")
    assert result.returncode == 0 and json.loads(result.stdout)["loaded"] is False


def test_generate_builds_a_small_store_scale_data_set(tmp_path: Path) -> None:
    result = posreturns("--data-dir", str(tmp_path), "--json", "generate", "--orders", "2000", "--skus", "500",
                        "--customers", "300", "--returns", "100")
    assert result.returncode == 0, result.stderr
    found = posreturns("--data-dir", str(tmp_path), "--json", "order", "show", "02-0000001")
    assert found.returncode == 0 and json.loads(found.stdout)["id"] == "O0000001"
