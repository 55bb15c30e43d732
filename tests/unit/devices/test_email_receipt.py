"""The e-receipt as a mail client reads it: both parts with the paper's content, accents intact,
the return's barcode as an inline image a scanner can read, and the same bytes at every attempt."""

from __future__ import annotations

import io
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
import zxingcpp
from PIL import Image
from unit.devices.test_receipt_layout import _receipt

from posreturns.app import Till
from posreturns.devices.documents import render_text
from posreturns.devices.email_receipt import MailAddressing, receipt_mail
from posreturns.devices.receipt_layout import return_receipt
from posreturns.services.mail_ports import e_receipt_message_id

ADDRESSING = MailAddressing("Maison Lumière <rivoli@maison-lumiere.example>", "Hélène Dupré <helene.dupre@example.fr>",
                            e_receipt_message_id("7b0c3f2e-0000-4000-8000-000000000007"),
                            reply_to="service@maison-lumiere.example")


def parsed(message: EmailMessage) -> EmailMessage:
    return message_from_bytes(message.as_bytes(), policy=policy.default)  # type: ignore[return-value]


def test_the_mail_has_the_receipts_content_in_text_and_html(demo_till: Till) -> None:
    receipt = _receipt(demo_till, "discounted-card-cash")
    mail = parsed(receipt_mail(receipt, ADDRESSING, "fr"))

    assert mail["Subject"] == "Votre ticket de retour RPARIS01-T1-000007 — Maison Lumière — Paris Rivoli"
    assert mail["To"] == "Hélène Dupré <helene.dupre@example.fr>" and mail["Message-ID"] == ADDRESSING.message_id
    assert mail["Reply-To"] == "service@maison-lumiere.example" and mail["Auto-Submitted"] == "auto-generated"
    assert mail.get_content_type() == "multipart/alternative"
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    page = mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    paper = render_text(return_receipt(receipt, 48, "fr"), 48)
    for line in ("TICKET DE RETOUR", "TOTAL REMBOURSÉ", "Motif: Mauvaise taille / État: Neuf avec",
                 "Détail du montant:"):
        assert line in paper and line in text
    assert "Retour RPARIS01-T1-000007" in text and "[CODE128" not in text and "[CUT]" not in text
    assert "Signature du client" in paper and "Signature du client" not in text
    for words in ("TICKET DE RETOUR", "TOTAL REMBOURSÉ", "Robe en lin 38", "Carte bancaire", "100,20 €", "Politique"):
        assert words in page
    assert '<html lang="fr">' in page


def test_the_barcode_is_an_inline_image_a_scanner_reads_back(demo_till: Till) -> None:
    mail = parsed(receipt_mail(_receipt(demo_till, "discounted-card-cash"), ADDRESSING, "en"))
    html_part = mail.get_body(("html",))
    assert html_part is not None
    related = next(p for p in mail.walk() if p.get_content_type() == "multipart/related")
    images = [p for p in related.iter_parts() if p.get_content_type() == "image/png"]
    page = html_part.get_content()
    found = set()
    for image in images:
        cid = image["Content-ID"].strip("<>")
        assert f'src="cid:{cid}"' in page and image.get_content_disposition() == "inline"
        picture = Image.open(io.BytesIO(image.get_content())).convert("L")
        found |= {(r.format.name, r.text) for r in zxingcpp.read_barcodes(picture)}
    assert found == {("Code128", "RPARIS01-T1-000007"), ("QRCode", "RPARIS01-T1-000007")}
    assert "Your return receipt RPARIS01-T1-000007" in mail["Subject"]


def test_every_attempt_sends_the_same_bytes(demo_till: Till) -> None:
    receipt = _receipt(demo_till, "sale-item-store-credit")
    first, second = receipt_mail(receipt, ADDRESSING, "fr"), receipt_mail(receipt, ADDRESSING, "fr")
    assert first.as_bytes() == second.as_bytes()
    assert first["Date"] == "Thu, 26 Nov 2026 10:30:00 +0100"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_store_credit_voucher_is_in_the_mail_with_its_code(demo_till: Till, lang: str) -> None:
    mail = parsed(receipt_mail(_receipt(demo_till, "sale-item-store-credit"), ADDRESSING, lang))
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert ("BON D'ACHAT" if lang == "fr" else "STORE CREDIT VOUCHER") in text
    assert text.count("V-7Q2M-K8XD") == 1  # the code once, not again for its barcode
