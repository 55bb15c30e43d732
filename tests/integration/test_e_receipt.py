"""The e-receipt from the return's transaction to a real SMTP relay on loopback (aiosmtpd):
queued with the return, sent once, waiting while the relay is away, and what a cut connection does
at each moment of the conversation."""

from __future__ import annotations

import io
import socket
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from conftest import dump
from helpers.clock import SettableClock
from helpers.returns import CASHIER, NOW, line, open_shop, request
from helpers.smtp import CuttingProxy, Inbox, Relay
from PIL import Image

from posreturns.app import Till, open_mail
from posreturns.persistence.mail_queue import SqlMailQueue
from posreturns.services.errors import BadInput
from posreturns.services.mail_ports import MailStatus, e_receipt_message_id
from posreturns.sync.mail_sender import LEASE

CONTACT = {"channel": "email", "email": "helene.dupre@example.fr", "consent": True, "e_receipt": True,
           "language": "fr"}



@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, Relay]]:
    box = Inbox()
    relay = Relay(box)
    relay.start()
    yield box, relay
    relay.stop()


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Till]:
    till = open_shop(tmp_path / "shop")
    till.clock = SettableClock(NOW)  # type: ignore[assignment]
    till.returns.clock = till.clock
    till.settings.set("mail.host", "127.0.0.1")
    till.settings.set("mail.security", "none")
    till.settings.set("mail.from", "Maison Lumière <rivoli@maison-lumiere.example>")
    yield till
    till.close()


def relay_port(till: Till, port: int) -> None:
    till.settings.set("mail.port", str(port))


def complete_with_e_receipt(till: Till, key: str = "k-mail", **extra: Any) -> dict[str, Any]:
    return till.returns.complete(request("PA01-000102", line("ROBE-LIN-38"), key=key, contact=CONTACT,
                                         **extra), CASHIER)


def queue_row(till: Till) -> Any:
    return SqlMailQueue(till.engine).listing(None, 10)[0]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_contact_and_the_e_receipt_are_written_with_the_return(shop: Till) -> None:
    answer = complete_with_e_receipt(shop)
    assert answer["contact"] == {"channel": "email", "consent": True, "e_receipt": True, "language": "fr"}
    assert complete_with_e_receipt(shop) == answer  # the same request again: nothing more
    with shop.engine.connect() as connection:
        contact = connection.exec_driver_sql("SELECT channel, email, consent, e_receipt FROM return_contacts").all()
        mails = connection.exec_driver_sql("SELECT return_id, recipient, status, message_id FROM mail_queue").all()
    assert contact == [("email", "helene.dupre@example.fr", 1, 1)]
    assert mails == [(answer["return_id"], "helene.dupre@example.fr", "pending",
                      e_receipt_message_id(answer["return_id"]))]


@pytest.mark.parametrize("contact, message", [
    ({"channel": "email", "email": "helene.dupre@example.fr"}, "Ask the customer's consent"),
    ({"channel": "sms", "consent": True}, "needs a phone number"),
    ({"channel": "none", "e_receipt": True}, "An e-receipt needs the customer's e-mail address"),
    ({"channel": "email", "email": "helene.dupre@", "consent": True}, "is not an e-mail address"),
    ({"channel": "pigeon"}, '"contact.channel" is "pigeon"'),
])
def test_a_contact_that_cannot_be_used_is_refused_and_nothing_is_written(shop: Till, contact: dict[str, Any],
                                                                       message: str) -> None:
    before = dump(shop)
    with pytest.raises(BadInput, match=message):
        shop.returns.complete(request("PA01-000102", line("ROBE-LIN-38"), key="k-bad", contact=contact), CASHIER)
    assert dump(shop) == before


def test_the_e_receipt_reaches_the_relay_with_both_parts_accents_and_barcode(shop: Till,
                                                                             inbox: tuple[Inbox, Relay]) -> None:
    box, relay = inbox
    relay_port(shop, relay.port)
    answer = complete_with_e_receipt(shop)

    report = open_mail(shop).run_once()

    assert (report.sent, report.retry, report.relay_error) == (1, 0, None)
    (received,) = box.received
    assert received.rcpt_tos == ["helene.dupre@example.fr"] and received.mail_from == "rivoli@maison-lumiere.example"
    mail = received.message
    assert mail["Message-ID"] == e_receipt_message_id(answer["return_id"])
    assert mail["Subject"] == f"Votre ticket de retour {answer['return_number']} — Maison Lumière — Paris Rivoli"
    text = mail.get_body(("plain",)).get_content()
    page = mail.get_body(("html",)).get_content()
    for words in ("TICKET DE RETOUR", "Robe en lin 38", "TOTAL REMBOURSÉ", "Mauvaise taille", "État: Neuf avec"):
        assert words in text
    assert "Robe en lin 38" in page and "TOTAL REMBOURSÉ" in page
    codes = set()
    for part in mail.walk():
        if part.get_content_type() == "image/png":
            picture = Image.open(io.BytesIO(part.get_content())).convert("L")
            codes |= {r.text for r in zxingcpp.read_barcodes(picture)}
    assert codes == {answer["return_number"]}
    row = queue_row(shop)
    assert row.status is MailStatus.SENT and row.attempts == 1 and row.sent_at == NOW
    assert open_mail(shop).run_once(due_only=False).sent == 0  # sent is sent: never again


def test_offline_the_e_receipt_waits_then_leaves_with_backoff(shop: Till, inbox: tuple[Inbox, Relay]) -> None:
    box, relay = inbox
    relay_port(shop, free_port())  # nothing listens there: the relay is away
    complete_with_e_receipt(shop)
    sender = open_mail(shop)

    first = sender.run_once()
    assert first.retry == 1 and first.relay_error and "Cannot reach the SMTP relay 127.0.0.1" in first.relay_error
    row = queue_row(shop)
    assert row.status is MailStatus.PENDING and row.attempts == 1 and row.last_error == first.relay_error
    assert row.next_attempt_at is not None and NOW <= row.next_attempt_at <= NOW + timedelta(seconds=15)
    shop.clock.moment = NOW + timedelta(seconds=20)  # type: ignore[attr-defined]
    sender.run_once()
    second = queue_row(shop)
    assert second.attempts == 2 and second.next_attempt_at <= shop.clock.now() + timedelta(seconds=30)  # type: ignore[operator]

    relay_port(shop, relay.port)
    shop.clock.moment = NOW + timedelta(hours=1)  # type: ignore[attr-defined]
    assert open_mail(shop).run_once().sent == 1
    assert len(box.received) == 1 and queue_row(shop).status is MailStatus.SENT


def test_a_cut_before_the_end_of_data_is_sent_again_and_received_once(shop: Till, inbox: tuple[Inbox, Relay]) -> None:
    box, relay = inbox
    proxy = CuttingProxy(relay.port, cut_after=b"DATA\r\n")
    relay_port(shop, proxy.port)
    complete_with_e_receipt(shop)

    report = open_mail(shop).run_once()
    assert proxy.cut.is_set() and report.retry == 1 and "lost" in (report.relay_error or "")
    assert queue_row(shop).status is MailStatus.PENDING and box.received == []

    assert open_mail(shop).run_once(due_only=False).sent == 1  # the proxy cuts only once
    assert len(box.received) == 1 and queue_row(shop).status is MailStatus.SENT
    proxy.close()


class CutFirst:
    """The real queue, whose `sending` mark waits until the proxy has cut the connection: the cut
    falls in the middle of the message, before its end, whatever the machine's speed."""

    def __init__(self, queue: SqlMailQueue, proxy: CuttingProxy) -> None:
        self.queue, self.proxy = queue, proxy

    def __getattr__(self, name: str) -> Any:
        return getattr(self.queue, name)

    def mark_sending(self, mail_id: int, owner: str) -> None:
        assert self.proxy.cut.wait(10)
        self.queue.mark_sending(mail_id, owner)


def test_a_cut_in_the_middle_of_the_message_is_not_in_doubt(shop: Till, inbox: tuple[Inbox, Relay]) -> None:
    box, relay = inbox
    proxy = CuttingProxy(relay.port, cut_after=b"Content-Type: multipart/alternative", extra=40)
    relay_port(shop, proxy.port)
    complete_with_e_receipt(shop)
    sender = open_mail(shop)
    sender.queue = CutFirst(sender.queue, proxy)

    report = sender.run_once()

    assert (report.retry, report.in_doubt) == (1, 0) and box.received == []
    assert queue_row(shop).status is MailStatus.PENDING
    assert open_mail(shop).run_once(due_only=False).sent == 1 and len(box.received) == 1
    proxy.close()


def test_a_lost_answer_is_held_under_the_hold_rule(shop: Till, inbox: tuple[Inbox, Relay]) -> None:
    box, relay = inbox
    proxy = CuttingProxy(relay.port, drop_reply=True)
    relay_port(shop, proxy.port)
    shop.settings.set("mail.in_doubt", "hold")
    complete_with_e_receipt(shop)

    report = open_mail(shop).run_once()

    assert report.in_doubt == 1 and len(box.received) == 1  # the relay did take it
    row = queue_row(shop)
    assert row.status is MailStatus.IN_DOUBT and "may have accepted it" in (row.last_error or "")
    shop.clock.moment = NOW + timedelta(days=1)  # type: ignore[attr-defined]
    assert open_mail(shop).run_once(due_only=False).sent == 0 and len(box.received) == 1
    proxy.close()


def test_a_lost_answer_is_sent_again_with_the_same_message_under_the_resend_rule(shop: Till,
                                                                                 inbox: tuple[Inbox, Relay]) -> None:
    box, relay = inbox
    proxy = CuttingProxy(relay.port, drop_reply=True)
    relay_port(shop, proxy.port)
    shop.settings.set("mail.in_doubt", "resend")
    complete_with_e_receipt(shop)

    assert open_mail(shop).run_once().in_doubt == 1 and queue_row(shop).status is MailStatus.PENDING
    shop.clock.moment = NOW + timedelta(hours=1)  # type: ignore[attr-defined]
    assert open_mail(shop).run_once().sent == 1

    first, second = box.received
    assert first.data == second.data  # one message in effect: same Message-ID, same bytes
    assert queue_row(shop).status is MailStatus.SENT and queue_row(shop).attempts == 2
    proxy.close()


def test_a_till_that_stopped_during_the_answer_leaves_the_message_in_doubt(shop: Till) -> None:
    complete_with_e_receipt(shop)
    queue = SqlMailQueue(shop.engine)
    (mail,) = queue.claim(NOW, "till-that-dies", NOW + LEASE, 10, due_only=True)
    queue.mark_sending(mail.id, "till-that-dies")  # ... and the process is killed here

    assert queue.recover(NOW + timedelta(minutes=1), rule=open_mail(shop).in_doubt) == 0  # its lease still runs
    assert queue.claim(NOW + timedelta(minutes=1), "another", NOW + LEASE, 10, due_only=False) == []
    shop.clock.moment = NOW + LEASE + timedelta(seconds=1)  # type: ignore[attr-defined]
    assert open_mail(shop).run_once().recovered == 1  # the sender of the next start-up
    assert queue_row(shop).status is MailStatus.IN_DOUBT


@pytest.mark.parametrize("answer, status", [("550 5.1.1 <helene.dupre@example.fr>: no such user", MailStatus.FAILED),
                                            ("450 4.2.0 mailbox busy, try later", MailStatus.PENDING)])
def test_a_refused_address_fails_for_good_only_on_a_permanent_answer(shop: Till, inbox: tuple[Inbox, Relay],
                                                                    answer: str, status: MailStatus) -> None:
    box, relay = inbox
    box.refuse["helene.dupre@example.fr"] = answer
    relay_port(shop, relay.port)
    complete_with_e_receipt(shop)

    open_mail(shop).run_once()

    row = queue_row(shop)
    assert row.status is status and box.received == []
    assert row.last_error == f"The SMTP relay refused the address helene.dupre@example.fr ({answer})."


def test_the_next_e_receipt_goes_out_on_the_same_connection_after_a_refused_one(shop: Till,
                                                                                inbox: tuple[Inbox, Relay]) -> None:
    box, relay = inbox
    box.refuse["helene.dupre@example.fr"] = "550 5.1.1 no such user"
    relay_port(shop, relay.port)
    complete_with_e_receipt(shop)
    shop.returns.complete(request("PA01-000101", line("TSH-NVY-M"), key="k-2",
                                  contact={**CONTACT, "email": "camille.martin@example.fr"}), CASHIER)
    report = open_mail(shop).run_once()
    assert (report.sent, report.failed) == (1, 1)
    assert [r.rcpt_tos for r in box.received] == [["camille.martin@example.fr"]]


def test_the_windows_worker_sends_in_the_background_and_stops(shop: Till, inbox: tuple[Inbox, Relay]) -> None:
    from posreturns.bootstrap import start_mail

    box, relay = inbox
    shop.settings.set("mail.host", "")
    assert start_mail(shop) is None  # no relay configured: no thread
    shop.settings.set("mail.host", "127.0.0.1")
    relay_port(shop, relay.port)
    worker = start_mail(shop)
    assert worker is not None
    try:
        complete_with_e_receipt(shop)
        worker.nudge()
        deadline = time.monotonic() + 30
        while not box.received and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        worker.stop()
    assert len(box.received) == 1 and queue_row(shop).status is MailStatus.SENT


def test_a_relay_without_the_tls_the_settings_ask_for_is_named_and_nothing_is_sent(shop: Till,
                                                                                 inbox: tuple[Inbox, Relay]) -> None:
    box, relay = inbox
    relay_port(shop, relay.port)
    shop.settings.set("mail.security", "starttls")
    complete_with_e_receipt(shop)
    report = open_mail(shop).run_once()
    assert report.relay_error == (f'The SMTP relay 127.0.0.1:{relay.port} does not offer STARTTLS; set mail.security '
                                  'to "ssl" or ask its administrator to enable TLS.')
    assert box.received == [] and queue_row(shop).status is MailStatus.PENDING


@pytest.mark.allow_warning_logs
def test_a_wrong_mail_setting_does_not_stop_the_window(shop: Till, caplog: pytest.LogCaptureFixture) -> None:
    from posreturns.bootstrap import start_mail

    shop.settings.set("mail.from", "the shop")
    assert start_mail(shop) is None
    assert 'e-receipts are not sent: mail.from is "the shop", which is not an e-mail address' in caplog.text
