"""`sync [--once]`, `sync status`, `sync exceptions`, `sync resolve SEQ --retry|--dismiss|--relabel`,
`oms connect --url URL --api-key-stdin` (the key goes to the OS keyring, or a 0600 file outside the
data folder, one per data folder; never to the data folder, the screen or a log) and `oms repair ORDER`.
Resolving needs a manager and connecting an administrator (with --pin-stdin, the PIN is the first line
of stdin, before the API key)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from posreturns.app import Till
from posreturns.cli.output import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, Output
from posreturns.cli.signing import ask
from posreturns.cli.sync_exception_commands import run_exceptions, run_repair, run_resolve
from posreturns.cli.till_args import open_from
from posreturns.domain.permissions import Permission
from posreturns.services.errors import BadInput
from posreturns.services.oms_address import check_oms_url

EXIT_OFFLINE = 4
EXIT_EXCEPTIONS = 5


def register(commands: argparse._SubParsersAction,  # type: ignore[type-arg]
             shared: list[argparse.ArgumentParser]) -> None:
    sync = commands.add_parser("sync", parents=shared, help="send the outbox to the OMS and pull its changes")
    sync.add_argument("--once", action="store_true", help="one run, then exit (default: run until Ctrl-C)")
    sync.add_argument("--no-pull", action="store_true", help="only send the outbox")
    sync.set_defaults(handler=run_sync)
    sub = sync.add_subparsers(dest="sync_command", metavar="ACTION")
    status = sub.add_parser("status", parents=shared, help="online/offline (the OMS asked now), outbox, cache age")
    status.add_argument("--cached", action="store_true", help="do not ask the OMS: what the till last found")
    status.set_defaults(handler=run_status)
    exceptions = sub.add_parser("exceptions", parents=shared,
                                help="events the OMS refused, and those waiting behind them")
    exceptions.set_defaults(handler=run_exceptions)
    resolve = sub.add_parser("resolve", parents=shared, help="send a refused event again, or close it by hand")
    resolve.add_argument("seq", type=int)
    action = resolve.add_mutually_exclusive_group(required=True)
    action.add_argument("--retry", action="store_const", dest="action", const="retry")
    action.add_argument("--dismiss", action="store_const", dest="action", const="dismiss")
    action.add_argument("--relabel", action="store_const", dest="action", const="relabel",
                        help="a second-hand item whose label code the OMS gives to another product: a new code, "
                             "and the refused event closed")
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
    connect.add_argument("--yes", action="store_true", help="confirm a change of OMS (its cursors are forgotten)")
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
    progress = _progress(out)
    try:
        if args.once:
            return _once(engine, out, progress, pull=not args.no_pull)
        while True:  # until Ctrl-C: every 60 s online, every 30 s offline; one line (or JSON line) per run
            report = engine.run_once(progress)
            data = _data(engine, report)
            (print(json.dumps(data, ensure_ascii=False), flush=True) if out.as_json
             else print(_summary(data), flush=True))
            time.sleep(60 if report.online else 30)
    finally:
        engine.gateway.close()
        till.close()


def _once(engine: Any, out: Output, progress: Callable[[str, int, int | None], None], pull: bool) -> int:
    report = engine.run_once(progress, pull=pull)
    data = _data(engine, report)
    out.result(data, _summary(data))
    if not report.online:
        return EXIT_OFFLINE
    refused, held = data["status"]["outbox"]["rejected"], data["status"]["outbox"]["held"]
    if refused or held:
        out.error("sync_exceptions", f"{refused} event(s) refused by the OMS and {held} held behind them; a manager "
                                     "resolves them: posreturns sync exceptions")
        return EXIT_EXCEPTIONS
    return EXIT_OK


def _data(engine: Any, report: Any) -> dict[str, Any]:
    sent = report.upload.sent
    return {**report.to_dict(), "status": engine.status(),
            "requests_per_event": round(report.upload.requests / sent, 3) if sent else None}


def _progress(out: Output) -> Callable[[str, int, int | None], None]:
    """A progress bar on a terminal (JSON lines on stderr with --json), at most four updates a second."""
    started, last = time.monotonic(), [0.0]

    def report(stream: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        final = total is not None and done >= total
        if not final and now - last[0] < 0.25:
            return
        last[0] = now
        if out.as_json:
            sys.stderr.write(json.dumps({"progress": stream, "done": done, "total": total,
                                         "elapsed_s": round(now - started, 1)}) + "\n")
            sys.stderr.flush()
        elif total:
            out.progress(min(done, total), total, "sending events" if stream == "upload" else f"pulling {stream}")

    return report


def _summary(data: dict[str, Any]) -> str:
    up = data["upload"]["counts"]
    pulled = ", ".join(f"{k} {v}" for k, v in data["pull"]["pulled"].items()) or "nothing"
    state = "online" if data["online"] else f"OFFLINE ({data['error']})"
    box = data["status"]["outbox"]
    calls = f" ({data['requests_per_event']} requests per event)" if data["requests_per_event"] is not None else ""
    return (f"{state}; sent: {up['applied']} applied, {up['duplicate']} duplicate, {up['rejected']} refused, "
            f"{up['retry']} to retry{calls}; pulled: {pulled}; outbox: {box['pending']} waiting, "
            f"{box['rejected']} refused, {box['held']} held")


def run_status(args: argparse.Namespace, out: Output) -> int:
    till = open_from(args)
    try:
        status = sync_status(till, check=not args.cached)
    finally:
        till.close()
    out.result(status, _status_text(status))
    return EXIT_OFFLINE if status["oms_url"] and status["online"] is not True else EXIT_OK


def sync_status(till: Till, check: bool) -> dict[str, Any]:
    """What `sync status --json` prints (and the host API's `GET /v1/sync/status`); `check`: ask the OMS now."""
    from posreturns.persistence.outbox import SqlOutbox
    from posreturns.persistence.sync_state import SqlSyncState
    from posreturns.sync.engine import _age

    probe = None
    if till.connectivity.configured() and check:
        probe = till.connectivity.check()       # asked now, within a few seconds
    state = SqlSyncState(till.engine, lambda: till.cache_writer).status()
    outbox = SqlOutbox(till.engine)
    stats, holder, now = outbox.stats(till.clock.now()), outbox.holder(), till.clock.now()
    return {**state, "oms_url": till.settings.get("oms.url"), "checked_now": probe is not None,
            "probe": (probe or {}).get("detail"), "reason": (probe or till.connectivity.current()).get("reason"),
            "cache_age_seconds": _age(state["cache_as_of"], now), "outbox": asdict(stats),
            "outbox_size": stats.pending + stats.held + stats.rejected,
            "uploader": holder["owner"] if holder else None}


def _status_text(s: dict[str, Any]) -> str:
    if not s["oms_url"]:
        head = "OMS: not configured (posreturns oms connect --url URL --api-key-stdin)"
    elif s["checked_now"]:
        probe = s["probe"] or {}
        how = (f"answered in {probe['latency_ms']} ms; posreturns plugin "
               f"{'installed' if probe.get('plugin') else 'not installed (one request per step)'}"
               if "latency_ms" in probe else "")
        head = f"OMS: {s['oms_url']} — " + (f"online ({how})" if s["online"] else f"OFFLINE: {s['reason']}")
    else:
        word = {True: "online", False: "offline", None: "never reached"}[s["online"]]
        head = f"OMS: {s['oms_url']} — {word} as of {s['contact_at'] or 'never'} (not checked now: --cached)"
    age = s["cache_age_seconds"]
    box = s["outbox"]
    return (f"{head}\nlast successful sync: {s['last_success_at'] or 'never'}\n"
            f"outbox: {box['pending']} waiting ({box['due']} due now), {box['rejected']} refused by the OMS, "
            f"{box['held']} held behind them\ncache age: {'unknown' if age is None else f'{age / 60:.0f} min'}"
            + (f"\nlast error: {s['last_error']}" if s["last_error"] else ""))


def run_connect(args: argparse.Namespace, out: Output) -> int:
    from posreturns.sync.credentials import CredentialStore

    url = check_oms_url(args.url)
    credentials = ask(args, Permission.CONNECT_OMS, "oms connect")
    with open_from(args) as till:
        actor = credentials.sign_in(till, Permission.CONNECT_OMS)
        if till.training:
            raise BadInput("This is a training till: it never talks to the OMS. Connect a till set up without "
                           "--training.")
    key = sys.stdin.readline().strip()
    if not key:
        raise BadInput("No API key on stdin; pipe the secret key in, e.g. `printenv KEY | posreturns oms connect ...`.")
    with open_from(args) as till:
        confirm_new_source(till, url, till.settings.store_id() or "", args.yes, can_ask=False)
        if not args.no_check:
            problem = _check_key(url, key)
            if problem is not None:
                out.error("oms_check_failed", f"{problem} Nothing was stored.")
                return EXIT_FAILED if problem.status is None or problem.status >= 500 else EXIT_BAD_INPUT
        where = CredentialStore(till.data_dir).save(url, key)
        till.settings_admin.change(actor, {"oms.kind": args.kind, "oms.url": url})
        reset = pull_from(till, url, till.settings.store_id() or "")
    out.result({"url": url, "kind": args.kind, "key_stored_in": where, "cursors_reset": reset},
               f"OMS {url} connected; its API key is stored in {where} (for this data folder)."
               + (" What was pulled from the previous OMS will be pulled again from this one." if reset else ""))
    return EXIT_OK


def _check_key(url: str, key: str) -> Any:
    from posreturns.services.sync_ports import OmsRefused, OmsUnavailable
    from posreturns.sync.wire import HttpJsonClient

    client = HttpJsonClient(url, (key, ""))
    try:
        client.get("/admin/stock-locations", [("limit", 1), ("fields", "id")])
    except (OmsUnavailable, OmsRefused) as error:
        return error
    finally:
        client.close()
    return None


def pull_from(till: Any, url: str, store: str) -> bool:
    """The till now pulls from `url` for `store`: the cursors of another OMS or store are forgotten."""
    from posreturns.persistence.sync_state import SqlSyncState

    return bool(SqlSyncState(till.engine, lambda: till.cache_writer).pull_from(f"{url}|{store}", till.clock.now()))


def confirm_new_source(till: Any, url: str, store: str, yes: bool, can_ask: bool = True) -> None:
    """Changing the OMS or the store of a till that has pulled from another one: say what it means and
    ask (or want --yes). Nothing is lost: the events not yet sent go to the new OMS."""
    from posreturns.persistence.outbox import SqlOutbox
    from posreturns.persistence.sync_state import SqlSyncState

    state = SqlSyncState(till.engine, lambda: till.cache_writer)
    old_url = till.settings.get("oms.url") or ""
    old = state.cursors_for() or (f"{old_url}|{till.settings.store_id() or ''}" if old_url else None)
    if yes or old is None or old == f"{url}|{store}" or not state.has_pulled():
        return
    waiting = SqlOutbox(till.engine).stats(till.clock.now()).pending
    question = (f"This till pulls from {old.replace('|', ' for store ')}; pulling from {url} for store {store} "
                f"forgets where it was and pulls everything again from there. The {waiting} event(s) not yet "
                "sent go to the new OMS.")
    if can_ask and sys.stdin.isatty():
        if input(f"{question} Continue? [y/N] ").strip().lower() in ("y", "yes", "o", "oui"):
            return
        raise BadInput("Nothing was changed.")
    raise BadInput(f"{question} Run the command again with --yes to confirm.")
