"""Dialogs as they open: on small screens (1920×1080 at 200 % leaves 960×540 points) the content
scrolls, the buttons stay in view under it, and the dialog is never taller or wider than the screen;
the first field has the keyboard focus from the start."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDialog, QFrame, QLineEdit, QScrollArea, QVBoxLayout, QWidget

WINDOW_FRAME = 40  # the title bar and borders a window manager adds around a dialog


def scrolling_body(dialog: QDialog, *below: QWidget) -> QWidget:
    """The widget the dialog's content goes in: inside a scroll area that scrolls only when the screen
    is too small for it; `below` (the dialog's message and buttons) stays in view under it."""
    body = QWidget()
    area = QScrollArea(widgetResizable=True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setObjectName("dialogScroll")
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the dialog's first field has the focus, not its frame
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
