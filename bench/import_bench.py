"""Import throughput, each run in a child process of its own so that its peak RSS is the import's
alone: a canonical file into an empty cache (the first load), a delta of new orders into a full
cache, and the same rows through a raw `sqlite3` loader (the floor CPython can reach), for the ratio.

    python -m bench.import_bench empty|delta|raw FILE DATA_DIR   -> prints {"seconds": …, "cpu_s": …, "rss_mb": …}

`cpu_s` counts the parser's process too (`parser_cpu_s`); `rss_mb` is the writer's peak and
`parser_rss_mb` the parser's.
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from bench.import_file import import_document
from bench.peak_rss import peak_rss_mb
from posreturns.services.canonical_parallel import CHILD

DELTA_PREFIX = "BD"  # the delta's orders, removed again after each measure


def write_file(path: Path, orders: int, prefix: str = "BO") -> Path:
    if not path.exists():
        document = import_document(orders)
        if prefix != "BO":
            document = json.loads(json.dumps(document).replace('"BO', f'"{prefix}').replace('"BI-', f'"{prefix}I-'))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(json.dumps(document).encode())
    return path


def run_child(mode: str, file: Path, data_dir: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "bench.import_bench", mode, str(file), str(data_dir)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"import bench {mode} failed:\n{done.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def import_into(file: Path, data_dir: Path) -> dict[str, Any]:
    from posreturns.app import open_till
    from posreturns.services.importing import import_file

    till = open_till(data_dir)
    watch = ChildrenPeak()
    started, cpu, children = time.perf_counter(), time.process_time(), children_cpu()
    try:
        counts = import_file(file, till.cache_writer)
        parser_cpu = children_cpu() - children
        return {"seconds": time.perf_counter() - started, "cpu_s": time.process_time() - cpu + parser_cpu,
                "parser_cpu_s": parser_cpu, "parser_rss_mb": watch.stop(), "orders": counts["orders"]}
    finally:
        till.close()


def children_cpu() -> float:
    """CPU seconds of this process's children that ended (the import's parser process)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


class ChildrenPeak:
    """The highest peak RSS (VmHWM) among this process's children, sampled while they run: their
    `ru_maxrss` would carry this process's own peak at the fork."""

    def __init__(self) -> None:
        self.peak_kb = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while not self.done.wait(0.05):
            for children in Path("/proc/self/task").glob("*/children"):
                for pid in children.read_text().split():
                    try:
                        if CHILD.encode() not in Path(f"/proc/{pid}/cmdline").read_bytes():
                            continue  # forked, not yet the parser: its peak is this process's own
                        status = Path(f"/proc/{pid}/status").read_text()
                    except OSError:
                        continue
                    for line in status.splitlines():
                        if line.startswith("VmHWM:"):
                            self.peak_kb = max(self.peak_kb, int(line.split()[1]))

    def stop(self) -> float:
        self.done.set()
        self.thread.join()
        return self.peak_kb / 1024


def remove_delta(data_dir: Path) -> None:
    with sqlite3.connect(data_dir / "posreturns.db") as db:
        chosen = f"SELECT id FROM orders WHERE id >= '{DELTA_PREFIX}' AND id < '{DELTA_PREFIX}~'"
        db.execute(f"DELETE FROM tenders WHERE order_id IN ({chosen})")
        db.execute(f"DELETE FROM order_lines WHERE order_id IN ({chosen})")
        db.execute(f"DELETE FROM orders WHERE id IN ({chosen})")


def raw_loader(file: Path, data_dir: Path) -> dict[str, Any]:
    """The same sales through plain `sqlite3` (no validation beyond what the rows need), into the same
    empty schema: what a 30-line loader gets from CPython."""
    from posreturns.app import open_till

    open_till(data_dir).close()  # the schema
    started, cpu = time.perf_counter(), time.process_time()
    document = json.loads(file.read_bytes())
    db = sqlite3.connect(data_dir / "posreturns.db", isolation_level=None)
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("BEGIN")
    db.executemany("INSERT INTO stores (id, name, currency, prices_include_tax, timezone) VALUES (?,?,?,?,?)",
                   [(s["id"], s["name"], s["currency"], s["prices_include_tax"], s["timezone"])
                    for s in document["stores"]])
    db.executemany("INSERT OR IGNORE INTO products (id, title, category) VALUES (?,?,?)",
                   [(p["product_id"], p["title"], p["category"]) for p in document["products"]])
    db.executemany("INSERT INTO variants (sku, product_id, title, options_json, price_minor, tax_rate, final_sale, "
                   "serial_tracked) VALUES (?,?,?,?,?,?,?,?)",
                   [(p["sku"], p["product_id"], p["title"], json.dumps(p["options"]), int(p["price"].replace(".", "")),
                     p["tax_rate"], False, False) for p in document["products"]])
    db.executemany("INSERT INTO customers (id, name, email, phone) VALUES (?,?,?,?)",
                   [(c["id"], c["name"], c["email"], c["phone"]) for c in document["customers"]])
    for o in document["orders"]:
        db.execute("INSERT INTO orders (id, number, number_key, channel, store_id, placed_at, currency, "
                   "prices_include_tax, customer_id, order_discount_minor, shipping_minor, total_minor) "
                   "VALUES (?,?,?,?,?,?,?,?,?,0,0,?)",
                   (o["id"], o["number"], o["number"].replace("-", ""), o["channel"], o["store_id"], o["placed_at"],
                    o["currency"], True, o["customer_id"], int(o["tenders"][0]["amount"].replace(".", ""))))
        db.executemany("INSERT INTO order_lines (id, order_id, position, sku, qty, unit_price_minor, discount_minor, "
                       "order_discount_share_minor, tax_rate, tax_minor, paid_minor, serials_json, returned_qty, "
                       "refunded_minor) VALUES (?,?,?,?,?,?,0,0,?,0,?,'[]',0,0)",
                       [(line["id"], o["id"], i, line["sku"], line["qty"], int(line["unit_price"].replace(".", "")),
                         line["tax_rate"], int(line["unit_price"].replace(".", "")) * line["qty"])
                        for i, line in enumerate(o["lines"])])
        db.executemany("INSERT INTO tenders (order_id, position, method, amount_minor, card_last4, refunded_minor) "
                       "VALUES (?,?,?,?,?,0)",
                       [(o["id"], i, t["method"], int(t["amount"].replace(".", "")), t["card_last4"])
                        for i, t in enumerate(o["tenders"])])
    db.execute("COMMIT")
    db.close()
    return {"seconds": time.perf_counter() - started, "cpu_s": time.process_time() - cpu,
            "orders": len(document["orders"])}


def main(argv: list[str]) -> int:
    mode, file, data_dir = argv[0], Path(argv[1]), Path(argv[2])
    if mode == "raw":
        report = raw_loader(file, data_dir)
    else:
        report = import_into(file, data_dir)
        if mode == "delta":
            remove_delta(data_dir)
    report["rss_mb"] = peak_rss_mb()
    report["load"] = os.getloadavg()[0]
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
