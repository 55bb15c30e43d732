"""The returns report's charts, drawn with pyqtgraph: returns by reason, the trend by day, units by
disposition and what the refunds became (refund method: the conversion to exchange and store
credit, the exchanges delivered from the network apart). Labels and numbers follow the window's language.

pyqtgraph loads in about a second (numpy, OpenGL bindings), so it is imported when a chart is first
drawn, never when the till starts. Bar heights are drawing coordinates: the money itself stays in
integer minor units in the report."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage

from posreturns.domain.money import Money
from posreturns.domain.returns_report import ReturnsReport
from posreturns.ui.i18n import NARROW_SPACE
from posreturns.ui.manager.report_labels import key_label

translate = QCoreApplication.translate
BAR = QColor("#2f6f9f")
TREND = QColor("#c0392b")
NAMES_WIDTH = 90  # pixels for a category's name beside its bar: the charts must fit a 1024-pixel screen


def number_text(value: float | Decimal | int, language: str, decimals: int = 0) -> str:
    """'1 234,5' in French (narrow no-break space), '1,234.5' in English."""
    text = f"{Decimal(str(value)):,.{decimals}f}"
    if language == "fr":
        return text.replace(",", "_").replace(".", ",").replace("_", NARROW_SPACE)
    return text


def _pg() -> Any:
    import pyqtgraph

    pyqtgraph.setConfigOptions(background="w", foreground="k", antialias=True)
    return pyqtgraph


def _axis(pg: Any, orientation: str, language: str) -> Any:
    """Numbers in the window's language; counts and whole amounts only (no '0,5 return')."""
    class LocaleAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph has no type hints: its classes are Any
        def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
            return [number_text(round(v * scale), language) if float(v * scale).is_integer() else ""
                    for v in values]

    return LocaleAxis(orientation)


def _compact(plot: Any, title: str) -> None:
    """A small title and small tick labels: four charts share a corner of a 1024-pixel screen."""
    plot.setTitle(title, size="10pt")
    font = QFont()
    font.setPointSize(8)
    for side in ("left", "bottom"):
        plot.getAxis(side).setTickFont(font)


def _bars(pg: Any, layout: Any, row: int, col: int, title: str, labels: list[str], heights: list[float],
          language: str, horizontal: bool) -> None:
    value_axis = "bottom" if horizontal else "left"
    plot = layout.addPlot(row=row, col=col, axisItems={value_axis: _axis(pg, value_axis, language)})
    _compact(plot, title)
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    positions = list(range(len(labels)))
    if horizontal:
        plot.addItem(pg.BarGraphItem(x0=0, y=positions, height=0.6, width=heights, brush=BAR, pen=None))
        names = plot.getAxis("left")
        # the axis neither widens for names nor shows one wider than itself: shorten the longest
        metrics = QFontMetrics(names.font())
        shown = [metrics.elidedText(text, Qt.TextElideMode.ElideRight, NAMES_WIDTH) for text in labels]
        names.setTicks([list(zip(positions, shown, strict=True))])
        names.setWidth(max([40] + [metrics.horizontalAdvance(text) + 14 for text in shown]))
        plot.invertY(True)
    else:
        plot.addItem(pg.BarGraphItem(x=positions, height=heights, width=0.6, brush=BAR, pen=None))
        plot.getAxis("bottom").setTicks([list(zip(positions, labels, strict=True))])


def build_charts(report: ReturnsReport, language: str) -> Any:
    """A pyqtgraph GraphicsLayoutWidget with the four charts of `report`."""
    pg = _pg()
    layout = pg.GraphicsLayoutWidget()
    layout.setObjectName("reportCharts")
    reasons = sorted(report.by["reason"], key=lambda f: (-f.returns, f.key))[:8]
    _bars(pg, layout, 0, 0, translate("ReportCharts", "Returns by reason"),
          [key_label("reason", f.key) for f in reasons], [f.returns for f in reasons], language, horizontal=True)
    days = report.by["day"]
    trend = layout.addPlot(row=0, col=1, axisItems={"left": _axis(pg, "left", language)})
    _compact(trend, translate("ReportCharts", "Refunded by day ({0})").replace("{0}", report.currency))
    trend.setMouseEnabled(False, False)
    trend.hideButtons()
    amounts = [float(Money.from_minor(f.value_minor, report.currency).amount) for f in days]
    trend.addItem(pg.BarGraphItem(x=list(range(len(days))), height=amounts, width=0.7, brush=TREND, pen=None))
    step = max(1, -(-len(days) // 5))  # five dates at most: they stay readable in a narrow chart
    trend.getAxis("bottom").setTicks([[(i, _short_day(f.key, language)) for i, f in enumerate(days) if i % step == 0]])
    dispositions = report.by["disposition"]
    _bars(pg, layout, 1, 0, translate("ReportCharts", "Units by disposition"),
          [key_label("disposition", f.key) for f in dispositions], [f.units for f in dispositions], language,
          horizontal=True)
    became = became_bars(report)
    _bars(pg, layout, 1, 1, translate("ReportCharts", "What the returns became"),
          [label for label, _count in became], [count for _label, count in became], language, horizontal=True)
    return layout


def became_bars(report: ReturnsReport) -> list[tuple[str, int]]:
    """Returns by refund method, the exchanges split into those handed over here and those delivered from
    another store or the warehouse (a delivered exchange is a sale the shelf alone would have lost)."""
    kept = {f.key: f for f in report.by["kept"]}
    bars: list[tuple[str, int]] = []
    for f in report.by["method"]:
        if f.key == "exchange" and kept["delivered"].returns:
            bars += [(key_label("kept", "exchange_here"), f.returns - kept["delivered"].returns),
                     (key_label("kept", "delivered"), kept["delivered"].returns)]
        else:
            bars.append((key_label("method", f.key), f.returns))
    return bars


def _short_day(iso: str, language: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}" if language == "fr" else f"{iso[5:7]}/{iso[8:10]}"


def chart_image(report: ReturnsReport, language: str, width: int = 1200, height: int = 800) -> QImage:
    """The charts as an image, for the PDF export and the screenshots."""
    widget = build_charts(report, language)
    widget.resize(width, height)
    image: QImage = widget.grab().toImage()
    widget.deleteLater()
    return image
