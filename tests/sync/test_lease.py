"""The upload lease: its fencing token grows with every holder, a lost lease is never taken again
under its old token (not even for an instant), and the fence lets a step start only with time left."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.clock import SettableClock

from posreturns.app import open_till
from posreturns.persistence.outbox import SqlOutbox
from posreturns.services.sync_ports import LeaseLost
from posreturns.sync.lease import Lease


def test_a_lease_lost_to_another_uploader_fences_its_holder_for_good(tmp_path: Path) -> None:
    till = open_till(tmp_path / "data")
    try:
        outbox, clock = SqlOutbox(till.engine), SettableClock()
        first = outbox.acquire("a", clock.now(), 10)
        lease = Lease(outbox, "a", first or 0, clock, 10, margin=4, heartbeat=60)
        lease()                                            # held, 10 s left
        clock.advance(7)
        lease()                                            # 3 s left < margin: renewed, not lost
        assert outbox.lease_left("a", first or 0, clock.now()) == pytest.approx(10)
        clock.advance(11)
        second = outbox.acquire("b", clock.now(), 10)      # a's lease ran out: b takes over
        assert second is not None and first is not None and second > first
        outbox.release("b")
        with pytest.raises(LeaseLost):
            lease()
        assert not outbox.renew("a", first, clock.now(), 10) and outbox.holder() is None   # not taken again
        assert outbox.acquire("c", clock.now(), 10) == second + 1                         # tokens only grow
    finally:
        till.close()
