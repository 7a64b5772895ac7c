"""A form over the selected item: one editor per field, every edit a command.

Fields are described by :class:`FieldSpec`; the form builds the editors in
that order (which is also the tab order), shows the item's values, checks
what the user types with the model's own rules and pushes
:class:`~parcours_designer.ui.commands.SetFields` commands. It reloads only
the fields a change touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from parcours_designer.model.kinds import KINDS
from parcours_designer.model.pathway import Pathway
from parcours_designer.ui import editors
from parcours_designer.ui.choices import LinkList, RefCombo
from parcours_designer.ui.commands import SetFields
from parcours_designer.ui.document import FIELDS, Change, Document
from parcours_designer.ui.validation import field_class, validate_field
from parcours_designer.ui.wheel_guard import guard_wheel


LONG_LABEL = 40  # characters: a longer label may go on two lines


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form. ``kind`` says which editor shows it."""

    name: str
    label: str
    kind: str = "text"
    enum: Optional[type[Enum]] = None
    optional: bool = False
    target: Optional[str] = None
    minimum: int = 0
    placeholder: str = ""
    height: int = 0
    # Optional choices: ``proposal(pathway, item)`` is the value used when none is chosen.
    proposal: Optional[Callable[[Pathway, Any], Optional[Enum]]] = None
    # ``hint(pathway, item)``: a line under the editor saying how the value is used, kept up to date.
    hint: Optional[Callable[[Pathway, Any], str]] = None


def _text(form: "Form", spec: FieldSpec):
    widget = QLineEdit(form)
    widget.setPlaceholderText(spec.placeholder)
    return widget, editors.TextBinding(widget)


def _finished_text(form: "Form", spec: FieldSpec):
    widget = QLineEdit(form)
    widget.setPlaceholderText(spec.placeholder)
    return widget, editors.TextBinding(widget, on_finish=True)


def _plain(form: "Form", spec: FieldSpec, binding_class):
    widget = QPlainTextEdit(form)
    widget.setTabChangesFocus(True)
    widget.setPlaceholderText(spec.placeholder)
    widget.setFixedHeight(spec.height or 70)
    return widget, binding_class(widget)


def _choice(form: "Form", spec: FieldSpec):
    widget = QComboBox(form)
    return widget, editors.ChoiceBinding(widget, spec.enum, spec.optional)


def _int(form: "Form", spec: FieldSpec):
    widget = QSpinBox(form)
    widget.setLocale(editors.FRENCH)
    return widget, editors.IntBinding(widget, spec.minimum, spec.optional)


def _bool(form: "Form", spec: FieldSpec):
    widget = QCheckBox(spec.label, form)
    return widget, editors.BoolBinding(widget)


def _date(form: "Form", spec: FieldSpec):
    widget = editors.DateField(form)
    return widget, editors.DateBinding(widget)


def _number(form: "Form", spec: FieldSpec, money: bool):
    widget = QLineEdit(form)
    widget.setAlignment(Qt.AlignmentFlag.AlignRight)
    widget.setPlaceholderText(spec.placeholder)
    return widget, editors.NumberBinding(widget, money, spec.optional)


def _measure(form: "Form", spec: FieldSpec):
    widget = QLineEdit(form)
    widget.setPlaceholderText(spec.placeholder)
    return widget, editors.MeasureBinding(widget)


def _flags(form: "Form", spec: FieldSpec):
    widget = QListWidget(form)
    binding = editors.FlagsBinding(widget, spec.enum)
    rows = widget.sizeHintForRow(0) * widget.count()
    widget.setFixedHeight(spec.height or rows + 2 * widget.frameWidth() + 4)
    return widget, binding


def _links(form: "Form", spec: FieldSpec):
    widget = LinkList(form.document, spec.target, form)
    return widget, editors.LinkBinding(widget)


def _ref(form: "Form", spec: FieldSpec):
    widget = RefCombo(form.document, spec.target, form)
    return widget, editors.RefBinding(widget)


# A field kind → the widget that edits it and its binding (typed by that widget).
Factory = Callable[["Form", FieldSpec], tuple[QWidget, editors.Binding[Any]]]

FACTORIES: dict[str, Factory] = {
    "text": _text,
    "text_finish": _finished_text,
    "multiline": lambda f, s: _plain(f, s, editors.MultilineBinding),
    "lines": lambda f, s: _plain(f, s, editors.LinesBinding),
    "choice": _choice,
    "int": _int,
    "bool": _bool,
    "date": _date,
    "money": lambda f, s: _number(f, s, True),
    "quantity": lambda f, s: _number(f, s, False),
    "measure": _measure,
    "flags": _flags,
    "links": _links,
    "ref": _ref,
}


class Form(QWidget):
    """Edit the fields of one item of ``list_name`` (``None``: the pathway)."""

    def __init__(self, document: Document, list_name: Optional[str], specs: list[FieldSpec], parent=None):
        super().__init__(parent)
        self.document = document
        self.list_name = list_name
        self.model_class = KINDS[list_name].entity if list_name else Pathway
        self.item_id: Optional[str] = None
        self.bindings: dict[str, editors.Binding[Any]] = {}
        self.widgets: dict[str, QWidget] = {}
        self.proposals = [spec for spec in specs if spec.proposal is not None]
        self.hint_specs = [spec for spec in specs if spec.hint is not None]
        self.hints: dict[str, QLabel] = {}
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows if list_name
                                      else QFormLayout.RowWrapPolicy.WrapLongRows)
        for spec in specs:
            self._add_field(spec)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.layout_.addRow(self.error)
        guard_wheel(self)
        document.changed.connect(self._on_changed)
        if list_name is not None:
            self.setEnabled(False)

    def _add_field(self, spec: FieldSpec) -> None:
        widget, binding = FACTORIES[spec.kind](self, spec)
        widget.setAccessibleName(spec.label)
        if isinstance(widget, LinkList):
            widget.set_accessible_name(spec.label)
        binding.edited.connect(lambda value, merge, s=spec: self._edited(s, value, merge))
        self.bindings[spec.name] = binding
        self.widgets[spec.name] = widget
        if spec.kind == "bool":
            self.layout_.addRow("", widget)
        else:
            label = QLabel(spec.label, self)
            label.setWordWrap(len(spec.label) > LONG_LABEL)  # on two lines rather than widening the form
            label.setBuddy(widget)
            self.layout_.addRow(label, widget)
        if spec.hint is not None:
            self._add_hint(spec, widget)

    def _add_hint(self, spec: FieldSpec, widget: QWidget) -> None:
        hint = QLabel(self)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #606060;")
        self.hints[spec.name] = hint
        self.layout_.addRow(hint)

    def focus_first(self) -> None:
        first = next(iter(self.widgets.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- showing ---------------------------------------------------------
    def target(self):
        if self.list_name is None:
            return self.document.pathway
        return self.document.item(self.list_name, self.item_id) if self.item_id else None

    def set_item(self, item_id: Optional[str]) -> None:
        self.item_id = item_id
        self._clear_error()
        self.setEnabled(self.target() is not None)
        for name, binding in self.bindings.items():
            if isinstance(binding, editors.LinkBinding):
                binding.excluded = item_id if binding.widget.model.list_name == self.list_name else None
        self.reload()

    def reload(self, fields: Optional[tuple[str, ...]] = None) -> None:
        target = self.target()
        if target is None:
            return
        for name, binding in self.bindings.items():
            if fields is None or name.split(".")[0] in fields:
                binding.show(_get(target, name))
        for spec in self.proposals:
            proposed = spec.proposal(self.document.pathway, target)
            text = self.tr("Proposée : {0}").format(proposed.label) if proposed is not None else "—"
            self.bindings[spec.name].set_none_text(text)
        for spec in self.hint_specs:
            text = spec.hint(self.document.pathway, target)
            self.hints[spec.name].setText(text)
            self.widgets[spec.name].setAccessibleDescription(text)

    def _on_changed(self, change: Change) -> None:
        if change.kind == FIELDS and change.list_name == self.list_name and change.item_id == self.item_id:
            self.reload(change.fields)

    # --- editing ---------------------------------------------------------
    def _edited(self, spec: FieldSpec, value: Any, merge: bool) -> None:
        target = self.target()
        if target is None:
            return
        owner, leaf = field_class(self.model_class, spec.name)
        try:
            value = validate_field(owner, leaf, value)
        except ValueError as error:
            self._show_error(spec, str(error))
            return
        self._clear_error()
        if _get(target, spec.name) == value:
            self.bindings[spec.name].show(value)
            return
        values = _values(target, spec.name, value, owner)
        self.document.push(SetFields(self.document, self.list_name, self.item_id, values, merge=merge))

    def _show_error(self, spec: FieldSpec, message: str) -> None:
        self.error.setText(self.tr("{0} : {1}").format(spec.label, message))
        self.error.show()
        self.widgets[spec.name].setStyleSheet("border: 1px solid #b00020;")

    def _clear_error(self) -> None:
        if self.error.isHidden():
            return
        self.error.hide()
        for widget in self.widgets.values():
            widget.setStyleSheet("")


def _get(target, dotted: str) -> Any:
    for name in dotted.split("."):
        if target is None:
            return None
        target = getattr(target, name)
    return target


def _values(target, dotted: str, value: Any, owner: type) -> dict[str, Any]:
    """The top-level field to set: nested values replace their whole parent."""
    head, _, leaf = dotted.partition(".")
    if not leaf:
        return {head: value}
    parent = getattr(target, head) or owner()
    return {head: parent.model_copy(update={leaf: value})}
