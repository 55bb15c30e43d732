"""Runs one upload of a till's outbox to an OMS URL in its own process (for kill -9 and the
two-uploaders tests): `python sync_child.py DATA_DIR URL [START_FILE]`; prints the report as JSON.
With START_FILE, waits until that file exists before uploading (so two children start together).
$SYNC_CHILD_LEASE / $SYNC_CHILD_HEARTBEAT shorten the upload lease and its heartbeat (seconds),
$SYNC_CHILD_READ_TIMEOUT lengthens the wait for an answer (a frozen child must still get it)."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from posreturns.app import open_till
from posreturns.persistence.outbox import SqlOutbox, owner_id
from posreturns.services.clock import SystemClock
from posreturns.sync.backoff import Backoff
from posreturns.sync.medusa.gateway import MedusaConfig, MedusaGateway
from posreturns.sync.uploader import Uploader
from posreturns.sync.wire import HttpJsonClient

KEY = "sk_test_fake"


def main() -> None:
    data_dir, url = Path(sys.argv[1]), sys.argv[2]
    if len(sys.argv) > 3:
        while not Path(sys.argv[3]).exists():
            time.sleep(0.005)
    till = open_till(data_dir)
    clock = SystemClock()
    read = float(os.environ.get("SYNC_CHILD_READ_TIMEOUT") or 5)
    gateway = MedusaGateway(MedusaConfig(url, KEY), clock, HttpJsonClient(url, (KEY, ""), timeout=(2, read)))
    lease = float(os.environ.get("SYNC_CHILD_LEASE") or 90)
    heartbeat = float(os.environ.get("SYNC_CHILD_HEARTBEAT") or 10)
    report = Uploader(SqlOutbox(till.engine), gateway, clock, Backoff(random=lambda: 0.0), owner_id(),
                      lease_seconds=lease, heartbeat_seconds=heartbeat).run()
    print(json.dumps({"locked_out": report.locked_out, "lost_lock": report.lost_lock, "counts": report.counts}),
          flush=True)
    till.close()


if __name__ == "__main__":
    main()
