"""Parsing policy files: defaults, overrides, and errors that name the wrong key."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from posreturns.domain.decision import DecisionStatus
from posreturns.domain.errors import PolicyError
from posreturns.domain.money import Money
from posreturns.domain.orders import TenderMethod
from posreturns.domain.policy.toml import default_policy, parse_policy
from posreturns.domain.returns import Disposition, RefundMethod

SHIPPED = Path(__file__).parents[4] / "posreturns" / "resources" / "policy" / "default.toml"


def test_the_shipped_default_file_says_exactly_the_built_in_defaults() -> None:
    shipped = parse_policy(SHIPPED.read_bytes())
    assert shipped.version == "2026-11"
    assert shipped == dataclasses.replace(default_policy(), version="2026-11")


def test_a_policy_needs_only_a_version_and_gets_the_documented_defaults() -> None:
    policy = parse_policy('version = "v1"')
    assert policy.window.days == 30 and policy.window.outside is DecisionStatus.REFUSED
    assert policy.sale_items.methods == {RefundMethod.STORE_CREDIT, RefundMethod.EXCHANGE}
    assert policy.receiptless.approval_above == Money.parse("50.00", "EUR")
    assert policy.approval.refund_above == Money.parse("500.00", "EUR")
    assert policy.offline.till_day_above == Money.parse("1000.00", "EUR")
    assert policy.tender_order == (
        TenderMethod.GIFT_CARD,
        TenderMethod.STORE_CREDIT,
        TenderMethod.CARD,
        TenderMethod.CASH,
    )
    assert policy.default_disposition is Disposition.INSPECT
    assert not policy.incentive.enabled


def test_tables_merge_over_the_defaults_and_arrays_replace_them() -> None:
    policy = parse_policy("""
        version = "v2"
        currency = "CHF"
        [window]
        days = 14
        categories = { electronics = 15 }
        channels = { web = 45 }
        extensions = [{ name = "xmas", sold_from = 2026-11-15, sold_to = 2026-12-24, until = 2027-01-31 }]
        [[fees]]
        name = "bulky"
        categories = ["furniture"]
        percent = "7.5"
        [[dispositions]]
        name = "all-back"
        disposition = "RESTOCK"
    """)
    assert policy.window.days == 14 and policy.window.outside is DecisionStatus.REFUSED
    assert policy.window.categories == {"electronics": 15} and policy.window.channels == {"web": 45}
    assert policy.window.extensions[0].until == date(2027, 1, 31)
    assert [f.name for f in policy.fees] == ["bulky"] and policy.fees[0].percent == Decimal("7.5")
    assert [d.name for d in policy.dispositions] == ["all-back"]
    assert policy.approval.refund_above == Money.parse("500.00", "CHF")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[window]\ndayz = 3", "window.dayz"),
        ("[window]\ndays = -1", "window.days"),
        ('[window]\ndays = "30"', "window.days"),
        ('[window]\noutside = "maybe"', "window.outside"),
        ("[window.channels]\nphone = 3", "window.channels.phone"),
        ("[receiptless]\napproval_above = 50.5", "receiptless.approval_above"),
        ('[receiptless]\napproval_above = "50.555"', "receiptless.approval_above"),
        ('[receiptless]\nmethods = ["cash"]', "receiptless.methods"),
        ("[receiptless]\nlowest_price_days = -1", "receiptless.lowest_price_days"),
        ('[refusals]\nrules = ["windw"]', "refusals.rules"),
        ('[refusals]\npaths = ["forgive"]', "refusals.paths"),
        ("[sale_items]\nmin_discount_percent = 130", "sale_items.min_discount_percent"),
        ('[tenders]\norder = ["card", "cash"]', "tenders.order"),
        ('[[dispositions]]\nname = "x"\ndisposition = "BURN"', "dispositions[0].disposition"),
        ('[[dispositions]]\nname = "x"\ndisposition = "SCRAP"\nalerts = ["nope"]', "dispositions[0].alerts"),
        ('[[fees]]\nname = "x"\npercent = 5\nconditions = ["SHINY"]', "fees[0].conditions"),
        ('[cash_rounding]\nCHF = { step = "0.005", mode = "nearest" }', "cash_rounding.CHF.step"),
        ('[cash_rounding]\nCHF = { step = "0.05", mode = "up" }', "cash_rounding.CHF.mode"),
        ('[incentive]\nmethods = ["original"]', "incentive.methods"),
        ("colour = 3", "colour"),
        ('currency = "euro"', "currency"),
    ],
)
def test_errors_name_the_key_that_is_wrong(text: str, key: str) -> None:
    with pytest.raises(PolicyError, match=f"'{key.replace('[', '.').replace(']', '.')}'"):
        parse_policy(f'version = "v"\n{text}')


def test_missing_version_and_broken_toml_are_refused_clearly() -> None:
    with pytest.raises(PolicyError, match="'version' is missing"):
        parse_policy("[window]\ndays = 3")
    with pytest.raises(PolicyError, match="not valid TOML"):
        parse_policy('version = "v"\n[window\n')
    with pytest.raises(PolicyError, match="not valid TOML"):
        parse_policy(b"\xff\xfe")
