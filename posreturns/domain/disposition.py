"""Where a returned unit goes: the first matching declarative rule of the policy, else the default."""

from __future__ import annotations

from dataclasses import dataclass

from posreturns.domain.decision import Alert, TraceEntry
from posreturns.domain.policy.model import Policy
from posreturns.domain.returns import Condition, Disposition, Reason

_NAMES_EN = {
    Disposition.RESTOCK: "back on sale at once",
    Disposition.INSPECT: "held for inspection",
    Disposition.REFURBISH: "sent to refurbishment",
    Disposition.RESALE: "sent to the second-hand channel",
    Disposition.RTV: "returned to the vendor",
    Disposition.SCRAP: "scrapped",
}
_NAMES_FR = {
    Disposition.RESTOCK: "remis en vente immédiatement",
    Disposition.INSPECT: "mis de côté pour inspection",
    Disposition.REFURBISH: "envoyé en reconditionnement",
    Disposition.RESALE: "envoyé vers la seconde main",
    Disposition.RTV: "retourné au fournisseur",
    Disposition.SCRAP: "mis au rebut",
}


@dataclass(frozen=True, slots=True)
class DispositionResult:
    disposition: Disposition
    alerts: tuple[Alert, ...]
    trace: TraceEntry


def decide_disposition(
    policy: Policy, reason: Reason, condition: Condition, category: str
) -> DispositionResult:
    """Evaluate the policy's disposition rules in file order; the first match wins."""
    for rule in policy.dispositions:
        if rule.selector.matches(reason, condition, category):
            trace = TraceEntry(
                "disposition",
                f'Item {_NAMES_EN[rule.disposition]} (rule "{rule.name}").',
                f"Article {_NAMES_FR[rule.disposition]} (règle « {rule.name} »).",
            )
            return DispositionResult(rule.disposition, rule.alerts, trace)
    default = policy.default_disposition
    trace = TraceEntry(
        "disposition",
        f"Item {_NAMES_EN[default]} (default rule).",
        f"Article {_NAMES_FR[default]} (règle par défaut).",
    )
    return DispositionResult(default, (), trace)
