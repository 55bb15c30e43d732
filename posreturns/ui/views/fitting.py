"""Dialogs as they open: on small screens (1920×1080 at 200 % leaves 960×540 points) the content
scrolls, the buttons stay in view under it, and the dialog is never taller or wider than the screen;
the first field has the keyboard focus from the start."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QDialog, QFrame, QLineEdit, QScrollArea, QVBoxLayout, QWidget

WINDOW_FRAME = 40  # the title bar and borders a window manager adds around a dialog


class ShortScreenScroll(QScrollArea):
    """Scrolls what it holds up and down on a screen shorter than that. Its scroll bar is there or not
    by the height alone: shown "as needed", it narrowed the content, which grew taller (wrapped text)
    or shorter, which hid it again — a loop that crashed the window at 1366×768 and 125 %."""

    def __init__(self, name: str) -> None:
        super().__init__(widgetResizable=True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys go to the fields inside, never to the frame

    def sizeHint(self) -> QSize:
        held = self.widget()
        return held.sizeHint() if held is not None else super().sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        held = self.widget()
        short = held is not None and held.minimumSizeHint().height() > event.size().height()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn if short
                                        else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        super().resizeEvent(event)


def scrolling_body(dialog: QDialog, *below: QWidget) -> QWidget:
    """The widget the dialog's content goes in: inside a scroll area that scrolls only when the screen
    is too small for it; `below` (the dialog's message and buttons) stays in view under it."""
    body = QWidget()
    area = ShortScreenScroll("dialogScroll")
    area.setWidget(body)
    column = QVBoxLayout(dialog)
    column.addWidget(area, 1)
    for widget in below:
        column.addWidget(widget)
    return body


def ready_to_show(dialog: QWidget, room: QRect | None = None) -> None:
    """Its natural size, cut to the screen it opens on (the scroll area takes up the rest), and its
    first field focused before it shows: Qt otherwise focuses one only once the dialog is activated,
    and what is typed before that (a manager typing their ID at once, a busy till) went nowhere."""
    if dialog.focusWidget() is None:
        first = next((field for field in dialog.findChildren(QLineEdit)
                      if field.isVisibleTo(dialog) and field.isEnabled() and not field.isReadOnly()), None)
        if first is not None:
            first.setFocus()
    room = room or (dialog.parentWidget() or dialog).screen().availableGeometry()
    wanted = dialog.size() if dialog.testAttribute(Qt.WidgetAttribute.WA_Resized) else dialog.sizeHint()
    wanted = wanted.expandedTo(dialog.minimumSizeHint())
    dialog.resize(min(wanted.width(), room.width()), min(wanted.height(), room.height() - WINDOW_FRAME))
