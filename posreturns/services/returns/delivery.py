"""The promise of an exchange delivered from the network, computed when the return is quoted or
completed and stored with it (the return's answer, the receipt, the event for the OMS).

The promise relies on the stock the till last heard of: offline, that may be hours old, so the
delivery is marked provisional until the OMS has taken the order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from posreturns.domain.delivery import DeliveryChoice
from posreturns.domain.promise import Destination, SourceKind
from posreturns.domain.promise_wording import time_words
from posreturns.services.errors import BadInput
from posreturns.services.promises import PromiseService, SourcePromise

_TO = {Destination.HOME: "to the customer's home", Destination.STORE: "to this store"}


def delivery_record(choice: DeliveryChoice, codes: Sequence[str], promises: PromiseService, store_id: str,
                    offline: bool) -> dict[str, Any]:
    """What is stored with the return and sent to the OMS; `BadInput` when `choice.source` cannot
    deliver every replacement (`codes`) there."""
    if not codes:
        raise BadInput('"delivery" is for an exchange: add the replacement ("exchange_lines") and choose '
                       'the refund method "exchange".')
    chosen: list[SourcePromise] = []
    for code in codes:
        options = promises.options(code, choice.destination)
        line = next((p for p in options.promises if p.promise.source.location == choice.source), None)
        if line is None:
            raise BadInput(_why_not(choice, options.title, options.elsewhere, promises))
        chosen.append(line)
    if chosen[0].promise.source.kind is SourceKind.HERE and choice.destination is Destination.STORE:
        raise BadInput("The replacement is on the shelf in this store: hand it over now (leave \"delivery\" out).")
    zone = promises.network().zone
    latest = max(chosen, key=lambda p: p.promise.deadline(zone))
    heard = [(p.stock_as_of, p.stock_age) for p in chosen if p.stock_as_of is not None and p.stock_age is not None]
    as_of, age = min(heard) if heard else (None, None)  # the oldest stock the promise relies on
    found = latest.promise
    return {
        "source": found.source.location, "source_name": found.source.name, "source_kind": found.source.kind.value,
        "to": choice.destination.value,
        "pickup_store": store_id if choice.destination is Destination.STORE else None,
        "recipient": choice.recipient.to_dict(),
        "address": None if choice.address is None else choice.address.to_dict(),
        "promise": {"arrives_on": found.arrives_on.isoformat(),
                    "before": time_words(found.before) if found.before else None,
                    "when": latest.when, "sentence": latest.sentence},
        "stock_as_of": None if as_of is None else as_of.isoformat(),
        "stock_age_minutes": None if age is None else int(age.total_seconds() // 60),
        "provisional": offline,
    }


def _why_not(choice: DeliveryChoice, title: str, elsewhere: dict[str, int], promises: PromiseService) -> str:
    source = promises.network().source(choice.source)
    if source is None:
        return (f'"{choice.source}" is not a source of this store\'s delivery network; choose one that '
                "`posreturns exchange promise` lists.")
    if choice.destination not in source.routes and source.kind is not SourceKind.HERE:
        return f"{source.name} does not deliver {_TO[choice.destination]}; choose another source or destination."
    if choice.source in elsewhere:
        return f"{source.name} cannot deliver {title} {_TO[choice.destination]}; choose another source."
    return f"{title} is not in stock at {source.name}; choose another source or another size."
