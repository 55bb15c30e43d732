"""The harness works, and the Admin API calls the Medusa connector relies on, run against a real Medusa.

These tests are executable documentation: each one shows the exact request (path, query, body) and the
fields of the answer that the connector reads. oms/README.md summarises them. Money in Medusa's JSON
is in major units (``25`` = EUR 25.00) as floats, with an exact decimal string under ``raw_*.value``.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import pytest
import requests
from helpers.medusa import ensure_stock

MedusaOms = Any  # conftest.MedusaOms: base_url, api_key, seed, state, admin, location_id(), variant(), ...

# The first test also pays for the session fixture: PostgreSQL, db:migrate, build, start and seed.
pytestmark = [pytest.mark.oms, pytest.mark.timeout(900)]


def _error(resp: requests.Response) -> tuple[int, str]:
    body = resp.json()
    return resp.status_code, str(body.get("message", body))


# ---------------------------------------------------------------------------------------------- harness


def test_state_file_describes_the_running_servers(medusa: MedusaOms, oms_harness: Any) -> None:
    harness = oms_harness
    state = medusa.state
    assert state["medusa"]["base_url"] == f"http://127.0.0.1:{state['medusa']['port']}"
    assert harness.pid_alive(state["medusa"]["pid"]) and harness.pid_alive(state["postgres"]["pid"])
    assert state["postgres"]["host"] == "127.0.0.1"
    on_disk = harness.load_state(harness.Settings(var_dir=state["var_dir"]))
    assert on_disk["api_key"] == medusa.api_key and on_disk["seed"] == medusa.seed
    assert requests.get(f"{medusa.base_url}/health", timeout=5).status_code == 200


def test_secret_api_key_is_http_basic_auth(medusa: MedusaOms) -> None:
    url = f"{medusa.base_url}/admin/orders"
    assert requests.get(url, timeout=10).status_code == 401
    assert requests.get(url, auth=(medusa.api_key, "wrong"), timeout=10).status_code == 401  # password: empty
    assert (
        requests.get(url, headers={"Authorization": f"Bearer {medusa.api_key}"}, timeout=10).status_code
        == 401
    )
    assert (
        requests.get(url, auth=(medusa.api_key, ""), params={"fields": "id"}, timeout=10).status_code == 200
    )
    assert medusa.api_key.startswith("sk_")
    keys = medusa.admin.get("/admin/api-keys", type="secret", fields="id,title,type,revoked_at")["api_keys"]
    assert {"title": "posreturns-connector", "type": "secret", "revoked_at": None}.items() <= {
        k: v for k, v in next(k for k in keys if k["id"] == medusa.state["api_key_id"]).items()
    }.items()


def test_seeding_again_creates_nothing_new(medusa: MedusaOms, oms_harness: Any) -> None:
    harness = oms_harness
    admin = medusa.admin
    counts = {
        path: admin.get(path, limit=1, fields="id")["count"]
        for path in (
            "/admin/orders",
            "/admin/products",
            "/admin/product-variants",
            "/admin/stock-locations",
            "/admin/customers",
            "/admin/return-reasons",
            "/admin/shipping-options",
            "/admin/promotions",
            "/admin/sales-channels",
            "/admin/regions",
            "/admin/refund-reasons",
        )
    }
    again = harness.Seeder(admin).run()
    assert again["orders"].keys() == medusa.seed["orders"].keys()
    assert {k: v["id"] for k, v in again["orders"].items()} == {
        k: v["id"] for k, v in medusa.seed["orders"].items()
    }
    assert again["variants"] == medusa.seed["variants"]
    assert counts == {path: admin.get(path, limit=1, fields="id")["count"] for path in counts}


# ---------------------------------------------------------------------------------------------- catalogue


def test_variants_are_found_by_sku_barcode_ean_upc_or_free_text(medusa: MedusaOms) -> None:
    tee = medusa.variant("TEE-ORG-S")
    fields = "id,sku,barcode,ean,upc,title,product.title,product.handle,*inventory_items,*prices,*options"
    for param, value in (
        ("sku", "TEE-ORG-S"),
        ("barcode", tee["barcode"]),
        ("ean", tee["ean"]),
        ("upc", tee["upc"]),
        ("q", tee["upc"]),
        ("q", "TEE-ORG-S"),
    ):
        found = medusa.admin.get("/admin/product-variants", **{param: value}, fields=fields)["variants"]
        assert [v["id"] for v in found] == [tee["id"]], (param, value)
    variant = found[0]
    assert (variant["sku"], variant["ean"], variant["upc"]) == ("TEE-ORG-S", tee["ean"], tee["upc"])
    assert len(variant["ean"]) == 13 and len(variant["upc"]) == 12
    assert variant["product"]["title"] == "Organic cotton T-shirt"
    assert variant["inventory_items"][0]["inventory_item_id"] == tee["inventory_item_id"]
    assert [(p["currency_code"], p["amount"]) for p in variant["prices"]] == [("eur", 25)]
    assert variant["options"][0]["value"] == "S"
    # Delta pull of the catalogue: updated_at filters work on variants and products.
    all_rows = medusa.admin.get(
        "/admin/product-variants", limit=100, fields="id,sku,updated_at", order="updated_at"
    )["variants"]
    # the seeded six (tests that ran before may have made second-hand items: SH-… SKUs)
    assert len([r for r in all_rows if r["sku"] in medusa.seed["variants"]]) == 6
    newer = medusa.admin.get(
        "/admin/product-variants", **{"updated_at[$gt]": all_rows[0]["updated_at"]}, fields="id"
    )["variants"]
    assert all_rows[0]["id"] not in {v["id"] for v in newer}


def test_stock_locations_are_the_stores(medusa: MedusaOms) -> None:
    rows = medusa.admin.get(
        "/admin/stock-locations", fields="id,name,metadata,*address,*sales_channels", name="PARIS-01"
    )["stock_locations"]
    assert [r["id"] for r in rows] == [medusa.location_id("PARIS-01")]
    paris = rows[0]
    assert paris["metadata"] == {"store_code": "PARIS-01"}
    assert (paris["address"]["city"], paris["address"]["country_code"]) == ("Paris", "fr")
    assert medusa.seed["sales_channel_id"] in {s["id"] for s in paris["sales_channels"]}


def test_inventory_levels_per_location(medusa: MedusaOms) -> None:
    item_id = medusa.variant("TEE-ORG-L")["inventory_item_id"]  # no seeded order touches size L
    paris, lyon = medusa.location_id("PARIS-01"), medusa.location_id("LYON-02")
    levels = medusa.admin.get(f"/admin/inventory-items/{item_id}/location-levels")["inventory_levels"]
    by_location = {lvl["location_id"]: lvl for lvl in levels}
    assert set(by_location) == {paris, lyon}  # its quantities: the session's other tests change them
    assert {
        "stocked_quantity",
        "reserved_quantity",
        "incoming_quantity",
        "available_quantity",
        "updated_at",
        "inventory_item_id",
        "location_id",
    } <= set(by_location[paris])
    # The same through the inventory item list, filtered on one store:
    items = medusa.admin.get(
        "/admin/inventory-items",
        sku="TEE-ORG-L",
        **{"location_levels[location_id]": lyon},
        fields="id,sku,stocked_quantity,reserved_quantity,*location_levels",
    )["inventory_items"]
    assert [i["id"] for i in items] == [item_id]
    assert items[0]["stocked_quantity"] == sum(lvl["stocked_quantity"] for lvl in levels)
    # No delta feed for stock: inventory items and levels refuse an updated_at filter.
    resp = medusa.admin.raw(
        "GET", "/admin/inventory-items", params={"updated_at[$gt]": "2020-01-01T00:00:00Z"}
    )
    assert _error(resp) == (400, "Invalid request: Unrecognized fields: 'updated_at'")
    # Stock is set as an absolute value, never as a delta; a negative value is refused.
    url = f"/admin/inventory-items/{item_id}/location-levels/{lyon}"
    assert medusa.admin.post(url, {"stocked_quantity": 7})["inventory_item"]["id"] == item_id
    assert medusa.stock("TEE-ORG-L", "LYON-02")["stocked_quantity"] == 7
    assert medusa.admin.raw("POST", url, json={"stocked_quantity": -1}).status_code == 400
    medusa.admin.post(url, {"stocked_quantity": 5})


def test_customers_by_name_email_or_phone(medusa: MedusaOms) -> None:
    fields = "id,email,first_name,last_name,phone,updated_at"
    for params in ({"q": "camille"}, {"q": "612345"}, {"email": "camille.martin@example.com"}):
        rows = medusa.admin.get("/admin/customers", fields=fields, **params)["customers"]
        assert [r["id"] for r in rows] == [medusa.seed["customer_id"]], params
    assert rows[0] | {"id": "", "updated_at": ""} == {
        "id": "",
        "updated_at": "",
        "email": "camille.martin@example.com",
        "first_name": "Camille",
        "last_name": "Martin",
        "phone": "+33612345678",
    }


def test_return_reasons_carry_our_codes(medusa: MedusaOms) -> None:
    rows = medusa.admin.get("/admin/return-reasons", fields="id,value,label,description", limit=100)[
        "return_reasons"
    ]
    assert {r["value"]: r["id"] for r in rows} == medusa.seed["return_reasons"]
    assert set(medusa.seed["return_reasons"]) == {
        "wrong_size",
        "changed_mind",
        "defective",
        "damaged_in_transit",
        "not_as_described",
        "late_delivery",
        "wrong_item",
        "other",
    }
    refund_reasons = medusa.admin.get("/admin/refund-reasons", fields="id,code,label")["refund_reasons"]
    assert "return" in {r["code"] for r in refund_reasons}


# ---------------------------------------------------------------------------------------------- orders

ORDER_FIELDS = (
    "id,display_id,status,created_at,updated_at,currency_code,email,customer_id,metadata,total,"
    "subtotal,discount_total,payment_status,fulfillment_status,*items,items.detail.*,*items.adjustments,"
    "*fulfillments,*fulfillments.items,*payment_collections,*payment_collections.payments,"
    "*payment_collections.payments.refunds,*customer,*summary"
)


def test_seeded_orders_are_paid_and_fulfilled_from_the_store(medusa: MedusaOms) -> None:
    order = medusa.admin.get(
        f"/admin/orders/{medusa.order('two_lines_discount')['id']}", fields=ORDER_FIELDS
    )["order"]
    assert (order["status"], order["payment_status"], order["fulfillment_status"]) == (
        "pending",
        "captured",
        "fulfilled",
    )
    assert order["customer"]["email"] == "camille.martin@example.com"
    assert len(order["items"]) == 2 and Decimal(str(order["discount_total"])) == Decimal("11.49")
    line = next(i for i in order["items"] if i["variant_sku"] == "TEE-ORG-M")
    assert (line["unit_price"], line["quantity"], line["discount_total"], line["total"]) == (25, 1, 2.5, 22.5)
    assert line["raw_unit_price"] == {"value": "25", "precision": 20}
    assert line["adjustments"][0]["code"] == "WELCOME10" and line["adjustments"][0]["amount"] == 2.5
    assert line["variant_barcode"] == medusa.variant("TEE-ORG-M")["barcode"]
    assert line["detail"]["fulfilled_quantity"] == 1 and line["detail"]["return_received_quantity"] == 0
    fulfillment = order["fulfillments"][0]
    assert fulfillment["location_id"] == medusa.location_id("PARIS-01")
    assert {i["line_item_id"] for i in fulfillment["items"]} == {i["id"] for i in order["items"]}
    payment = order["payment_collections"][0]["payments"][0]
    assert payment["id"].startswith("pay_") and payment["amount"] == order["total"] == 103.41
    assert order["summary"]["paid_total"] == 103.41 and order["summary"]["pending_difference"] == 0


def test_delta_pull_of_orders_updated_after_a_cursor(medusa: MedusaOms) -> None:
    admin = medusa.admin
    fields = "id,display_id,updated_at"
    everything = admin.get("/admin/orders", fields=fields, order="updated_at", limit=100)
    assert everything["count"] >= 4
    rows = everything["orders"]
    assert [r["updated_at"] for r in rows] == sorted(r["updated_at"] for r in rows)
    # Pagination: limit/offset, with the total in "count".
    page1 = admin.get("/admin/orders", fields=fields, order="updated_at", limit=2, offset=0)
    page2 = admin.get("/admin/orders", fields=fields, order="updated_at", limit=2, offset=2)
    assert (page1["count"], page1["limit"], page1["offset"]) == (everything["count"], 2, 0)
    assert [r["id"] for r in page1["orders"] + page2["orders"]] == [r["id"] for r in rows[:4]]
    assert (
        admin.get("/admin/orders", fields=fields, order="-updated_at", limit=1)["orders"][0]["id"]
        == rows[-1]["id"]
    )
    # The cursor: updated_at[$gt] (strict) and updated_at[$gte] (inclusive), ISO 8601 with milliseconds.
    cursor = rows[-1]["updated_at"]
    assert admin.get("/admin/orders", **{"updated_at[$gt]": cursor}, fields=fields)["count"] == 0
    assert rows[-1]["id"] in {
        r["id"] for r in admin.get("/admin/orders", **{"updated_at[$gte]": cursor}, fields=fields)["orders"]
    }
    # Any change to an order moves its updated_at past the cursor.
    target = medusa.order("single_line")["id"]
    admin.post(f"/admin/orders/{target}", {"metadata": {"touched_by": "test_delta_pull"}})
    delta = admin.get("/admin/orders", **{"updated_at[$gt]": cursor}, fields=ORDER_FIELDS, order="updated_at")
    assert [o["id"] for o in delta["orders"]] == [target]
    assert delta["orders"][0]["items"][0]["detail"]["fulfilled_quantity"] == 1
    # Filter by customer for an on-demand lookup.
    mine = admin.get("/admin/orders", customer_id=medusa.seed["customer_id"], fields=fields, limit=100)
    assert mine["count"] == everything["count"]
    by_display_id = admin.get(
        "/admin/orders", q=str(medusa.order("single_line")["display_id"]), fields=fields
    )
    assert target in {o["id"] for o in by_display_id["orders"]}


# ---------------------------------------------------------------------------------------------- returns


def _find_return_by_marker(medusa: MedusaOms, order_id: str, event_id: str) -> list[dict[str, Any]]:
    """How the connector applies each event at most once: look for its marker before acting.

    Returns cannot be filtered on metadata (400 "Unrecognized fields: 'metadata'"), so list the
    order's returns and match in the client.
    """
    rows = medusa.admin.list_all(
        "/admin/returns",
        "returns",
        order_id=order_id,
        fields="id,status,metadata,location_id,received_at,canceled_at,*items",
    )
    return [r for r in rows if (r.get("metadata") or {}).get("posreturns_event_id") == event_id]


def test_in_store_return_received_restocked_and_refunded(medusa: MedusaOms) -> None:
    admin, order = medusa.admin, medusa.order("partial_return")  # TEE-ORG-S x2 + headphones, fully paid
    line_id, event_id = order["items"]["TEE-ORG-S"], str(uuid.uuid4())
    paris = medusa.location_id("PARIS-01")
    stock_before = medusa.stock("TEE-ORG-S")["stocked_quantity"]
    assert _find_return_by_marker(medusa, order["id"], event_id) == []

    ret = admin.post(
        "/admin/returns",
        {
            "order_id": order["id"],
            "location_id": paris,
            "description": "in-store return",
            "internal_note": "till T03",
            "no_notification": True,
            "metadata": {"posreturns_event_id": event_id, "store_code": "PARIS-01"},
        },
    )["return"]
    assert (ret["status"], ret["location_id"], ret["metadata"]["posreturns_event_id"]) == (
        "open",
        paris,
        event_id,
    )
    return_id = ret["id"]
    preview = admin.post(
        f"/admin/returns/{return_id}/request-items",
        {
            "items": [
                {
                    "id": line_id,
                    "quantity": 1,
                    "reason_id": medusa.reason_id("wrong_size"),
                    "internal_note": "too small",
                    "metadata": {"posreturns_line": "1"},
                }
            ]
        },
    )
    assert {"order_preview", "return"} <= set(preview)
    ret = admin.post(f"/admin/returns/{return_id}/request", {"no_notification": True})["return"]
    assert ret["status"] == "requested"
    item = ret["items"][0]
    assert (item["item_id"], item["quantity"], item["received_quantity"], item["reason_id"]) == (
        line_id,
        1,
        0,
        medusa.reason_id("wrong_size"),
    )
    assert medusa.stock("TEE-ORG-S")["stocked_quantity"] == stock_before  # not yet received

    admin.post(f"/admin/returns/{return_id}/receive", {"internal_note": "checked at the till"})
    admin.post(f"/admin/returns/{return_id}/receive-items", {"items": [{"id": line_id, "quantity": 1}]})
    ret = admin.post(f"/admin/returns/{return_id}/receive/confirm", {})["return"]
    assert ret["status"] == "received" and ret["received_at"]
    assert medusa.stock("TEE-ORG-S")["stocked_quantity"] == stock_before + 1

    fetched = admin.get(f"/admin/orders/{order['id']}", fields=ORDER_FIELDS)["order"]
    detail = next(i for i in fetched["items"] if i["id"] == line_id)["detail"]
    assert (detail["return_requested_quantity"], detail["return_received_quantity"]) == (0, 1)
    assert fetched["summary"]["pending_difference"] == -25

    # The refund is a separate call on the captured payment; its note carries the same marker.
    payment_id = fetched["payment_collections"][0]["payments"][0]["id"]
    payment = admin.post(
        f"/admin/payments/{payment_id}/refund",
        {"amount": 25, "refund_reason_id": medusa.seed["refund_reasons"]["return"], "note": event_id},
    )["payment"]
    assert [(r["amount"], r["note"]) for r in payment["refunds"]] == [(25, event_id)]
    fetched = admin.get(f"/admin/orders/{order['id']}", fields=ORDER_FIELDS)["order"]
    assert fetched["payment_status"] == "partially_refunded"
    assert (fetched["summary"]["refunded_total"], fetched["summary"]["pending_difference"]) == (25, 0)
    refunds = fetched["payment_collections"][0]["payments"][0]["refunds"]
    assert [r["note"] for r in refunds] == [event_id]

    # Found again by its marker: the connector's "already applied?" check.
    [again] = _find_return_by_marker(medusa, order["id"], event_id)
    assert (again["id"], again["status"], again["location_id"]) == (return_id, "received", paris)
    assert again["items"][0]["received_quantity"] == 1
    assert _find_return_by_marker(medusa, order["id"], str(uuid.uuid4())) == []


def test_returns_cannot_be_filtered_on_metadata(medusa: MedusaOms) -> None:
    resp = medusa.admin.raw("GET", "/admin/returns", params={"metadata[posreturns_event_id]": "x"})
    assert _error(resp) == (400, "Invalid request: Unrecognized fields: 'metadata'")


def test_returning_more_than_was_fulfilled_is_refused(medusa: MedusaOms) -> None:
    admin, order = medusa.admin, medusa.order("single_line")  # SHOE-RUN-43 x1
    ret = admin.post(
        "/admin/returns",
        {
            "order_id": order["id"],
            "location_id": medusa.location_id(),
            "metadata": {"posreturns_event_id": str(uuid.uuid4())},
        },
    )["return"]
    resp = admin.raw(
        "POST",
        f"/admin/returns/{ret['id']}/request-items",
        json={
            "items": [
                {
                    "id": order["items"]["SHOE-RUN-43"],
                    "quantity": 2,
                    "reason_id": medusa.reason_id("defective"),
                }
            ]
        },
    )
    line_id = order["items"]["SHOE-RUN-43"]
    assert _error(resp) == (
        400,
        f"Cannot request to return more items than what was fulfilled for item {line_id}.",
    )
    assert resp.json()["type"] == "invalid_data"
    # While that return is open the order is locked for other changes ...
    other = admin.raw("POST", "/admin/returns", json={"order_id": order["id"]})
    assert other.status_code == 400 and "active order change" in _error(other)[1]
    # ... and POST /returns/{id}/cancel refuses too; DELETE /returns/{id}/request drops the return.
    assert admin.raw("POST", f"/admin/returns/{ret['id']}/cancel", json={}).status_code == 400
    assert admin.delete(f"/admin/returns/{ret['id']}/request") == {
        "id": ret["id"],
        "object": "return",
        "deleted": True,
    }
    assert admin.raw("GET", f"/admin/returns/{ret['id']}").status_code == 404


def test_refunding_more_than_captured_is_refused(medusa: MedusaOms) -> None:
    order = medusa.admin.get(
        f"/admin/orders/{medusa.order('single_line')['id']}", fields="id,total,*payment_collections.payments"
    )["order"]
    payment_id = order["payment_collections"][0]["payments"][0]["id"]
    resp = medusa.admin.raw(
        "POST", f"/admin/payments/{payment_id}/refund", json={"amount": order["total"] + 1}
    )
    assert _error(resp) == (400, "You are not allowed to refund more than the captured amount")


# ---------------------------------------------------------------------------------------------- exchanges


def test_exchange_size_m_for_size_l_at_the_store(medusa: MedusaOms) -> None:
    admin, order = medusa.admin, medusa.order("exchange")  # TEE-ORG-M x1
    paris, event_id = medusa.location_id("PARIS-01"), str(uuid.uuid4())
    for store in ("PARIS-01", "LYON-02"):  # the session's other exchanges may have used or reserved them
        ensure_stock(medusa, "TEE-ORG-L", store, at_least=2)
    m_before, l_before = (
        medusa.stock("TEE-ORG-M")["stocked_quantity"],
        medusa.stock("TEE-ORG-L")["stocked_quantity"],
    )

    exchange = admin.post(
        "/admin/exchanges",
        {"order_id": order["id"], "description": "size swap", "metadata": {"posreturns_event_id": event_id}},
    )["exchange"]
    x = exchange["id"]
    assert x.startswith("oexc_")
    admin.post(
        f"/admin/exchanges/{x}/inbound/items",
        {
            "location_id": paris,
            "items": [
                {
                    "id": order["items"]["TEE-ORG-M"],
                    "quantity": 1,
                    "reason_id": medusa.reason_id("wrong_size"),
                }
            ],
        },
    )
    admin.post(
        f"/admin/exchanges/{x}/outbound/items",
        {"items": [{"variant_id": medusa.variant("TEE-ORG-L")["id"], "quantity": 1}]},
    )
    # Without an outbound shipping method no reservation is made and the hand-over fails later.
    admin.post(
        f"/admin/exchanges/{x}/outbound/shipping-method",
        {"shipping_option_id": medusa.seed["shipping_options"]["PARIS-01"]["outbound"], "custom_amount": 0},
    )
    def reserved() -> int:  # Medusa reserves in any store of the sales channel with stock, not always Paris
        return sum(int(medusa.stock("TEE-ORG-L", store)["reserved_quantity"]) for store in ("PARIS-01", "LYON-02"))

    before = reserved()
    exchange = admin.post(f"/admin/exchanges/{x}/request", {})["exchange"]
    return_id = exchange["return_id"]
    assert return_id and reserved() == before + 1

    admin.post(f"/admin/returns/{return_id}/receive", {})
    admin.post(
        f"/admin/returns/{return_id}/receive-items",
        {"items": [{"id": order["items"]["TEE-ORG-M"], "quantity": 1}]},
    )
    assert admin.post(f"/admin/returns/{return_id}/receive/confirm", {})["return"]["status"] == "received"

    fetched = admin.get(f"/admin/orders/{order['id']}", fields="id,*items,items.detail.*,*summary")["order"]
    new_line = next(i for i in fetched["items"] if i["variant_sku"] == "TEE-ORG-L")
    admin.post(
        f"/admin/orders/{order['id']}/fulfillments",
        {"items": [{"id": new_line["id"], "quantity": 1}], "location_id": paris, "no_notification": True},
    )
    assert medusa.stock("TEE-ORG-M")["stocked_quantity"] == m_before + 1
    assert medusa.stock("TEE-ORG-L")["stocked_quantity"] == l_before - 1
    assert fetched["summary"]["pending_difference"] == 0  # same price both ways

    rows = admin.get("/admin/exchanges", order_id=order["id"], fields="id,return_id,metadata,canceled_at")[
        "exchanges"
    ]
    assert [(r["id"], r["return_id"], r["metadata"]) for r in rows] == [
        (x, return_id, {"posreturns_event_id": event_id})
    ]
    changes = admin.get(f"/admin/orders/{order['id']}/changes", fields="id,change_type,status")[
        "order_changes"
    ]
    assert {(c["change_type"], c["status"]) for c in changes} >= {
        ("exchange", "confirmed"),
        ("return_receive", "confirmed"),
    }


# ---------------------------------------------------------------------------------------------- failures


def _fake_medusa(tmp_path: Any, oms_harness: Any, script: str, timeout: float) -> tuple[Any, dict[str, Any]]:
    """Settings whose built server is a shell script standing in for ``medusa start``."""
    project = tmp_path / "project"
    binary = project / ".medusa" / "server" / "node_modules" / ".bin" / "medusa"
    binary.parent.mkdir(parents=True)
    binary.write_text("#!/bin/sh\n" + script)
    binary.chmod(0o755)
    settings = oms_harness.Settings(var_dir=tmp_path / "var", project_dir=project, start_timeout=timeout)
    settings.var_dir.mkdir()
    state = {"postgres": {"port": 1, "database": "none"}, "secrets": {"jwt": "x", "cookie": "y"}}
    return settings, state


def test_a_server_that_dies_at_start_is_reported_with_its_log(tmp_path: Any, oms_harness: Any) -> None:
    settings, state = _fake_medusa(
        tmp_path, oms_harness, 'echo "boom: no database at $DATABASE_URL"\nexit 3\n', 30
    )
    with pytest.raises(
        oms_harness.HarnessError, match=r"(?s)exited with 3 before /health.*boom: no database"
    ):
        oms_harness.start_medusa(settings, state)


def test_a_server_that_never_answers_times_out_and_is_stopped_by_pid(tmp_path: Any, oms_harness: Any) -> None:
    script = 'echo "still booting on $2 $3 $4 $5"\nwhile true; do sleep 0.1; done\n'
    settings, state = _fake_medusa(tmp_path, oms_harness, script, 1.5)
    with pytest.raises(
        oms_harness.HarnessError, match=r"(?s)/health not 200 after 2 s.*still booting on -H 127\.0\.0\.1 -p"
    ):
        oms_harness.start_medusa(settings, state)
    pid = oms_harness.load_state(settings)["medusa"]["pid"]
    assert oms_harness.pid_alive(pid)
    assert oms_harness.stop(settings) == {"medusa": True, "postgres": False}
    assert not oms_harness.pid_alive(pid)
    assert oms_harness.stop(settings) == {"medusa": False, "postgres": False}  # already stopped: fine
