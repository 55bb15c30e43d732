"""The Z-style summary of a closed day, printed on the receipt printer through the print queue: the
returns it covers, what they paid out by tender, the cash count and its difference, and what was
still open when a manager closed anyway (with their reason)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from posreturns.devices.documents import Block, Columns, Cut, Feed, Rule, Text
from posreturns.devices.printing import PrintOutcome, ReceiptPrinting
from posreturns.devices.wording import METHODS, moment, money, pick
from posreturns.domain import messages
from posreturns.domain.day_close import DayClose
from posreturns.domain.messages import translate
from posreturns.domain.money import Money

WORDS: dict[str, messages.Text] = {
    "title": translate("devices.z_report", "CLOSE OF DAY"),
    "correction": translate("devices.z_report", "Correction"),
    "till": translate("devices.z_report", "Till"),
    "day": translate("devices.z_report", "Day"),
    "from": translate("devices.z_report", "From"),
    "to": translate("devices.z_report", "To"),
    "returns": translate("devices.z_report", "Returns"),
    "refunded": translate("devices.z_report", "Refunded"),
    "by_tender": translate("devices.z_report", "By tender"),
    "host": translate("devices.z_report", "terminal"),
    "till_paid": translate("devices.z_report", "till"),
    "expected": translate("devices.z_report", "Cash paid out"),
    "counted": translate("devices.z_report", "Cash counted"),
    "float": translate("devices.z_report", "Drawer float"),
    "paid_since": translate("devices.z_report", "Cash paid out since"),
    "in_drawer": translate("devices.z_report", "Expected in the drawer"),
    "difference": translate("devices.z_report", "Difference"),
    "open": translate("devices.z_report", "CLOSED WITH ITEMS OPEN"),
    "reason": translate("devices.z_report", "Reason"),
    "closed_by": translate("devices.z_report", "Closed by"),
    "training": translate("devices.z_report", "TRAINING"),
}


def _w(key: str, lang: str) -> str:
    return WORDS[key].in_language(lang)


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
    blocks.append(Rule())
    if close.float_minor is not None:  # the count is the cash in the drawer: the float less what it paid out
        blocks += [Columns(_w("float", lang), amount(close.float_minor)),
                   Columns(_w("paid_since", lang), amount(close.float_paid_minor)),
                   Columns(_w("in_drawer", lang), amount(close.cash_expected_minor))]
    else:
        blocks.append(Columns(_w("expected", lang), amount(close.cash_expected_minor)))
    blocks += [Columns(_w("counted", lang), amount(close.cash_counted_minor)),
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
