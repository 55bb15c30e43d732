"""The e-receipt: the return receipt as an e-mail, HTML and plain text, with its barcode.

It is laid out from the same blocks as the paper (`receipt_layout.return_receipt`, without the
signature line). The message is the same bytes at every attempt: its Date is the return's, its
Message-ID is derived from the return, and its MIME boundaries too, so a message sent again after
a doubt is recognisably the same message.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime

from posreturns.devices.mail_render import TEXT_WIDTH, code_images, mail_html, mail_text
from posreturns.devices.receipt_layout import ReturnReceipt, return_receipt
from posreturns.domain.messages import translate

SUBJECT = translate("devices.email_receipt", "Your return receipt {0} — {1}")
INTRO = translate("devices.email_receipt", "Here is the receipt of your return at {0}. Keep it: its number identifies "
                  "your return.")


@dataclass(frozen=True, slots=True)
class MailAddressing:
    sender: str  # "Maison Lumière <rivoli@example.fr>"
    recipient: str
    message_id: str  # "<...@...>"
    reply_to: str | None = None


def receipt_mail(receipt: ReturnReceipt, addressing: MailAddressing, language: str) -> EmailMessage:
    lang = "fr" if language.startswith("fr") else "en"
    store = receipt.header.name
    subject = SUBJECT.format(receipt.return_number, store).in_language(lang)
    blocks = return_receipt(receipt, TEXT_WIDTH, lang, signature=False)
    seed = hashlib.sha256(addressing.message_id.encode()).hexdigest()[:24]
    images = code_images(blocks, f"{seed}@posreturns.till")
    intro = INTRO.format(store).in_language(lang)

    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = addressing.sender
    message["To"] = addressing.recipient
    if addressing.reply_to:
        message["Reply-To"] = addressing.reply_to
    message["Date"] = format_datetime(receipt.completed_at)
    message["Message-ID"] = addressing.message_id
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies to a receipt
    message["Content-Language"] = lang
    message.set_content(f"{intro}\n\n{mail_text(blocks)}", cte="quoted-printable")
    message.add_alternative(mail_html(blocks, images, subject, lang, intro), subtype="html", cte="quoted-printable")
    html_part = message.get_body(("html",))
    assert isinstance(html_part, EmailMessage)
    for image in images.values():
        html_part.add_related(image.png, "image", "png", cid=f"<{image.cid}>", disposition="inline",
                              filename=f"{image.cid.split('.')[0]}.png")
    for index, part in enumerate(message.walk()):
        if part.is_multipart():
            part.set_boundary(f"=_posreturns_{seed}_{index}")
    return message
