"""Customer notifications of returns made at the till, in a real Medusa 2.21: by default the till asks
Medusa not to notify the customer (`no_notification: true`: the till printed the receipt), and a
store that turns `oms.customer_notifications` on sends `false`; the return records the choice, through
the Admin API and through the posreturns plugin."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers.medusa import make_order, own_numbers, request
from helpers.returns import CASHIER, line

from posreturns.app import Till, open_sync, open_till
from posreturns.services.clock import SystemClock
from posreturns.sync.medusa.gateway import MedusaConfig, MedusaGateway
from posreturns.sync.wire import HttpJsonClient

pytestmark = pytest.mark.oms
SKU = "TEE-ORG-M"


class RecordingClient(HttpJsonClient):
    """Sends every request to Medusa for real and keeps what was sent."""

    def __init__(self, base_url: str, api_key: str) -> None:
        super().__init__(base_url, (api_key, ""))
        self.sent: list[tuple[str, str, Any]] = []

    def request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        body = kwargs.get("json") if kwargs.get("json") is not None else kwargs.get("data")
        self.sent.append((method, path.split("?")[0], json.loads(body) if isinstance(body, bytes | str) else body))
        return super().request(method, path, **kwargs)


def pushed_return(tmp_path: Path, medusa: Any, *, notify: bool, plugin: bool) -> tuple[dict[str, Any], RecordingClient]:
    from helpers.returns import MANAGER, PIN, SHIPPED_POLICY
    till: Till = open_till(tmp_path, clock=SystemClock(), till_id="T1")
    own_numbers(till, "T1")
    till.settings.set("store.id", "PARIS-01")
    till.policies.install(SHIPPED_POLICY.read_text(encoding="utf-8"), "default.toml")
    till.users.seed(MANAGER, "Marie Manager", "manager", PIN)
    client = RecordingClient(medusa.base_url, medusa.api_key)
    config = MedusaConfig(medusa.base_url, medusa.api_key, use_plugin=plugin, notify_customers=notify)
    sync = open_sync(till, gateway=MedusaGateway(config, till.clock, client))
    try:
        sale = make_order(medusa, [(SKU, 1)])
        sync.run_once()
        till.returns.complete(request(str(sale["display_id"]), line(SKU)), CASHIER)
        report = sync.run_once()
        assert report.online and report.upload.counts["rejected"] == 0, report.error
        (found,) = medusa.admin.get("/admin/returns", order_id=sale["id"], fields="id,no_notification")["returns"]
        return dict(found), client
    finally:
        sync.gateway.close()
        till.close()


@pytest.mark.parametrize("notify", [False, True])
def test_the_admin_api_path_sends_and_medusa_records_the_store_choice(tmp_path: Path, medusa: Any,
                                                                       notify: bool) -> None:
    found, client = pushed_return(tmp_path, medusa, notify=notify, plugin=False)
    bodies = [(path, body) for method, path, body in client.sent if method == "POST" and isinstance(body, dict)
              and "no_notification" in body]
    rid = found["id"]
    assert [path for path, _ in bodies] == ["/admin/returns", f"/admin/returns/{rid}", f"/admin/returns/{rid}/request"]
    assert {body["no_notification"] for _, body in bodies} == {not notify}
    assert found["no_notification"] is (not notify)


@pytest.mark.parametrize("notify", [False, True])
def test_the_plugin_path_sends_and_medusa_records_the_store_choice(tmp_path: Path, medusa: Any, notify: bool) -> None:
    found, client = pushed_return(tmp_path, medusa, notify=notify, plugin=True)
    (batch,) = [body for method, path, body in client.sent if path.endswith("/admin/posreturns/events")]
    assert batch["no_notification"] is (not notify)
    assert found["no_notification"] is (not notify)
