"""Shared by the fault tests against the real Medusa: a till whose uploader talks to Medusa through
the fault-injecting proxy (tests/helpers/fault_proxy.py), runs of its uploader here or in a process the
proxy kills, and the checks made after every walk."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpers.clock import SettableClock
from helpers.fault_proxy import FaultProxy, Rule
from helpers.medusa import LosingClient, open_store_till
from posreturns.app import Till
from posreturns.persistence.outbox import SqlOutbox, owner_id
from posreturns.sync.backoff import Backoff
from posreturns.sync.medusa.gateway import MedusaConfig, MedusaGateway
from posreturns.sync.uploader import Uploader

ROOT = Path(__file__).resolve().parents[2]


class ProxiedClient(LosingClient):
    """The till's HTTP client through the proxy; it waits only briefly for a request the proxy will hang."""

    def __init__(self, proxy: FaultProxy, api_key: str) -> None:
        super().__init__(proxy.url, api_key)
        self.proxy = proxy

    def request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        if self.proxy.will_hang(method, path.split("?")[0]):
            kwargs["timeout"] = (3.05, 0.5)
        return super().request(method, path, **kwargs)


@dataclass
class Walk:
    till: Till
    medusa: Any
    proxy: FaultProxy
    clock: SettableClock
    gateway: MedusaGateway
    engine: Any
    plugin: MedusaGateway  # the same till's gateway through the posreturns plugin (batches), proxied too

    def run_here(self, gateway: MedusaGateway | None = None) -> None:
        self.clock.advance(2)
        Uploader(SqlOutbox(self.till.engine), gateway or self.gateway, self.clock, Backoff(random=lambda: 0.0),
                 owner_id()).run()

    def run_in_child(self, mode: str = "admin") -> None:
        """One upload in its own process, which the proxy kills -9 when the armed step is done."""
        self.clock.advance(2)
        env = {**os.environ, "POSRETURNS_OMS_API_KEY": self.medusa.api_key,
               "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT)])}
        child = subprocess.Popen([sys.executable, str(ROOT / "tests" / "medusa_upload_child.py"),
                                  str(self.till.data_dir), self.proxy.url, self.clock.now().isoformat(), mode],
                                 env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.proxy.victim = child.pid
        try:
            child.communicate(timeout=180)
        finally:
            self.proxy.victim = None

    def fail(self, method: str, path: str, kind: str, plugin: bool = False) -> None:
        """Fail the next such step with `kind` (the uploader sending batches through the posreturns plugin
        when `plugin`); the attempts go on until it was reached."""
        rule = self.proxy.arm(method, path, kind)
        for _ in range(4):
            if kind == "kill":
                self.run_in_child("plugin" if plugin else "admin")
            else:
                self.run_here(self.plugin if plugin else None)
            if self._reached(rule):
                return
        raise AssertionError(f"{method} {path} was never reached")

    def finish(self, gateway: MedusaGateway | None = None) -> None:
        self.proxy.disarm()
        for _ in range(3):
            self.run_here(gateway)
            if SqlOutbox(self.till.engine).stats(self.clock.now()).pending == 0:
                break
        with self.till.engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT event_type, status, last_error FROM outbox "
                                              "WHERE acked_at IS NULL OR status != 'rejected' ORDER BY seq").all()
        assert {r.status for r in rows} <= {"applied", "duplicate"}, rows   # all delivered (but what was dismissed)

    def _reached(self, rule: Rule) -> bool:
        if not rule.seen.is_set():
            return False
        assert rule.done.wait(120), f"Medusa never answered {rule.request}"
        return True


def start_walk(tmp_path: Path, medusa: Any, store: str, opened: list[Any]) -> Walk:
    """A new till of `store` (its return numbers never repeat across the tests that share one Medusa:
    helpers/medusa.own_numbers), its uploader behind a new fault proxy; what to close goes to `opened`."""
    proxy = FaultProxy(medusa.base_url).start()
    till_id = f"T{time.time_ns() // 1000 % 10**9}"
    till, engine = open_store_till(tmp_path / till_id, medusa, store, till_id)
    clock = SettableClock(till.clock.now())
    gateway = MedusaGateway(MedusaConfig(proxy.url, medusa.api_key, use_plugin=False), clock,
                            ProxiedClient(proxy, medusa.api_key))   # the Admin API, one step per request
    plugin = MedusaGateway(MedusaConfig(proxy.url, medusa.api_key), clock, ProxiedClient(proxy, medusa.api_key))
    opened.extend([proxy, engine.gateway, gateway, plugin, till])
    return Walk(till, medusa, proxy, clock, gateway, engine, plugin)


def pending_changes(medusa: Any, order_id: str) -> list[dict[str, Any]]:
    changes = medusa.admin.get(f"/admin/orders/{order_id}/changes", fields="id,change_type,status")["order_changes"]
    return [c for c in changes if c["status"] == "pending" and c["change_type"]]


