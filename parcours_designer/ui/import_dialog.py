"""Before an import stores anything: which column goes to which question, corrected by the user.

Each column of the export gets a line: its header, a few of its values and
what it becomes (a question, the response date, or ignored). Columns of
personal data are ignored unless the user gives them to a question.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from parcours_designer.model.answers.importing import ImportPlan, build_import
from parcours_designer.model.answers.matching import ColumnKind, ColumnMatch
from parcours_designer.model.entities import Questionnaire
from parcours_designer.ui.plurals import by_count


IGNORE, DATE, KEEP = "ignore", "date", "keep"
SAMPLES = 3


class ImportDialog(QDialog):
    """Shows :attr:`plan` and lets the user change it; :meth:`final_plan` once accepted."""

    def __init__(self, plan: ImportPlan, questionnaire: Questionnaire, parent=None):
        super().__init__(parent)
        self.plan, self.questionnaire = plan, questionnaire
        self.setWindowTitle(self.tr("Importer des réponses — {0}").format(questionnaire.title or questionnaire.id))
        self.resize(860, 520)
        rows = len(plan.data_rows)
        about = QLabel(self.tr("Fichier « {0} » : {1}, {2}. "
                               "Vérifiez à quelle question correspond chaque colonne.").format(
            plan.table.name, by_count(rows, self.tr("{0} ligne de réponses"),
                                      self.tr("{0} lignes de réponses")).format(rows),
            plan.table.layout), self)
        self.about = about
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(len(plan.columns), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Colonne de l'export"), self.tr("Exemples"),
                                              self.tr("Devient")])
        self.table.setAccessibleName(self.tr("Correspondance des colonnes"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.boxes: list[QComboBox] = []
        for row, column in enumerate(plan.columns):
            self._fill_row(row, column)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Importer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self._update_summary()

    def _fill_row(self, row: int, column: ColumnMatch) -> None:
        header = QTableWidgetItem(column.header or self.tr("(colonne {0} sans titre)").format(column.index + 1))
        header.setFlags(Qt.ItemFlag.ItemIsEnabled)
        samples = [r[column.index] for r in self.plan.data_rows if r[column.index]][:SAMPLES]
        shown = self.tr("(masqués)") if column.kind is ColumnKind.PERSONAL and samples else \
            " · ".join(s[:40] for s in samples)
        example = QTableWidgetItem(shown)
        example.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setItem(row, 0, header)
        self.table.setItem(row, 1, example)
        box = QComboBox(self.table)
        box.setAccessibleName(self.tr("Devient"))
        ignored = {ColumnKind.PERSONAL: self.tr("Ignorée — données personnelles, non enregistrées"),
                   ColumnKind.DUPLICATE: self.tr("Ignorée — question déjà lue dans une colonne précédente"),
                   }.get(column.kind, self.tr("Ignorée"))
        box.addItem(ignored, IGNORE)
        box.addItem(self.tr("Date de la réponse"), DATE)
        if column.kind in (ColumnKind.CHOICE, ColumnKind.OTHER):
            detail = column.choice if column.kind is ColumnKind.CHOICE else self.tr("autre réponse")
            box.addItem(self.tr("{0} — case « {1} »").format(self._question_name(column.question_id), detail), KEEP)
        for number, question in enumerate(self.questionnaire.questions, start=1):
            box.addItem(f"{number}. {question.text or question.id}", question.id)
        box.setCurrentIndex(max(0, box.findData(self._initial(column))))
        box.currentIndexChanged.connect(lambda _i: self._update_summary())
        self.table.setCellWidget(row, 2, box)
        self.boxes.append(box)

    @staticmethod
    def _initial(column: ColumnMatch):
        if column.kind in (ColumnKind.CHOICE, ColumnKind.OTHER):
            return KEEP
        if column.kind is ColumnKind.QUESTION:
            return column.question_id
        return DATE if column.kind is ColumnKind.DATE else IGNORE

    def _question_name(self, question_id: str) -> str:
        for number, question in enumerate(self.questionnaire.questions, start=1):
            if question.id == question_id:
                return f"{number}. {question.text or question.id}"
        return question_id

    def final_plan(self) -> ImportPlan:
        """The plan with the user's corrections."""
        changed = []
        for column, box in zip(self.plan.columns, self.boxes):
            choice = box.currentData()
            if choice == KEEP:
                continue
            if choice == DATE:
                changed.append(ColumnMatch(column.index, column.header, ColumnKind.DATE))
            elif choice == IGNORE:
                kind = ColumnKind.PERSONAL if column.kind is ColumnKind.PERSONAL else ColumnKind.IGNORED
                changed.append(ColumnMatch(column.index, column.header, kind))
            else:
                changed.append(column.to_question(choice))
        return self.plan.with_columns(changed)

    def _update_summary(self) -> None:
        plan = self.final_plan()
        if len([c for c in plan.columns if c.kind is ColumnKind.DATE]) > 1:
            self.summary.setText(self.tr("Une seule colonne peut donner la date de la réponse."))
            self.ok_button.setEnabled(False)
            return
        twice = plan.doubled_question(self.questionnaire)
        if twice is not None:
            self.summary.setText(self.tr("La question « {0} » reçoit deux colonnes : gardez-en une seule.").format(
                self._question_name(twice)))
            self.ok_button.setEnabled(False)
            return
        result = build_import(plan, self.questionnaire)
        used = len(plan.used())
        new = len(result.responses)
        text = by_count(used, self.tr("{0} colonne rattachée à une question"),
                        self.tr("{0} colonnes rattachées à des questions")).format(used)
        text += by_count(new, self.tr(" : {0} réponse nouvelle"), self.tr(" : {0} réponses nouvelles")).format(new)
        if result.already_imported:
            text += by_count(result.already_imported, self.tr(", {0} déjà importée"),
                             self.tr(", {0} déjà importées")).format(result.already_imported)
        refused = sum(result.refused.values())
        if refused:
            text += by_count(refused, self.tr(", {0} valeur hors échelle ou illisible non enregistrée"),
                             self.tr(", {0} valeurs hors échelle ou illisibles non enregistrées")).format(refused)
        self.summary.setText(text + ".")
        self.ok_button.setEnabled(bool(result.responses))
