"""The published JSON Schema and our validator agree: the schema is an independent oracle."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import DEMO_DAY

from posreturns.demo.store import demo_document
from posreturns.services.canonical import load_document
from posreturns.services.errors import ImportRejected

SCHEMA = json.loads((Path(__file__).parents[3] / "docs" / "data-format.schema.json").read_text())


def test_the_schema_itself_is_valid_and_accepts_the_demo() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    document = demo_document(DEMO_DAY)
    jsonschema.validate(document, SCHEMA)
    load_document(json.dumps(document), "demo")


def test_what_another_till_recorded_of_its_return_is_accepted_by_both() -> None:
    document: Any = copy.deepcopy(demo_document(DEMO_DAY))
    ret = document["returns"][0]
    ret.update(cashier="carol", approved_by="mgr1", decision="needs_approval", refund_method="store_credit",
               bonus="1.00", paid=[{"method": "store_credit", "amount": ret["lines"][0]["amount"]}])
    ret["lines"][0].update(reason="DEFECTIVE", disposition="INSPECT")
    jsonschema.validate(document, SCHEMA)
    till = load_document(json.dumps(document), "demo").returns[0].till_record
    assert till is not None and (till.cashier, till.refund_method, till.bonus_minor) == ("carol", "store_credit", 100)


SHAPE_ERRORS = {
    "qty as text": lambda d: d["orders"][0]["lines"][0].update(qty="2"),
    "qty zero": lambda d: d["orders"][0]["lines"][0].update(qty=0),
    "amount as number": lambda d: d["orders"][0]["tenders"][0].update(amount=148.8),
    "unknown tender method": lambda d: d["orders"][0]["tenders"][0].update(method="cheque"),
    "missing order number": lambda d: d["orders"][0].pop("number"),
    "empty lines": lambda d: d["orders"][0].update(lines=[]),
    "store sale without store": lambda d: d["orders"][0].update(store_id=None),
    "negative stock": lambda d: d["stock"][0].update(sellable=-1),
    "currency lower case": lambda d: d["stores"][0].update(currency="eur"),
    "boolean as text": lambda d: d["products"][0].update(final_sale="no"),
    "rate as number": lambda d: d["products"][0].update(tax_rate=20),
    "unknown field": lambda d: d["orders"][0].update(colour="red"),
    "unknown field in a return line": lambda d: d["returns"][0]["lines"][0].update(condition="x"),
    "unknown refund method of another till": lambda d: d["returns"][0].update(refund_method="cheque"),
    "paid without an amount": lambda d: d["returns"][0].update(paid=[{"method": "cash"}]),
    "quantity out of range": lambda d: d["orders"][0]["lines"][0].update(qty=10**7),
    "rate with too many decimals": lambda d: d["products"][0].update(tax_rate="5.1234567"),
}


@pytest.mark.parametrize("case", sorted(SHAPE_ERRORS))
def test_shape_errors_are_refused_by_both_the_schema_and_the_importer(case: str) -> None:
    document: Any = copy.deepcopy(demo_document(DEMO_DAY))
    SHAPE_ERRORS[case](document)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, SCHEMA)
    with pytest.raises(ImportRejected):
        load_document(json.dumps(document), "case.json")
