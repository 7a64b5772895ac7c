"""Tables and tool bars that fit the window at 1366×768 without hiding anything important.

The first column (the item's name) gets a readable width; the others take
the width of their contents and of their header, so that neither is cut
(every cell's full text is also its tooltip); a column that cannot be shown
whole is hidden rather than cut (the header's tooltip names it, the form
shows its value), and comes back when the window is wider. Tool bars fold
what does not fit into their « » » menu.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QToolBar, QWidget

TITLE_WIDTH = (170, 280)  # pixels: the first column (the item's name), at least and at most
MAX_WIDTH = 260
MIDDLE_WIDTH = 190  # pixels at most for a column between the name and the last one (the rest in its tooltip)
LAST_ROOM = 150  # pixels kept for the last column's text at least (it takes any room left)
SAMPLED_ROWS = 40


def fit_columns(view: QAbstractItemView) -> None:
    """The name column wide enough to read, the others to their contents and header (never cut),
    the last one filling what remains; a scroll bar only when the columns cannot all fit."""
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(SAMPLED_ROWS)
    header.setMaximumSectionSize(MAX_WIDTH + 60)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # sized here, not at every keystroke
    model = view.model()
    if model is not None and model.columnCount():
        fitter = TitleFitter(view)
        view.viewport().installEventFilter(fitter)
        for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
            signal.connect(fitter.refit)
        fitter.refit()


def refit_columns(view: QAbstractItemView) -> None:
    """Size the columns of ``view`` (made by :func:`fit_columns`) to their contents again:
    for a read-only table whose cells change in place (a column filled later)."""
    fitter = view.findChild(TitleFitter)
    if fitter is not None:
        fitter.refit()


class TitleFitter(QObject):
    """On each resize, the name column takes what the other columns leave (between its bounds);
    the columns that cannot be shown whole are hidden, rather than cut (the form shows them)."""

    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self.view = view
        self.widths: dict[int, int] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def refit(self, *_args) -> None:
        """Every column to its contents and header (40 rows sampled), then the name column."""
        header, view = self.view.horizontalHeader(), self.view
        last = header.count() - 1
        for column in range(1, last):  # the last one stretches over what remains
            self.widths[column] = min(max(view.sizeHintForColumn(column), header.sectionSizeHint(column)),
                                      MIDDLE_WIDTH)
            header.resizeSection(column, self.widths[column])
        if last > 0:  # room for its header and the start of its text
            self.widths[last] = max(header.sectionSizeHint(last), min(view.sizeHintForColumn(last), LAST_ROOM))
        self.fit()

    def fit(self) -> None:
        header = self.view.horizontalHeader()
        room = self.view.viewport().width()
        columns = [c for c in range(1, header.count()) if c in self.widths]
        low, high = TITLE_WIDTH
        wanted = min(self.view.sizeHintForColumn(0), high)
        header.resizeSection(0, max(low, min(wanted, room - sum(self.widths[c] for c in columns))))
        used, hidden = header.sectionSize(0), []
        for column in columns:
            fits = not hidden and used + self.widths[column] <= room + 1
            header.setSectionHidden(column, not fits)
            if fits:
                used += self.widths[column]
            else:
                hidden.append(str(self.view.model().headerData(column, Qt.Orientation.Horizontal)))
        header.setToolTip(QCoreApplication.translate("tables", "Colonnes masquées faute de place : {0} "
                                                     "(voir le formulaire)").format(", ".join(hidden))
                          if hidden else "")


def action_bar(parent: QWidget, actions: list[QAction]) -> QToolBar:
    """A row of text buttons for ``actions``; when narrow, the last ones go into its « » » menu."""
    bar = QToolBar(parent)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    bar.setIconSize(QSize(16, 16))
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.setStyleSheet("QToolBar { border: none; spacing: 2px; }")
    for action in actions:
        bar.addAction(action)
    return bar
