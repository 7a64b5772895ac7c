"""Start the editor: French translations and locale, the window, crash recovery.

To show the window fast, :func:`run_editor` shows it first and loads the
model (pydantic), the document and the check right after, in the event loop.
Nothing imported at the top of this module imports the model.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from parcours_designer.ui import dialogs
from parcours_designer.ui.document import Document
from parcours_designer.ui.exception_guard import install as install_exception_guard
from parcours_designer.ui.main_window import MainWindow
from parcours_designer.ui.qt_french import gaps_file, qt_translation_folders
from parcours_designer.ui.recovery import Session, discard, find_orphans

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)


def install_french(app: QApplication) -> list[QTranslator]:
    """French locale and Qt's own French translations (dialog buttons, file dialog…), gaps filled."""
    QLocale.setDefault(FRENCH)
    installed = []
    translator = QTranslator(app)
    if any(translator.load("qtbase_fr", str(folder)) for folder in qt_translation_folders()):
        app.installTranslator(translator)
        installed.append(translator)
    gaps = QTranslator(app)
    if gaps.load(str(gaps_file())):
        app.installTranslator(gaps)
        installed.append(gaps)
    return installed


def make_application(argv: Optional[list[str]] = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Parcours Designer")
    app.setOrganizationName("ParcoursDesigner")
    app.setApplicationDisplayName("Parcours Designer")
    app.setDesktopFileName("fr.parcours_designer.ParcoursDesigner")
    app.setWindowIcon(application_icon())
    install_french(app)
    return app


def application_icon() -> QIcon:
    """The program's icon, in the sizes window managers and task bars ask for."""
    from parcours_designer.paths import resources_dir

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(resources_dir() / "icons" / f"parcours-designer-{size}.png"))
    return icon


def blank_document() -> Document:
    from parcours_designer.model.pathway import Pathway, new_uid

    return Document(Pathway(title=QApplication.translate("app", "Nouveau parcours"), uid=new_uid()))


def empty_window() -> MainWindow:
    """The window with its menus and navigation, before any document (no model import)."""
    session = Session()
    session.start()
    return MainWindow(None, session=session)


def load_into(window: MainWindow, path: Optional[str]) -> None:
    """Give the window its document: ``path``, or a blank pathway (also if ``path`` is unusable).

    No blank document is built (nor checked) before the file replaces it.
    """
    from parcours_designer.preferences import load_preferences
    from parcours_designer.ui.preferences_dialog import apply_preferences

    apply_preferences(window, load_preferences())
    if path is None or not window.files.open_path(Path(path), ask=False):
        window.set_document(blank_document())


def create_window(path: Optional[str] = None) -> MainWindow:
    """The window on ``path``, ready (tests and scripts)."""
    window = empty_window()
    load_into(window, path)
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
    from parcours_designer.model.errors import PathwayError
    from parcours_designer.model.fileformat import load_pathway

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
    window = empty_window()
    install_exception_guard(window)
    window.show()
    QTimer.singleShot(0, lambda: finish_start(window, path))
    return app.exec()


def finish_start(window: MainWindow, path: Optional[str]) -> None:
    """Once the window shows: the document, then the offer to recover a crashed session;
    without a file (and nothing recovered), the welcome page."""
    load_into(window, path)
    if not offer_recovery(window) and path is None:
        from parcours_designer.ui.welcome import show_welcome

        show_welcome(window)
