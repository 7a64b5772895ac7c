"""Editors for lists held inside an item: topics of the review, a partner's links.

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

from parcours_designer.model.entities import Topic, next_topic_id
from parcours_designer.model.map_edits import MapEditError, link_edit, relabel_edit, unlink_edits
from parcours_designer.model.references import display_name
from parcours_designer.model.stakeholder_map import MapEdge, map_edges, node_key
from parcours_designer.ui.choices import LinkList
from parcours_designer.ui.commands import SetFields
from parcours_designer.ui.document import FIELDS, Change, Document
from parcours_designer.ui.field_edits import push_field_edits

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


class LinksEditor(QGroupBox):
    """The actors of ``other_list`` a partner is linked with, ticked, and what each link is.

    A link has no direction: the one another partner holds with this one is shown ticked
    here too, and unticking or naming it edits it where it is held. The rows are the map's
    edges (:func:`~parcours_designer.model.stakeholder_map.map_edges`)."""

    def __init__(self, document: Document, other_list: str, field: str, titles: dict[str, str], parent=None):
        super().__init__(titles["box"], parent)
        self.document = document
        self.other_list = other_list
        self.field = field  # the partner's list holding these links
        self.titles = titles
        self.partner_id: Optional[str] = None
        self.edges: list[MapEdge] = []
        self.links = LinkList(document, other_list, self)
        self.links.set_accessible_name(titles["box"])
        self.links.toggled.connect(self._toggled)
        self.labels = QTableWidget(0, 2, self)
        self.labels.setHorizontalHeaderLabels([titles["other"], self.tr("Nature du lien")])
        self.labels.setAccessibleName(titles["labels"])
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

    def _key(self) -> str:
        return node_key("partners", self.partner_id or "")

    def _other(self, edge: MapEdge) -> str:
        return (edge.target if edge.source == self._key() else edge.source).partition(":")[2]

    def reload(self) -> None:
        key = self._key()
        self.edges = [edge for edge in map_edges(self.document.pathway)
                      if key in (edge.source, edge.target) and edge.field == self.field]
        others = [self._other(edge) for edge in self.edges]
        self.links.set_checked(others, self.partner_id if self.other_list == "partners" else None)
        with QSignalBlocker(self.labels):
            self.labels.setRowCount(len(self.edges))
            for row, (edge, other_id) in enumerate(zip(self.edges, others)):
                name = QTableWidgetItem(display_name(self.document.item(self.other_list, other_id)))
                name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.labels.setItem(row, 0, name)
                self.labels.setItem(row, 1, QTableWidgetItem(edge.label))

    def _on_changed(self, change: Change) -> None:
        """Any partner may hold a link with this one; a name shown may change."""
        if self.partner_id and change.list_name in ("partners", self.other_list):
            self.reload()

    def _toggled(self, other_id: str, checked: bool) -> None:
        pathway, other = self.document.pathway, node_key(self.other_list, other_id)
        if not checked:
            push_field_edits(self.document, self.titles["unlink"], unlink_edits(pathway, self._key(), other))
            return
        try:
            edit = link_edit(pathway, self._key(), other, "")
        except MapEditError:  # already linked: the list shows it again as it is
            self.reload()
            return
        push_field_edits(self.document, self.titles["link"], [edit])

    def _label_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 1 or item.row() >= len(self.edges):
            return
        edge = self.edges[item.row()]
        if item.text().strip() != edge.label:
            push_field_edits(self.document, self.titles["name"],
                             [relabel_edit(self.document.pathway, edge, item.text().strip())])


class PartnerLinksEditor(LinksEditor):
    """The partners this partner works with, and what each link is (the stakeholder map)."""

    def __init__(self, document: Document, parent=None):
        super().__init__(document, "partners", "links", {
            "box": self.tr("Liens avec d'autres partenaires"), "other": self.tr("Partenaire lié"),
            "labels": self.tr("Nature de chaque lien"),
            "link": self.tr("Relier deux partenaires"), "unlink": self.tr("Délier deux partenaires"),
            "name": self.tr("Nommer un lien entre partenaires")}, parent)


class AudienceLinksEditor(LinksEditor):
    """« Publics en relation »: the publics this partner deals with, and how (the stakeholder map)."""

    def __init__(self, document: Document, parent=None):
        super().__init__(document, "audiences", "audience_links", {
            "box": self.tr("Publics en relation"), "other": self.tr("Public"),
            "labels": self.tr("Nature de chaque relation avec un public"),
            "link": self.tr("Relier un partenaire à un public"), "unlink": self.tr("Délier un partenaire d'un public"),
            "name": self.tr("Nommer une relation avec un public")}, parent)
