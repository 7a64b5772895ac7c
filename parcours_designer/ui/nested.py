"""Editors for lists held inside an item: topics of the review, partner links.

Each edit replaces the whole small list through one
:class:`~parcours_designer.ui.commands.SetFields` command.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from parcours_designer.model.entities import PartnerLink, Topic, next_topic_id
from parcours_designer.model.references import display_name
from parcours_designer.ui.choices import LinkList
from parcours_designer.ui.commands import SetFields
from parcours_designer.ui.document import FIELDS, Change, Document

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class RowsEditor(QGroupBox):
    """A small table of sub-items with « Ajouter » and « Supprimer » buttons."""

    def __init__(self, title: str, headers: list[str], document: Document, parent=None):
        super().__init__(title, parent)
        self.document = document
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(140)
        self.table.itemChanged.connect(self.item_changed)
        self.add_button = QPushButton(self.tr("Ajouter"), self)
        self.remove_button = QPushButton(self.tr("Supprimer"), self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.table)
        self.layout_.addLayout(buttons)
        document.changed.connect(self._on_changed)

    def text_at(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def set_text(self, row: int, column: int, text: str, key=None) -> None:
        """Fill a cell; ``key`` (kept in column 0) says which sub-item the row is."""
        item = QTableWidgetItem(text)
        if key is not None:
            item.setData(KEY_ROLE, key)
        self.table.setItem(row, column, item)

    def key_at(self, row: int):
        item = self.table.item(row, 0)
        return item.data(KEY_ROLE) if item else None

    def item_changed(self, _item: QTableWidgetItem) -> None:
        self.commit()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.commit()

    def _on_changed(self, change: Change) -> None:
        if change.kind == FIELDS and self.concerns(change):
            self.reload()


class TopicsEditor(RowsEditor):
    """The review's topics to report, each with the partners concerned."""

    def __init__(self, document: Document, parent=None):
        super().__init__(self.tr("Sujets à faire remonter"), [self.tr("Sujet")], document, parent)
        self.partners = LinkList(document, "partners", self)
        self.partners.set_accessible_name(self.tr("Partenaires concernés par le sujet"))
        self.partners.toggled.connect(self._partner_toggled)
        self.layout_.addWidget(self.partners)
        self.table.currentCellChanged.connect(lambda *_args: self._show_partners())
        self.reload()

    def concerns(self, change: Change) -> bool:
        return change.list_name is None and "review" in change.fields

    def reload(self) -> None:
        topics = self.document.pathway.review.topics_to_report
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(topics))
            for row, topic in enumerate(topics):
                self.set_text(row, 0, topic.text, list(topic.partner_ids))
        self._show_partners()

    def _show_partners(self) -> None:
        row = self.table.currentRow()
        topics = self.document.pathway.review.topics_to_report
        self.partners.setEnabled(0 <= row < len(topics))
        self.partners.set_checked(topics[row].partner_ids if 0 <= row < len(topics) else [])

    def _partner_toggled(self, partner_id: str, checked: bool) -> None:
        row = self.table.currentRow()
        topics = [t.model_copy(deep=True) for t in self.document.pathway.review.topics_to_report]
        if not 0 <= row < len(topics):
            return
        ids = [i for i in topics[row].partner_ids if i != partner_id]
        topics[row].partner_ids = ids + ([partner_id] if checked else [])
        self._push(topics)

    def add_row(self) -> None:
        current = self.document.pathway.review.topics_to_report
        topics = [*current, Topic(id=next_topic_id(current))]
        self._push(topics)
        self.table.setCurrentCell(len(topics) - 1, 0)
        self.table.editItem(self.table.item(len(topics) - 1, 0))

    def commit(self) -> None:
        current = self.document.pathway.review.topics_to_report
        ids = [topic.id for topic in current]
        topics = [
            Topic(id=ids[row] if row < len(ids) else "", text=self.text_at(row, 0),
                  partner_ids=list(self.key_at(row) or []))
            for row in range(self.table.rowCount())
        ]
        self._push(topics)

    def _push(self, topics: list[Topic]) -> None:
        review = self.document.pathway.review
        if topics != review.topics_to_report:
            new = review.model_copy(update={"topics_to_report": topics})
            self.document.push(SetFields(self.document, None, None, {"review": new},
                                         text=self.tr("Modifier les sujets à faire remonter")))


class PartnerLinksEditor(QGroupBox):
    """The partners this partner works with, and what each link is (the stakeholder map)."""

    def __init__(self, document: Document, parent=None):
        super().__init__(self.tr("Liens avec d'autres partenaires"), parent)
        self.document = document
        self.partner_id: Optional[str] = None
        self.links = LinkList(document, "partners", self)
        self.links.set_accessible_name(self.tr("Liens avec d'autres partenaires"))
        self.links.toggled.connect(self._toggled)
        self.labels = QTableWidget(0, 2, self)
        self.labels.setHorizontalHeaderLabels([self.tr("Partenaire lié"), self.tr("Nature du lien")])
        self.labels.setAccessibleName(self.tr("Nature de chaque lien"))
        self.labels.verticalHeader().setVisible(False)
        self.labels.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.labels.setMinimumHeight(90)
        self.labels.itemChanged.connect(self._label_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.links)
        layout.addWidget(self.labels)
        document.changed.connect(self._on_changed)
        self.setEnabled(False)

    def set_item(self, item_id: Optional[str]) -> None:
        self.partner_id = item_id
        self.setEnabled(item_id is not None)
        self.reload()

    def _partner(self):
        return self.document.item("partners", self.partner_id) if self.partner_id else None

    def reload(self) -> None:
        partner = self._partner()
        links = list(partner.links) if partner else []
        self.links.set_checked([link.partner_id for link in links], self.partner_id)
        with QSignalBlocker(self.labels):
            self.labels.setRowCount(len(links))
            for row, link in enumerate(links):
                other = self.document.item("partners", link.partner_id)
                name = QTableWidgetItem(display_name(other) if other else link.partner_id)
                name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.labels.setItem(row, 0, name)
                self.labels.setItem(row, 1, QTableWidgetItem(link.label))

    def _on_changed(self, change: Change) -> None:
        if change.kind == FIELDS and change.list_name == "partners" and change.item_id == self.partner_id:
            self.reload()

    def _toggled(self, other_id: str, checked: bool) -> None:
        partner = self._partner()
        links = [link for link in partner.links if link.partner_id != other_id]
        if checked:
            links.append(PartnerLink(partner_id=other_id))
        self._push(links, self.tr("Modifier les liens du partenaire"))

    def _label_changed(self, item: QTableWidgetItem) -> None:
        partner = self._partner()
        if partner is None or item.column() != 1 or item.row() >= len(partner.links):
            return
        links = [link.model_copy() for link in partner.links]
        links[item.row()].label = item.text().strip()
        self._push(links, self.tr("Nommer un lien entre partenaires"))

    def _push(self, links: list[PartnerLink], text: str) -> None:
        if links != self._partner().links:
            self.document.push(SetFields(self.document, "partners", self.partner_id, {"links": links}, text=text))
