"""One upload run of a till against an OMS URL in its own process, for the kill -9 faults of the
Medusa tests: `python medusa_upload_child.py DATA_DIR URL NOW_ISO [admin|plugin]` (the API key in
$POSRETURNS_OMS_API_KEY); the clock is fixed at NOW_ISO, the test's own clock; "plugin" sends batches
through the posreturns plugin, "admin" (the default) one step per request through the Admin API."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

from posreturns.app import open_till
from posreturns.persistence.outbox import SqlOutbox, owner_id
from posreturns.services.clock import FixedClock
from posreturns.sync.backoff import Backoff
from posreturns.sync.medusa.gateway import MedusaConfig, MedusaGateway
from posreturns.sync.uploader import Uploader


def main() -> None:
    data_dir, url, now = Path(sys.argv[1]), sys.argv[2], datetime.fromisoformat(sys.argv[3])
    key = os.environ["POSRETURNS_OMS_API_KEY"]
    till = open_till(data_dir)
    clock = FixedClock(now)
    plugin = len(sys.argv) > 4 and sys.argv[4] == "plugin"
    gateway = MedusaGateway(MedusaConfig(url, key, use_plugin=plugin), clock)
    Uploader(SqlOutbox(till.engine), gateway, clock, Backoff(random=lambda: 0.0), owner_id()).run()
    till.close()


if __name__ == "__main__":
    main()
