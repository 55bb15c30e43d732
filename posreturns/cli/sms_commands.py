"""`sms connect`, `sms send-pending [--watch]`, `sms status`: the SMS receipts and the store's SMS
gateway (its token goes to the OS keyring, or a 0600 file outside the data folder; never to the data
folder, the screen or a log). Connecting needs an administrator; a training till never sends SMS."""

from __future__ import annotations

import argparse
import sys

from posreturns.cli.mail_commands import queue_status, send_waiting
from posreturns.cli.output import EXIT_OK, Output
from posreturns.cli.signing import ask
from posreturns.cli.till_args import open_from
from posreturns.domain.permissions import Permission
from posreturns.services.errors import BadInput
from posreturns.services.mail_ports import InDoubtRule


def register(commands: argparse._SubParsersAction,  # type: ignore[type-arg]
             shared: list[argparse.ArgumentParser]) -> None:
    sms = commands.add_parser("sms", parents=shared, help="SMS receipts and the store's SMS gateway")
    sub = sms.add_subparsers(dest="sms_command", metavar="ACTION", required=True)
    connect = sub.add_parser("connect", parents=shared, help="set the SMS gateway (and store its token)")
    connect.add_argument("--url", required=True, help="the gateway's address, https://… (http only to this machine)")
    connect.add_argument("--sender", required=True, metavar="NAME", help="the sender name, up to 11 letters or digits")
    connect.add_argument("--token-stdin", action="store_true",
                         help="read the gateway's token from stdin, after your PIN (never from the command line)")
    connect.add_argument("--in-doubt", choices=[r.value for r in InDoubtRule], default=InDoubtRule.RESEND.value,
                         help="an SMS whose answer was lost: resend it with the same id (default), or hold it")
    connect.set_defaults(handler=run_connect)
    send = sub.add_parser("send-pending", parents=shared, help="send the SMS receipts waiting in the queue now")
    send.add_argument("--watch", action="store_true", help="keep sending as SMS arrive, with backoff (Ctrl-C stops)")
    send.set_defaults(handler=run_send)
    status = sub.add_parser("status", parents=shared, help="how many SMS receipts are waiting, sent, failed, in doubt")
    status.set_defaults(handler=run_status)


def run_connect(args: argparse.Namespace, out: Output) -> int:
    from posreturns.sync.sms_gateway import check_gateway_url
    from posreturns.sync.sms_settings import check_sender, sms_credentials

    credentials = ask(args, Permission.CONNECT_MAIL, "sms connect")
    url, sender = check_gateway_url(args.url), check_sender(args.sender)
    with open_from(args) as till:
        actor = credentials.sign_in(till, Permission.CONNECT_MAIL)
    token = sys.stdin.readline().rstrip("\r\n") if args.token_stdin else None
    if args.token_stdin and not token:
        raise BadInput("No token on stdin; pipe it in, e.g. `printenv SMS_TOKEN | posreturns sms connect ...`.")
    where = sms_credentials().save(url, token) if token else None
    with open_from(args) as till:
        till.settings_admin.change(actor, {"sms.url": url, "sms.sender": sender, "sms.in_doubt": args.in_doubt})
    stored = f"; its token is stored in {where}" if where else ""
    out.result({"url": url, "sender": sender, "in_doubt": args.in_doubt, "token_stored_in": where},
               f"SMS gateway {url} set{stored}.")
    return EXIT_OK


def run_send(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_sms

    return send_waiting(args, out, open_sms)


def run_status(args: argparse.Namespace, out: Output) -> int:
    from posreturns.persistence.mail_queue import SMS_RECEIPT, SqlMailQueue

    with open_from(args) as till:
        queue, url = SqlMailQueue(till.engine, SMS_RECEIPT), till.settings.get("sms.url")
        return queue_status(out, queue, ("gateway", "SMS gateway"), url)
