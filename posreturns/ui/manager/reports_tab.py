"""The Reports tab: a period and a scope (this till or the whole store), the key figures, the charts,
the figures of one dimension, and the returns behind whichever figure is clicked; CSV and PDF
exports. Every number on it opens to its rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posreturns.domain.money import Money
from posreturns.domain.returns_report import DIMENSIONS, ReturnsReport, percent
from posreturns.ui.i18n import Formats, date_edit_format
from posreturns.ui.manager.back_office import BackOfficePresenter
from posreturns.ui.manager.report_labels import dimensions, key_label
from posreturns.ui.report_pdf import formats_number, summary_rows
from posreturns.ui.views.widgets import big_button, table

SUMMARY_TRACES = ("total:all", "total:all", "flag:receiptless", "flag:overridden", "flag:kept", "kept:all",
                  "kept:delivered", "kept:delivered_provisional", "flag:bonus", "disposition:RESTOCK", "flag:recovered",
                  "", "disposition:SCRAP", "", "", "")
ChooseFile = Callable[[str, str], str]


def save_file_dialog(parent: QWidget) -> ChooseFile:
    def choose(suggested: str, pattern: str) -> str:
        return QFileDialog.getSaveFileName(parent, "", str(Path.home() / suggested), pattern)[0]

    return choose


class ReportsTab(QWidget):
    def __init__(self, presenter: BackOfficePresenter, formats: Formats, today: Callable[[], date],
                 choose_file: ChooseFile | None = None) -> None:
        super().__init__()
        self.presenter, self.formats, self.today = presenter, formats, today
        self.choose_file = choose_file or save_file_dialog(self)
        self.start, self.end = QDateEdit(calendarPopup=True), QDateEdit(calendarPopup=True)
        for edit in (self.start, self.end):
            edit.setDisplayFormat(date_edit_format(formats.language))
        self.scope = QComboBox()
        self.scope.addItem(self.tr("This till"), False)
        self.scope.addItem(self.tr("Whole store"), True)
        self.today_button, self.month_button = big_button(self.tr("Today")), big_button(self.tr("30 days"))
        self.show_button = big_button(self.tr("Show"), "primary")
        self.csv_button, self.pdf_button = big_button(self.tr("Export CSV")), big_button(self.tr("Export PDF"))
        self.summary = table((self.tr("Figure"), self.tr("Value")))
        self.dimension = QComboBox()
        for key, name in dimensions().items():
            self.dimension.addItem(name, key)
        self.figures = table((self.tr("Key"), self.tr("Returns"), self.tr("Units"), self.tr("Amount"),
                              self.tr("Share")))
        self.behind = table((self.tr("Return"), self.tr("When"), self.tr("Till"), self.tr("Cashier"),
                             self.tr("Refunded")))
        self.behind_title = QLabel(self.tr("Click a figure to see the returns it counts."), wordWrap=True)
        self.charts_box = QVBoxLayout()
        self.charts: Any = None
        self._layout()
        self.today_button.clicked.connect(lambda: self._period(0))
        self.month_button.clicked.connect(lambda: self._period(29))
        self.show_button.clicked.connect(self.load)
        self.csv_button.clicked.connect(self._export_csv)
        self.pdf_button.clicked.connect(self._export_pdf)
        self.dimension.currentIndexChanged.connect(lambda _index: self._show_figures())
        self.summary.cellClicked.connect(self._summary_clicked)
        self.figures.cellClicked.connect(self._figure_clicked)
        presenter.report_loaded.connect(self.show_report)
        presenter.behind_loaded.connect(self.show_behind)
        self._period(0, load=False)

    def _layout(self) -> None:
        controls = QHBoxLayout()  # two short rows: the tab must fit a 1024-pixel screen
        for widget in (QLabel(self.tr("From")), self.start, QLabel(self.tr("to")), self.end, self.scope):
            controls.addWidget(widget)
        controls.addStretch(1)
        actions = QHBoxLayout()
        for widget in (self.today_button, self.month_button, self.show_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.csv_button)
        actions.addWidget(self.pdf_button)
        charts = QWidget()
        charts.setLayout(self.charts_box)
        charts.setMinimumHeight(250)
        self.summary.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.summary.verticalHeader().setDefaultSectionSize(30)  # a read-out: rows close together
        self.summary.setMaximumWidth(330)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.summary)
        top.addWidget(charts)
        top.setSizes([380, 620])
        figures = QWidget()
        left = QVBoxLayout(figures)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.dimension)
        left.addWidget(self.figures)
        returns = QWidget()
        right = QVBoxLayout(returns)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.behind_title)
        right.addWidget(self.behind)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(figures)
        bottom.addWidget(returns)
        parts = QSplitter(Qt.Orientation.Vertical)
        parts.addWidget(top)
        parts.addWidget(bottom)
        parts.setSizes([600, 400])
        column = QVBoxLayout(self)
        column.addLayout(controls)
        column.addLayout(actions)
        column.addWidget(parts, 1)

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the tab shows, today's report: a manager opens it to read, not to fill a form."""
        super().showEvent(event)
        if self.presenter.period is None:
            self.load()

    def _period(self, days_back: int, load: bool = True) -> None:
        today = self.today()
        self.start.setDate(QDate(*(today - timedelta(days=days_back)).timetuple()[:3]))
        self.end.setDate(QDate(today.year, today.month, today.day))
        if load:
            self.load()

    def load(self) -> None:
        start, end = self.start.date().toPython(), self.end.date().toPython()
        self.presenter.load_report(start, end, bool(self.scope.currentData()))

    def _money(self, minor: int, report: ReturnsReport) -> str:
        return self.formats.money(Money.from_minor(minor, report.currency).amount, report.currency)

    def show_report(self, report: ReturnsReport) -> None:
        rows = summary_rows(report, self.formats)
        self.summary.setRowCount(len(rows))
        for row, (label, value) in enumerate(rows):
            for column, text in enumerate((label, value)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)  # a narrow screen cuts the longer names
                self.summary.setItem(row, column, cell)
        self._show_figures()
        self._show_charts(report)

    def _show_charts(self, report: ReturnsReport) -> None:
        from posreturns.ui.manager.report_charts import build_charts

        if self.charts is not None:
            self.charts_box.removeWidget(self.charts)
            self.charts.deleteLater()
        self.charts = build_charts(report, self.formats.language)
        self.charts.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)  # fits what it is given
        self.charts.setMinimumSize(0, 0)
        self.charts_box.addWidget(self.charts)

    def _show_figures(self) -> None:
        report = self.presenter.report
        if report is None:
            return
        dimension = str(self.dimension.currentData())
        figures = report.by[dimension]
        self.figures.setRowCount(len(figures))
        for row, f in enumerate(figures):
            share = percent(f.value_minor, report.total.value_minor)
            for column, text in enumerate((key_label(dimension, f.key), str(f.returns), str(f.units),
                                           self._money(f.value_minor, report),
                                           "" if share is None
                                           else f"{formats_number(share, self.formats.language)} %")):
                self.figures.setItem(row, column, QTableWidgetItem(text))

    def _summary_clicked(self, row: int, _column: int) -> None:
        if row < len(SUMMARY_TRACES) and SUMMARY_TRACES[row]:
            self.presenter.open_figure(SUMMARY_TRACES[row])

    def _figure_clicked(self, row: int, _column: int) -> None:
        report = self.presenter.report
        dimension = str(self.dimension.currentData())
        if report is not None and row < len(report.by[dimension]):
            self.presenter.open_figure(report.by[dimension][row].trace)

    def show_behind(self, trace: str, rows: list[Any]) -> None:
        report = self.presenter.report
        dimension, _, key = trace.partition(":")
        what = key_label(dimension, key) if dimension in DIMENSIONS else trace
        self.behind_title.setText(self.tr("{0} return(s) behind “{1}”").replace("{0}", str(len(rows))).replace(
            "{1}", what))
        self.behind.setRowCount(len(rows))
        for row, ret in enumerate(rows):
            cells = (ret.number, self.formats.moment(ret.created_at), key_label("till", ret.till),
                     key_label("cashier", ret.cashier), self._money(ret.refund_minor, report) if report else "")
            for column, text in enumerate(cells):
                self.behind.setItem(row, column, QTableWidgetItem(text))

    def _export_csv(self) -> None:
        if self.presenter.report is None:
            self.presenter.refused.emit(self.tr("Show a report first."))
            return
        chosen = self.choose_file(self._file_name("csv"), self.tr("CSV files (*.csv)"))
        if chosen:
            self.presenter.export_csv(Path(chosen), self.formats.language)

    def _export_pdf(self) -> None:
        if self.presenter.report is None:
            self.presenter.refused.emit(self.tr("Show a report first."))
            return
        chosen = self.choose_file(self._file_name("pdf"), self.tr("PDF files (*.pdf)"))
        if chosen:
            self.presenter.export_pdf(Path(chosen), self.formats.language)

    def _file_name(self, extension: str) -> str:
        report = self.presenter.report
        return f"returns-{report.start}-{report.end}.{extension}" if report else f"returns.{extension}"
