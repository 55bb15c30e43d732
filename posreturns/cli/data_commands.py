"""`init [--training]`, `demo`, `import` and `generate`: getting data onto a till. The demo store and the
generated store-scale data go only on training tills; importing is an administrator's job."""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from posreturns.app import Till, open_till, set_up_training
from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.signing import ask
from posreturns.cli.till_args import open_from
from posreturns.demo.install import install_default_policy
from posreturns.domain.permissions import Permission
from posreturns.domain.users import Role
from posreturns.paths import DATABASE_FILE, resolve_data_dir
from posreturns.services.errors import BadInput
from posreturns.services.importing import read_import


def register(commands: argparse._SubParsersAction,  # type: ignore[type-arg]
             shared: list[argparse.ArgumentParser]) -> None:
    init = commands.add_parser("init", parents=shared, help="create or migrate the till's data folder")
    init.add_argument("--training", action="store_true",
                      help="a training till: --now works, returns print TRAINING and never reach the OMS")
    init.set_defaults(handler=run_init)
    demo = commands.add_parser("demo", parents=shared, help="load the French demo store PARIS-01 (a training till)")
    demo.add_argument("--if-missing", action="store_true", help="do nothing when the data folder already has a store")
    demo.add_argument("--today", type=date.fromisoformat, help="anchor day of the demo's sales (default: today)")
    demo.set_defaults(handler=run_demo)
    imp = commands.add_parser("import", parents=shared, help="import a canonical posreturns/1 JSON file")
    imp.add_argument("file", type=Path)
    imp.set_defaults(handler=run_import)
    gen = commands.add_parser("generate", parents=shared,
                              help="build the store-scale benchmark data set (a training till)")
    gen.add_argument("--orders", type=int, default=1_000_000)
    gen.add_argument("--skus", type=int, default=200_000)
    gen.add_argument("--customers", type=int, default=100_000)
    gen.add_argument("--returns", type=int, default=100_000)
    gen.add_argument("--seed", type=int, default=7)
    gen.set_defaults(handler=run_generate)


def run_init(args: argparse.Namespace, out: Output) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    with open_till(data_dir) as till:
        if args.training:
            set_up_training(till)
        install_default_policy(till)
        training, admins = till.training, [u for u in till.users.list() if u.role is Role.ADMIN]
    next_step = "" if admins else ("\nAdd its first administrator: posreturns user add ID --name NAME --role admin "
                                   "--first-admin")
    out.result({"data_dir": str(data_dir), "database": str(data_dir / DATABASE_FILE), "training": training},
               f"{'Training till' if training else 'Till'} data ready in {data_dir}{next_step}")
    return EXIT_OK


def run_demo(args: argparse.Namespace, out: Output) -> int:
    from posreturns.demo.install import add_demo_users, install_demo
    from posreturns.demo.store import STORE

    data_dir = resolve_data_dir(args.data_dir)
    with open_till(data_dir) as till:
        if args.if_missing and till.settings.store_id():
            if till.training and not till.settings.get("demo.sign_in_hint"):
                add_demo_users(till)  # a demo loaded by an older version: no cashier, other PINs
            out.result({"data_dir": str(data_dir), "loaded": False}, f"Demo store already present in {data_dir}")
            return EXIT_OK
        _training_only(till, "The demo store")
        counts = install_demo(till, args.today)
    out.result({"data_dir": str(data_dir), "loaded": True, "counts": counts},
               f"Demo store {STORE['id']} loaded in {data_dir}: {counts['orders']} orders, "
               f"{counts['products']} products.")
    return EXIT_OK


def run_import(args: argparse.Namespace, out: Output) -> int:
    credentials = ask(args, Permission.IMPORT_DATA, "import")
    document = read_import(args.file)  # a file of the wrong shape is refused before anyone signs in; its orders
    # are checked as they are written, and a bad one rolls everything back: nothing is written either way
    with open_from(args) as till:
        actor = credentials.sign_in(till, Permission.IMPORT_DATA)
        started = time.perf_counter()
        counts = till.cache_writer.write(document, str(args.file))
        elapsed = time.perf_counter() - started
        till.audit("data.imported", actor.user_id, str(args.file), {"counts": counts})
    summary = ", ".join(f"{n} {name}" for name, n in counts.items() if name != "returns_applied")
    out.result({"file": str(args.file), "counts": counts, "seconds": round(elapsed, 3)},
               f"Imported {args.file}: {summary}.")
    return EXIT_OK


def run_generate(args: argparse.Namespace, out: Output) -> int:
    from posreturns.demo.scale import ScaleSpec, generate

    with open_from(args) as till:
        _training_only(till, "Generated data")
        spec = ScaleSpec(args.skus, args.orders, args.customers, args.returns, args.seed)
        started = time.perf_counter()
        generate(till.engine, spec, progress=out.progress)
        elapsed = time.perf_counter() - started
    out.result({"orders": args.orders, "seconds": round(elapsed, 1), "orders_per_second": round(args.orders / elapsed)},
               f"Generated {args.orders:,} orders in {elapsed:.1f} s ({args.orders / elapsed:,.0f} orders/s).")
    return EXIT_OK


def _training_only(till: Till, what: str) -> None:
    """Demo data goes on training tills only: a till with nothing on it becomes one."""
    try:
        set_up_training(till)
    except BadInput:
        raise BadInput(f"{what} goes only on a training till, and this till holds real data; use a new data "
                       "folder: posreturns --data-dir FOLDER demo.") from None
