"""The check dock: findings grouped by competence, the framework, its details."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from parcours_designer.model.kinds import kind_of_target
from parcours_designer.ui.commands import SetFields
from parcours_designer.ui.derived import DerivedState, DerivedStateService
from parcours_designer.ui.plurals import by_count
from parcours_designer.ui.tooltips import plain_tooltip
from parcours_designer.ui.wrapping_delegate import WrappingDelegate

if TYPE_CHECKING:  # the check is imported with the first derived state, after the window is ready
    from parcours_designer.model.check import CheckResult, Coverage, Finding
    from parcours_designer.model.framework import Competence

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
COMPETENCE_ROLE = Qt.ItemDataRole.UserRole + 2
# By the value of ``Severity`` and ``Coverage`` (string enums: their members find these keys).
SEVERITY_COLOURS = {"error": "#b00020", "warning": "#a15c00", "info": "#1f5f99"}
STATUS_MARKS = {"covered": "✓", "partial": "◐", "missing": "✗"}
OTHERS = "__others__"
RULE_ROLE = Qt.ItemDataRole.UserRole + 3
PANEL_MIN_WIDTH = 340


def unbreakable(text: str) -> str:
    """Qt breaks lines at the narrow no-break space of « 10 410,30 € »: a plain no-break space it keeps."""
    return text.replace("\u202f", "\u00a0")


class FindingsModel(QStandardItemModel):
    """Competences (with their coverage) and, under each, its findings."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHorizontalHeaderLabels([self.tr("Compétence / constat")])
        self.shown: Optional[tuple] = None

    def set_result(self, result: "CheckResult") -> bool:
        """Show ``result``; ``False`` when it shows the same as before."""
        key = (result.framework.id, result.findings, tuple(c.status for c in result.competences))
        if key == self.shown:
            return False
        self.shown = key
        self.removeRows(0, self.rowCount())
        root = self.invisibleRootItem()
        placed: set["Finding"] = set()
        for competence_result in result.competences:
            row = self._competence_row(competence_result.competence, competence_result.status,
                                       competence_result.findings)
            root.appendRow(row)
            placed.update(competence_result.findings)
        others = [f for f in result.findings if f not in placed]
        if others:
            group = QStandardItem(self.tr("Autres constats ({0})").format(len(others)))
            group.setData(OTHERS, COMPETENCE_ROLE)
            group.setEditable(False)
            group.appendRows([self._finding_item(f) for f in others])
            root.appendRow(group)
        return True

    def _competence_row(self, competence: "Competence", status: "Coverage", findings) -> QStandardItem:
        count = f"({len(findings)}) " if findings else ""  # first: a long title never hides it
        item = QStandardItem(f"{STATUS_MARKS[status]} {count}{competence.title}")
        item.setEditable(False)
        item.setData(competence.id, COMPETENCE_ROLE)
        item.setToolTip(plain_tooltip(self.tr("{0} — {1}").format(status.label, competence.title)))
        item.appendRows([self._finding_item(f) for f in findings])
        return item

    def _finding_item(self, finding: "Finding") -> QStandardItem:
        item = QStandardItem(unbreakable(f"{finding.severity.label} : {finding.message}"))
        item.setEditable(False)
        item.setToolTip(plain_tooltip(unbreakable(finding.message)))
        item.setData(finding.rule, RULE_ROLE)
        item.setForeground(QBrush(QColor(SEVERITY_COLOURS[finding.severity])))
        item.setData((finding.target_type, finding.target_id), TARGET_ROLE)
        return item


class CheckPanel(QWidget):
    """Lives in a dock beside every page; double-click a finding to open its item."""

    item_chosen = Signal(object, object)  # list name, item id (both None: the pathway itself)
    pathway_finding_activated = Signal(str)  # the rule of a finding on the whole pathway

    def __init__(self, derived: DerivedStateService, parent=None):
        super().__init__(parent)
        self.derived = derived
        self.document = derived.document
        self.model = FindingsModel(self)
        self._build()
        derived.updated.connect(self._state_updated)
        self.document.changed.connect(self._on_document_changed)
        if derived.current is not None:
            self._state_updated(derived.current)

    def _build(self) -> None:
        body = self
        self.framework_box = QComboBox(body)
        self.framework_box.setAccessibleName(self.tr("Référentiel de compétences"))
        self.framework_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.framework_box.setMinimumContentsLength(16)
        self.framework_box.activated.connect(self._framework_chosen)
        label = QLabel(self.tr("&Référentiel :"), body)
        label.setBuddy(self.framework_box)
        top = QVBoxLayout()  # the framework's whole title under its label (a row was too narrow for it)
        top.setSpacing(2)
        top.addWidget(label)
        top.addWidget(self.framework_box)
        self.summary = QLabel(body)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.tree = QTreeView(body)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.setAccessibleName(self.tr("Constats de la vérification"))
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.doubleClicked.connect(self._activated)
        self.tree.activated.connect(self._activated)
        self.tree.selectionModel().currentChanged.connect(self._show_details)
        self.details = QTextBrowser(body)
        self.details.setAccessibleName(self.tr("Détail de la compétence"))
        self.details.setOpenLinks(False)
        self.details.setTabChangesFocus(True)
        splitter = QSplitter(Qt.Orientation.Vertical, body)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setSizes([420, 180])
        self.setMinimumWidth(PANEL_MIN_WIDTH)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def _fill_frameworks(self) -> None:
        self.framework_box.clear()
        for framework_id, framework in sorted(self.derived.catalog.frameworks.items()):
            self.framework_box.addItem(framework.title, framework_id)
        self._show_framework()

    def _show_framework(self) -> None:
        index = self.framework_box.findData(self.derived.framework().id)
        self.framework_box.setCurrentIndex(index)
        self.framework_box.setToolTip(plain_tooltip(self.framework_box.currentText()))

    def _framework_chosen(self, _index: int) -> None:
        chosen = self.framework_box.currentData()
        if chosen and chosen != self.document.pathway.framework:
            self.document.push(SetFields(self.document, None, None, {"framework": chosen},
                                         text=self.tr("Changer de référentiel")))

    def _on_document_changed(self, change) -> None:
        if change.list_name is None and "framework" in change.fields:
            self._show_framework()

    def _state_updated(self, state: DerivedState) -> None:
        if not self.framework_box.count():  # the catalog is loaded with the first state
            self._fill_frameworks()
        self.show_result(state.check)

    def show_result(self, result: "CheckResult") -> None:
        from parcours_designer.model.check import Severity

        text = score_line(result.score, *(result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)))
        if not self.derived.framework_is_known():
            text += "\n" + self.tr("Référentiel « {0} » introuvable : le référentiel par défaut est utilisé.").format(
                self.document.pathway.framework)
        self.summary.setText(text)
        expanded = self._expanded_ids()
        if self.model.set_result(result):
            self._restore_expanded(expanded)

    def _expanded_ids(self) -> set[str]:
        ids = set()
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if self.tree.isExpanded(index):
                ids.add(index.data(COMPETENCE_ROLE))
        return ids

    def _restore_expanded(self, ids: set[str]) -> None:
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(COMPETENCE_ROLE) in ids:
                self.tree.setExpanded(index, True)

    def _activated(self, index: QModelIndex) -> None:
        target = index.data(TARGET_ROLE)
        if target and target[1] is None and index.data(RULE_ROLE):
            self.pathway_finding_activated.emit(index.data(RULE_ROLE))
        elif target:
            kind = kind_of_target(target[0])
            # A topic to report is held by the review (« review »), not by a list.
            list_name = kind.list_name if kind is not None else ("review" if target[0] == "topic" else None)
            self.item_chosen.emit(list_name, target[1])

    def _show_details(self, index: QModelIndex) -> None:
        competence_id = index.data(COMPETENCE_ROLE) or index.parent().data(COMPETENCE_ROLE)
        competence = self.derived.framework().competence(competence_id) if competence_id else None
        finding = f"<p>{escape(index.data() or '')}</p><hr>" if index.data(TARGET_ROLE) else ""
        self.details.setHtml(finding + (competence_html(competence) if competence else ""))


def tr(text: str) -> str:
    return QCoreApplication.translate("check", text)


def score_line(score: int, errors: int, warnings: int, infos: int) -> str:
    """« Score : 88 % — 1 erreur, 2 avertissements, 0 information »."""
    return tr("Score : {0} % — {1}, {2}, {3}").format(
        score,
        by_count(errors, tr("{0} erreur"), tr("{0} erreurs")).format(errors),
        by_count(warnings, tr("{0} avertissement"), tr("{0} avertissements")).format(warnings),
        by_count(infos, tr("{0} information"), tr("{0} informations")).format(infos))


def competence_html(competence: "Competence") -> str:
    """The competence's savoir-faire, savoir-être, savoirs and criteria (all text escaped)."""
    parts = [f"<h4>{escape(competence.title)}</h4>"]
    for title, lines in ((tr("Savoir-faire"), competence.savoir_faire), (tr("Savoir-être"), competence.savoir_etre),
                         (tr("Savoirs"), competence.savoirs)):
        if not lines and title == tr("Savoirs") and competence.criteria:
            continue
        parts.append(f"<p><b>{title}</b></p>")
        if lines:
            parts.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>")
        else:
            parts.append(f"<p><i>{tr('Non précisé dans le référentiel.')}</i></p>")
    if competence.criteria:
        parts.append(f"<p><b>{tr('Critères d’évaluation')}</b></p>")
        parts.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in competence.criteria) + "</ul>")
    if competence.example:
        parts.append(f"<p><b>{tr('Exemple')}</b></p><p>{escape(competence.example)}</p>")
    return "".join(parts)
