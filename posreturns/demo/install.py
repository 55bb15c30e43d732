"""Putting the demo store on a (training) till: its data, the shipped policy, and demo users whose IDs
and PINs the window shows."""

from __future__ import annotations

import json
from datetime import date

from posreturns.app import Till, open_promises
from posreturns.demo.network import demo_network
from posreturns.demo.store import STORE, demo_document, demo_price_history
from posreturns.persistence.price_history import record_price_points
from posreturns.services.importing import import_bytes
from posreturns.ui.resources import default_policy

DEMO_CASHIER = ("camille", "Camille Martin", "2580")
DEMO_MANAGER = ("sophie", "Sophie Laurent", "1234")
DEMO_ADMIN = ("admin", "Alex Admin", "246810")
DEMO_USERS = ((*DEMO_CASHIER, "cashier"), (*DEMO_MANAGER, "manager"), (*DEMO_ADMIN, "admin"))


def install_default_policy(till: Till) -> None:
    """A new till starts with the shipped default policy file (its version is printed on receipts)."""
    shipped = default_policy()
    if till.policies.describe()["source"] == "builtin" and shipped.exists():
        till.policies.install(shipped.read_text(encoding="utf-8"), "resources/policy/default.toml")


def install_demo(till: Till, anchor: date | None = None) -> dict[str, int]:
    counts = import_bytes(json.dumps(demo_document(anchor)).encode(), "demo", till.cache_writer)
    record_price_points(till.engine, demo_price_history(anchor), "demo")
    if not till.settings.get("store.id"):
        till.settings.set("store.id", str(STORE["id"]))
    install_default_policy(till)
    promises = open_promises(till)
    if till.settings.store_id() == STORE["id"] and not promises.describe()["loaded"]:
        promises.install(demo_network(anchor), "demo network")
    add_demo_users(till)
    return counts


def add_demo_users(till: Till) -> None:
    """The demo's cashier, manager and administrator with the PINs the window shows (a demo loaded by an
    older version had other ones), and the hints that show them."""
    known = {user.id for user in till.users.list()}
    for user_id, name, pin, role in DEMO_USERS:
        if user_id in known:
            till.users.seed_pin(user_id, pin)
        else:
            till.users.seed(user_id, name, role, pin)
    till.settings.set("demo.approval_hint", f"Demo: manager {DEMO_MANAGER[0]}, PIN {DEMO_MANAGER[2]}")
    till.settings.set("demo.sign_in_hint", "Demo / Démo:\n" + "\n".join(
        f"{role} {user_id} — PIN {pin}" for user_id, _name, pin, role in DEMO_USERS))
