"""Small editors for the field kinds of a form: dates, money, numbers, lines.

Each :class:`Binding` wraps one widget: ``show(value)`` displays a model
value, ``edited(value, merge)`` is emitted when the user changed it (``merge``
for typing, so that one undo step takes back a whole word). Conversions of
typed text (French decimal comma, spaces) happen here; the model's own
validators decide what is acceptable.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Generic, Optional, TypeVar

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from parcours_designer.model.formatting import format_money, format_quantity
from parcours_designer.ui.choices import LinkList, RefCombo

NO_DATE = QDate(1900, 1, 1)
LAST_DATE = QDate(2199, 12, 31)  # model.types.LAST_YEAR: the last year a file may hold
FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)


class DateField(QWidget):
    """A date with a calendar popup, which may be left empty (« non fixée »)."""

    date_edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setLocale(FRENCH)
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.edit.setMinimumDate(NO_DATE)
        self.edit.setMaximumDate(LAST_DATE)
        self.edit.setSpecialValueText(self.tr("non fixée"))
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.setToolTip(self.tr("Effacer la date"))
        self.clear_button.setAccessibleName(self.tr("Effacer la date"))
        self.clear_button.clicked.connect(self._clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self.edit.editingFinished.connect(self.date_edited)
        self.edit.calendarWidget().clicked.connect(lambda _d: self.date_edited.emit())
        self.edit.installEventFilter(self)
        self.setFocusProxy(self.edit)

    def eventFilter(self, watched, event) -> bool:
        # An empty date opens its calendar on today, not on 1900.
        if event.type() == QEvent.Type.MouseButtonPress and self.value() is None:
            with QSignalBlocker(self.edit):
                self.edit.setDate(QDate.currentDate())
        return False

    def value(self) -> Optional[date]:
        qdate = self.edit.date()
        return None if qdate == NO_DATE else qdate.toPython()

    def set_value(self, value: Optional[date]) -> None:
        if value is None:
            self.edit.setDate(NO_DATE)
            return
        self.edit.setDate(QDate(value.year, value.month, value.day))

    def _clear(self) -> None:
        self.edit.setDate(NO_DATE)
        self.date_edited.emit()


def parse_number_text(text: str) -> str:
    """``1 234,50 €`` → ``1234.50`` (spaces, euro sign and comma handled)."""
    cleaned = text.replace("€", "").replace(FRENCH.groupSeparator(), "")
    for space in (" ", "\u00a0", "\u202f"):
        cleaned = cleaned.replace(space, "")
    return cleaned.replace(FRENCH.decimalPoint(), ".").replace(",", ".")


W = TypeVar("W", bound=QWidget)


class Binding(QObject, Generic[W]):
    """One form widget (of type ``W``), its model value in and the user's edits out."""

    edited = Signal(object, bool)  # value, merge

    def __init__(self, widget: W):
        super().__init__(widget)
        self.widget: W = widget

    def show(self, value: Any) -> None:
        """Display ``value`` unless the widget already shows it (keeps the cursor)."""
        if self.value() != value:
            with QSignalBlocker(self.widget):
                self._show(value)

    def value(self) -> Any:
        raise NotImplementedError

    def _show(self, value: Any) -> None:
        raise NotImplementedError


class TextBinding(Binding[QLineEdit]):
    """A one-line text; with ``on_finish`` the value is taken when leaving the field."""

    def __init__(self, widget: QLineEdit, on_finish: bool = False):
        super().__init__(widget)
        if on_finish:
            widget.editingFinished.connect(lambda: self.edited.emit(self.value(), False))
        else:
            widget.textEdited.connect(lambda _t: self.edited.emit(self.value(), True))

    def value(self) -> str:
        return self.widget.text()

    def _show(self, value: Any) -> None:
        self.widget.setText(value or "")
        self.widget.setCursorPosition(0)


class MultilineBinding(Binding[QPlainTextEdit]):
    def __init__(self, widget: QPlainTextEdit):
        super().__init__(widget)
        widget.textChanged.connect(lambda: self.edited.emit(self.value(), True))

    def value(self) -> str:
        return self.widget.toPlainText()

    def _show(self, value: Any) -> None:
        self.widget.setPlainText(value or "")


class LinesBinding(MultilineBinding):
    """A list of texts, one per line (strengths, weaknesses…)."""

    def value(self) -> list[str]:
        return [line.strip() for line in self.widget.toPlainText().splitlines() if line.strip()]

    def _show(self, value: Any) -> None:
        self.widget.setPlainText("\n".join(value or []))


class ChoiceBinding(Binding[QComboBox]):
    """An enumerated value (``optional``: « — » stands for none)."""

    def __init__(self, widget: QComboBox, enum: type[Enum], optional: bool = False):
        super().__init__(widget)
        if optional:
            widget.addItem("—", None)
        for member in enum:
            widget.addItem(member.label, member)
        widget.activated.connect(lambda _i: self.edited.emit(self.value(), False))

    def value(self) -> Any:
        return self.widget.currentData()

    def _show(self, value: Any) -> None:
        self.widget.setCurrentIndex(max(0, self.widget.findData(value)))

    def set_none_text(self, text: str) -> None:
        """What the « — » entry of an optional choice says (a proposal, for instance)."""
        if self.widget.count() and self.widget.itemData(0) is None:
            self.widget.setItemText(0, text)


class IntBinding(Binding[QSpinBox]):
    """A whole number; ``optional`` ones show « — » below their minimum."""

    def __init__(self, widget: QSpinBox, minimum: int = 0, optional: bool = False):
        super().__init__(widget)
        self.optional = optional
        widget.setRange(minimum - 1 if optional else minimum, 1_000_000)
        if optional:
            widget.setSpecialValueText("—")
        widget.valueChanged.connect(lambda _v: self.edited.emit(self.value(), True))

    def value(self) -> Optional[int]:
        number = self.widget.value()
        if self.optional and number == self.widget.minimum():
            return None
        return number

    def _show(self, value: Any) -> None:
        self.widget.setValue(self.widget.minimum() if value is None else value)


class BoolBinding(Binding[QCheckBox]):
    def __init__(self, widget: QCheckBox):
        super().__init__(widget)
        widget.toggled.connect(lambda checked: self.edited.emit(checked, False))

    def value(self) -> bool:
        return self.widget.isChecked()

    def _show(self, value: Any) -> None:
        self.widget.setChecked(bool(value))


class DateBinding(Binding[DateField]):
    def __init__(self, widget: DateField):
        super().__init__(widget)
        widget.date_edited.connect(lambda: self.edited.emit(self.value(), False))

    def value(self) -> Optional[date]:
        return self.widget.value()

    def _show(self, value: Any) -> None:
        self.widget.set_value(value)

    def show(self, value: Any) -> None:
        if self.value() != value:
            with QSignalBlocker(self.widget.edit):
                self._show(value)


class NumberBinding(Binding[QLineEdit]):
    """Money (``1 234,50 €``) or a quantity (``2,5``), typed the French way.

    An empty field means zero, or no value at all when ``optional``.
    """

    def __init__(self, widget: QLineEdit, money: bool, optional: bool = False):
        super().__init__(widget)
        self.money = money
        self.optional = optional
        self.shown: Any = None
        widget.editingFinished.connect(self._finished)

    def _finished(self) -> None:
        text = parse_number_text(self.widget.text())
        if not text:
            self.edited.emit(None if self.optional else "0", False)
            return
        self.edited.emit(text, False)

    def value(self) -> Any:
        return self.shown

    def show(self, value: Any) -> None:
        self.shown = value
        with QSignalBlocker(self.widget):
            self._show(value)

    def _show(self, value: Any) -> None:
        if value is None:
            self.widget.clear()
        elif self.money:
            self.widget.setText(format_money(Decimal(value)))
        else:
            self.widget.setText(format_quantity(Decimal(value)))


class MeasureBinding(Binding[QLineEdit]):
    """A target or result: a number when it reads as one, a text otherwise."""

    def __init__(self, widget: QLineEdit):
        super().__init__(widget)
        widget.editingFinished.connect(lambda: self.edited.emit(self.value(), False))

    def value(self) -> Any:
        text = self.widget.text().strip()
        if not text:
            return None
        number = parse_number_text(text)
        try:
            return int(number)
        except ValueError:
            pass
        try:
            return float(number)
        except ValueError:
            return text

    def _show(self, value: Any) -> None:
        if isinstance(value, float):
            self.widget.setText(repr(value).replace(".", ","))
        else:
            self.widget.setText("" if value is None else str(value))


class LinkBinding(Binding[LinkList]):
    """A list of ids of another list's items, picked in a :class:`LinkList`."""

    def __init__(self, widget: LinkList):
        super().__init__(widget)
        self.ids: list[str] = []
        self.excluded: Optional[str] = None
        widget.toggled.connect(self._toggled)

    def _toggled(self, target_id: str, checked: bool) -> None:
        ids = [i for i in self.ids if i != target_id] + ([target_id] if checked else [])
        self.edited.emit(ids, False)

    def value(self) -> list[str]:
        return self.ids

    def show(self, value: Any) -> None:
        self.ids = list(value or [])
        self.widget.set_checked(self.ids, self.excluded)


class RefBinding(Binding[RefCombo]):
    """One id of another list's item (or none), picked in a :class:`RefCombo`."""

    def __init__(self, widget: RefCombo):
        super().__init__(widget)
        widget.activated.connect(lambda _i: self.edited.emit(self.value(), False))

    def value(self) -> Optional[str]:
        return self.widget.current_id()

    def _show(self, value: Any) -> None:
        self.widget.set_current_id(value)


class FlagsBinding(Binding[QListWidget]):
    """Several values of an enum, ticked in a list (the sources of a need…)."""

    def __init__(self, widget: QListWidget, enum: type[Enum]):
        super().__init__(widget)
        self.enum = enum
        for member in enum:
            item = QListWidgetItem(member.label, widget)
            item.setData(Qt.ItemDataRole.UserRole, member)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        widget.itemChanged.connect(lambda _item: self.edited.emit(self.value(), False))

    def value(self) -> list:
        items = (self.widget.item(row) for row in range(self.widget.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]

    def _show(self, value: Any) -> None:
        ticked = set(value or [])
        for row in range(self.widget.count()):
            item = self.widget.item(row)
            state = Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ticked else Qt.CheckState.Unchecked
            item.setCheckState(state)
