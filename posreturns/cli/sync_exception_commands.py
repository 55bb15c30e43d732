"""`sync exceptions`, `sync resolve SEQ --retry|--dismiss|--relabel --user MANAGER` and `oms repair ORDER`: what
a manager needs to settle the events the OMS refused, and to unlock an order an older version left
locked (docs/sync.md, "Exceptions" and "Repair"). Resolving and repairing sign a manager in (their PIN
is asked, or read from the first line of stdin with --pin-stdin); `oms repair --dry-run` needs nobody."""

from __future__ import annotations

import argparse
from typing import Any

from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.signing import ask
from posreturns.cli.till_args import open_from
from posreturns.domain.permissions import Permission
from posreturns.services.errors import BadInput


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
    lines = [(f"#{s['seq']:<5} REFUSED  {s['event_type']} {s['return_number'] or ''} — {s['amount']} {s['currency']} "
              f"({tenders}) at till {s['till']} ({s['store']}), "
              f"{s['occurred_at']}{' offline' if s['offline'] else ''}"),
             f"       why: {s['reason']}"]
    for c in s["competing"]:
        who = f"return {c['return_number']} at till {c['till']}" if c.get("return_number") else \
              f"Medusa return #{c.get('medusa_display_id')}"
        lines.append(f"       already returned: {who} ({c.get('store')}), {c.get('status')} {c.get('at') or ''}")
    if s["customer"]:
        lines.append("       customer: " + " · ".join(str(v) for v in s["customer"].values() if v))
    relabel = "|--relabel" if s["event_type"] == "HeldUnitMoved" and "label code" in str(s["reason"]) else ""
    lines.append(f"       resolve: posreturns sync resolve {s['seq']} --retry|--dismiss{relabel} --user MANAGER "
                 "[--note TEXT]")
    return "\n".join(lines)


def run_resolve(args: argparse.Namespace, out: Output) -> int:
    from posreturns.persistence.outbox_exceptions import SqlExceptionQueue

    credentials = ask(args, Permission.RESOLVE_SYNC, "sync resolve")
    with open_from(args) as till:
        actor = credentials.sign_in(till, Permission.RESOLVE_SYNC)
        queue = SqlExceptionQueue(till.engine)
        if args.action == "relabel":
            unit = _unit_of(queue, args.seq)
            code = queue.relabel(args.seq, actor.user_id, till.clock.now(), till.policies.active().resale.ean_prefix,
                                 args.note)
            out.result({"seq": args.seq, "action": "relabel", "by": actor.user_id, "unit_id": unit, "ean13": code},
                       f"Event {args.seq} is closed; unit {unit} now has code {code}: print its label (posreturns "
                       f"print label {unit}) and stick it over the old one. The OMS gets it at the next sync.")
            return EXIT_OK
        item = queue.resolve(args.seq, args.action, actor.user_id, till.clock.now(), args.note)
    verb = "will be sent again" if args.action == "retry" else "is closed; events held behind it go on"
    out.result({"seq": item.seq, "action": args.action, "by": actor.user_id},
               f"Event {item.seq} {verb}; the OMS is told at the next sync.")
    return EXIT_OK


def _unit_of(queue: Any, seq: int) -> str:
    found = next((i for i in queue.exceptions() if i.seq == seq), None)
    return str(((found.payload.get("data") or {}) if found else {}).get("unit_id") or "")


def run_repair(args: argparse.Namespace, out: Output) -> int:
    from posreturns.persistence.outbox_exceptions import SqlExceptionQueue
    from posreturns.sync.settings import gateway_from_settings

    credentials = None if args.dry_run else ask(args, Permission.RESOLVE_SYNC, "oms repair")
    till = open_from(args)
    try:
        if till.training:
            raise BadInput("This is a training till: it never talks to the OMS, so it has nothing to repair there.")
        if credentials is not None:  # it cancels changes in the OMS: a manager's decision
            credentials.sign_in(till, Permission.RESOLVE_SYNC)
        gateway = gateway_from_settings(till.settings, till.clock, till.data_dir)
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
    lines = [(f"Order {report.display_id} ({report.order_id}): {verb} {len(report.cancelled)} change(s) this till's "
              "returns had left pending.")]
    lines += [f"  {c['type']} of {c['return_id'] or c['exchange_id']}" for c in report.cancelled]
    if report.left_alone:
        lines.append(f"Left alone (not made by a till; resolve them in Medusa): "
                     f"{', '.join(str(c['type']) for c in report.left_alone)}")
    if not report.cancelled and not report.left_alone:
        lines.append("Nothing locks this order.")
    for item in (e for e in waiting if e.status == "rejected"):
        lines.append(f"Send refused event {item.seq} again: posreturns sync resolve {item.seq} --retry --user MANAGER")
    out.result({"order_id": report.order_id, "display_id": report.display_id, "dry_run": args.dry_run,
                "cancelled": report.cancelled, "left_alone": report.left_alone,
                "exceptions": [{"seq": e.seq, "status": e.status, "event_type": e.event_type} for e in waiting]},
               "\n".join(lines))
    return EXIT_OK
