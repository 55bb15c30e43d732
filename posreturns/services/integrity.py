"""What `posreturns verify` and the window's start-up check report, and the one sentence that tells a
manager what broke."""

from __future__ import annotations

from dataclasses import dataclass

from posreturns.domain.messages import Joined, Text, translate


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # database | audit_guard | audit_chain | line_ledger | stock | lost_returns
    subject: str
    en: str
    fr: str

    @classmethod
    def of(cls, kind: str, subject: str, text: Text) -> Finding:
        """A finding told by a catalogue message (`posreturns verify --json` gives both languages)."""
        return cls(kind, subject, text.in_language("en"), text.in_language("fr"))


_PARTS = {
    "database": translate("services.integrity", "the database file is damaged"),
    "audit_guard": translate("services.integrity", "the audit log's protection was removed"),
    "audit_chain": translate("services.integrity", "{0} audit row(s) were changed or removed"),
    "line_ledger": translate("services.integrity", "{0} sale line(s) do not match their returns"),
    "stock": translate("services.integrity", "{0} stock level(s) do not match their movements"),
    "lost_returns": translate("services.integrity", "the database lost returns it had recorded"),
}


def summary(findings: list[Finding]) -> Text | None:
    """One sentence for a manager, or None when everything adds up."""
    if not findings:
        return None
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
    parts = tuple(_PARTS[kind].format(n) for kind, n in counts.items())
    return translate("services.integrity", "The till's records do not add up: {0}. Run `posreturns verify` for the "
                     "details and call support.").format(Joined(parts))
