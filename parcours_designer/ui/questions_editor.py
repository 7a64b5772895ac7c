"""The questions of the selected questionnaire: list, order, and one question's details.

Every edit is one :class:`~parcours_designer.ui.commands.SetFields` on the
questionnaire (typing folds into one step); removing a question also
removes its answers, in the same step.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from parcours_designer.model.answers import editing
from parcours_designer.model.entities import DEFAULT_SCALE
from parcours_designer.model.enums import FeedMeasure, QuestionType
from parcours_designer.model.references import display_name
from parcours_designer.ui.commands import SetFields
from parcours_designer.ui.document import FIELDS, Change, Document


class QuestionsEditor(QGroupBox):
    def __init__(self, document: Document, parent=None):
        super().__init__(self.tr("Questions"), parent)
        self.document = document
        self.questionnaire_id: Optional[str] = None
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Questions du questionnaire"))
        self.list.setMinimumHeight(120)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(lambda _row: self._show_details())
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(self._buttons())
        self.details = QWidget(self)
        self._build_details()
        layout.addWidget(self.details)
        document.changed.connect(self._on_changed)
        self.setEnabled(False)

    # --- building --------------------------------------------------------
    def _buttons(self) -> QGridLayout:
        grid = QGridLayout()
        self.buttons = {}
        for position, (key, label, slot) in enumerate((("add", self.tr("Ajouter"), self.add),
                                 ("duplicate", self.tr("Dupliquer"), self.duplicate),
                                 ("up", self.tr("Monter"), lambda: self.move_current(-1)),
                                 ("down", self.tr("Descendre"), lambda: self.move_current(1)),
                                 ("remove", self.tr("Supprimer"), self.remove))):
            button = QPushButton(label, self)
            button.clicked.connect(slot)
            grid.addWidget(button, position // 3, position % 3)
            self.buttons[key] = button
        return grid

    def _build_details(self) -> None:
        form = QFormLayout(self.details)
        self.text = QLineEdit(self.details)
        self.text.textEdited.connect(lambda text: self._change(merge=True, text=text))
        self.type = QComboBox(self.details)
        for member in QuestionType:
            self.type.addItem(member.label, member)
        self.type.activated.connect(lambda _i: self._change(type=self.type.currentData()))
        self.choices = QPlainTextEdit(self.details)
        self.choices.setFixedHeight(80)
        self.choices.textChanged.connect(self._choices_edited)
        self.scale_min, self.scale_max = QSpinBox(self.details), QSpinBox(self.details)
        for box, name in ((self.scale_min, "scale_min"), (self.scale_max, "scale_max")):
            box.setRange(-10, 100)
            box.valueChanged.connect(lambda value, n=name: self._change(merge=True, **{n: value}))
        self.min_label, self.max_label = QLineEdit(self.details), QLineEdit(self.details)
        self.min_label.textEdited.connect(lambda text: self._change(merge=True, min_label=text))
        self.max_label.textEdited.connect(lambda text: self._change(merge=True, max_label=text))
        self.indicator = QComboBox(self.details)
        self.indicator.activated.connect(lambda _i: self._change(indicator_id=self.indicator.currentData()))
        self.measure = QComboBox(self.details)
        for member in FeedMeasure:
            self.measure.addItem(member.label, member)
        self.measure.activated.connect(lambda _i: self._change(indicator_measure=self.measure.currentData()))
        self.counted = QLineEdit(self.details)
        self.counted.setPlaceholderText(self.tr("le premier choix, ou « Oui »"))
        self.counted.textEdited.connect(lambda text: self._change(merge=True, indicator_choice=text))
        self.form = form
        self._add_rows()

    def _add_rows(self) -> None:
        self.rows = {}
        for key, label, widget in (("text", self.tr("Question"), self.text), ("type", self.tr("Type"), self.type),
                                   ("choices", self.tr("Choix (un par ligne)"), self.choices),
                                   ("scale_min", self.tr("Échelle de"), self.scale_min),
                                   ("scale_max", self.tr("à"), self.scale_max),
                                   ("min_label", self.tr("Libellé du bas"), self.min_label),
                                   ("max_label", self.tr("Libellé du haut"), self.max_label),
                                   ("indicator", self.tr("Alimente l'indicateur"), self.indicator),
                                   ("measure", self.tr("Calcul"), self.measure),
                                   ("counted", self.tr("Réponse comptée"), self.counted)):
            widget.setAccessibleName(label)
            self.form.addRow(label, widget)
            self.rows[key] = widget

    # --- showing ---------------------------------------------------------
    def set_item(self, item_id: Optional[str]) -> None:
        self.questionnaire_id = item_id
        self.setEnabled(item_id is not None)
        self.reload()

    def questionnaire(self):
        return self.document.item("questionnaires", self.questionnaire_id) if self.questionnaire_id else None

    def reload(self, select: Optional[int] = None) -> None:
        questionnaire = self.questionnaire()
        questions = questionnaire.questions if questionnaire else []
        row = self.list.currentRow() if select is None else select
        with QSignalBlocker(self.list):
            self.list.clear()
            for number, question in enumerate(questions, start=1):
                self.list.addItem(f"{number}. {question.text or self.tr('(sans texte)')} — {question.type.label}")
            self.list.setCurrentRow(min(max(row, 0), len(questions) - 1) if questions else -1)
        self._show_details()

    def _show_details(self) -> None:
        questionnaire = self.questionnaire()
        row = self.list.currentRow()
        question = questionnaire.questions[row] if questionnaire and 0 <= row < len(questionnaire.questions) else None
        self.details.setEnabled(question is not None)
        for key in ("duplicate", "up", "down", "remove"):
            self.buttons[key].setEnabled(question is not None)
        if question is None:
            return
        blockers = [QSignalBlocker(w) for w in self.rows.values()]
        if self.text.text() != question.text:
            self.text.setText(question.text)
            self.text.setCursorPosition(0)
        self.type.setCurrentIndex(self.type.findData(question.type))
        if self._choices_of_editor() != question.choices:
            self.choices.setPlainText("\n".join(question.choices))
        low, high = question.scale_bounds()
        self.scale_min.setValue(low)
        self.scale_max.setValue(high)
        self._set_if_differs(self.min_label, question.min_label)
        self._set_if_differs(self.max_label, question.max_label)
        self._fill_indicators(question.indicator_id)
        self.measure.setCurrentIndex(self.measure.findData(question.measure() or FeedMeasure.MEAN))
        self._set_if_differs(self.counted, question.indicator_choice)
        del blockers
        self._show_rows_for(question)

    @staticmethod
    def _set_if_differs(widget: QLineEdit, text: str) -> None:
        if widget.text() != text:
            widget.setText(text)

    def _fill_indicators(self, current: Optional[str]) -> None:
        self.indicator.clear()
        self.indicator.addItem(self.tr("Aucun"), None)
        for indicator in self.document.pathway.indicators:
            self.indicator.addItem(display_name(indicator), indicator.id)
        self.indicator.setCurrentIndex(max(0, self.indicator.findData(current)))

    def _show_rows_for(self, question) -> None:
        scale = question.type is QuestionType.SCALE
        fed = question.indicator_id is not None
        visible = {"choices": question.type.has_choices, "scale_min": scale, "scale_max": scale,
                   "min_label": scale, "max_label": scale, "measure": fed and scale,
                   "counted": fed and not (scale and question.measure() is FeedMeasure.MEAN)}
        for key, shown in visible.items():
            self.form.setRowVisible(self.rows[key], shown)

    # --- editing ---------------------------------------------------------
    def _choices_of_editor(self) -> list[str]:
        return [line.strip() for line in self.choices.toPlainText().splitlines() if line.strip()]

    def _choices_edited(self) -> None:
        questionnaire = self.questionnaire()
        row = self.list.currentRow()
        if questionnaire and 0 <= row < len(questionnaire.questions) \
                and self._choices_of_editor() != questionnaire.questions[row].choices:
            self._change(merge=True, choices=self._choices_of_editor())

    def _change(self, merge: bool = False, **fields) -> None:
        questionnaire = self.questionnaire()
        row = self.list.currentRow()
        if questionnaire is None or not 0 <= row < len(questionnaire.questions):
            return
        if "scale_min" in fields or "scale_max" in fields:
            low, high = questionnaire.questions[row].scale_bounds()
            fields = {"scale_min": fields.get("scale_min", low), "scale_max": fields.get("scale_max", high)}
            if fields == dict(zip(("scale_min", "scale_max"), DEFAULT_SCALE)):
                fields = {"scale_min": None, "scale_max": None}
        questions = editing.with_question_changed(questionnaire, row, **fields)
        self._push({"questions": questions}, self.tr("Modifier une question"), merge=merge)

    def add(self) -> None:
        questionnaire = self.questionnaire()
        if questionnaire is not None:
            questions, position = editing.with_question_added(questionnaire, self.list.currentRow())
            self._push({"questions": questions}, self.tr("Ajouter une question"), select=position)
            self.text.setFocus()

    def duplicate(self) -> None:
        row = self.list.currentRow()
        self._push({"questions": editing.with_question_duplicated(self.questionnaire(), row)},
                   self.tr("Dupliquer une question"), select=row + 1)

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = max(0, min(self.list.count() - 1, row + step))
        if target != row:
            self._push({"questions": editing.with_question_moved(self.questionnaire(), row, step)},
                       self.tr("Déplacer une question"), select=target)

    def remove(self) -> None:
        row = self.list.currentRow()
        questions, responses = editing.with_question_removed(self.questionnaire(), row)
        values = {"questions": questions}
        if responses != self.questionnaire().responses:
            values["responses"] = responses
        self._push(values, self.tr("Supprimer une question"), select=row)

    def _push(self, values: dict, text: str, *, merge: bool = False, select: Optional[int] = None) -> None:
        self._select_after = select
        self.document.push(SetFields(self.document, "questionnaires", self.questionnaire_id, values,
                                     merge=merge, text=text))

    def _on_changed(self, change: Change) -> None:
        if change.kind == FIELDS and change.list_name == "questionnaires" and change.item_id == self.questionnaire_id:
            select, self._select_after = getattr(self, "_select_after", None), None
            self.reload(select)
        elif change.list_name == "indicators" and self.questionnaire_id:
            self._show_details()
