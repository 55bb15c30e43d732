"""Numbers no two tills of a chain issue, claimed in the OMS by the sync (docs/sync.md, "Numbers").

* Second-hand codes: each till database claims a block (1-9999) of in-store EAN-13 codes, the lowest
  free one, and issues its codes from it (domain/resale.py `till_ean13`); most of it used, it claims
  the next. A reinstalled till (a new database) claims a new block: it cannot reissue a code.
* Return numbers: `R<store>-<till>-<seq>` is unique per store and till id, but two tills configured
  with one till id, or a till reinstalled with a fresh database, would number from 1 again. So the
  six-digit sequence comes in ranges of 100,000 claimed per store and till id: the first database of
  a till holds range 0 (its numbers as before), a second one gets the next free range and numbers from
  its first number (a reinstalled T1 goes on at R…-T1-100000), and a range almost used claims the next.

A claim is made once, at the first run that reaches the OMS; a till that cannot claim (offline, an OMS
that refuses) keeps numbering as before and tries again at the next run.
"""

from __future__ import annotations

import logging

from posreturns.domain.resale import BLOCK_DIGITS
from posreturns.services.numbering import RANGE_SIZE, RANGES, last_before_range, range_of, store_code, till_code
from posreturns.services.sync_ports import ClaimHolder, ClaimingGateway, NumbersHeld, TillNumbers

log = logging.getLogger(__name__)
EAN, RETURNS = "ean", "returns"
BLOCKS = range(1, 10**BLOCK_DIGITS)
NEAR_END = RANGE_SIZE // 10  # a range with fewer numbers left than this claims the next


class NumberClaims:
    def __init__(self, numbers: TillNumbers) -> None:
        self.numbers = numbers

    def ensure(self, gateway: ClaimingGateway) -> list[str]:
        """Claim what this till still needs; what it now holds, in words (empty: nothing new)."""
        held = self.numbers.held()
        me = ClaimHolder(held.install_id, held.store_id, held.till_id)
        done: list[str] = []
        if held.ean_block is None or held.ean_block_full:
            done += self._ean_block(gateway, me, held)
        if held.store_id and _wants_range(held):  # numbered after the store: claimed once it is known
            done += self._return_range(gateway, me, held)
        return done

    def _ean_block(self, gateway: ClaimingGateway, me: ClaimHolder, held: NumbersHeld) -> list[str]:
        taken = {int(name): holder for name, holder in gateway.claimed(EAN).items() if name.isdigit()}
        mine = [b for b, holder in taken.items() if holder == me.install_id and b != held.ean_block]
        for block in mine + [b for b in BLOCKS if b not in taken]:  # one whose answer was lost is ours
            if gateway.claim(EAN, f"{block:0{BLOCK_DIGITS}d}", me).install_id == me.install_id:
                self.numbers.hold_ean_block(block)
                return [f"second-hand codes: block {block}"]
        log.error("every block of second-hand codes is claimed in the OMS; this till keeps its block")
        return []

    def _return_range(self, gateway: ClaimingGateway, me: ClaimHolder, held: NumbersHeld) -> list[str]:
        stem = _stem(held)
        first = held.return_range[1] + 1 if held.return_range and held.return_range[0] == stem else range_of(
            held.return_seq)
        for number_range in range(first, RANGES):
            holder = gateway.claim(RETURNS, f"{stem}-{number_range}", me)
            if holder.install_id == me.install_id:
                self.numbers.hold_return_range(held.till_id, stem, number_range, last_before_range(number_range))
                return [f"return numbers of till {held.till_id}: range {number_range}"]
            log.info("return numbers %s-%d are held by another till database (store %s, till %s): this one "
                     "takes a later range", stem, number_range, holder.store_id, holder.till_id)
        log.error("every range of return numbers of till %s is claimed in the OMS", held.till_id)
        return []


def _stem(held: NumbersHeld) -> str:
    """What a return number of this till starts with, after the R: its store and till codes."""
    return f"{store_code(held.store_id)}-{till_code(held.till_id)}"


def _wants_range(held: NumbersHeld) -> bool:
    if held.return_range is None or held.return_range[0] != _stem(held):  # none yet, or another store's
        return True
    end = (held.return_range[1] + 1) * RANGE_SIZE
    return held.return_seq >= end - NEAR_END and held.return_range[1] + 1 < RANGES
