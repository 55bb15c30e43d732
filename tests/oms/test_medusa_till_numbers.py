"""Numbers no two tills of a chain issue, against a real Medusa 2.21: second-hand codes (a variant's
barcode, which Medusa keeps unique) and return numbers (which name the held units and the second-hand
SKUs). Numbered per till database, as before claims, two tills of one store configured with one till id,
and two stores, issue the same ones: the push catches each clash as one clear exception, nothing is taken
for another till's item. With the numbers claimed in Medusa, two tills of one store, two stores and a
reinstalled till never repeat one."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from helpers.medusa import OWN_EAN_BLOCKS, events, make_order, open_store_till, request
from helpers.restock import manager
from helpers.returns import CASHIER, MANAGER, line

from posreturns.app import Till, open_restock
from posreturns.domain.resale import Grade
from posreturns.persistence.outbox_exceptions import SqlExceptionQueue
from posreturns.services.numbering import store_code
from posreturns.sync.medusa.claims import claim_sku

pytestmark = pytest.mark.oms
SKU = "SHOE-RUN-43"


def resell_one(till: Till, sync: Any, medusa: Any, till_id: str, key: str) -> tuple[str, Any]:
    """A return of a defective unit at `till`, graded for second hand: (return number, resale item)."""
    sale = make_order(medusa, [(SKU, 1)])
    assert sync.run_once().online
    answer = till.returns.complete(request(str(sale["display_id"]), line(SKU, reason="DEFECTIVE", condition="USED"),
                                           key=key, till_id=till_id), CASHIER)
    restock = open_restock(till)
    (unit,) = [u for u in restock.queue() if u.return_number == answer["return_number"]]
    return answer["return_number"], restock.resell(manager(till), unit.id, Grade.B)


def resale_event(till: Till) -> Any:
    with till.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT seq, status, last_error FROM outbox WHERE event_type = "
                                          "'HeldUnitMoved'").one()


def medusa_returns_numbered(medusa: Any, number: str) -> list[str]:
    found = medusa.admin.get("/admin/returns", fields="id,metadata", limit=1000, order="-created_at")["returns"]
    return [r["id"] for r in found if (r.get("metadata") or {}).get("posreturns_return_number") == number]


def variants_with_barcode(medusa: Any, code: str) -> list[str]:
    return [v["sku"] for v in medusa.admin.get("/admin/product-variants", barcode=code, fields="id,sku")["variants"]]


@pytest.mark.allow_warning_logs  # the uploader logs the refusals
def test_tills_numbering_alone_repeat_numbers_and_the_push_refuses_the_clash_in_one_sentence(
        tmp_path: Path, medusa: Any) -> None:
    till_id, block = f"X{random.randrange(1000)}", str(random.randrange(4000, OWN_EAN_BLOCKS))
    tills = []
    for name, store in (("paris-a", "PARIS-01"), ("paris-b", "PARIS-01"), ("lyon", "LYON-02")):
        till, sync = open_store_till(tmp_path / name, medusa, store=store, till_id=till_id, claim=True)
        # what every till did before claims: its own counters from 1, one block of codes for all
        held_range = f"{store_code(store)}-{till_id}/0"
        till.settings.set_many({f"returns.seq.{till_id}": "0", f"returns.range.{till_id}": held_range,
                                "resale.ean_block": block, "resale.ean_seq": "0"})
        tills.append((till, sync))
    try:
        made = [resell_one(till, sync, medusa, till_id, f"alike-{n}") for n, (till, sync) in enumerate(tills)]
        (paris_a, a_item), (paris_b, b_item), (lyon, lyon_item) = made
        assert paris_a == paris_b != lyon and a_item.sku == b_item.sku      # the faults: one number, one SKU...
        assert a_item.ean13 == b_item.ean13 == lyon_item.ean13            # ...and one label code for three units
        for _till, sync in tills:
            sync.run_once()
        assert len(medusa_returns_numbered(medusa, paris_a)) == 2          # Medusa holds both returns numbered alike
        assert resale_event(tills[0][0]).status == "applied"
        same_sku, same_code = resale_event(tills[1][0]), resale_event(tills[2][0])
        assert same_sku.status == same_code.status == "rejected"
        assert same_sku.last_error.startswith(f"Medusa: unit {a_item.unit_id} was already resale by")  # not taken
        assert same_code.last_error.startswith(f"The label code {a_item.ean13} of second-hand unit "
                                               f"{lyon_item.unit_id} is already the barcode of {a_item.sku}")
        assert variants_with_barcode(medusa, a_item.ean13) == [a_item.sku]  # the first till's item, untouched

        lyon_till, lyon_sync = tills[2]                                    # the manager relabels Lyon's unit
        code = SqlExceptionQueue(lyon_till.engine).relabel(same_code.seq, MANAGER, lyon_till.clock.now(), "2")
        assert code != lyon_item.ean13 and open_restock(lyon_till).resale_items()[0].ean13 == code
        report = lyon_sync.run_once()
        assert report.upload.counts["rejected"] == 0, report.upload
        assert [e.status for e in events(lyon_till) if e.event_type == "ResaleRelabelled"] == ["applied"]
        assert variants_with_barcode(medusa, code) == [lyon_item.sku]      # on sale in Medusa with its new label
    finally:
        for till, sync in tills:
            sync.gateway.close()
            till.close()


def test_claimed_numbers_never_repeat_across_tills_stores_and_a_reinstalled_till(tmp_path: Path,
                                                                                 medusa: Any) -> None:
    till_id = f"Y{random.randrange(1000)}"
    made: dict[str, tuple[str, Any, Till]] = {}
    opened = []
    try:
        for name, store in (("paris-a", "PARIS-01"), ("paris-b", "PARIS-01"), ("lyon", "LYON-02"),
                            ("paris-a-reinstalled", "PARIS-01")):
            till, sync = open_store_till(tmp_path / name, medusa, store=store, till_id=till_id, claim=True)
            opened.append((till, sync))
            assert sync.run_once().online                                  # its first sync claims its numbers
            number, item = resell_one(till, sync, medusa, till_id, f"claimed-{name}")
            made[name] = number, item, till
            report = sync.run_once()
            assert report.upload.counts["rejected"] == 0, [e.last_error for e in events(till)]
            assert resale_event(till).status == "applied"
            if name == "paris-a":
                opened[0][0].close()                                       # the till's disk dies: reinstalled
        numbers = {name: number for name, (number, _item, _till) in made.items()}
        codes = {name: item.ean13 for name, (_number, item, _till) in made.items()}
        assert len(set(numbers.values())) == 4 and len(set(codes.values())) == 4
        seq = {name: int(number.rsplit("-", 1)[1]) for name, number in numbers.items()}
        assert seq["paris-b"] // 100_000 != seq["paris-a"] // 100_000      # one store, one till id: two ranges
        assert seq["paris-a-reinstalled"] // 100_000 not in {seq["paris-a"] // 100_000, seq["paris-b"] // 100_000}
        for name, (_number, item, _till) in made.items():
            assert variants_with_barcode(medusa, item.ean13) == [item.sku], name
        blocks = {name: int(till.settings.get("resale.ean_block") or 0) for name, (_n, _i, till) in made.items()
                  if name != "paris-a"}
        blocks["paris-a"] = int(codes["paris-a"][1:5])
        assert len(set(blocks.values())) == 4 and all(0 < b < OWN_EAN_BLOCKS for b in blocks.values())
        claim = medusa.admin.get("/admin/inventory-items", sku=claim_sku("ean", f"{blocks['lyon']:04d}"),
                                 fields="id,sku,metadata")["inventory_items"]
        assert [(c["metadata"]["posreturns_store"], c["metadata"]["posreturns_till"]) for c in claim] == [
            ("LYON-02", till_id)]
    finally:
        for till, sync in opened:
            sync.gateway.close()
            till.close()
