"""The delivery address of an exchange delivered home, from the customer's record in a real Medusa
2.21: their default shipping address (street, postal code, city, country; nothing else), fetched
when asked and never written to the till's cache."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.medusa import make_order, open_store_till

pytestmark = pytest.mark.oms


def test_the_customers_default_shipping_address_fills_a_home_delivery_and_is_not_cached(
        tmp_path: Path, medusa: Any) -> None:
    till, sync = open_store_till(tmp_path / "t1", medusa)
    try:
        sale = make_order(medusa, [("TEE-ORG-S", 1)])
        customer = medusa.admin.get(f"/admin/orders/{sale['id']}", fields="id,customer_id")["order"]["customer_id"]
        for default, street in ((False, "1 quai des Brumes"), (True, "3 rue des Lilas")):
            medusa.admin.post(f"/admin/customers/{customer}/addresses", {
                "address_1": street, "address_2": "bât. B" if default else None, "postal_code": "75011",
                "city": "Paris", "country_code": "FR", "is_default_shipping": default, "phone": "0600000000",
                "company": "Lumière"})
        assert till.customer_address is not None                         # open_sync attached the OMS
        found = till.customer_address(customer)
        assert found == {"line1": "3 rue des Lilas", "line2": "bât. B", "postal_code": "75011", "city": "Paris",
                         "country_code": "fr"}
        assert till.customer_address("cus_nobody") is None              # Medusa has no such customer
        sync.run_once()
        with till.engine.connect() as connection:
            cached = connection.exec_driver_sql("SELECT * FROM customers WHERE id = ?", (customer,)).mappings().all()
        assert cached and "rue des Lilas" not in repr(cached)                # the pull keeps no address
    finally:
        till.close()
