"""Start the editor: French translations and locale, the window, crash recovery."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from parcours_designer.model.errors import PathwayError
from parcours_designer.model.fileformat import load_pathway
from parcours_designer.model.pathway import Pathway
from parcours_designer.ui import dialogs
from parcours_designer.ui.document import Document
from parcours_designer.ui.main_window import MainWindow
from parcours_designer.ui.recovery import Session, discard, find_orphans

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)


def install_french(app: QApplication) -> list[QTranslator]:
    """French locale and Qt's own French translations (dialog buttons…)."""
    QLocale.setDefault(FRENCH)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    for name in ("qtbase_fr",):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def make_application(argv: Optional[list[str]] = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Parcours Designer")
    app.setOrganizationName("ParcoursDesigner")
    app.setApplicationDisplayName("Parcours Designer")
    install_french(app)
    return app


def blank_document() -> Document:
    return Document(Pathway(title=QApplication.translate("app", "Nouveau parcours")))


def create_window(path: Optional[str] = None) -> MainWindow:
    """The window on ``path`` (a blank pathway without one, or if it cannot be read)."""
    session = Session()
    session.start()
    window = MainWindow(blank_document(), session=session)
    if path is not None:
        window.files.open_path(Path(path), ask=False)
    return window


def offer_recovery(window: MainWindow) -> bool:
    """After a crash, offer the most recent recovery copy; True if restored."""
    orphans = find_orphans(window.session.folder)
    if not orphans:
        return False
    orphan = orphans[0]
    described = str(orphan.original) if orphan.original else QApplication.translate("app", "Document sans titre")
    if orphan.saved_at:
        described += QApplication.translate("app", " (copie du {0})").format(orphan.saved_at.replace("T", " à "))
    if not dialogs.ask_restore(window, described):
        discard(orphan)
        return False
    try:
        pathway = load_pathway(orphan.copy)
    except PathwayError as error:
        dialogs.show_error(window, QApplication.translate("app", "Récupération impossible"), str(error))
        return False
    document = Document(pathway, orphan.original)
    document.mark_unsaved()
    window.set_document(document)
    discard(orphan)
    return True


def run_editor(path: Optional[str] = None) -> int:
    app = make_application()
    window = create_window(path)
    window.show()
    QTimer.singleShot(0, lambda: offer_recovery(window))
    return app.exec()
