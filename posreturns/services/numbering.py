"""Return numbers, `R<store>-<till>-<seq>`: unique per store and till, whatever the ids look like.

Only A-Z, 0-9 and '-', so a number survives every scanner keymap, and at most 23 characters, so its
Code 128 fits 80 mm paper. A store or till id appears as itself in capitals without punctuation when
that is short (`PARIS-01` → `PARIS01`, `t1` → `T1`); a longer id becomes its first characters and a
fingerprint of the whole id, one character longer than any plain code, so the two kinds never meet
and `CAISSE-NORD-1` / `CAISSE-NORD-2` get different numbers. Two ids that differ only in case or
punctuation share a code: a till refuses such a till id (`check_till_id`), an import such a store.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

from posreturns.domain.messages import translate
from posreturns.services.errors import BadInput

_NOT_CODE = re.compile(r"[^A-Z0-9]+")
TILL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,15}")
STORE_PLAIN, TILL_PLAIN = 7, 5  # longest code written as is; fingerprinted codes are one longer
_KEEP = {STORE_PLAIN: 3, TILL_PLAIN: 2}  # characters of the id kept in front of the fingerprint


def number_code(identifier: str, plain_max: int) -> str:
    plain = _NOT_CODE.sub("", identifier.upper())
    if 0 < len(plain) <= plain_max:
        return plain
    keep = _KEEP.get(plain_max, 2)
    digest = base64.b32encode(hashlib.sha256(identifier.strip().encode("utf-8", "surrogatepass")).digest())
    return plain[:keep] + digest.decode("ascii")[: plain_max + 1 - len(plain[:keep])]


def store_code(store_id: str) -> str:
    return number_code(store_id, STORE_PLAIN) if store_id.strip() else "STORE"


def till_code(till_id: str) -> str:
    return number_code(till_id, TILL_PLAIN) if till_id.strip() else "TILL"


def return_number(store_id: str, till_id: str, seq: int) -> str:
    """E.g. RPARIS01-T1-000007."""
    return f"R{store_code(store_id)}-{till_code(till_id)}-{seq:06d}"


def check_till_id(till_id: str, known: Iterable[str]) -> str:
    """`till_id` stripped, or `BadInput` when it is malformed or would share its return numbers with
    another till id already used in this data folder."""
    value = till_id.strip()
    if not TILL_ID.fullmatch(value):
        raise BadInput(
            translate("services.numbering", '"{0}" is not a till id; use 1 to 16 letters, digits, "-", "_" or '
                                            '".", starting with a letter or a digit (e.g. T1).').format(value[:40]),
        )
    code = till_code(value)
    for other in known:
        if other != value and till_code(other) == code:
            raise BadInput(
                translate("services.numbering", 'The till id "{0}" would give the same return numbers (…-{1}-…) '
                                                'as the till "{2}" already used here; choose an id that differs '
                                                "in more than case or punctuation.").format(value, code, other),
            )
    return value


RANGE_SIZE = 100_000  # return numbers of one till id claimed at a time in the OMS (sync/numbers.py)
RANGES = 10  # six digits: ranges 0-9


def range_of(seq: int) -> int:
    return max(seq, 0) // RANGE_SIZE


def last_before_range(number_range: int) -> int:
    """The sequence to store so that the next return is the first of `number_range`."""
    return max(number_range * RANGE_SIZE - 1, 0)
