"""A week's backlog drained into the real Medusa the tests start: `make bench-sync`.

    python -m bench.sync [--returns 300] [--mode plugin|admin|both] [--held-every N] [--keep] [--profile DIR]
                         [--workers N]

A till of PARIS-01 records `--returns` card returns of Medusa sales while "offline" (each with its
stock move: two events per return), then the uploader drains them — through the posreturns plugin
(batches) and through Medusa's stock Admin API (one request per step, a few orders at a time). It
prints the time, the HTTP requests per event, and whether the targets are met: plugin <= 30 s and
<= 0.1 requests per event; Admin API <= 90 s. The sales are made once (in parallel) in
var/oms-bench and reused by later runs as long as they have units left to return. `--held-every N` makes
every Nth return a defective one, held for inspection (its unit goes to the store's quarantine location
in Medusa). Where Medusa spent the batches' time (per core workflow and query) is printed too, and the
CPU time and SQL statements Medusa used per return (statements when PostgreSQL has pg_stat_statements,
which the harness loads when it is installed). `--profile DIR` runs Medusa under Node's CPU profiler
and prints where its CPU went during each drain, per package and function (bench/cpuprofile.py).
`--workers N` runs Medusa in cluster mode (`medusa start --cluster N`, PostgreSQL locking) and prints
each process's CPU time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import cpuprofile  # noqa: E402
from oms import harness  # noqa: E402
from oms.postgres import psql  # noqa: E402
from posreturns.app import open_sync, open_till  # noqa: E402
from posreturns.domain.users import Principal  # noqa: E402
from posreturns.services.clock import SystemClock  # noqa: E402
from posreturns.sync.backoff import Backoff  # noqa: E402
from posreturns.sync.medusa.gateway import MedusaConfig, MedusaGateway  # noqa: E402

POLICY = ROOT / "posreturns" / "resources" / "policy" / "default.toml"
SKUS = ["TEE-ORG-S", "TEE-ORG-M", "TEE-ORG-L", "SHOE-RUN-42", "SHOE-RUN-43", "HP-STUDIO-BLK"]
UNITS = 6   # per sale: each run returns one, so the sales serve a few runs of both modes
TARGETS = {"plugin": (30.0, 0.1), "admin": (90.0, None)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.sync")
    parser.add_argument("--returns", type=int, default=300)
    parser.add_argument("--mode", choices=["plugin", "admin", "both"], default="both")
    parser.add_argument("--held-every", type=int, default=0, help="every Nth return is held for inspection")
    parser.add_argument("--keep", action="store_true", help="leave Medusa running afterwards")
    parser.add_argument("--workers", type=int, default=1,
                        help="Node processes of Medusa (medusa start --cluster N when > 1, PostgreSQL locking)")
    parser.add_argument("--profile", type=Path, metavar="DIR",
                        help="restart Medusa under node --cpu-prof, write its profile to DIR and summarise each drain")
    args = parser.parse_args(argv)
    settings = harness.Settings(var_dir=ROOT / "var" / "oms-bench", workers=max(1, args.workers))
    if args.profile:
        profile_medusa(settings, args.profile.resolve())
    state = harness.up(settings)
    results: dict[str, Any] = {}
    try:
        admin = harness.AdminClient(state["medusa"]["base_url"], state["api_key"])
        for mode in (["plugin", "admin"] if args.mode == "both" else [args.mode]):
            results[mode] = drain(state, admin, mode, args.returns, args.held_every)
    finally:
        if not args.keep or args.profile:
            harness.stop(settings)  # a profile is written when Medusa exits
    if args.profile:
        summarise_profile(args.profile.resolve(), int(state["medusa"]["pid"]), results)
    print(json.dumps(results, indent=2))
    return 0 if all(r["meets"] for r in results.values()) else 1


def profile_medusa(settings: harness.Settings, folder: Path) -> None:
    """The next Medusa started runs under `node --cpu-prof` (a `node` first on PATH that adds it: Node
    refuses the option in NODE_OPTIONS)."""
    node = shutil.which("node")
    if node is None:
        raise SystemExit("node is not on PATH")
    folder.mkdir(parents=True, exist_ok=True)
    wrapper = folder / "bin" / "node"
    wrapper.parent.mkdir(exist_ok=True)
    wrapper.write_text(f'#!/bin/sh\nexec "{node}" --cpu-prof --cpu-prof-dir="{folder}" "$@"\n')
    wrapper.chmod(0o755)
    os.environ["PATH"] = f"{wrapper.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    harness.stop(settings)


def summarise_profile(folder: Path, pid: int, results: dict[str, Any]) -> None:
    files = sorted(folder.glob(f"CPU.*.{pid}.*.cpuprofile"))
    if not files:
        print(f"no profile of Medusa (pid {pid}) in {folder}", flush=True)
        return
    profile = json.loads(files[-1].read_text())
    for mode, result in results.items():
        summary = cpuprofile.Summary()
        summary.add(profile, *result["window_us"])
        report = folder / f"{mode}.txt"
        report.write_text("\n".join(summary.lines(40)) + "\n")
        print(f"\n{mode}: where Medusa's CPU went while draining (all of it in {report}):", flush=True)
        print("\n".join(summary.lines(12)[:30]), flush=True)


CASHIER = Principal.vouched("bench", by="bench")  # as a host POS vouches for its cashier


def drain(state: dict[str, Any], admin: Any, mode: str, count: int, held_every: int = 0) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        till = open_till(Path(folder), clock=SystemClock(), till_id="T1")
        till.settings.set("store.id", "PARIS-01")
        # every run is a new till database: it numbers as before and claims nothing (docs/sync.md, "Numbers")
        till.settings.set_many({"returns.range.T1": "PARIS01-T1/0", "resale.ean_block": "0"})
        till.policies.install(POLICY.read_text(encoding="utf-8"), "default.toml")
        till.users.seed("mgr1", "Bench Manager", "manager", "2468")
        config = MedusaConfig(state["medusa"]["base_url"], state["api_key"], use_plugin=mode == "plugin")
        gateway = MedusaGateway(config, till.clock)
        engine = open_sync(till, gateway=gateway)
        engine.uploader.backoff = Backoff(random=lambda: 0.0)
        in_gateway = _time_gateway(gateway)
        try:
            lines = returnable(till, engine, state, admin, count)
            started = time.perf_counter()
            for n, (number, line_id) in enumerate(lines):
                held = held_every > 0 and n % held_every == held_every - 1
                reason, condition = ("DEFECTIVE", "USED") if held else ("WRONG_SIZE", "NEW_WITH_TAGS")
                till.returns.complete({"receipt": number, "cashier": "bench", "till_id": "T1", "offline": True,
                                       "refund_method": "original", "idempotency_key": f"bench-{mode}-{n}",
                                       "approval": {"manager": "mgr1", "pin": "2468"},
                                       "lines": [{"code": line_id, "qty": 1, "reason": reason,
                                                  "condition": condition}]}, CASHIER)
            recorded = time.perf_counter() - started
            events = engine.outbox.stats(till.clock.now()).pending
            cpu_before, sql_before = _cpu_seconds(state), _sql_statements(state)
            calls_before, started = gateway.client.calls, time.perf_counter()
            window = [time.monotonic_ns() // 1000]  # the clock V8 stamps its profile samples with
            progress = Progress(mode, events)
            for _ in range(20):
                engine.uploader.run(progress)
                if engine.outbox.stats(till.clock.now()).pending == 0:
                    break
            seconds = time.perf_counter() - started
            window.append(time.monotonic_ns() // 1000)
            calls = gateway.client.calls - calls_before
            medusa = dict(gateway.batches.timings)
            cpu = {name: round(used - cpu_before.get(name, 0.0), 1) for name, used in _cpu_seconds(state).items()}
            sql_after = _sql_statements(state)
            statements = None if sql_before is None or sql_after is None else sql_after - sql_before
            left = engine.outbox.stats(till.clock.now())
        finally:
            gateway.close()
            till.close()
    limit, per_event = TARGETS[mode]
    meets = seconds <= limit and (per_event is None or calls / events <= per_event) and left.pending == 0
    print(f"\n{mode:<7} {len(lines)} returns = {events} events drained in {seconds:.1f} s "
          f"({events / seconds:.1f} events/s), {calls} requests = {calls / events:.3f} per event, "
          f"{left.rejected} refused, {left.pending} left; target <= {limit:.0f} s"
          + (f" and <= {per_event} requests/event" if per_event else "")
          + f": {'meets' if meets else 'MISSES'} (x{seconds / limit:.2f} of the time limit)"
          f"  (recording the returns at the till: {recorded:.1f} s)", flush=True)
    print(f"        waiting for Medusa: {in_gateway['s']:.1f} s in {in_gateway['calls']} pushes; the till's own work "
          f"(outbox reads, commits, progress): {max(seconds - in_gateway['s'], 0):.1f} s", flush=True)
    per_return = 1000 * cpu.get("medusa", 0) / max(len(lines), 1)
    print(f"        CPU used meanwhile: Medusa (node) {cpu.get('medusa', 0):.1f} s = {per_return:.0f} ms per return, "
          f"PostgreSQL {cpu.get('postgres', 0):.1f} s; machine load {os.getloadavg()[0]:.1f} on {os.cpu_count()} "
          "cores", flush=True)
    processes = {name: spent for name, spent in cpu.items() if name.startswith("medusa pid ")}
    if len(processes) > 1:
        shares = ", ".join(f"{name[7:]} {spent:.1f} s" for name, spent in processes.items())
        print(f"        Medusa's processes: {shares}", flush=True)
    if statements is not None:
        print(f"        SQL statements Medusa ran meanwhile: {statements} = "
              f"{statements / max(len(lines), 1):.0f} per return", flush=True)
    for name, spent in sorted(medusa.items(), key=lambda kv: -kv[1]["ms"]):
        print(f"        in Medusa: {name:<52} {spent['runs']:>5} runs {spent['ms'] / 1000:>7.1f} s "
              f"({spent['ms'] / max(spent['runs'], 1):.0f} ms each)", flush=True)
    return {"returns": len(lines), "events": events, "seconds": round(seconds, 1), "requests": calls,
            "requests_per_event": round(calls / events, 3), "events_per_second": round(events / seconds, 1),
            "cpu_seconds": cpu, "sql_statements": statements, "window_us": window,
            "refused": left.rejected, "left": left.pending, "meets": meets}


def _sql_statements(state: dict[str, Any]) -> int | None:
    """SQL statements run so far in Medusa's database (None when PostgreSQL has no pg_stat_statements)."""
    settings = harness.Settings(var_dir=Path(state["var_dir"]))
    pg = state["postgres"]
    try:
        psql(settings, pg["port"], "create extension if not exists pg_stat_statements", db=pg["database"])
        return int(psql(settings, pg["port"], "select coalesce(sum(calls), 0) from pg_stat_statements where dbid = "
                        "(select oid from pg_database where datname = current_database())", db=pg["database"]))
    except (harness.HarnessError, ValueError):
        return None


def _cpu_seconds(state: dict[str, Any]) -> dict[str, float]:
    """CPU seconds used so far by Medusa's and PostgreSQL's process trees, their ended processes included
    (Linux /proc; {} elsewhere)."""
    tick = os.sysconf("SC_CLK_TCK")
    try:
        stats = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                # with the reaped children's time (cutime, cstime): PostgreSQL's backends come and go
                stats[int(entry.name)] = (int(fields[1]), sum(int(f) for f in fields[11:15]) / tick)
    except OSError:
        return {}
    used = {}
    for name in ("medusa", "postgres"):
        tree = {int(state[name]["pid"])}
        for _ in range(4):  # children, grandchildren…
            tree |= {pid for pid, (parent, _) in stats.items() if parent in tree}
        used[name] = sum(stats[pid][1] for pid in tree if pid in stats)
        if name == "medusa":  # each Node process apart (cluster mode: the primary and its workers)
            used.update({f"medusa pid {pid}": stats[pid][1] for pid in tree if pid in stats})
    return used


def _time_gateway(gateway: MedusaGateway) -> dict[str, float]:
    """Time spent inside the gateway's pushes (HTTP + Medusa), apart from the till's own work; summed over
    the threads that push, so with a pool it can exceed the wall time."""
    spent = {"s": 0.0, "calls": 0}
    lock = threading.Lock()

    def timed(name: str) -> None:
        inner = getattr(gateway, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                with lock:
                    spent["s"] += time.perf_counter() - started
                    spent["calls"] += 1
        setattr(gateway, name, wrapper)

    timed("push")
    timed("push_batch")
    return spent


class Progress:
    def __init__(self, mode: str, total: int) -> None:
        self.mode, self.total, self.started = mode, total, time.perf_counter()

    def __call__(self, stream: str, done: int, total: int | None) -> None:
        sys.stderr.write(f"\r{self.mode}: {done}/{self.total} events, {time.perf_counter() - self.started:.0f} s ")
        sys.stderr.flush()


def returnable(till: Any, engine: Any, state: dict[str, Any], admin: Any, count: int) -> list[tuple[str, str]]:
    """`count` (receipt, line) pairs with a unit left to return, making the sales that are missing."""
    for _ in range(2):
        engine.puller.run(streams=("stores", "products", "customers", "orders"))
        picked = []
        for order_id in state.get("bench_orders", {}):
            order = till.orders.get(order_id)
            line = next((li for li in order.lines if li.returnable_qty > 0), None) if order else None
            if line is not None:   # one return per sale: a week of returns is spread over many sales
                picked.append((order.number, line.id))
        if len(picked) >= count:
            return picked[:count]
        make_sales(state, admin, count - len(picked))
    raise SystemExit("could not make enough sales in Medusa for the benchmark")


def make_sales(state: dict[str, Any], admin: Any, count: int) -> None:
    seeder = harness.Seeder(admin)
    seeder.ids = dict(state["seed"])
    for sku in SKUS:  # stock for the sales (fulfilled from PARIS-01)
        item = state["seed"]["variants"][sku]["inventory_item_id"]
        admin.post(f"/admin/inventory-items/{item}/location-levels/{state['seed']['locations']['PARIS-01']}",
                   {"stocked_quantity": 100_000})
    made = state.setdefault("bench_orders", {})
    lock = threading.Lock()
    stamp = int(time.time())

    def sale(n: int) -> None:
        client = harness.AdminClient(state["medusa"]["base_url"], state["api_key"])
        worker = harness.Seeder(client)
        worker.ids = seeder.ids
        draft = worker._draft(f"bench-{stamp}-{n}", {"lines": [(SKUS[n % len(SKUS)], UNITS)]})
        order_id = client.post(f"/admin/draft-orders/{draft}/convert-to-order")["order"]["id"]
        worker._pay(order_id)
        worker._fulfil(order_id)
        with lock:
            made[order_id] = n
        client.close()

    print(f"making {count} sales in Medusa (once; later runs reuse them)…", file=sys.stderr, flush=True)
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(sale, range(count)))
    harness.save_state(harness.Settings(var_dir=Path(state["var_dir"])), state)


if __name__ == "__main__":
    sys.exit(main())
