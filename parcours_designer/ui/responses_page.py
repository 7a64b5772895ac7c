"""« Réponses »: per questionnaire, the answers, their statistics and the bilan beside them.

Importing an export shows the matching first (:class:`ImportDialog`), then
stores the new responses as one undo step; deleting a response is one too.
An open answer can be quoted in the bilan (points forts, à améliorer,
ajustements) with where it comes from.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parcours_designer.model.answers import editing
from parcours_designer.model.answers.indicators import fed_result
from parcours_designer.model.answers.stats import QuestionnaireStats, questionnaire_stats
from parcours_designer.model.entities import Questionnaire
from parcours_designer.model.formatting import format_date, format_number
from parcours_designer.model.references import display_name
from parcours_designer.ui import dialogs, specs
from parcours_designer.ui.bar_chart import BarChart
from parcours_designer.ui.commands import SetFields
from parcours_designer.ui.document import FIELDS, RESET, Change, Document
from parcours_designer.ui.form import Form
from parcours_designer.ui.plurals import by_count
from parcours_designer.ui.tooltips import plain_tooltip

REVIEW_LISTS = (("strengths", "Point fort"), ("improvements", "Point à améliorer"), ("adjustments", "Ajustement"))


class ResponsesModel(QAbstractTableModel):
    """The responses of one questionnaire: a row each, a column per question."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.questionnaire_id: Optional[str] = None

    def questionnaire(self) -> Optional[Questionnaire]:
        return self.document.item("questionnaires", self.questionnaire_id) if self.questionnaire_id else None

    def show(self, questionnaire_id: Optional[str]) -> None:
        self.beginResetModel()
        self.questionnaire_id = questionnaire_id
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        questionnaire = self.questionnaire()
        return 0 if parent.isValid() or questionnaire is None else len(questionnaire.responses)

    def columnCount(self, parent=QModelIndex()) -> int:
        questionnaire = self.questionnaire()
        return 0 if parent.isValid() or questionnaire is None else 2 + len(questionnaire.questions)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if role == Qt.ItemDataRole.ToolTipRole:  # an answer is the respondent's text, never markup
            return plain_tooltip(self.data(index))
        questionnaire = self.questionnaire()
        response = questionnaire.responses[index.row()]
        if index.column() == 0:
            return response.id
        if index.column() == 1:
            return format_date(response.submitted_on) if response.submitted_on else ""
        question = questionnaire.questions[index.column() - 2]
        return editing.answer_text(response.answers.get(question.id))

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section < 2:
            return (self.tr("Réponse"), self.tr("Date"))[section]
        questionnaire = self.questionnaire()
        return f"{section - 1}. {questionnaire.questions[section - 2].text}" if questionnaire else None


class ResponsesPage(QWidget):
    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.chooser = QComboBox(self)
        self.chooser.setAccessibleName(self.tr("Questionnaire"))
        # Sized by a few characters, not by the longest title: the tab fits a 1366-pixel screen.
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(12)
        self.chooser.currentIndexChanged.connect(lambda _i: self.refresh())
        self.model = ResponsesModel(document, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Réponses"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.stats_area = QScrollArea(self)
        self.stats_area.setWidgetResizable(True)
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-weight: bold; padding: 4px;")
        self._layout(self._toolbar())
        document.changed.connect(self._on_changed)
        self.refresh_chooser()

    def _toolbar(self) -> QVBoxLayout:
        """The questionnaire on one row, its buttons on the next (one row was wider than 1366 pixels)."""
        chosen = QHBoxLayout()
        chosen.addWidget(QLabel(self.tr("Questionnaire :"), self))
        chosen.addWidget(self.chooser, 1)
        bar = QHBoxLayout()
        self.buttons = {}
        for key, label, slot in (("import", self.tr("Importer des réponses…"), self.import_responses),
                                 ("delete", self.tr("Supprimer la réponse"), self.delete_response),
                                 ("print", self.tr("Questionnaire à imprimer…"), lambda: self.export(".pdf")),
                                 ("limesurvey", self.tr("Pour LimeSurvey…"), lambda: self.export(".txt"))):
            button = QPushButton(label, self)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        rows = QVBoxLayout()
        rows.addLayout(chosen)
        rows.addLayout(bar)
        return rows

    def _layout(self, toolbar: QVBoxLayout) -> None:
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.table)
        left.addWidget(self.stats_area)
        left.setStretchFactor(1, 2)
        review = QWidget(self)
        review_layout = QVBoxLayout(review)
        title = QLabel(self.tr("Bilan, écrit à côté des réponses"), review)
        title.setStyleSheet("font-weight: bold;")
        self.review_form = Form(self.document, None, specs.REVIEW_FIELDS(), review)
        self.review_form.reload()
        review_layout.addWidget(title)
        review_layout.addWidget(self.review_form)
        review_layout.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(review)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)

    # --- showing ---------------------------------------------------------
    def questionnaire(self) -> Optional[Questionnaire]:
        return self.model.questionnaire()

    def select_questionnaire(self, questionnaire_id: str) -> None:
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(questionnaire_id)))

    def refresh_chooser(self) -> None:
        current = self.chooser.currentData()
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for questionnaire in self.document.pathway.questionnaires:
            self.chooser.addItem(questionnaire.title or questionnaire.id, questionnaire.id)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(current)))
        self.chooser.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        self.model.show(self.chooser.currentData())
        questionnaire = self.questionnaire()
        for button in self.buttons.values():
            button.setEnabled(questionnaire is not None)
        self.table.resizeColumnsToContents()
        stats = questionnaire_stats(self.document.pathway, questionnaire) if questionnaire else None
        self.header.setText(self._header_text(stats))
        self.stats_area.setWidget(self._stats_widget(stats))

    def _header_text(self, stats: Optional[QuestionnaireStats]) -> str:
        if stats is None:
            return self.tr("Aucun questionnaire : ajoutez-en un dans l'onglet Questionnaires.")
        text = self._answers(stats.respondents)
        if stats.invited:
            text += self.tr(" sur {0} participant·e·s de l'étape : taux de réponse {1} %").format(
                stats.invited, format_number(stats.response_rate, 1))
        return text

    def _stats_widget(self, stats: Optional[QuestionnaireStats]) -> QWidget:
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        for number, question in enumerate(stats.questions if stats else [], start=1):
            title = QLabel(f"{number}. {question.question.text or question.question.id}", holder)
            title.setTextFormat(Qt.TextFormat.PlainText)
            title.setWordWrap(True)
            title.setStyleSheet("font-weight: bold; margin-top: 6px;")
            layout.addWidget(title)
            layout.addWidget(self._plain(self._figures(question), holder))
            if question.question.indicator_id:
                layout.addWidget(self._plain(self._fed(stats.questionnaire, question.question), holder))
            if question.texts:
                for row, text in enumerate(question.texts):
                    layout.addWidget(self._open_answer(question.question.id, row, text, holder))
            elif question.distribution:
                layout.addWidget(BarChart(question.distribution, holder))
        layout.addStretch(1)
        return holder

    def _answers(self, count: int) -> str:
        return by_count(count, self.tr("{0} réponse"), self.tr("{0} réponses")).format(count)

    def _figures(self, question) -> str:
        text = self._answers(question.answered)
        if question.mean is not None:
            text += self.tr(" — moyenne {0}, médiane {1}").format(format_number(question.mean),
                                                                  format_number(question.median))
        return text

    def _fed(self, questionnaire: Questionnaire, question) -> str:
        indicator = self.document.item("indicators", question.indicator_id)
        result = fed_result(question.indicator_id, questionnaire, question)
        return self.tr("Alimente l'indicateur « {0} » : {1}").format(
            display_name(indicator) if indicator else question.indicator_id, result.text())

    @staticmethod
    def _plain(text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    def _open_answer(self, question_id: str, row: int, text: str, parent: QWidget) -> QWidget:
        line = QWidget(parent)
        layout = QHBoxLayout(line)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(self._plain(f"« {text} »", line), 1)
        cite = QPushButton(self.tr("Citer dans le bilan"), line)
        menu = QMenu(cite)
        for field, label in REVIEW_LISTS:
            menu.addAction(self.tr(label), lambda f=field: self.cite(question_id, row, f))
        cite.setMenu(menu)
        layout.addWidget(cite)
        return line

    # --- editing ---------------------------------------------------------
    def cite(self, question_id: str, answer_row: int, review_field: str) -> None:
        """Quote the ``answer_row``-th answer to ``question_id`` in one of the bilan's lists."""
        questionnaire = self.questionnaire()
        answering = [r for r in questionnaire.responses if r.answers.get(question_id) not in (None, "", [])]
        quote = editing.citation(questionnaire, answering[answer_row], question_id)
        review = self.document.pathway.review
        new = review.model_copy(update={review_field: [*getattr(review, review_field), quote]})
        self.document.push(SetFields(self.document, None, None, {"review": new},
                                     text=self.tr("Citer une réponse dans le bilan")))

    def delete_response(self) -> None:
        questionnaire = self.questionnaire()
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if questionnaire is None or not rows:
            return
        response_id = questionnaire.responses[rows[0].row()].id
        self.document.push(SetFields(self.document, "questionnaires", questionnaire.id,
                                     {"responses": editing.without_response(questionnaire, response_id)},
                                     text=self.tr("Supprimer la réponse {0}").format(response_id)))

    def import_responses(self) -> None:
        from parcours_designer.model.answers.importing import build_import, plan_import
        from parcours_designer.model.answers.table import read_table
        from parcours_designer.model.errors import PathwayError
        from parcours_designer.ui.import_dialog import ImportDialog
        from parcours_designer.workbook_rows import workbook_rows

        questionnaire = self.questionnaire()
        from parcours_designer.preferences import default_folder, load_preferences
        from parcours_designer.ui import file_dialogs

        chosen = file_dialogs.ask_open_file(
            self, self.tr("Importer des réponses"), str(default_folder(load_preferences())),
            self.tr("Exports de réponses (*.csv *.tsv *.txt *.xlsx);;Tous les fichiers (*)"))
        if chosen is None or questionnaire is None:
            return
        name = str(chosen)
        try:
            table = read_table(name, workbook_rows)
        except PathwayError as error:
            dialogs.show_error(self, self.tr("Import impossible"), str(error))
            return
        dialog = ImportDialog(plan_import(table, questionnaire), questionnaire, self)
        if dialog.exec() != ImportDialog.DialogCode.Accepted:
            return
        result = build_import(dialog.final_plan(), questionnaire)
        if result.responses:
            responses = [*questionnaire.responses, *result.responses]
            self.document.push(SetFields(self.document, "questionnaires", questionnaire.id, {"responses": responses},
                                         text=self.tr("Importer {0}").format(self._answers(len(result.responses)))))

    def export(self, suffix: str) -> None:
        from parcours_designer.export.registry import export_kind

        window = self.window()
        if self.questionnaire() is not None and hasattr(window, "files"):
            window.files.export(export_kind("questionnaire"), suffix=suffix, questionnaire_id=self.questionnaire().id)

    def _on_changed(self, change: Change) -> None:
        # A phase's participants are a questionnaire's invited; its other fields are not shown here
        # (each rebuild of the statistics costs 0.7 s for 1,000 open answers: not at each keystroke).
        phase_matters = change.list_name == "phases" and (change.kind != FIELDS or "participants" in change.fields)
        if change.list_name == "questionnaires" or phase_matters or change.kind == RESET:
            self.refresh_chooser()
