"""Numbers no two tills of a chain issue (sync/numbers.py) over real till databases and a registry of
claims kept in memory as Medusa keeps its inventory items (first come, first served): which block of
second-hand codes and which range of return numbers each till database holds, and the codes it issues
(persistence/restock_resale.py). Against the real Medusa: tests/oms/test_medusa_till_numbers.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.restock import held_shop, manager

from posreturns.app import Till, open_till
from posreturns.domain.resale import Grade, till_ean13
from posreturns.persistence.till_numbers import SqlTillNumbers
from posreturns.services.errors import BadInput
from posreturns.services.sync_ports import ClaimHolder, OmsUnavailable
from posreturns.sync.numbers import EAN, RETURNS, NumberClaims

UNIT1, UNIT2 = "UPARIS01-T1-000001-1", "UPARIS01-T1-000001-2"


class Registry:
    """The OMS's claims: a name is held by whoever claimed it first."""

    name = "registry"

    def __init__(self) -> None:
        self.held: dict[tuple[str, str], ClaimHolder] = {}
        self.down = False

    def claimed(self, kind: str) -> dict[str, str]:
        if self.down:
            raise OmsUnavailable("down")
        return {name: holder.install_id for (k, name), holder in self.held.items() if k == kind}

    def claim(self, kind: str, name: str, holder: ClaimHolder) -> ClaimHolder:
        if self.down:
            raise OmsUnavailable("down")
        return self.held.setdefault((kind, name), holder)


def claims(till: Till) -> NumberClaims:
    return NumberClaims(SqlTillNumbers(till.engine, till.install_id, till.till_id))


def stored(till: Till, key: str) -> str | None:
    """A setting as the database holds it now (the till's settings are read again every few seconds)."""
    with till.engine.connect() as connection:
        value = connection.exec_driver_sql("SELECT value FROM settings WHERE key = ?", (key,)).scalar()
    return None if value is None else str(value)


def opened(folder: Path, store: str = "PARIS-01", till_id: str = "T1") -> Till:
    till = open_till(folder, till_id=till_id)
    till.settings.set_many({"store.id": store, "till.id": till_id})
    return till


def test_each_till_database_claims_its_own_block_and_range(tmp_path: Path) -> None:
    registry = Registry()
    first, twin, lyon = opened(tmp_path / "a"), opened(tmp_path / "b"), opened(tmp_path / "c", "LYON-02")
    try:
        assert claims(first).ensure(registry) == ["second-hand codes: block 1", "return numbers of till T1: range 0"]
        assert claims(twin).ensure(registry) == ["second-hand codes: block 2", "return numbers of till T1: range 1"]
        assert claims(lyon).ensure(registry) == ["second-hand codes: block 3", "return numbers of till T1: range 0"]
        assert (stored(twin, "returns.seq.T1"), stored(twin, "returns.range.T1")) == ("99999", "PARIS01-T1/1")
        assert stored(first, "returns.seq.T1") == "0"           # the first database numbers as before
        assert set(registry.held) == {(EAN, "0001"), (EAN, "0002"), (EAN, "0003"), (RETURNS, "PARIS01-T1-0"),
                                      (RETURNS, "PARIS01-T1-1"), (RETURNS, "LYON02-T1-0")}
        assert claims(first).ensure(registry) == []                    # held: nothing more to claim
    finally:
        for till in (first, twin, lyon):
            till.close()


def test_a_claim_whose_answer_was_lost_is_ours_and_an_oms_down_changes_nothing(tmp_path: Path) -> None:
    registry, till = Registry(), opened(tmp_path / "a")
    try:
        registry.held[(EAN, "0001")] = ClaimHolder("another-till", "PARIS-01", "T2")
        registry.held[(EAN, "0002")] = ClaimHolder(till.install_id(), "PARIS-01", "T1")  # its answer was lost
        registry.held[(RETURNS, "PARIS01-T1-0")] = ClaimHolder(till.install_id(), "PARIS-01", "T1")
        registry.down = True
        with pytest.raises(OmsUnavailable):
            claims(till).ensure(registry)
        assert stored(till, "resale.ean_block") is None and stored(till, "returns.range.T1") is None
        registry.down = False
        assert claims(till).ensure(registry) == ["second-hand codes: block 2", "return numbers of till T1: range 0"]
        assert len(registry.held) == 3
    finally:
        till.close()


def test_a_till_moved_to_another_store_claims_a_range_there_and_one_without_a_store_waits(tmp_path: Path) -> None:
    registry, till = Registry(), opened(tmp_path / "a", store="")
    try:
        assert claims(till).ensure(registry) == ["second-hand codes: block 1"]   # its numbers need its store
        till.settings.set("store.id", "LYON-02")
        assert claims(till).ensure(registry) == ["return numbers of till T1: range 0"]
        till.settings.set("store.id", "PARIS-01")
        registry.held[(RETURNS, "PARIS01-T1-0")] = ClaimHolder("another-till", "PARIS-01", "T1")
        assert claims(till).ensure(registry) == ["return numbers of till T1: range 1"]
        assert stored(till, "returns.range.T1") == "PARIS01-T1/1"
    finally:
        till.close()


def test_a_range_nearly_used_and_a_full_block_claim_the_next(tmp_path: Path) -> None:
    registry, till = Registry(), opened(tmp_path / "a")
    try:
        claims(till).ensure(registry)
        till.settings.set_many({"returns.seq.T1": "90000", "resale.ean_seq": "90000"})
        assert claims(till).ensure(registry) == ["second-hand codes: block 2", "return numbers of till T1: range 1"]
        assert stored(till, "returns.seq.T1") == "99999" and stored(till, "resale.ean_seq") == "0"
    finally:
        till.close()


def test_second_hand_codes_come_from_the_till_block_past_any_code_of_it_already_known(tmp_path: Path) -> None:
    till, restock = held_shop(tmp_path / "shop")
    try:
        till.settings.set("oms.url", "https://oms.example.com")
        with pytest.raises(BadInput, match="no block of second-hand codes"):
            restock.resell(manager(till), UNIT1, Grade.B)            # could repeat another till's labels
        till.settings.set("resale.ean_block", "42")
        known = till_ean13("2", 42, 7)                               # the OMS has it: a restored backup
        with till.engine.connect() as connection, connection.begin():
            connection.exec_driver_sql("INSERT INTO barcodes (code, sku) VALUES (?, 'TSH-NVY-M')", ("0" + known,))
        assert restock.resell(manager(till), UNIT1, Grade.B).ean13 == till_ean13("2", 42, 8)
        assert restock.resell(manager(till), UNIT2, Grade.C).ean13 == till_ean13("2", 42, 9)
    finally:
        till.close()


def test_a_till_without_an_oms_numbers_its_codes_as_before(tmp_path: Path) -> None:
    till, restock = held_shop(tmp_path / "shop")
    try:
        assert restock.resell(manager(till), UNIT1, Grade.B).ean13 == "2000000000015"   # block 0: never claimed
    finally:
        till.close()
