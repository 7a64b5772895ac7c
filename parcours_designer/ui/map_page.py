"""« Carte des acteurs »: partners and publics as boxes, their interactions as
labelled links. Arranged automatically the first time, then by dragging; every
drag, every link drawn, relabelled or removed is one undo step."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtWidgets import QGraphicsView, QLabel, QToolBar, QVBoxLayout, QWidget

from parcours_designer.model.map_edits import (
    FieldEdit,
    MapEditError,
    check_link,
    link_edit,
    position_edits,
    relabel_edit,
)
from parcours_designer.model.stakeholder_map import StakeholderMap, stakeholder_map
from parcours_designer.ui import dialogs
from parcours_designer.ui.document import Change, Document
from parcours_designer.ui.field_edits import push_field_edits
from parcours_designer.ui.map_scene import EdgeItem, MapScene

MAP_LISTS = ("partners", "audiences")


class MapPage(QWidget):
    item_chosen = Signal(object, object)  # list name, item id: an actor selected on the map

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self._selecting = False
        self.smap = StakeholderMap()
        self.scene = MapScene(self)
        self.view = QGraphicsView(self.scene, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.view.setAccessibleName(self.tr("Carte des acteurs"))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._toolbar())
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        self.scene.moved.connect(self.node_moved)
        self.scene.linked.connect(self.link_nodes)
        self.scene.edge_activated.connect(self.relabel_edge)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.refresh)
        document.changed.connect(self._on_changed)
        self.refresh()

    def _toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        self.link_action = QAction(self.tr("&Relier deux acteurs"), self)
        self.link_action.setCheckable(True)
        self.link_action.setToolTip(self.tr("Tirez un trait d'un acteur à un autre pour décrire leur interaction"))
        self.link_action.toggled.connect(self._set_linking)
        self.layout_action = QAction(self.tr("Disposer &automatiquement"), self)
        self.layout_action.triggered.connect(self.arrange)
        self.delete_action = QAction(self.tr("&Supprimer le lien"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected_edge)
        self.addAction(self.delete_action)
        self.fit_action = QAction(self.tr("A&juster à la fenêtre"), self)
        self.fit_action.setToolTip(self.tr("Montrer toute la carte dans la fenêtre"))
        self.fit_action.triggered.connect(self.fit_map)
        for action in (self.link_action, self.layout_action, self.delete_action, self.fit_action):
            bar.addAction(action)
        return bar

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """The first time the page shows, the whole map fits the window."""
        super().showEvent(event)
        if not getattr(self, "_fitted", False):
            self._fitted = True
            QTimer.singleShot(0, self.fit_map)

    def fit_map(self) -> None:
        """The whole map in the view, shrunk if needed, never enlarged (names stay at their size)."""
        bounds = self.scene.itemsBoundingRect().adjusted(-16, -16, 16, 16)
        viewport = self.view.viewport().rect()
        if bounds.isEmpty() or viewport.isEmpty():
            return
        scale = min(1.0, viewport.width() / bounds.width(), viewport.height() / bounds.height())
        self.view.resetTransform()
        self.view.scale(scale, scale)
        self.view.centerOn(bounds.center())

    def _set_linking(self, on: bool) -> None:
        self.scene.linking = on
        self.view.setDragMode(QGraphicsView.DragMode.NoDrag if on else QGraphicsView.DragMode.RubberBandDrag)
        self._show_hint()

    def _show_hint(self) -> None:
        if self.link_action.isChecked():
            text = self.tr("Tirez un trait d'un acteur à un autre, puis nommez l'interaction.")
        elif not self.smap.nodes:
            text = self.tr("Ajoutez des partenaires et des publics : ils apparaîtront ici.")
        else:
            text = self.tr("Déplacez les acteurs à la souris ; double-cliquez sur un lien pour le renommer. "
                           "Au clavier, reliez les acteurs dans la fiche de chaque partenaire (page Partenaires).")
        self.hint.setText(text)

    # --- showing ------------------------------------------------------------
    def _on_changed(self, change: Change) -> None:
        if change.list_name in MAP_LISTS or change.list_name is None:
            self.timer.start()

    def refresh(self) -> None:
        self.smap = stakeholder_map(self.document.pathway)
        self.scene.show_map(self.smap)
        self._show_hint()

    def select(self, list_name: str, item_id: Optional[str]) -> None:
        """Shared selection: the actor chosen on another page is selected here."""
        self._selecting = True
        try:
            self.scene.clearSelection()
            item = self.scene.nodes.get(f"{list_name}:{item_id}")
            if item is not None:
                item.setSelected(True)
                self.view.ensureVisible(item)
        finally:
            self._selecting = False

    def _selection_changed(self) -> None:
        """An actor picked on the map is selected on the Partenaires or Publics page too."""
        if self._selecting:
            return
        chosen = [self.smap.node(item.key) for item in self.scene.selectedItems() if hasattr(item, "key")]
        if len(chosen) == 1 and chosen[0] is not None:
            self.item_chosen.emit(chosen[0].list_name, chosen[0].item_id)

    # --- editing ------------------------------------------------------------
    def _push(self, text: str, edits: list[FieldEdit]) -> None:
        push_field_edits(self.document, text, edits)

    def node_moved(self, key: str, x: float, y: float) -> None:
        node = self.smap.node(key)
        name = node.label if node else key
        self._push(self.tr("Déplacer « {0} » sur la carte").format(name),
                   position_edits(self.smap, {key: (x, y)}))

    def arrange(self) -> None:
        fresh = stakeholder_map(self.document.pathway, relayout=True)
        moved = {node.key: (node.x, node.y) for node in fresh.nodes}
        self._push(self.tr("Disposer la carte des acteurs"), position_edits(self.smap, moved))

    def link_nodes(self, source: str, target: str) -> None:
        """Refused links are said at once; the interaction is asked only for a link that can be made."""
        try:
            check_link(self.document.pathway, source, target)
        except MapEditError as error:
            self.hint.setText(self.tr("Lien impossible : {0}.").format(error))
            return
        label = dialogs.ask_text(self, self.tr("Relier deux acteurs"), self.tr("Nature de l'interaction :"))
        if label is not None:
            self._push(self.tr("Relier deux acteurs"), [link_edit(self.document.pathway, source, target, label)])

    def relabel_edge(self, number: int) -> None:
        edge = self.smap.edges[number]
        label = dialogs.ask_text(self, self.tr("Nommer le lien"), self.tr("Nature de l'interaction :"), edge.label)
        if label is not None and label != edge.label:
            self._push(self.tr("Nommer le lien"), [relabel_edit(self.document.pathway, edge, label)])

    def delete_selected_edge(self) -> None:
        chosen = [item for item in self.scene.selectedItems() if isinstance(item, EdgeItem)]
        if chosen:
            edge = chosen[0].edge
            self._push(self.tr("Supprimer le lien"), [relabel_edit(self.document.pathway, edge, None)])
