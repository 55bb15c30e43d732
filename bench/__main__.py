"""Store-scale benchmarks of DESIGN §6.1: lookups on the full cache, and import throughput.

    python -m bench [--data-dir var/bench] [--orders 1000000] [--samples 2000]

The store-scale data set is built once (a few minutes) and reused by later runs.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.import_file import import_document
from posreturns.app import open_till
from posreturns.cli.output import Output
from posreturns.demo.scale import FIRST, LAST, ScaleSpec, generate, receipt_number, sku_barcode
from posreturns.services.importing import import_bytes


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def measure(label: str, target_ms: float, calls: list[Callable[[], object]]) -> dict[str, float]:
    for call in calls[:50]:
        call()  # warm caches and SQLAlchemy's statement cache
    timings = []
    for call in calls:
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    p50, p99 = percentiles(timings)
    verdict = "meets" if p99 <= target_ms else "MISSES"
    print(f"{label:<34} p50 {p50:7.3f} ms   p99 {p99:7.3f} ms   target p99 <= {target_ms} ms: {verdict}")
    return {"p50_ms": round(p50, 3), "p99_ms": round(p99, 3), "target_ms": target_ms}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench")
    parser.add_argument("--data-dir", type=Path, default=Path("var/bench"))
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument("--import-orders", type=int, default=50_000)
    args = parser.parse_args(argv)
    spec = ScaleSpec(orders=args.orders, skus=args.orders // 5, customers=args.orders // 10, returns=args.orders // 10)
    marker = args.data_dir / f"scale-{spec.orders}.done"
    till = open_till(args.data_dir)
    if not marker.exists():
        print(f"Building the store-scale data set in {args.data_dir} (once)…", file=sys.stderr)
        started = time.perf_counter()
        generate(till.engine, spec, Output(False).progress)
        print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        marker.touch()
    rng = random.Random(11)
    results: dict[str, object] = {}
    indexes = [rng.randrange(spec.orders) for _ in range(args.samples)]
    lookup = till.lookup
    results["receipt_lookup"] = measure("receipt lookup (scan -> order)", 5, [
        (lambda i=i: lookup.find_receipt(receipt_number(i).lower().replace("-", " "))) for i in indexes])
    orders = [lookup.find_receipt(receipt_number(i)) for i in indexes[:500]]
    pairs = [(o, sku_barcode(int(o.lines[-1].sku[3:]))) for o in orders]
    results["item_match"] = measure("item scan -> matched line", 2, [
        (lambda o=o, code=code: lookup.match_item(o, code)) for o, code in pairs])
    queries = []
    for n in (rng.randrange(spec.customers) for _ in range(args.samples)):
        first, last = FIRST[n % len(FIRST)], LAST[(n // len(FIRST)) % len(LAST)]
        queries += [f"06{n:08d}", f"{first}.{last}.{n}@exa".lower(), f"{last[:4]} {first[:3]}"]
    results["customer_search"] = measure("customer search (phone/e-mail/name)", 30, [
        (lambda q=q: lookup.search(q)) for q in queries[: args.samples]])
    till.close()
    results["import"] = import_throughput(args.import_orders)
    print(json.dumps(results, indent=2))
    return 0


def import_throughput(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        raw = json.dumps(import_document(count)).encode()
        till = open_till(Path(tmp))
        started = time.perf_counter()
        import_bytes(raw, "bench-import.json", till.cache_writer)
        elapsed = time.perf_counter() - started
        till.close()
    rate = count / elapsed
    verdict = "meets" if rate >= 50_000 else "MISSES"
    print(f"{'import (parse+validate+write)':<34} {count:,} orders in {elapsed:.2f} s = {rate:,.0f} orders/s "
          f"(file {len(raw) / 1e6:.1f} MB)   target >= 50,000/s: {verdict}")
    return {"orders": count, "seconds": round(elapsed, 3), "orders_per_second": round(rate)}


if __name__ == "__main__":
    sys.exit(main())
