"""How the customer of a return wants to hear from the store, recorded with the return.

`channel` is where the store's messages about this return go (e-mail, SMS or none), given only
with the customer's consent; `e_receipt` asks for the return receipt by e-mail, which needs an
address. The address is checked for its shape only: a typo in a real-looking address is caught
by the relay's bounce, not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from posreturns.domain.errors import InvalidReturn
from posreturns.domain.messages import translate

_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+")
_PHONE = re.compile(r"\+?[0-9 .()-]{6,25}")
LANGUAGES = ("fr", "en")


def check_address_and_number(email: str | None, phone: str | None) -> None:
    """Raises `InvalidReturn` for an e-mail address or a phone number (either may be None) of the wrong shape."""
    if email is not None and (len(email) > 254 or not _EMAIL.fullmatch(email)):
        raise InvalidReturn(translate("domain.contact", '"{0}" is not an e-mail address; check it with the '
                                                        "customer.").format(email))
    if phone is not None and not (_PHONE.fullmatch(phone) and sum(c.isdigit() for c in phone) >= 6):
        raise InvalidReturn(translate("domain.contact", '"{0}" is not a phone number; check it with the '
                                                        "customer.").format(phone))


class ContactChannel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class CustomerContact:
    channel: ContactChannel
    email: str | None = None
    phone: str | None = None
    consent: bool = False
    e_receipt: bool = False
    language: str = "fr"

    def __post_init__(self) -> None:
        check_address_and_number(self.email, self.phone)
        if self.channel is ContactChannel.EMAIL and self.email is None:
            raise InvalidReturn(translate("domain.contact", "To be told by e-mail, the customer needs an e-mail "
                                                            "address; type it in."))
        if self.channel is ContactChannel.SMS and self.phone is None:
            raise InvalidReturn(translate("domain.contact", "To be told by SMS, the customer needs a phone "
                                                            "number; type it in."))
        if self.channel is not ContactChannel.NONE and not self.consent:
            raise InvalidReturn(translate("domain.contact", "Ask the customer's consent before choosing how the "
                                                            "store contacts them."))
        if self.e_receipt and self.email is None:
            raise InvalidReturn(translate("domain.contact", "An e-receipt needs the customer's e-mail address; "
                                                            "type it in."))
        if self.language not in LANGUAGES:
            raise InvalidReturn(translate("domain.contact", "The customer's language must be one of {0}.")
                                .format(', '.join(LANGUAGES)))

    def summary(self) -> dict[str, object]:
        """What the return's answer says about it: no address, only what was chosen."""
        return {"channel": self.channel.value, "consent": self.consent, "e_receipt": self.e_receipt,
                "language": self.language}


def masked_email(address: str) -> str:
    """'camille.martin@example.fr' -> 'c…n@example.fr': enough to recognise, not to copy."""
    local, _, domain = address.partition("@")
    return f"{local[0]}…{local[-1]}@{domain}" if len(local) > 2 else f"{local[:1]}…@{domain}"


def masked_phone(number: str) -> str:
    """'+33 6 12 34 56 78' -> '•• 78': the last two digits, for the customer to confirm."""
    digits = [c for c in number if c.isdigit()]
    return "•• " + "".join(digits[-2:]) if len(digits) > 2 else "••"
