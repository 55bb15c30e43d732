"""What keeps a big import's memory small changes nothing it accepts or refuses: the writer lets go of
a file the second process parses and reads it again for its error, ids are told apart by their
hashes, a first load gives its page cache back, and amounts of the usual shape read on a fast path
are the general reader's."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DEMO_DAY
from hypothesis import given, settings
from hypothesis import strategies as st

from posreturns.app import Till
from posreturns.demo.store import demo_document
from posreturns.services import canonical_parallel, canonical_stream
from posreturns.services.canonical import FastParser, _DocumentParser
from posreturns.services.canonical_fast import FastReader, Unsure
from posreturns.services.errors import ImportRejected
from posreturns.services.importing import import_bytes, import_file, read_import

SALES = {**demo_document(DEMO_DAY), "returns": []}  # no prior returns: its orders are streamed


@pytest.fixture
def aside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(canonical_parallel, "PARALLEL_FROM", 1)  # the demo's ten orders to a second process


def _count(till: Till, table: str) -> int:
    with till.engine.connect() as connection:
        return int(connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())


def test_the_writer_keeps_no_copy_of_a_file_the_second_process_parses(tmp_path: Path, aside: None) -> None:
    file = tmp_path / "sales.json"
    file.write_text(json.dumps(SALES))
    stream = read_import(file).orders
    assert isinstance(stream, canonical_stream.OrderStream)
    assert sum(len(chunk) for chunk in stream.chunks()) == len(stream) == 10
    assert (stream.raw, stream.orders) == (b"", [])
    assert len(stream.whole().orders) == 10  # read again from disk
    file.unlink()
    with pytest.raises(ImportRejected, match="cannot be read"):
        stream.whole()


def test_a_bad_file_handed_over_is_read_again_for_its_sentence(till: Till, tmp_path: Path, aside: None) -> None:
    document = json.loads(json.dumps(SALES))
    document["orders"][7]["tenders"][0]["amount"] = "0.01"
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(document))
    with pytest.raises(ImportRejected) as raised:
        import_file(file, till.cache_writer)
    assert (raised.value.path, "they must be equal" in raised.value.reason) == ("$.orders[7].tenders", True)
    assert _count(till, "orders") == 0


def test_ids_of_one_hash_only_send_the_file_to_the_whole_read(till: Till, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(canonical_stream, "hash", lambda text: 7, raising=False)  # every id collides
    reads: list[int] = []
    whole = canonical_stream.OrderStream.whole

    def counted(stream: canonical_stream.OrderStream) -> object:
        reads.append(1)
        return whole(stream)

    monkeypatch.setattr(canonical_stream.OrderStream, "whole", counted)
    assert import_bytes(json.dumps(SALES).encode(), "sales.json", till.cache_writer)["orders"] == 10
    assert reads == [1]
    assert _count(till, "order_lines") == sum(len(order["lines"]) for order in SALES["orders"])


def _cache_sizes(till: Till) -> Iterator[int]:
    connections = [till.engine.raw_connection() for _ in range(3)]
    try:
        for connection in connections:
            yield connection.driver_connection.execute("PRAGMA cache_size").fetchone()[0]
    finally:
        for connection in connections:
            connection.close()


def test_a_first_load_gives_its_page_cache_back(till: Till) -> None:
    before = list(_cache_sizes(till))
    import_bytes(json.dumps(SALES).encode(), "sales.json", till.cache_writer)
    assert list(_cache_sizes(till)) == before == [before[0]] * 3
    assert before[0] != -8192


AMOUNTS = st.one_of(st.from_regex(r"-?[0-9]{0,16}(\.[0-9]{0,4})?", fullmatch=True),
                    st.from_regex(r"[0-9]{1,14}\.[0-9]{2}", fullmatch=True), st.text(max_size=20))


@settings(max_examples=400, deadline=None)
@given(text=AMOUNTS, currency=st.sampled_from(["EUR", "JPY", "KWD", "XXX"]))
def test_an_amount_reads_as_the_general_reader_reads_it(text: str, currency: str) -> None:
    general = _DocumentParser("x")
    try:
        expected: int | None = general.amount({"v": text}, "v", "$", currency)
    except ImportRejected:
        expected = None
    fast = FastReader(FastParser("x"))
    for _ in range(2):  # read, then remembered
        try:
            got: int | None = fast.amount(text, currency)
        except Unsure:
            got = None
        assert got == expected
