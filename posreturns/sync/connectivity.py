"""One answer to "is this till online?" for the window, the host's widget and the command line.

Every contact with the OMS writes it down (a sync run, an on-demand fetch, `sync status`'s probe):
whether it answered, and when. The till applies offline rules when an OMS is configured and the
last contact failed, or is older than `fresh_seconds` and a quick probe (a few seconds at most)
fails too. A till with no OMS works from imported data and applies the online rules. A request's
own `offline` flag can only make the rules stricter.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from posreturns.services.ports import Clock
from posreturns.services.sync_ports import OmsRefused, OmsUnavailable, SyncState

log = logging.getLogger(__name__)
FRESH_SECONDS = 180.0  # the window's sync makes contact every 60 s online, every 30 s offline
Probe = Callable[[], dict[str, Any]]


class Connectivity:
    def __init__(self, state: SyncState, clock: Clock, configured: Callable[[], bool], probe: Probe | None = None,
                 fresh_seconds: float = FRESH_SECONDS) -> None:
        self.state, self.clock, self.configured, self.probe = state, clock, configured, probe
        self.fresh_seconds = fresh_seconds

    def current(self) -> dict[str, Any]:
        """The last contact and its age: {"online", "at", "reason", "age_seconds"} ({} when none)."""
        contact = self.state.contact()
        if contact.get("at"):
            at = datetime.fromisoformat(str(contact["at"]).replace("Z", "+00:00"))
            contact["age_seconds"] = max((self.clock.now() - at).total_seconds(), 0.0)
        return contact

    def check(self) -> dict[str, Any]:
        """Ask the OMS now (short timeouts) and write the answer down; what it said, with `probe`'s detail."""
        if self.probe is None:
            return self.current()
        try:
            detail = self.probe()
        except OmsUnavailable as error:
            self.state.record_contact(False, str(error), self.clock.now())
            return {**self.current(), "detail": None}
        except OmsRefused as error:  # it answered: online, but says no to this request
            detail = {"refused": str(error)}
        self.state.record_contact(True, None, self.clock.now())
        return {**self.current(), "detail": detail}

    def offline(self) -> bool:
        """Whether offline rules apply to a return made now."""
        if not self.configured():
            return False
        contact = self.current()
        if not contact or contact.get("age_seconds", float("inf")) >= self.fresh_seconds:
            try:
                contact = self.check()
            except Exception:  # the database or a connector failing: be strict, never crash a return
                log.exception("the OMS could not be asked whether it is there; offline rules apply")
                return True
        return contact.get("online") is not True
