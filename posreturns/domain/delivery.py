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

from posreturns.domain.contact import _EMAIL, _PHONE
from posreturns.domain.errors import InvalidReturn
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
            raise InvalidReturn("The delivery needs the customer's name; type it in.",
                                "La livraison demande le nom du client ; saisissez-le.")
        if not (self.phone or self.email):
            raise InvalidReturn("The delivery needs the customer's phone number or e-mail address, so the "
                                "carrier or the store can reach them; type one in.",
                                "La livraison demande le téléphone ou l'e-mail du client ; saisissez-en un.")
        if self.email is not None and (len(self.email) > 254 or not _EMAIL.fullmatch(self.email)):
            raise InvalidReturn(f'"{self.email}" is not an e-mail address; check it with the customer.',
                                f"« {self.email} » n'est pas une adresse e-mail ; vérifiez-la avec le client.")
        if self.phone is not None and not (_PHONE.fullmatch(self.phone) and sum(c.isdigit() for c in self.phone) >= 6):
            raise InvalidReturn(f'"{self.phone}" is not a phone number; check it with the customer.',
                                f"« {self.phone} » n'est pas un numéro de téléphone ; vérifiez-le avec le client.")

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
            raise InvalidReturn("The delivery address needs a street and a city; type them in.",
                                "L'adresse de livraison demande une rue et une ville ; saisissez-les.")
        if not _POSTAL.fullmatch(self.postal_code):
            raise InvalidReturn(f'"{self.postal_code}" is not a postal code; check it with the customer.',
                                f"« {self.postal_code} » n'est pas un code postal ; vérifiez-le avec le client.")
        if not _COUNTRY.fullmatch(self.country_code):
            raise InvalidReturn(f'"{self.country_code}" is not a country code; use two lowercase letters (fr).',
                                f"« {self.country_code} » n'est pas un code pays ; utilisez deux lettres (fr).")

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
            raise InvalidReturn("A delivery home needs the customer's address; type it in or choose a pickup "
                                "in store.",
                                "Une livraison à domicile demande l'adresse du client ; saisissez-la ou "
                                "choisissez le retrait en magasin.")
        if self.destination is Destination.STORE and self.address is not None:
            raise InvalidReturn("A pickup in store has no delivery address; leave the address out.",
                                "Un retrait en magasin n'a pas d'adresse de livraison ; retirez-la.")
