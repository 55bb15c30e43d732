"""Runs one upload of a till's outbox to an OMS URL in its own process (for kill -9 and the
two-uploaders test): `python sync_child.py DATA_DIR URL [START_FILE]`; prints the report as JSON.
With START_FILE, waits until that file exists before uploading (so two children start together)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from posreturns.app import open_till
from posreturns.persistence.outbox import SqlOutbox, owner_id
from posreturns.services.clock import SystemClock
from posreturns.sync.backoff import Backoff
from posreturns.sync.connectors.medusa import MedusaConfig, MedusaGateway
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
    gateway = MedusaGateway(MedusaConfig(url, KEY), clock, HttpJsonClient(url, (KEY, ""), timeout=(2, 5)))
    report = Uploader(SqlOutbox(till.engine), gateway, clock, Backoff(random=lambda: 0.0), owner_id()).run()
    print(json.dumps({"locked_out": report.locked_out, "counts": report.counts}), flush=True)
    till.close()


if __name__ == "__main__":
    main()
