"""The Z-style summary of a closed day, printed on the receipt printer through the print queue: the
returns it covers, what they paid out by tender, the cash count and its difference, and what was
still open when a manager closed anyway (with their reason)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from posreturns.devices.documents import Block, Columns, Cut, Feed, Rule, Text
from posreturns.devices.printing import PrintOutcome, ReceiptPrinting
from posreturns.devices.wording import METHODS, moment, money, pick
from posreturns.domain.day_close import DayClose
from posreturns.domain.money import Money

WORDS = {
    "title": ("CLOSE OF DAY", "CLÔTURE DE JOURNÉE"), "correction": ("Correction", "Correctif"),
    "till": ("Till", "Caisse"), "day": ("Day", "Journée"), "from": ("From", "Du"), "to": ("To", "Au"),
    "returns": ("Returns", "Retours"), "refunded": ("Refunded", "Remboursé"), "by_tender": ("By tender", "Par moyen"),
    "host": ("terminal", "terminal"), "till_paid": ("till", "caisse"),
    "expected": ("Cash paid out", "Espèces décaissées"), "counted": ("Cash counted", "Espèces comptées"),
    "difference": ("Difference", "Écart"), "open": ("CLOSED WITH ITEMS OPEN", "CLÔTURÉE AVEC DES POINTS OUVERTS"),
    "reason": ("Reason", "Motif"), "closed_by": ("Closed by", "Clôturée par"), "training": ("TRAINING", "FORMATION"),
}


def _w(key: str, lang: str) -> str:
    return WORDS[key][1 if lang == "fr" else 0]


def z_report(close: DayClose, lang: str, store: str, local: Callable[[datetime], datetime]) -> list[Block]:
    def amount(minor: int) -> str:
        return money(Money.from_minor(minor, close.currency).amount, close.currency, lang)

    window = close.window
    blocks: list[Block] = [Text(store, "center", bold=True),
                           Text(f"Z {close.z_number}", "center", bold=True, large=True),
                           Text(_w("title", lang), "center", bold=True)]
    if close.training:
        blocks.append(Text(_w("training", lang), "center", bold=True))
    if window.seq > 1:
        blocks.append(Text(f"{_w('correction', lang)} {window.seq - 1}", "center"))
    blocks += [Rule(), Columns(_w("till", lang), window.till_id),
               Columns(_w("day", lang), window.business_day.strftime("%d/%m/%Y" if lang == "fr" else "%Y-%m-%d")),
               Columns(_w("from", lang), moment(local(window.start), lang)),
               Columns(_w("to", lang), moment(local(window.end), lang)), Rule(),
               Columns(_w("returns", lang), str(close.totals.returns)),
               Columns(_w("refunded", lang), amount(close.totals.refund_total_minor), bold=True)]
    if close.totals.tenders:
        blocks.append(Text(_w("by_tender", lang), bold=True))
        for tender in close.totals.tenders:
            who = _w("host" if tender.executed_by == "host" else "till_paid", lang)
            blocks.append(Columns(f"  {pick(METHODS.get(tender.method), tender.method, lang)} ({who})",
                                  amount(tender.amount_minor)))
    blocks += [Rule(), Columns(_w("expected", lang), amount(close.cash_expected_minor)),
               Columns(_w("counted", lang), amount(close.cash_counted_minor)),
               Columns(_w("difference", lang), amount(close.difference_minor), bold=True)]
    if close.override_reason:
        blocks += [Rule(), Text(_w("open", lang), bold=True), Text(close.open_items.sentence(lang)),
                   Text(f"{_w('reason', lang)}: {close.override_reason}")]
    blocks += [Rule(), Columns(_w("closed_by", lang), close.closed_by), Text(moment(local(close.closed_at), lang)),
               Feed(2), Cut()]
    return blocks


def print_z_report(printing: ReceiptPrinting, close: DayClose, store: str,
                   local: Callable[[datetime], datetime]) -> PrintOutcome:
    """Queued like every document: stored first, so a printer problem leaves it waiting, never lost."""
    lang = printing.settings().language
    return printing.print_document("z_report", f"Z{close.z_number}", z_report(close, lang, store, local))
