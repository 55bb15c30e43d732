"""The returns report as a PDF, with its charts: Qt's own PDF writer (QPdfWriter) printing a
QTextDocument, in the window's language. Used by the manager's Reports tab and by
`posreturns report --pdf FILE` (which needs no screen: it draws offscreen)."""

from __future__ import annotations

import html
import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from posreturns.domain.money import Money
from posreturns.domain.returns_report import ReturnsReport, percent
from posreturns.services.errors import BadInput
from posreturns.ui.i18n import Formats
from posreturns.ui.manager.report_labels import dimensions, flags, key_label

translate = QCoreApplication.translate
TABLES = ("reason", "category", "sku", "tender", "cashier", "channel", "till", "method", "disposition", "customer",
          "kept")


def summary_rows(report: ReturnsReport, formats: Formats) -> list[tuple[str, str]]:
    """The key figures as (label, value), as the Reports tab and the PDF show them."""
    def money(minor: int) -> str:
        return formats.money(Money.from_minor(minor, report.currency).amount, report.currency)

    def rate(key: str) -> str:
        value = report.rates.get(key)
        return "—" if value is None else f"{formats_number(value, formats.language)} %"

    t = report.total
    kept = {f.key: f for f in report.by["kept"]}
    return [
        (translate("ReportPdf", "Returns"), f"{t.returns} · {t.units} " + translate("ReportPdf", "unit(s)")),
        (translate("ReportPdf", "Refunded"), money(t.value_minor)),
        (translate("ReportPdf", "Without receipt"),
         f"{report.flags['receiptless'].returns} ({rate('receiptless_share')})"),
        (translate("ReportPdf", "Approved by a manager"), str(report.flags["overridden"].returns)),
        (translate("ReportPdf", "Kept as exchange or store credit"),
         f"{report.flags['kept'].returns} ({rate('conversion')})"),
        (translate("ReportPdf", "Sales kept instead of refunded"),
         f"{money(kept['all'].value_minor)} ({rate('kept_value_share')})"),
        (translate("ReportPdf", "Delivered exchanges"),
         f"{kept['delivered'].returns} · {money(kept['delivered'].value_minor)}"),
        (translate("ReportPdf", "Delivered, still provisional"), str(kept["delivered_provisional"].returns)),
        (translate("ReportPdf", "Bonus granted"), money(report.flags["bonus"].value_minor)),
        (translate("ReportPdf", "Back on sale at once"), rate("restocked_at_once")),
        (translate("ReportPdf", "Second-hand recovery"), f"{money(report.recovery_minor)} ({rate('recovery')})"),
        (translate("ReportPdf", "Handling cost"), money(report.handling_cost_minor)),
        (translate("ReportPdf", "Written off (scrapped)"), money(report.written_off_minor)),
        (translate("ReportPdf", "Estimated cost of returns"), money(report.estimated_cost_minor)),
        (translate("ReportPdf", "Net of second-hand recovery"), money(report.net_cost_minor)),
        (translate("ReportPdf", "Return rate against sales"), rate("return_rate")),
    ]


def day_text(day: date, language: str) -> str:
    return day.strftime("%d/%m/%Y" if language == "fr" else "%m/%d/%Y")


def formats_number(value: object, language: str) -> str:
    text = str(value)
    return text.replace(".", ",") if language == "fr" else text


def report_html(report: ReturnsReport, formats: Formats, charts: bool) -> str:
    e = html.escape
    scope = translate("ReportPdf", "whole store") if report.scope == "store" else report.scope.replace(
        "till", translate("ReportPdf", "till"))
    parts = [f"<h1>{e(translate('ReportPdf', 'Returns report'))}</h1>",
             f"<p>{e(day_text(report.start, formats.language))} – {e(day_text(report.end, formats.language))} · "
             f"{e(scope)}</p>",
             "<table cellspacing='0' cellpadding='3' border='1' width='100%'>"]
    parts += [f"<tr><td>{e(label)}</td><td align='right'><b>{e(value)}</b></td></tr>"
              for label, value in summary_rows(report, formats)]
    parts.append("</table>")
    if charts:
        parts.append("<p><img src='charts.png' width='640'></p>")
    heads = (translate("ReportPdf", "Returns"), translate("ReportPdf", "Units"), translate("ReportPdf", "Amount"),
             translate("ReportPdf", "Share"))
    for dimension in TABLES:
        figures = report.by[dimension]
        if not figures:
            continue
        parts.append(f"<h3>{e(dimensions()[dimension])}</h3><table cellspacing='0' cellpadding='2' border='1' "
                     f"width='100%'><tr><th align='left'></th>" + "".join(f"<th>{e(h)}</th>" for h in heads) + "</tr>")
        for f in figures:
            share = percent(f.value_minor, report.total.value_minor)
            parts.append(f"<tr><td>{e(key_label(dimension, f.key))}</td><td align='right'>{f.returns}</td>"
                         f"<td align='right'>{f.units}</td><td align='right'>"
                         f"{e(formats.money(Money.from_minor(f.value_minor, report.currency).amount, report.currency))}"
                         "</td><td align='right'>"
                         f"{'' if share is None else formats_number(share, formats.language) + ' %'}"
                         "</td></tr>")
        parts.append("</table>")
    flagged = "".join(f"<li>{e(flags()[k])}: {f.returns}</li>" for k, f in report.flags.items())
    return "".join(parts) + f"<ul>{flagged}</ul>"


def pdf_bytes(report: ReturnsReport, language: str) -> bytes:
    """The report as PDF bytes (A4). Needs a QApplication (charts are widgets drawn offscreen)."""
    from posreturns.ui.manager.report_charts import chart_image

    formats = Formats(language)
    document = QTextDocument()
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("charts.png"), chart_image(report, language))
    document.setHtml(report_html(report, formats, charts=True))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(translate("ReportPdf", "Returns report"))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    document.print_(writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())


def write_pdf(report: ReturnsReport, path: Path, language: str) -> None:
    """`posreturns report --pdf`: a file export draws offscreen, whatever screen there is."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from posreturns.ui.i18n import install_translators

    app = QApplication.instance() or QApplication([])
    translators = install_translators(app, language, host=True)
    try:
        data = pdf_bytes(report, language)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    try:
        path.write_bytes(data)
    except OSError as error:
        raise BadInput(f"Cannot write {path}: {error.strerror}; choose another file.") from None
