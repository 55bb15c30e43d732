"""An exchange delivered from the network: the replacement leaves another store or the warehouse for
the customer's home, or for this store where the customer collects it.

The recipient is who the carrier or the store contacts about the parcel; a delivery home needs an
address. Only the shape of the data is checked here: a real-looking address with a typo is the
carrier's to find.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from posreturns.domain.contact import check_address_and_number
from posreturns.domain.errors import InvalidReturn
from posreturns.domain.messages import translate
from posreturns.domain.promise import Destination

_COUNTRY = re.compile(r"[a-z]{2}")
_POSTAL = re.compile(r"[A-Za-z0-9 -]{3,10}")


@dataclass(frozen=True, slots=True)
class Recipient:
    name: str
    phone: str | None = None
    email: str | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InvalidReturn(translate("domain.delivery", "The delivery needs the customer's name; type it in."))
        if not (self.phone or self.email):
            raise InvalidReturn(translate("domain.delivery", "The delivery needs the customer's phone number or "
                                                             "e-mail address, so the carrier or the store can reach "
                                                             "them; type one in."))
        check_address_and_number(self.email, self.phone)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "phone": self.phone, "email": self.email}


@dataclass(frozen=True, slots=True)
class Address:
    line1: str
    postal_code: str
    city: str
    country_code: str = "fr"
    line2: str | None = None

    def __post_init__(self) -> None:
        if not (self.line1.strip() and self.city.strip()):
            raise InvalidReturn(translate("domain.delivery", "The delivery address needs a street and a city; type "
                                                             "them in."))
        if not _POSTAL.fullmatch(self.postal_code):
            raise InvalidReturn(translate("domain.delivery", '"{0}" is not a postal code; check it with the '
                                                             "customer.").format(self.postal_code))
        if not _COUNTRY.fullmatch(self.country_code):
            raise InvalidReturn(translate("domain.delivery", '"{0}" is not a country code; use two lowercase '
                                                             "letters (fr).").format(self.country_code))

    def to_dict(self) -> dict[str, Any]:
        return {"line1": self.line1, "line2": self.line2, "postal_code": self.postal_code, "city": self.city,
                "country_code": self.country_code}


@dataclass(frozen=True, slots=True)
class DeliveryChoice:
    """Where the replacement comes from and where it goes, as the cashier chose it."""

    source: str  # the stock location of the delivery network
    destination: Destination
    recipient: Recipient
    address: Address | None = None  # home only

    def __post_init__(self) -> None:
        if self.destination is Destination.HOME and self.address is None:
            raise InvalidReturn(translate("domain.delivery", "A delivery home needs the customer's address; type it "
                                                             "in or choose a pickup in store."))
        if self.destination is Destination.STORE and self.address is not None:
            raise InvalidReturn(translate("domain.delivery", "A pickup in store has no delivery address; leave the "
                                                             "address out."))
