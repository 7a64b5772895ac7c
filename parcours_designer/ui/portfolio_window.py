"""The portfolio window: every pathway of a folder, read in a thread, shown in tabs.

Pathways (sortable, filterable, opened in the editor by a double click),
recurring needs, topics per partner with the « note de remontée », funders,
the partner directory and the comparison of two editions. Nothing of the
folder is ever written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QLabel, QLineEdit, QListWidget, QMainWindow, QProgressBar, QTabWidget, QVBoxLayout, QWidget,
)

from parcours_designer.model.formatting import format_date, format_money
from parcours_designer.ui.plurals import by_count
from parcours_designer.ui.portfolio_rows import Column, cap_columns_to_contents, rows_view

if TYPE_CHECKING:
    from parcours_designer.model.portfolio import Portfolio
    from parcours_designer.ui.main_window import MainWindow


class _Stopped(Exception):
    """The window was closed while reading."""


class PortfolioLoader(QObject):
    """Reads the folder (through the index) in a worker thread, telling its progress."""

    progressed = Signal(int, int)
    loaded = Signal(object)  # a Portfolio
    failed = Signal(str)

    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder
        self.stopping = False

    def _progress(self, done: int, total: int, _name: str) -> None:
        if self.stopping:
            raise _Stopped
        self.progressed.emit(done, total)

    def run(self) -> None:
        from parcours_designer.model.errors import PathwayError
        from parcours_designer.portfolio_index import read_indexed

        try:
            portfolio = read_indexed(self.folder, on_progress=self._progress)
        except PathwayError as error:
            self.failed.emit(str(error))
            return
        except _Stopped:
            self.failed.emit("")
            return
        self.loaded.emit(portfolio)


def pathway_columns(window: QWidget, today: date) -> list[Column]:
    from parcours_designer.model.portfolio_summary import progress

    tr = window.tr
    return [
        Column(tr("Parcours"), lambda s: s.title, tooltip=lambda s: f"{s.title}\n{s.path}"),
        Column(tr("Édition"), lambda s: s.edition),
        Column(tr("Territoire"), lambda s: s.territory),
        Column(tr("Début"), lambda s: format_date(s.start), sort=lambda s: s.start),
        Column(tr("Fin"), lambda s: format_date(s.end), sort=lambda s: s.end),
        Column(tr("Budget"), lambda s: format_money(s.charges), sort=lambda s: s.charges, right=True),
        Column(tr("Financement"), lambda s: format_money(s.produits), sort=lambda s: s.produits, right=True),
        Column(tr("Score"), lambda s: "" if s.score is None else str(s.score), sort=lambda s: s.score, right=True),
        Column(tr("Statut"), lambda s: progress(s, today).label),
        Column(tr("Fichier"), lambda s: s.path),
    ]


class PortfolioWindow(QMainWindow):
    """One folder's pathways; ``editor`` is the editor window that opens them."""

    ready = Signal()

    def __init__(self, folder: Path, editor: Optional["MainWindow"] = None, today: Optional[date] = None):
        super().__init__(editor, Qt.WindowType.Window)
        self.folder = Path(folder)
        self.editor = editor
        self.today = today or date.today()
        self.portfolio: Optional["Portfolio"] = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Portefeuille — {0}").format(self.folder.name or str(self.folder)))
        self.resize(1280, 760)
        self.tabs = QTabWidget(self)
        self.setCentralWidget(self.tabs)
        self._build_pathways_tab()
        self.progress = QProgressBar(self)
        self.progress.setFormat(self.tr("Lecture des parcours : %v sur %m"))
        self.statusBar().addPermanentWidget(self.progress, 1)
        self.thread: Optional[QThread] = None
        self.reread_action = QAction(self.tr("&Relire le dossier"), self)
        self.reread_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.reread_action.triggered.connect(self.load)
        self.menuBar().addMenu(self.tr("&Portefeuille")).addAction(self.reread_action)

    # --- reading -------------------------------------------------------------
    def load(self) -> None:
        """Read the folder in a worker thread; the window stays responsive."""
        if self.thread is not None and self.thread.isRunning():
            return
        self.progress.setRange(0, 0)
        self.progress.show()
        self.statusBar().showMessage(self.tr("Lecture du dossier {0}…").format(self.folder))
        self.thread = QThread(self)
        self.loader = PortfolioLoader(self.folder)
        self.loader.moveToThread(self.thread)
        self.thread.started.connect(self.loader.run)
        self.loader.progressed.connect(self._progressed)
        self.loader.loaded.connect(self.show_portfolio)
        self.loader.failed.connect(self._failed)
        for signal in (self.loader.loaded, self.loader.failed):
            signal.connect(self.thread.quit)
        self.thread.finished.connect(self.loader.deleteLater)
        QApplication.instance().aboutToQuit.connect(self.stop_reading)
        self.thread.start()

    def stop_reading(self) -> None:
        """Stop a reading under way (at the next file) and wait for its thread."""
        if self.thread is not None and self.thread.isRunning():
            self.loader.stopping = True
            self.thread.quit()
            self.thread.wait()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _failed(self, message: str) -> None:
        self.progress.hide()
        if not message:  # stopped: the window is closing
            return
        self.statusBar().showMessage(message)
        self.unreadable_label.setText(message)
        self.unreadable_label.show()

    def closeEvent(self, event) -> None:
        self.stop_reading()
        super().closeEvent(event)

    # --- showing ---------------------------------------------------------------
    def show_portfolio(self, portfolio: "Portfolio") -> None:
        from parcours_designer.ui.portfolio_compare import CompareTab
        from parcours_designer.ui.portfolio_directory import DirectoryTab
        from parcours_designer.ui.portfolio_tabs import FundersTab, NeedsTab, TopicsTab

        self.portfolio = portfolio
        self.progress.hide()
        read, unreadable = len(portfolio.pathways), len(portfolio.unreadable)
        read_text = by_count(read, self.tr("{0} parcours lu"), self.tr("{0} parcours lus")).format(read)
        unreadable_text = by_count(unreadable, self.tr("{0} fichier illisible"),
                                   self.tr("{0} fichiers illisibles")).format(unreadable)
        self.statusBar().showMessage(f"{read_text}, {unreadable_text}")
        self.pathways_model.set_rows(portfolio.pathways)
        cap_columns_to_contents(self.pathways_view, widest=330)
        self._show_unreadable(portfolio)
        while self.tabs.count() > 1:
            self.tabs.widget(1).deleteLater()
            self.tabs.removeTab(1)
        self.needs_tab = NeedsTab(portfolio, self)
        self.topics_tab = TopicsTab(portfolio, self.folder, self)
        self.funders_tab = FundersTab(portfolio, self)
        self.directory_tab = DirectoryTab(portfolio, self._current_document, self)
        self.compare_tab = CompareTab(portfolio, self.folder, self)
        for tab, title in ((self.needs_tab, self.tr("Besoins récurrents")),
                           (self.topics_tab, self.tr("Sujets par partenaire")),
                           (self.funders_tab, self.tr("Financeurs")),
                           (self.directory_tab, self.tr("Annuaire des partenaires")),
                           (self.compare_tab, self.tr("Comparer deux éditions"))):
            self.tabs.addTab(tab, title)
        self.ready.emit()

    def _build_pathways_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.filter_edit = QLineEdit(page)
        self.filter_edit.setPlaceholderText(self.tr("Filtrer (titre, édition, territoire, statut…)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filtrer les parcours"))
        self.pathways_view, self.pathways_model, self.pathways_proxy = rows_view(
            pathway_columns(self, self.today), page, self.tr("Parcours du portefeuille"))
        self.filter_edit.textChanged.connect(self.pathways_proxy.set_query)
        self.pathways_view.doubleClicked.connect(self._open_index)
        self.pathways_view.setToolTip(self.tr("Double-cliquez sur un parcours pour l'ouvrir dans l'éditeur"))
        self.unreadable_label = QLabel(page)
        self.unreadable_list = QListWidget(page)
        self.unreadable_list.setAccessibleName(self.tr("Fichiers illisibles"))
        self.unreadable_list.setMaximumHeight(110)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.pathways_view, 1)
        layout.addWidget(self.unreadable_label)
        layout.addWidget(self.unreadable_list)
        self.unreadable_label.hide()
        self.unreadable_list.hide()
        self.tabs.addTab(page, self.tr("Parcours"))

    def _show_unreadable(self, portfolio: "Portfolio") -> None:
        self.unreadable_list.clear()
        for unreadable in portfolio.unreadable:
            self.unreadable_list.addItem(unreadable.line())
        count = len(portfolio.unreadable)
        self.unreadable_label.setText((self.tr("{0} fichier illisible, laissé de côté :") if count < 2
                                       else self.tr("{0} fichiers illisibles, laissés de côté :")).format(count))
        if not portfolio.unreadable and not portfolio.pathways:
            self.unreadable_label.setText(self.tr("Aucun fichier .parcours dans ce dossier ni dans ses sous-dossiers."))
        self.unreadable_label.setVisible(bool(portfolio.unreadable) or not portfolio.pathways)
        self.unreadable_list.setVisible(bool(portfolio.unreadable))

    # --- the editor ------------------------------------------------------------
    def _open_index(self, index) -> None:
        summary = self.pathways_model.row_at(self.pathways_proxy.mapToSource(index).row())
        self.open_pathway(summary.path)

    def open_pathway(self, relative: str) -> bool:
        """Open a pathway of the portfolio in the editor (asking first to save unsaved work)."""
        if self.editor is None:
            return False
        opened = self.editor.files.open_path(self.folder / relative)
        if opened:
            self.editor.raise_()
            self.editor.activateWindow()
        return opened

    def _current_document(self):
        return self.editor.document if self.editor is not None else None


def open_portfolio(editor: Optional["MainWindow"], folder: Path, today: Optional[date] = None) -> PortfolioWindow:
    """Show the portfolio window of ``folder`` and start reading it."""
    window = PortfolioWindow(folder, editor, today)
    window.show()
    window.load()
    return window


def choose_and_open(editor: "MainWindow") -> Optional[PortfolioWindow]:
    """« Ouvrir un portefeuille… »: ask for a folder, then show its pathways."""
    from parcours_designer.preferences import default_folder, load_preferences
    from parcours_designer.ui import file_dialogs

    document = editor.document
    start = document.path.parent if document is not None and document.path else default_folder(load_preferences())
    chosen = file_dialogs.ask_folder(editor, editor.tr("Ouvrir un portefeuille (dossier de parcours)"), str(start))
    return open_portfolio(editor, chosen) if chosen is not None else None
