"""A till that completes returns in a loop until it is killed (run by test_return_crash.py).

`python crash_worker.py DATA_DIR` is a zygote: it imports everything once, then for each `run SEED`
line on stdin forks a till process and prints `pid PID`; the till prints `ready` once the store is
open, then `ok NUMBER` after each commit (the commit is fsynced before the line is printed, as the
receipt would be). When the till dies (the test kills it with SIGKILL) the zygote prints `dead`.
Forking after the imports and before any database is opened keeps each round at a few ms.
"""

from __future__ import annotations

import os
import random
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from helpers.returns import CASHIER, line, open_shop, request


def main(data_dir: str, seed: int) -> None:
    rng = random.Random(seed)
    till = open_shop(Path(data_dir), setup=False)
    print("ready", flush=True)
    while True:
        with till.engine.connect() as connection:
            open_lines = connection.exec_driver_sql(
                "SELECT o.number, l.sku, l.qty - l.returned_qty FROM order_lines l "
                "JOIN orders o ON o.id = l.order_id "
                "WHERE o.id LIKE 'CRASH-%' AND l.returned_qty < l.qty"
            ).all()
        if not open_lines:
            print("done", flush=True)
            return
        receipt, sku, left = rng.choice(open_lines)
        method = rng.choice(["original", "original", "store_credit"])
        reason, condition = rng.choice(
            [("WRONG_SIZE", "NEW_WITH_TAGS"), ("DEFECTIVE", "USED"), ("CHANGED_MIND", "DAMAGED")]
        )
        answer = till.returns.complete(
            request(
                receipt,
                line(sku, rng.randint(1, left), reason, condition),
                key=str(uuid.uuid4()),
                method=method,
            ), CASHIER
        )
        print("ok", answer["return_number"], flush=True)


def zygote(data_dir: str) -> None:
    print("zygote", flush=True)
    for command in sys.stdin:
        seed = int(command.split()[1])
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                main(data_dir, seed)
            finally:
                os._exit(0)
        print("pid", pid, flush=True)
        os.waitpid(pid, 0)
        print("dead", flush=True)


if __name__ == "__main__":
    zygote(sys.argv[1])
