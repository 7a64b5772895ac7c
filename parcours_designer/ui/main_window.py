"""The editor's window: navigation, pages, the check dock, menus and the document."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QMainWindow, QStackedWidget, QWidget

from parcours_designer.ui.document import Document
from parcours_designer.ui.files import FileActions
from parcours_designer.ui.focus_order import order_page
from parcours_designer.ui.menus import build_menus
from parcours_designer.ui.navigation import PageInfo, pages
from parcours_designer.ui.navigation_list import NavigationList
from parcours_designer.ui.page import ItemChooser, Page
from parcours_designer.ui.recovery import AutoSaver, Session

if TYPE_CHECKING:
    from parcours_designer.ui.derived import DerivedStateService

DOCK_WIDTH = 360


class MainWindow(QMainWindow):
    def __init__(self, document: Optional[Document], catalog=None, session: Optional[Session] = None):
        super().__init__()
        self.catalog = catalog
        self.document: Optional[Document] = None
        self.derived: Optional["DerivedStateService"] = None
        self.page_infos: list[PageInfo] = pages()
        self.built: dict[str, QWidget] = {}
        self.session = session or Session()
        self.autosaver = AutoSaver(self.session, self)
        self.files = FileActions(self)
        self._build()
        self.menu_actions = build_menus(self)
        self.setAcceptDrops(True)
        self.resize(QSize(1366, 768))
        self.setWindowTitle(self.tr("Parcours Designer"))
        self._set_ready(False)
        if document is not None:
            self.set_document(document)

    def _set_ready(self, ready: bool) -> None:
        """Before the first document is loaded, nothing can be clicked."""
        self.menuBar().setEnabled(ready)
        self.centralWidget().setEnabled(ready)

    def _build(self) -> None:
        self.navigation = NavigationList([info.title for info in self.page_infos], self)
        self.navigation.setAccessibleName(self.tr("Navigation"))
        self.navigation.currentRowChanged.connect(self._show_page)
        self.stack = QStackedWidget(self)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.check_dock = QDockWidget(self.tr("Vérification"), self)
        self.check_dock.setObjectName("check-dock")
        self.check_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                    | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.check_dock)
        self.statusBar()
        self._docks_sized = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._docks_sized:
            self._docks_sized = True
            self.resizeDocks([self.check_dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)

    # --- the document ------------------------------------------------------
    def set_document(self, document: Document) -> None:
        """Show ``document`` (pages of the previous one are dropped)."""
        old = self.document
        self.document = document
        document.setParent(self)
        for page in self.built.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.built.clear()
        self._bind_document(document)
        if old is not None:
            old.deleteLater()
        self._set_ready(True)
        self.navigation.setCurrentRow(-1)
        self.navigation.setCurrentRow(0)

    def _bind_document(self, document: Document) -> None:
        from parcours_designer.ui.check_dock import CheckPanel
        from parcours_designer.ui.derived import derived_state

        if self.catalog is None and self.derived is not None:
            self.catalog = self.derived.loaded_catalog()  # loaded once (with the first check), kept
        self.derived = derived_state(document, self.catalog)
        self.check_panel = CheckPanel(self.derived, self.check_dock)
        self.check_panel.item_chosen.connect(self.open_item)
        self.check_panel.pathway_finding_activated.connect(self._open_rule_page)
        old_panel = self.check_dock.widget()
        self.check_dock.setWidget(self.check_panel)
        if old_panel is not None:
            old_panel.deleteLater()
        document.undo_stack.cleanChanged.connect(self._update_title)
        document.path_changed.connect(self._update_title)
        self.menu_actions.bind_undo(document.undo_stack)
        self.autosaver.watch(document)
        self._update_title()
        self.derived.refresh_later()

    def _update_title(self, *_args) -> None:
        name = self.document.display_name() or self.tr("Sans titre")
        self.setWindowTitle(self.tr("{0}[*] — Parcours Designer").format(name))
        self.setWindowModified(self.document.is_modified())

    # --- pages -------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page ``key``, built on first use."""
        if key not in self.built:
            info = next(i for i in self.page_infos if i.key == key)
            widget = info.build(self.document, self.stack)
            self.built[key] = widget
            self.stack.addWidget(widget)
            if isinstance(widget, ItemChooser):
                widget.item_chosen.connect(self._sync_selection)
        return self.built[key]

    def list_page(self, key: str) -> Page:
        """The page ``key``, which shows lists (``PageInfo.lists``)."""
        widget = self.page(key)
        assert isinstance(widget, Page), key
        return widget

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self.page_infos):
            page = self.page(self.page_infos[row].key)
            self.stack.setCurrentWidget(page)
            order_page(self.navigation, page, self.check_panel)

    def show_page(self, key: str) -> QWidget:
        row = next(r for r, info in enumerate(self.page_infos) if info.key == key)
        self.navigation.setCurrentRow(row)
        return self.page(key)

    def _sync_selection(self, list_name: Optional[str], item_id: Optional[str]) -> None:
        """An item chosen on one page is selected on the other pages already built."""
        for info in self.page_infos:
            if list_name in info.lists and info.key in self.built:
                self.list_page(info.key).select(list_name, item_id)

    def open_item(self, list_name: Optional[str], item_id: Optional[str]) -> None:
        """Show the page of an item chosen elsewhere (a finding…) and select it (``None``: the overview)."""
        if list_name == "review":  # a topic to report: the Bilan tab of the Évaluation page
            self.show_page("evaluation").show_review()
            return
        info = next((i for i in self.page_infos if list_name and list_name in i.lists), None)
        if list_name is None or info is None or item_id is None:
            self.show_page("overview")
            return
        self.show_page(info.key)
        self._sync_selection(list_name, item_id)

    def _open_rule_page(self, rule_id: str) -> None:
        """A finding on the whole pathway: the page where it is fixed (the budget's balance: Budget)."""
        from parcours_designer.ui.finding_pages import page_for_rule

        self.show_page(page_for_rule(rule_id, {info.key for info in self.page_infos}))

    # --- files -------------------------------------------------------------
    def update_recent(self, files: list[Path]) -> None:
        self.menu_actions.fill_recent(files)

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        local = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if local:
            event.acceptProposedAction()
            self.files.open_path(Path(local[0]))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.files.maybe_save():
            self.session.end()
            event.accept()
        else:
            event.ignore()
