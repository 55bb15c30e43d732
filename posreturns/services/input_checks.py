"""Checks every text from outside goes through: no full card number is ever stored, and only text
that can be stored and printed (no lone surrogates, no control characters)."""

from __future__ import annotations

import re

from posreturns.services.normalize import gtin14, gtin_check_digit_ok

# 13-19 digits, in groups separated by single spaces or dashes, not part of a longer number
_DIGIT_RUN = re.compile(r"(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])")
# (lowest prefix, highest prefix, card lengths) of the card schemes: Visa, Mastercard, Amex, Discover,
# JCB, Diners, UnionPay, Maestro, Mir. An IMEI (15 digits, Luhn-valid by design) or a GTIN matches
# none of them at its length, so a phone's serial number or a barcode is not mistaken for a card.
_SCHEMES: tuple[tuple[str, str, tuple[int, ...]], ...] = (
    ("4", "4", (13, 16, 19)),
    ("51", "55", (16,)), ("2221", "2720", (16,)),
    ("34", "34", (15,)), ("37", "37", (15,)),
    ("6011", "6011", (16, 17, 18, 19)), ("644", "649", (16, 17, 18, 19)), ("65", "65", (16, 17, 18, 19)),
    ("3528", "3589", (16, 17, 18, 19)),
    ("300", "305", (14, 15, 16, 17, 18, 19)), ("36", "36", (14, 15, 16, 17, 18, 19)),
    ("38", "39", (14, 15, 16, 17, 18, 19)),
    ("62", "62", (16, 17, 18, 19)),
    ("50", "50", (13, 14, 15, 16, 17, 18, 19)), ("56", "69", (13, 14, 15, 16, 17, 18, 19)),
    ("2200", "2204", (16, 17, 18, 19)),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, char in enumerate(reversed(digits)):
        value = int(char) * (2 if i % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _is_card_number(run: str) -> bool:
    digits = run.replace(" ", "").replace("-", "")
    if digits == run and gtin14(digits) and gtin_check_digit_ok(digits):
        return False  # a whole EAN-13 / GTIN-14 (a SKU, a barcode): 13-digit Visa cards are no longer issued
    return any(low <= digits[: len(low)] <= high and len(digits) in lengths for low, high, lengths in _SCHEMES) \
        and luhn_ok(digits)


def _card_runs(text: str) -> list[re.Match[str]]:
    if len(text) < 13:
        return []
    return [m for m in _DIGIT_RUN.finditer(text) if _is_card_number(m.group())]


_MACHINE_MADE_FIELDS = {"id", "key", "idempotency_key", "serial", "pin"}  # "key": a draft's idempotency key


def machine_made(field: str) -> bool:
    """True for a field no person writes into, which is never searched for card numbers: ids (a UUID's
    digit groups pass the Luhn check once in ~1,400), idempotency keys, serials (a phone's IMEI carries
    a Luhn digit by design) and PINs. Names, notes, references and the codes people type are searched."""
    return field in _MACHINE_MADE_FIELDS or field.endswith("_id")


def has_card_number(text: str) -> bool:
    """True when `text` holds what looks like a full payment card number (scheme prefix and length,
    Luhn check digit), written whole or in groups."""
    return bool(_card_runs(text))


def mask_card_numbers(text: str) -> str:
    """`text` with every card number replaced by its last four digits behind stars."""
    for match in reversed(_card_runs(text)):
        digits = match.group().replace(" ", "").replace("-", "")
        text = text[: match.start()] + "*" * (len(digits) - 4) + digits[-4:] + text[match.end():]
    return text


def storable(text: str) -> bool:
    """False for text SQLite and the printer cannot take: lone surrogates, control characters
    (tab and line breaks are allowed)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return _CONTROL.search(text) is None
