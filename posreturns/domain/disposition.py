"""Where a returned unit goes: the first matching declarative rule of the policy, else the default."""

from __future__ import annotations

from dataclasses import dataclass

from posreturns.domain.decision import Alert, TraceEntry
from posreturns.domain.messages import translate
from posreturns.domain.policy.model import Policy
from posreturns.domain.returns import Condition, Disposition, Reason

_NAMES = {
    Disposition.RESTOCK: translate("domain.disposition", "back on sale at once"),
    Disposition.INSPECT: translate("domain.disposition", "held for inspection"),
    Disposition.REFURBISH: translate("domain.disposition", "sent to refurbishment"),
    Disposition.RESALE: translate("domain.disposition", "sent to the second-hand channel"),
    Disposition.RTV: translate("domain.disposition", "returned to the vendor"),
    Disposition.SCRAP: translate("domain.disposition", "scrapped"),
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
            said = translate("domain.disposition", 'Item {0} (rule "{1}").').format(_NAMES[rule.disposition], rule.name)
            trace = TraceEntry("disposition", said)
            return DispositionResult(rule.disposition, rule.alerts, trace)
    default = policy.default_disposition
    trace = TraceEntry("disposition", translate("domain.disposition", "Item {0} (default rule).")
                                      .format(_NAMES[default]))
    return DispositionResult(default, (), trace)
