"""Normalised search keys, shared by the import (to store them) and the lookup (to query them)."""

from __future__ import annotations

import re
import unicodedata

_NOT_ALNUM = re.compile(r"[^0-9A-Z]")
_NOT_DIGIT = re.compile(r"\D")
_WORD = re.compile(r"[a-z0-9]+")
# Words people and scanners put in front of a receipt number.
RECEIPT_PREFIXES = ("RECEIPT", "TICKET", "ORDER", "COMMANDE", "CMD", "REC", "ORD", "NO", "N")


def number_key(number: str) -> str:
    """'pa01 - 000042' -> 'PA01000042': case, spaces and punctuation do not matter."""
    return _NOT_ALNUM.sub("", (number if number.isascii() else fold(number)).upper())


def number_key_candidates(typed: str) -> list[str]:
    """The key as typed, then without the receipt words in front ('Ticket n° PA01-42' -> 'PA0142')."""
    key = number_key(typed)
    keys = [key] if key else []
    words = [w for w in re.split(r"[^0-9A-Z]+", fold(typed).upper()) if w]
    while len(words) > 1 and words[0] in RECEIPT_PREFIXES:
        words.pop(0)
        stripped = "".join(words)
        if stripped not in keys:
            keys.append(stripped)
    return keys


def fold(text: str) -> str:
    """Strip accents: 'Hélène Dupré' -> 'Helene Dupre'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_tokens(name: str) -> list[str]:
    return sorted(set(_WORD.findall(fold(name).lower())))


def email_key(email: str) -> str:
    return email.strip().lower()


def phone_key(phone: str) -> str:
    """The last nine digits: '+33 6 12 34 56 78' and '06 12 34 56 78' meet on '612345678'."""
    digits = _NOT_DIGIT.sub("", phone)
    return digits[-9:]


def gtin14(code: str) -> str | None:
    """A numeric GTIN-8/12/13/14 as 14 digits, or None when `code` is not one."""
    if code.isdigit() and len(code) in (8, 12, 13, 14):
        return code.zfill(14)
    return None


def gtin_check_digit_ok(code: str) -> bool:
    """`code` (all digits) ends with the GS1 check digit of the digits before it: weights 3, 1, 3…
    from the right, the sum's complement to a multiple of ten (GS1 General Specifications, 7.9.1).
    Not biip's function: importing biip builds all its GS1 tables, 0.2 s before an import's first row."""
    total = sum(int(digit) * 3 for digit in code[-2::-2]) + sum(int(digit) for digit in code[-3::-2])
    return (10 - total % 10) % 10 == int(code[-1])


def barcode_key(code: str) -> str:
    """How a barcode is stored and looked up: numeric GTINs as 14 digits, others upper-cased."""
    code = code.strip()
    return gtin14(code) or code.upper()
