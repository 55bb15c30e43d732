"""Putting the demo store on a till: its data, the shipped policy, and a manager who can approve."""

from __future__ import annotations

import json
from datetime import date

from posreturns.app import Till, open_promises
from posreturns.demo.network import demo_network
from posreturns.demo.store import STORE, demo_document
from posreturns.services.importing import import_bytes
from posreturns.ui.resources import default_policy

DEMO_MANAGER = ("sophie", "Sophie Laurent", "1234")


def install_default_policy(till: Till) -> None:
    """A new till starts with the shipped default policy file (its version is printed on receipts)."""
    shipped = default_policy()
    if till.policies.describe()["source"] == "builtin" and shipped.exists():
        till.policies.load(shipped.read_text(encoding="utf-8"), "resources/policy/default.toml")


def install_demo(till: Till, anchor: date | None = None) -> dict[str, int]:
    counts = import_bytes(json.dumps(demo_document(anchor)).encode(), "demo", till.cache_writer)
    if not till.settings.get("store.id"):
        till.settings.set("store.id", str(STORE["id"]))
    install_default_policy(till)
    promises = open_promises(till)
    if till.settings.store_id() == STORE["id"] and not promises.describe()["loaded"]:
        promises.load(demo_network(anchor), "demo network")
    if not any(user.id == DEMO_MANAGER[0] for user in till.users.list()):
        till.users.add(DEMO_MANAGER[0], DEMO_MANAGER[1], "manager", DEMO_MANAGER[2])
        till.users.add("admin", "Demo admin", "admin", "0000")
    till.settings.set("demo.approval_hint", f"Demo: manager {DEMO_MANAGER[0]}, PIN {DEMO_MANAGER[2]}")
    return counts
