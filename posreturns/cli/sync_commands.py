"""`sync [--once]`, `sync status`, `sync exceptions`, `sync resolve SEQ --retry|--dismiss`, and
`oms connect --url URL --api-key-stdin` (the key goes to the OS keyring, or a 0600 file outside the
data folder; never to the data folder, the screen or a log)."""

from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import asdict
from typing import Any

from posreturns.cli.output import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, Output
from posreturns.cli.till_args import open_from
from posreturns.services.errors import BadInput

EXIT_OFFLINE = 4


def register(commands: argparse._SubParsersAction, shared: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    sync = commands.add_parser("sync", parents=shared, help="send the outbox to the OMS and pull its changes")
    sync.add_argument("--once", action="store_true", help="one run, then exit (default: run until Ctrl-C)")
    sync.add_argument("--no-pull", action="store_true", help="only send the outbox")
    sync.set_defaults(handler=run_sync)
    sub = sync.add_subparsers(dest="sync_command", metavar="ACTION")
    status = sub.add_parser("status", parents=shared, help="online/offline, last sync, outbox size, cache age")
    status.set_defaults(handler=run_status)
    exceptions = sub.add_parser("exceptions", parents=shared, help="events the OMS refused, and those waiting behind them")
    exceptions.set_defaults(handler=run_exceptions)
    resolve = sub.add_parser("resolve", parents=shared, help="send a refused event again, or close it by hand")
    resolve.add_argument("seq", type=int)
    action = resolve.add_mutually_exclusive_group(required=True)
    action.add_argument("--retry", action="store_const", dest="action", const="retry")
    action.add_argument("--dismiss", action="store_const", dest="action", const="dismiss")
    resolve.add_argument("--by", required=True, help="the manager who resolves it (their PIN is asked)")
    resolve.add_argument("--pin-stdin", action="store_true", help="read the manager's PIN from the first line of stdin")
    resolve.add_argument("--note", help="what was done (voucher voided, customer called…): sent to the OMS")
    resolve.set_defaults(handler=run_resolve)
    oms = commands.add_parser("oms", parents=shared, help="the OMS connection")
    oms_sub = oms.add_subparsers(dest="oms_command", metavar="ACTION", required=True)
    connect = oms_sub.add_parser("connect", parents=shared, help="store the OMS URL and its API key")
    connect.add_argument("--url", required=True)
    connect.add_argument("--api-key-stdin", action="store_true", required=True,
                         help="read the secret API key from stdin (never from the command line)")
    connect.add_argument("--kind", default="medusa", choices=["medusa"])
    connect.add_argument("--no-check", action="store_true", help="do not try the key against the OMS")
    connect.set_defaults(handler=run_connect)
    repair = oms_sub.add_parser("repair", parents=shared,
                                help="unlock an OMS order an older version left with a half-done return")
    repair.add_argument("order", help="the order's number (e.g. 1042) or id (order_…)")
    repair.add_argument("--dry-run", action="store_true", help="only say what would be cancelled")
    repair.set_defaults(handler=run_repair)


def _engine(args: argparse.Namespace) -> tuple[Any, Any]:
    from posreturns.app import open_sync

    till = open_from(args)
    try:
        return till, open_sync(till)
    except Exception:
        till.close()
        raise


def run_sync(args: argparse.Namespace, out: Output) -> int:
    till, engine = _engine(args)

    def progress(stream: str, done: int, total: int | None) -> None:
        if total and total > 200:
            out.progress(min(done, total), total, f"pulling {stream}")

    try:
        if args.once:
            report = engine.run_once(progress, pull=not args.no_pull)
            data = {**report.to_dict(), "status": engine.status()}
            out.result(data, _summary(data))
            return EXIT_OK if report.online else EXIT_OFFLINE
        engine.run_forever(lambda: False, progress=progress)
        return EXIT_OK
    finally:
        engine.gateway.close()
        till.close()


def _summary(data: dict[str, Any]) -> str:
    up = data["upload"]["counts"]
    pulled = ", ".join(f"{k} {v}" for k, v in data["pull"]["pulled"].items()) or "nothing"
    state = "online" if data["online"] else f"OFFLINE ({data['error']})"
    return (f"{state}; sent: {up['applied']} applied, {up['duplicate']} duplicate, {up['rejected']} refused, "
            f"{up['retry']} to retry; pulled: {pulled}; outbox: {data['status']['outbox_size']} waiting")


def _status_of(args: argparse.Namespace) -> dict[str, Any]:
    from posreturns.persistence.outbox import SqlOutbox
    from posreturns.persistence.sync_state import SqlSyncState
    from posreturns.sync.engine import _age

    till = open_from(args)
    try:
        state = SqlSyncState(till.engine, till.cache_writer).status()
        stats = SqlOutbox(till.engine).stats(till.clock.now())
        holder = SqlOutbox(till.engine).holder()
        return {**state, "oms_url": till.settings.get("oms.url"), "cache_age_seconds": _age(state["cache_as_of"], till.clock.now()),
                "outbox": asdict(stats), "outbox_size": stats.pending + stats.held + stats.rejected,
                "uploader": holder["owner"] if holder else None}
    finally:
        till.close()


def run_status(args: argparse.Namespace, out: Output) -> int:
    status = _status_of(args)
    online = {True: "online", False: "offline", None: "never synced"}[status["online"]]
    age = status["cache_age_seconds"]
    text = (f"OMS: {status['oms_url'] or 'not configured'} — {online}\n"
            f"last successful sync: {status['last_success_at'] or 'never'}\n"
            f"outbox: {status['outbox']['pending']} pending ({status['outbox']['due']} due), "
            f"{status['outbox']['rejected']} refused, {status['outbox']['held']} held\n"
            f"cache age: {'unknown' if age is None else f'{age / 60:.0f} min'}"
            + (f"\nlast error: {status['last_error']}" if status["last_error"] else ""))
    out.result(status, text)
    return EXIT_OK


def run_exceptions(args: argparse.Namespace, out: Output) -> int:
    from posreturns.persistence.outbox_exceptions import SqlExceptionQueue
    from posreturns.services.exception_events import exception_summary

    till = open_from(args)
    try:
        queue = SqlExceptionQueue(till.engine)
        items = queue.exceptions()
        contacts = queue.contacts({str((i.payload.get("data") or {}).get("customer_id")) for i in items
                                   if (i.payload.get("data") or {}).get("customer_id")})
    finally:
        till.close()
    summaries = [exception_summary(i, contacts.get(str((i.payload.get("data") or {}).get("customer_id"))))
                 for i in items]
    refused = {i.order_key: i.seq for i in items if i.status == "rejected"}
    text = "\n".join(_exception_text(s, refused) for s in summaries) or "No sync exceptions."
    out.result({"exceptions": summaries}, text)
    return EXIT_OK


def _exception_text(s: dict[str, Any], refused: dict[str, int]) -> str:
    if s["status"] == "held":
        return f"#{s['seq']:<5} held     {s['event_type']} of {s['return_number'] or s['order_key']} — waits for " \
               f"#{refused.get(s['order_key'], '?')}"
    tenders = ", ".join(f"{t['amount']} {t['method']}" for t in s["tenders"]) or s["amount"]
    lines = [f"#{s['seq']:<5} REFUSED  {s['event_type']} {s['return_number'] or ''} — {s['amount']} {s['currency']} "
             f"({tenders}) at till {s['till']} ({s['store']}), {s['occurred_at']}{' offline' if s['offline'] else ''}",
             f"       why: {s['reason']}"]
    for c in s["competing"]:
        who = f"return {c['return_number']} at till {c['till']}" if c.get("return_number") else \
              f"Medusa return #{c.get('medusa_display_id')}"
        lines.append(f"       already returned: {who} ({c.get('store')}), {c.get('status')} {c.get('at') or ''}")
    if s["customer"]:
        lines.append("       customer: " + " · ".join(str(v) for v in s["customer"].values() if v))
    lines.append(f"       resolve: posreturns sync resolve {s['seq']} --retry|--dismiss --by MANAGER [--note TEXT]")
    return "\n".join(lines)


def authorize_resolution(till: Any, manager: str, pin: str) -> str:
    """Who may resolve a sync exception: a manager, with their PIN (PinError otherwise). The one
    place that decides it, so that a roles layer can take it over."""
    return str(till.approvals.verify(manager, pin).id)


def _read_pin(args: argparse.Namespace) -> str:
    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    elif sys.stdin.isatty():
        pin = getpass.getpass(f"PIN of {args.by}: ")
    else:
        raise BadInput("No terminal to type the manager's PIN in; pipe it with --pin-stdin.")
    if not pin:
        raise BadInput("No PIN was given; a manager resolves sync exceptions with their PIN.")
    return pin


def run_resolve(args: argparse.Namespace, out: Output) -> int:
    from posreturns.persistence.outbox_exceptions import SqlExceptionQueue

    till = open_from(args)
    try:
        manager = authorize_resolution(till, args.by, _read_pin(args))
        item = SqlExceptionQueue(till.engine).resolve(args.seq, args.action, manager, till.clock.now(), args.note)
    finally:
        till.close()
    verb = "will be sent again" if args.action == "retry" else "is closed; events held behind it go on"
    out.result({"seq": item.seq, "action": args.action, "by": manager},
               f"Event {item.seq} {verb}; the OMS is told at the next sync.")
    return EXIT_OK


def run_connect(args: argparse.Namespace, out: Output) -> int:
    from posreturns.sync.credentials import CredentialStore

    key = sys.stdin.readline().strip()
    if not key:
        raise BadInput("No API key on stdin; pipe the secret key in, e.g. `printenv KEY | posreturns oms connect ...`.")
    url = args.url.rstrip("/")
    if not args.no_check:
        from posreturns.services.sync_ports import OmsRefused, OmsUnavailable
        from posreturns.sync.wire import HttpJsonClient

        client = HttpJsonClient(url, (key, ""))
        try:
            client.get("/admin/stock-locations", [("limit", 1), ("fields", "id")])
        except (OmsUnavailable, OmsRefused) as error:
            out.error("oms_check_failed", f"{error} Nothing was stored.")
            return EXIT_FAILED if not isinstance(error, OmsRefused) else EXIT_BAD_INPUT
        finally:
            client.close()
    where = CredentialStore().save(url, key)
    till = open_from(args)
    try:
        till.settings.set("oms.kind", args.kind)
        till.settings.set("oms.url", url)
    finally:
        till.close()
    out.result({"url": url, "kind": args.kind, "key_stored_in": where},
               f"OMS {url} connected; its API key is stored in {where}.")
    return EXIT_OK


def run_repair(args: argparse.Namespace, out: Output) -> int:
    from posreturns.persistence.outbox_exceptions import SqlExceptionQueue
    from posreturns.sync.settings import gateway_from_settings

    till = open_from(args)
    try:
        gateway = gateway_from_settings(till.settings, till.clock)
        try:
            if not hasattr(gateway, "repair"):
                raise BadInput(f"Repair is not available for the {gateway.name} OMS.")
            report = gateway.repair(args.order, dry_run=args.dry_run)
        finally:
            gateway.close()
        waiting = [e for e in SqlExceptionQueue(till.engine).exceptions() if e.order_key == report.order_id]
    finally:
        till.close()
    verb = "would cancel" if args.dry_run else "cancelled"
    lines = [f"Order {report.display_id} ({report.order_id}): {verb} {len(report.cancelled)} change(s) this till's "
             "returns had left pending."]
    lines += [f"  {c['type']} of {c['return_id'] or c['exchange_id']}" for c in report.cancelled]
    if report.left_alone:
        lines.append(f"Left alone (not made by a till; resolve them in Medusa): "
                     f"{', '.join(str(c['type']) for c in report.left_alone)}")
    if not report.cancelled and not report.left_alone:
        lines.append("Nothing locks this order.")
    for item in (e for e in waiting if e.status == "rejected"):
        lines.append(f"Send refused event {item.seq} again: posreturns sync resolve {item.seq} --retry --by MANAGER")
    out.result({"order_id": report.order_id, "display_id": report.display_id, "dry_run": args.dry_run,
                "cancelled": report.cancelled, "left_alone": report.left_alone,
                "exceptions": [{"seq": e.seq, "status": e.status, "event_type": e.event_type} for e in waiting]},
               "\n".join(lines))
    return EXIT_OK
