"""What `posreturns verify` and the window's start-up check report, and the one sentence that tells a
manager what broke."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # database | audit_guard | audit_chain | line_ledger | stock | lost_returns
    subject: str
    en: str
    fr: str


_PARTS = {
    "database": ("the database file is damaged", "le fichier de la base est endommagé"),
    "audit_guard": ("the audit log's protection was removed", "la protection du journal d'audit a été retirée"),
    "audit_chain": ("{n} audit row(s) were changed or removed", "{n} ligne(s) d'audit ont été modifiées ou supprimées"),
    "line_ledger": ("{n} sale line(s) do not match their returns",
                    "{n} ligne(s) de vente ne correspondent pas à leurs retours"),
    "stock": ("{n} stock level(s) do not match their movements",
              "{n} niveau(x) de stock ne correspondent pas à leurs mouvements"),
    "lost_returns": ("the database lost returns it had recorded", "la base a perdu des retours enregistrés"),
}


def summary(findings: list[Finding]) -> tuple[str, str] | None:
    """One sentence (English, French) for a manager, or None when everything adds up."""
    if not findings:
        return None
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
    en = "; ".join(_PARTS[kind][0].format(n=n) for kind, n in counts.items())
    fr = " ; ".join(_PARTS[kind][1].format(n=n) for kind, n in counts.items())
    return (f"The till's records do not add up: {en}. Run `posreturns verify` for the details and call support.",
            f"Les données de la caisse ne concordent pas : {fr}. Lancez `posreturns verify` pour le détail et "
            "appelez le support.")
