"""The import's fast paths (compiled structs, orders streamed chunk by chunk, the first load into
empty tables with their indexes built after) accept exactly the files the field-by-field reader
accepts, build the same records and rows, and refuse bad files with the same sentence, changing
nothing."""

from __future__ import annotations

import copy
import itertools
import json
import uuid
from pathlib import Path
from typing import Any

import orjson
import pytest
from conftest import DEMO_DAY, dump
from integration.test_import import BAD

from bench.import_file import import_document
from posreturns.app import Till, open_till
from posreturns.demo.store import demo_document
from posreturns.services import canonical_fast, canonical_stream
from posreturns.services.canonical import FIELDS, FastParser, _DocumentParser, load_document
from posreturns.services.errors import ImportRejected
from posreturns.services.importing import import_bytes
from posreturns.services.input_checks import has_card_number


def _sales_only(document: dict[str, Any]) -> dict[str, Any]:
    """The demo without its prior returns: the files whose orders are streamed."""
    return {**document, "returns": []}


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(canonical_stream, "CHUNK", 2)  # the demo's ten orders in five chunks


def _sales(till: Till) -> list[str]:
    return sorted(row for row in dump(till) if row.startswith(('INSERT INTO "orders"', 'INSERT INTO "order_lines"',
                                                                'INSERT INTO "tenders"')))


def _indexes(till: Till) -> list[tuple[str, str]]:
    with till.engine.connect() as connection:
        return sorted(connection.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index'").all())


def test_the_structs_know_exactly_the_fields_of_the_format() -> None:
    structs = {"document": canonical_fast.Document, "product": canonical_fast.Product,
               "customer": canonical_fast.Customer, "order": canonical_fast.Order, "line": canonical_fast.Line,
               "tender": canonical_fast.Tender, "stock": canonical_fast.Stock}
    assert {name: frozenset(struct.__struct_fields__) for name, struct in structs.items()} == \
        {name: FIELDS[name] for name in structs}


@pytest.mark.parametrize("document", [demo_document(DEMO_DAY), import_document(300, skus=50)], ids=["demo", "bench"])
def test_both_readers_build_the_same_records(document: dict[str, Any]) -> None:
    raw = json.dumps(document).encode()
    assert load_document(raw, "x") == _DocumentParser("x").parse(orjson.loads(raw))


def test_the_fast_reader_hands_over_what_it_is_not_sure_of(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blank serial, a phone number of 13 digits: valid, but the fast path checks them one by one
    or leaves them to the field-by-field reader; the records are the same."""
    document = demo_document(DEMO_DAY)
    document["orders"][0]["lines"][0]["serials"] = [" "]
    document["customers"][0]["phone"] = "+33 6 12 34 56 78 90"
    raw = json.dumps(document).encode()
    assert load_document(raw, "x") == _DocumentParser("x").parse(orjson.loads(raw))


def test_each_demo_document_is_a_copy_its_caller_may_edit() -> None:
    """The fast reader's test above edits a demo customer: the demo of the next test is untouched."""
    edited = demo_document(DEMO_DAY)
    for records in edited.values():
        for record in records if isinstance(records, list) else []:
            record["id" if "id" in record else "sku"] = "EDITED"
    assert "EDITED" not in json.dumps(demo_document(DEMO_DAY))


def test_a_first_load_gives_the_rows_and_indexes_of_a_load_into_a_full_cache(tmp_path: Path,
                                                                             small_chunks: None) -> None:
    document = _sales_only(demo_document(DEMO_DAY))
    assert isinstance(canonical_stream.stream_document(json.dumps(document).encode(), "x").orders,
                      canonical_stream.OrderStream)
    assert isinstance(canonical_stream.stream_document(json.dumps(demo_document(DEMO_DAY)).encode(), "x").orders,
                      list)  # prior returns need every order: read whole
    first, second = open_till(tmp_path / "first"), open_till(tmp_path / "second")
    try:
        indexes = _indexes(first)
        import_bytes(json.dumps({**document, "orders": document["orders"][:1]}).encode(), "one.json",
                     second.cache_writer)
        for till in (first, second):
            assert import_bytes(json.dumps(document).encode(), "all.json", till.cache_writer)["orders"] == 10
        assert _indexes(first) == _indexes(second) == indexes
        assert _sales(first) == _sales(second)
        assert len(_sales(first)) == sum(1 + len(order["lines"]) + len(order["tenders"])
                                         for order in document["orders"])
    finally:
        first.close()
        second.close()


@pytest.mark.parametrize("case", sorted(case for case, (_, path, _) in BAD.items() if not path.startswith("$.returns")))
def test_a_bad_streamed_file_is_refused_as_the_whole_file_would_be(till: Till, small_chunks: None, case: str) -> None:
    """Into an empty cache (the first load: indexes dropped, rows streamed), the same error, and the
    tables and their indexes as they were."""
    mutate, path, reason = BAD[case]
    document = _sales_only(copy.deepcopy(demo_document(DEMO_DAY)))
    mutate(document)
    before, indexes = dump(till), _indexes(till)
    with pytest.raises(ImportRejected) as raised:
        import_bytes(json.dumps(document).encode(), "test.json", till.cache_writer)
    assert (raised.value.path, reason in raised.value.reason) == (path, True)
    assert dump(till) == before
    assert _indexes(till) == indexes


def test_an_order_id_twice_in_different_chunks_is_refused(till: Till, small_chunks: None) -> None:
    document = _sales_only(demo_document(DEMO_DAY))
    document["orders"][9]["id"] = document["orders"][0]["id"]
    with pytest.raises(ImportRejected, match="appears twice") as raised:
        import_bytes(json.dumps(document).encode(), "test.json", till.cache_writer)
    assert raised.value.path == "$.orders[9].id"
    with till.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM orders").scalar() == 0


def _uuids_that_look_like_card_numbers(count: int) -> list[str]:
    """UUIDs whose digit groups pass the Luhn check as a card number (one in ~1,400 does)."""
    made = (str(uuid.uuid5(uuid.NAMESPACE_URL, f"posreturns/{n}")) for n in itertools.count())
    return list(itertools.islice((text for text in made if has_card_number(text)), count))


def test_machine_made_fields_are_not_searched_for_card_numbers_on_the_fast_path(
        till: Till, small_chunks: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """A chain's file with UUID ids and phones' serials is read by the fast path, as the field-by-field
    reader reads it (ids, serials: `input_checks.machine_made`); a reference people type is searched."""
    order_id, line_id, customer_id, product_id = _uuids_that_look_like_card_numbers(4)
    document = _sales_only(demo_document(DEMO_DAY))
    old_customer = document["customers"][0]["id"]
    document["customers"][0]["id"] = customer_id
    for order in document["orders"]:
        if order["customer_id"] == old_customer:
            order["customer_id"] = customer_id
    document["products"][0]["product_id"] = product_id
    order = document["orders"][0]
    order["id"], order["lines"][0]["id"] = order_id, line_id
    order["lines"][0]["serials"] = ["4111111111111111"]  # the shape of a card number, made by a machine
    raw = json.dumps(document).encode()
    assert FastParser("x").parse(raw) == _DocumentParser("x").parse(orjson.loads(raw))  # no `Unsure`

    def read_whole(stream: canonical_stream.OrderStream) -> None:
        raise AssertionError("the streamed orders were read again by the field-by-field reader")

    monkeypatch.setattr(canonical_stream.OrderStream, "whole", read_whole)
    assert import_bytes(raw, "chain.json", till.cache_writer)["orders"] == 10
    monkeypatch.undo()
    order["tenders"][0]["reference"] = order_id  # typed by a person: searched
    raw = json.dumps(document).encode()
    with pytest.raises(canonical_fast.Unsure):
        FastParser("x").parse(raw)
    with pytest.raises(ImportRejected) as raised:
        import_bytes(raw, "chain.json", till.cache_writer)
    assert (raised.value.path, "card number" in raised.value.reason) == ("$.orders[0].tenders[0].reference", True)
