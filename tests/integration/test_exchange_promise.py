"""Promises from the till's real cache: stock per location with its age, the network file kept with
the data, and the command line an integrator drives."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import dump
from helpers.returns import NOW, open_shop
from integration.test_cli import posreturns

from posreturns.app import Till, open_promises
from posreturns.demo.network import demo_network
from posreturns.domain.promise import Destination
from posreturns.domain.users import Principal, Role
from posreturns.persistence.engine import WRITE
from posreturns.services.errors import BadInput, NotFound, PermissionDenied

NETWORK = demo_network(date(2026, 11, 26))
ADMIN = Principal("root", "Root", Role.ADMIN)


@pytest.fixture
def shop(tmp_path: Path) -> Till:
    till = open_shop(tmp_path / "shop")
    open_promises(till).load(NETWORK, "demo network", ADMIN)
    return till


def set_stock(till: Till, sku: str, location: str, qty: int, updated_at: str) -> None:
    with till.engine.connect().execution_options(**WRITE) as connection, connection.begin():
        connection.exec_driver_sql(
            "INSERT INTO stock_levels (location, sku, bucket, qty, updated_at) VALUES (?,?,'sellable',?,?) "
            "ON CONFLICT(location, sku, bucket) DO UPDATE SET qty = excluded.qty, updated_at = excluded.updated_at",
            (location, sku, qty, updated_at))


def test_a_size_sold_out_here_is_promised_from_the_network_best_first(shop: Till) -> None:
    options = open_promises(shop).options("BASK-CUIR-42", Destination.STORE)
    assert (options.sku, options.title) == ("BASK-CUIR-42", "Baskets cuir blanc 42")
    assert [(p.promise.source.location, p.available, p.when["fr"]) for p in options.promises] == [
        ("PARIS-03", 3, "aujourd'hui avant 19:00"), ("WAREHOUSE", 25, "demain avant 12:00"),
        ("LYON-02", 5, "samedi 28 novembre avant 12:00")]
    assert options.asked_at == NOW


def test_each_source_carries_the_age_of_the_stock_it_relies_on(shop: Till) -> None:
    set_stock(shop, "BASK-CUIR-42", "WAREHOUSE", 4, "2026-11-26T07:30:00Z")  # 08:30 in Paris, now is 10:00
    set_stock(shop, "BASK-CUIR-42", "LYON-02", 0, "2026-11-26T06:30:00Z")
    with shop.engine.connect().execution_options(**WRITE) as connection, connection.begin():
        connection.exec_driver_sql("DELETE FROM stock_levels WHERE sku = 'BASK-CUIR-42' AND location = 'PARIS-03'")
    options = open_promises(shop).options("BASK-CUIR-42", Destination.HOME)
    (warehouse,) = options.promises
    assert warehouse.stock_as_of == datetime(2026, 11, 26, 7, 30, tzinfo=UTC)
    assert warehouse.stock_age == timedelta(hours=1, minutes=30)
    assert warehouse.to_dict()["stock_age_minutes"] == 90
    # A later stock pull from the OMS confirms every level: the age is the pull's.
    with shop.engine.connect().execution_options(**WRITE) as connection, connection.begin():
        connection.exec_driver_sql("INSERT INTO sync_streams (stream, cursor, last_pulled_at) "
                                   "VALUES ('stock', NULL, '2026-11-26T08:45:00Z')")
    (warehouse,) = open_promises(shop).options("BASK-CUIR-42", Destination.HOME).promises
    assert warehouse.stock_age == timedelta(minutes=15)


def test_stock_at_a_location_without_a_route_is_shown_apart(shop: Till) -> None:
    set_stock(shop, "BASK-CUIR-42", "MARSEILLE-05", 2, "2026-11-26T06:30:00Z")
    options = open_promises(shop).options("BASK-CUIR-42", Destination.STORE)
    assert options.elsewhere == {"MARSEILLE-05": 2}
    assert "MARSEILLE-05" not in {p.promise.source.location for p in options.promises}


def test_an_unknown_code_or_a_missing_network_says_what_to_do(tmp_path: Path) -> None:
    till = open_shop(tmp_path / "bare")
    with pytest.raises(BadInput, match="posreturns exchange network load FILE"):
        open_promises(till).options("BASK-CUIR-42", Destination.STORE)
    open_promises(till).load(NETWORK, "n.toml", ADMIN)
    with pytest.raises(NotFound, match='No product has the code "NOPE"'):
        open_promises(till).options("NOPE", Destination.STORE)
    till.close()


def test_a_bad_or_foreign_network_file_changes_nothing(shop: Till) -> None:
    before = dump(shop)
    with pytest.raises(BadInput, match=r"lyon.toml: Delivery network key 'sources\[3\].cutoff'.*not changed"):
        open_promises(shop).load(NETWORK.replace('cutoff = "14:00"', 'cutoff = "14h"'), "lyon.toml", ADMIN)
    with pytest.raises(BadInput, match='network of store "LYON-02" but this till is store "PARIS-01"'):
        open_promises(shop).load(NETWORK.replace('store = "PARIS-01"', 'store = "LYON-02"')
                                 .replace('kind = "here"', 'kind = "store"'), "lyon.toml", ADMIN)
    assert dump(shop) == before


def test_loading_a_network_is_audited_once_per_change(shop: Till) -> None:
    with pytest.raises(PermissionDenied, match="Only an administrator may change the store's delivery network"):
        open_promises(shop).load(NETWORK.replace('cutoff = "14:00"', 'cutoff = "12:00"'), "manager.toml",
                                 Principal("mgr1", "Marie", Role.MANAGER))
    assert open_promises(shop).load(NETWORK, "again.toml", ADMIN)["changed"] is False
    changed = NETWORK.replace('cutoff = "14:00"', 'cutoff = "13:00"')
    assert open_promises(shop).load(changed, "earlier.toml", ADMIN)["changed"] is True
    with shop.engine.connect() as connection:
        audit = connection.exec_driver_sql(
            "SELECT action, subject, detail_json FROM audit_log WHERE action = 'delivery_network.loaded'").all()
    assert [(a, s, json.loads(d)["source"]) for a, s, d in audit] == [
        ("delivery_network.loaded", "PARIS-01", "demo network"),
        ("delivery_network.loaded", "PARIS-01", "earlier.toml")]
    with shop.engine.connect() as connection:
        actors = connection.exec_driver_sql("SELECT actor FROM audit_log WHERE action IN "
                                            "('delivery_network.loaded', 'access.denied') ORDER BY id").scalars().all()
    assert actors == ["root", "mgr1", "root"]  # the first load, the manager refused, the change
    assert open_promises(shop).describe()["sources"][3]["cutoff"] == "13:00"


def test_the_command_line_gives_the_promises_as_json_and_refuses_bad_input(tmp_path: Path) -> None:
    folder = tmp_path / "cli"
    assert posreturns("--data-dir", str(folder), "demo", "--today", "2026-11-26").returncode == 0
    answer = posreturns("--data-dir", str(folder), "--json", "exchange", "promise", "BASK-CUIR-42", "--home")
    assert answer.returncode == 0, answer.stderr
    found = json.loads(answer.stdout)
    assert found["destination"] == "home" and found["promises"][0]["location"] in {"WAREHOUSE", "PARIS-03"}
    assert {"stock_as_of", "stock_age_minutes", "arrives_on", "when", "sentence", "cost"} <= set(found["promises"][0])
    human = posreturns("--data-dir", str(folder), "exchange", "promise", "BASK-CUIR-42")
    assert human.returncode == 0 and "Paris Marais" in human.stdout and "in stock (as of" in human.stdout
    assert posreturns("--data-dir", str(folder), "exchange", "promise", "NOPE").returncode == 3
    bad = tmp_path / "bad.toml"
    bad.write_text(NETWORK.replace('kind = "warehouse"', 'kind = "depot"'), encoding="utf-8")
    refused = posreturns("--data-dir", str(folder), "exchange", "network", "load", str(bad), "--user", "admin",
                         "--pin-stdin", stdin="246810\n")
    assert refused.returncode == 2 and "'sources[3].kind' must be one of" in refused.stderr
    shown = posreturns("--data-dir", str(folder), "exchange", "network", "show")
    assert shown.returncode == 0 and "WAREHOUSE    warehouse cut-off 14:00" in shown.stdout
