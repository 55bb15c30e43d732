"""The command line's lookups through plain sqlite3 (cli/quick_reads.py): the same answers as the whole
till, and the whole till whenever the quick path cannot answer alone."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from posreturns.app import Till
from posreturns.cli.quick_reads import Reader, read
from posreturns.paths import DATABASE_FILE
from posreturns.persistence.plain_sqlite import PlainSqlite
from posreturns.services.errors import BadInput, NotFound, StorageError
from posreturns.services.presenting import line_json, order_json, summary_json


def args_for(till: Till, now: str | None = None) -> argparse.Namespace:
    return argparse.Namespace(data_dir=str(till.data_dir), now=now, till=None)


def lookups(reader: Reader) -> dict[str, Any]:
    order = reader.lookup.find_receipt("pa01 000102")
    return {"kind": type(reader).__name__, "order": order_json(order),
            "search": [summary_json(s) for s in reader.lookup.search("camille")],
            "match": [line_json(line) for line in reader.lookup.match_item(order, order.lines[0].sku).lines],
            "zone": reader.settings.store_timezone()}


def test_the_quick_path_answers_as_the_whole_till(demo_till: Till) -> None:
    quick = read(args_for(demo_till), lookups)
    whole = lookups(demo_till)
    assert quick.pop("kind") == "QuickTill" and whole.pop("kind") == "Till"
    assert quick == whole and quick["search"] != [] and quick["match"] != []


def test_a_sale_missing_from_the_cache_goes_to_the_whole_till_when_an_oms_can_fetch_it(demo_till: Till) -> None:
    readers: list[str] = []

    def missing(reader: Reader) -> object:
        readers.append(type(reader).__name__)
        return reader.lookup.find_receipt("PA01-424242")

    with pytest.raises(NotFound):
        read(args_for(demo_till), missing)
    assert readers == ["QuickTill"]                    # no OMS: the cache's answer is the answer
    demo_till.settings.set("oms.url", "http://127.0.0.1:9")
    readers.clear()
    with pytest.raises(NotFound):
        read(args_for(demo_till), missing)
    assert readers == ["QuickTill", "Till"]


def test_a_fixed_clock_or_a_missing_database_goes_to_the_whole_till(demo_till: Till, tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="--now is refused"):  # the whole till's rule: real tills keep real time
        read(args_for(demo_till, now="2026-11-26T10:00:00Z"), lambda r: type(r).__name__)
    empty = argparse.Namespace(data_dir=str(tmp_path / "new"), now=None, till=None)
    assert read(empty, lambda r: type(r).__name__) == "Till"


def test_plain_sqlite_reads_rows_by_name_and_never_writes(demo_till: Till) -> None:
    db = PlainSqlite(demo_till.data_dir / DATABASE_FILE)
    try:
        with db.connect() as connection:
            row = connection.exec_driver_sql("SELECT number, id FROM orders WHERE number = ?", ("PA01-000102",)).first()
            assert (row.number, row[0]) == ("PA01-000102", "PA01-000102")
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                connection.exec_driver_sql("DELETE FROM orders")
    finally:
        db.close()
    with pytest.raises(StorageError, match="nothing.db"):  # said in one sentence, as the engine says it
        PlainSqlite(demo_till.data_dir / "nothing.db").connect().__enter__()


def test_a_data_folder_given_relative_to_the_working_folder_is_read(demo_till: Till,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from posreturns.cli.language import till_language

    monkeypatch.chdir(demo_till.data_dir.parent)  # `--data-dir var/till`: sqlite3 wants an absolute file URI
    relative = argparse.Namespace(data_dir=demo_till.data_dir.name, now=None, till=None)
    assert read(relative, lambda reader: (type(reader).__name__, reader.lookup.find_receipt("PA01-000102").number)) \
        == ("QuickTill", "PA01-000102")
    demo_till.settings.set("language", "fr")
    assert till_language(Path(demo_till.data_dir.name)) == "fr"
