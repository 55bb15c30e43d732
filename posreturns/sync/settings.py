"""Building the OMS gateway from the till's settings (`oms.*`) and the credential store."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from posreturns.services.errors import BadInput
from posreturns.services.oms_address import check_oms_url
from posreturns.services.ports import Clock
from posreturns.services.sync_ports import OmsGateway, OmsNotConfigured
from posreturns.sync.credentials import CredentialStore
from posreturns.sync.medusa.gateway import MedusaConfig, MedusaGateway
from posreturns.sync.wire import HttpJsonClient

KEYS = ("oms.kind", "oms.url", "oms.currency", "oms.timezone", "oms.order_window_days", "oms.ca_bundle",
        "oms.medusa_plugin", "oms.customer_notifications")


class Settings(Protocol):
    def get(self, key: str, default: str | None = None) -> str | None: ...


LOOKUP_TIMEOUT = (2.05, 8.0)  # a cashier waits for a sale fetched on demand: not the sync's 20 s


def gateway_from_settings(settings: Settings, clock: Clock, data_dir: Path,
                          timeout: tuple[float, float] | None = None) -> OmsGateway:
    """The till's OMS: its settings (`oms.*`) and the key stored for its data folder."""
    kind = settings.get("oms.kind") or "medusa"
    url = settings.get("oms.url")
    if not url:
        raise OmsNotConfigured("No OMS is configured on this till; "
                               "run `posreturns oms connect --url URL --api-key-stdin`.")
    try:
        url = check_oms_url(url)
    except BadInput as error:  # an address stored before the rule existed: the sync stays off
        raise OmsNotConfigured(error.message) from None
    if kind != "medusa":
        raise OmsNotConfigured(f'The OMS kind "{kind}" is not supported; this version talks to "medusa".')
    key = CredentialStore(data_dir).load(url)
    if not key:
        raise OmsNotConfigured(f"No API key is stored for {url}; run `posreturns oms connect --url {url} "
                               "--api-key-stdin`.")
    window = settings.get("oms.order_window_days") or "90"
    config = MedusaConfig(url, key, currency=settings.get("oms.currency") or "EUR",
                          timezone=settings.get("oms.timezone") or "Europe/Paris",
                          order_window_days=int(window) if window.isdigit() else 90,
                          verify_tls=settings.get("oms.ca_bundle") or True,
                          use_plugin=(settings.get("oms.medusa_plugin") or "auto") != "off",
                          notify_customers=(settings.get("oms.customer_notifications") or "off") == "on")
    if timeout is None:
        return MedusaGateway(config, clock)
    client = HttpJsonClient(url, (key, ""), timeout=timeout, verify=config.verify_tls, now=clock.now)
    return MedusaGateway(config, clock, client)
