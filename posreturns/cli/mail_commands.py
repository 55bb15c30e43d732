"""`mail connect`, `mail send-pending [--watch]`, `mail status`, `mail list`, `mail resend NUMBER`:
the e-receipts queue and the store's SMTP relay (its password goes to the OS keyring, or a 0600
file outside the data folder; never to the data folder, the screen or a log). Connecting needs an
administrator and a resend a signed-in user; a training till never sends e-receipts."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import Any

from posreturns.cli.output import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_NOT_FOUND, EXIT_OK, Output
from posreturns.cli.signing import ask, sign_in
from posreturns.cli.till_args import open_from
from posreturns.domain.contact import masked_email
from posreturns.domain.permissions import Permission
from posreturns.services.errors import BadInput
from posreturns.services.mail_ports import MailStatus, QueuedMail

WATCH_SECONDS = 30.0


def register(commands: argparse._SubParsersAction,  # type: ignore[type-arg]
             shared: list[argparse.ArgumentParser]) -> None:
    mail = commands.add_parser("mail", parents=shared, help="e-receipts and the store's SMTP relay")
    sub = mail.add_subparsers(dest="mail_command", metavar="ACTION", required=True)
    connect = sub.add_parser("connect", parents=shared, help="set the SMTP relay (and store its password)")
    connect.add_argument("--host", required=True)
    connect.add_argument("--port", type=int, help="default: 587 for starttls, 465 for ssl, 25 for none")
    connect.add_argument("--security", default="starttls", choices=["starttls", "ssl", "none"])
    connect.add_argument("--login", metavar="NAME", help="the relay's user name, when it asks for a login")
    connect.add_argument("--password-stdin", action="store_true",
                         help="read the password from stdin, after your PIN (never from the command line)")
    connect.add_argument("--from", dest="sender", required=True, metavar="ADDRESS",
                         help='the sender, e.g. "Maison Lumière <rivoli@example.fr>"')
    connect.add_argument("--reply-to", metavar="ADDRESS")
    connect.add_argument("--ca-bundle", metavar="PATH", help="CA certificates of a relay with a private certificate")
    connect.add_argument("--no-check", action="store_true", help="do not try to log in to the relay now")
    connect.set_defaults(handler=run_connect)
    send = sub.add_parser("send-pending", parents=shared, help="send the e-receipts waiting in the queue now")
    send.add_argument("--watch", action="store_true",
                      help="keep sending as e-receipts arrive, with backoff (Ctrl-C stops)")
    send.set_defaults(handler=run_send)
    status = sub.add_parser("status", parents=shared, help="how many e-receipts are waiting, sent, failed, in doubt")
    status.set_defaults(handler=run_status)
    listing = sub.add_parser("list", parents=shared, help="the e-receipts of the queue, newest first")
    listing.add_argument("--status", choices=[s.value for s in MailStatus])
    listing.add_argument("--limit", type=int, default=50)
    listing.set_defaults(handler=run_list)
    resend = sub.add_parser("resend", parents=shared,
                            help="queue a return's e-receipt again (failed, in doubt, or --again)")
    resend.add_argument("number", help="the return number (or id)")
    resend.add_argument("--again", action="store_true", help="also when it was already sent (the customer lost it)")
    resend.set_defaults(handler=run_resend)


def run_connect(args: argparse.Namespace, out: Output) -> int:
    from posreturns.sync.credentials import smtp_credentials
    from posreturns.sync.mail_settings import DEFAULT_PORTS, parse_security, parse_sender, password_key
    from posreturns.sync.smtp_relay import RelayUnavailable, SmtpRelay, SmtpSettings

    credentials = ask(args, Permission.CONNECT_MAIL, "mail connect")
    security = parse_security(args.security)
    port = args.port or DEFAULT_PORTS[security]
    sender = parse_sender(args.sender)
    if args.reply_to:
        parse_sender(args.reply_to, "--reply-to")
    with open_from(args) as till:
        actor = credentials.sign_in(till, Permission.CONNECT_MAIL)
    password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else None
    if args.password_stdin and not password:
        raise BadInput("No password on stdin; pipe it in, e.g. `printenv SMTP_PASSWORD | posreturns mail connect ...`.")
    if password and not args.login:
        raise BadInput("A password needs a user name; add --login NAME.")
    if not args.no_check:
        try:
            with SmtpRelay(SmtpSettings(args.host, port, security, sender, args.login, password, args.reply_to,
                                        args.ca_bundle)):
                pass
        except RelayUnavailable as error:
            out.error("smtp_check_failed", f"{error} Nothing was stored.")
            return EXIT_FAILED
    where = smtp_credentials().save(password_key(args.host, port, args.login), password) if password else None
    with open_from(args) as till:
        till.settings_admin.change(actor, {
            "mail.host": args.host, "mail.port": str(port), "mail.security": security.value,
            "mail.user": args.login or "",
            "mail.from": sender, "mail.reply_to": args.reply_to or "", "mail.ca_bundle": args.ca_bundle or ""})
    stored = f"; its password is stored in {where}" if where else ""
    out.result({"host": args.host, "port": port, "security": security.value, "user": args.login,
                "from": sender, "password_stored_in": where}, f"SMTP relay {args.host}:{port} set{stored}.")
    return EXIT_OK


def run_send(args: argparse.Namespace, out: Output) -> int:
    from posreturns.app import open_mail

    return send_waiting(args, out, open_mail)


def send_waiting(args: argparse.Namespace, out: Output, open_sender: Callable[[Any], Any]) -> int:
    """Send every waiting message at once, then (`--watch`) those that come due, saying what each run did."""
    with open_from(args) as till:
        sender = open_sender(till)
        report = sender.run_once(due_only=False)
        _report(out, report.to_dict())
        while args.watch:
            time.sleep(WATCH_SECONDS)
            report = sender.run_once()
            if report.sent or report.failed or report.in_doubt or report.relay_error:
                _report(out, report.to_dict())
    return EXIT_OK if report.relay_error is None else EXIT_FAILED


def _report(out: Output, data: dict[str, Any]) -> None:
    text = (f"{data['sent']} sent, {data['retry']} to retry, {data['failed']} failed, {data['in_doubt']} in doubt"
            + (f" ({data['recovered']} found unanswered)" if data["recovered"] else "")
            + (f"\n{data['relay_error']}" if data["relay_error"] else ""))
    out.result(data, text)


def run_status(args: argparse.Namespace, out: Output) -> int:
    from posreturns.persistence.mail_queue import SqlMailQueue

    with open_from(args) as till:
        queue, host = SqlMailQueue(till.engine), till.settings.get("mail.host")
        return queue_status(out, queue, ("relay", "SMTP relay"), host)


def queue_status(out: Output, queue: Any, sender: tuple[str, str], address: str | None) -> int:
    """The queue's counts by status, where it sends (`sender`: its JSON key and its name) and its last error."""
    counts, waiting = queue.counts(), queue.listing(MailStatus.PENDING, 1)
    key, name = sender
    data = {**counts, key: address or None, "last_error": waiting[0].last_error if waiting else None}
    text = (f"{name}: {address or 'not configured'}\n"
            + ", ".join(f"{count} {status.replace('_', ' ')}" for status, count in counts.items())
            + (f"\nlast error: {data['last_error']}" if data["last_error"] else ""))
    out.result(data, text)
    return EXIT_OK


def run_list(args: argparse.Namespace, out: Output) -> int:
    from posreturns.persistence.mail_queue import SqlMailQueue

    with open_from(args) as till:
        found = SqlMailQueue(till.engine).listing(MailStatus(args.status) if args.status else None, args.limit)
    rows = [f"{m.return_number:<22} {m.status.value:<9} {masked_email(m.recipient):<28} tries {m.attempts}"
            + (f"  {m.last_error}" if m.last_error and m.status is not MailStatus.SENT else "") for m in found]
    out.result({"mails": [_json(m) for m in found]}, "\n".join(rows) or "No e-receipts.")
    return EXIT_OK


def run_resend(args: argparse.Namespace, out: Output) -> int:
    from posreturns.persistence.mail_queue import SqlMailQueue

    with open_from(args) as till:
        actor = sign_in(args, till, Permission.REPRINT_RECEIPT, "mail resend")
        queue = SqlMailQueue(till.engine)
        mail = queue.find(args.number.strip())
        if mail is None:
            out.error("not_found", f'No e-receipt was asked for return "{args.number}"; check the number.')
            return EXIT_NOT_FOUND
        if mail.status in (MailStatus.PENDING, MailStatus.SENDING) or (mail.status is MailStatus.SENT
                                                                       and not args.again):
            out.error("bad_input", f"The e-receipt of {mail.return_number} is {mail.status.value.replace('_', ' ')}; "
                                   + ("add --again to send it once more." if mail.status is MailStatus.SENT
                                      else "it needs no resend."))
            return EXIT_BAD_INPUT
        queue.requeue(mail.id, till.clock.now(), actor.user_id, f"resend of a {mail.status.value} e-receipt")
    out.result({"return_number": mail.return_number, "was": mail.status.value},
               f"The e-receipt of {mail.return_number} will be sent again (`posreturns mail send-pending` "
               "sends it now).")
    return EXIT_OK


def _json(mail: QueuedMail) -> dict[str, Any]:
    return {"return_number": mail.return_number, "status": mail.status.value, "recipient": masked_email(mail.recipient),
            "attempts": mail.attempts, "message_id": mail.message_id, "created_at": mail.created_at.isoformat(),
            "next_attempt_at": mail.next_attempt_at.isoformat() if mail.next_attempt_at else None,
            "sent_at": mail.sent_at.isoformat() if mail.sent_at else None, "last_error": mail.last_error}
