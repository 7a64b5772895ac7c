"""The editor's last line of defence: an exception that escapes a slot.

PySide hands an exception raised in a slot or an event handler to
:data:`sys.excepthook`. :func:`install` replaces it with a handler that
writes the recovery copy of the document first, then tells the person in
French what happened, and lets the window go on: nothing is lost, nothing
quits. The traceback still goes to the standard error, for the report.
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType
from typing import TYPE_CHECKING, Callable, Optional

from PySide6.QtCore import QCoreApplication

from parcours_designer.ui import dialogs

if TYPE_CHECKING:
    from parcours_designer.ui.main_window import MainWindow

MAX_DETAIL = 200
CLEAN, SAVED, FAILED = "clean", "saved", "failed"


def _tr(text: str) -> str:
    return QCoreApplication.translate("exception_guard", text)


class ExceptionGuard:
    """Handles what escaped a slot, for one window."""

    def __init__(self, window: "MainWindow", previous: Callable = sys.__excepthook__):
        self.window = window
        self.previous = previous
        self.handling = False

    def __call__(self, kind: type[BaseException], error: BaseException,
                 trace: Optional[TracebackType]) -> None:
        if issubclass(kind, (KeyboardInterrupt, SystemExit)) or self.handling:
            self.previous(kind, error, trace)
            return
        self.handling = True  # an error while telling about an error must not loop
        try:
            traceback.print_exception(kind, error, trace, file=sys.stderr)
            outcome = self._write_recovery_copy()
            dialogs.show_error(self.window, _tr("Erreur inattendue"), self._message(error, outcome))
        finally:
            self.handling = False

    def _write_recovery_copy(self) -> str:
        """``clean`` (nothing unsaved), ``saved`` or ``failed``."""
        document = self.window.document
        if document is None or not document.is_modified():
            return CLEAN
        try:
            self.window.session.write_copy(document)
        except Exception:  # a full disk here must not hide the first error
            return FAILED
        return SAVED

    def _message(self, error: BaseException, outcome: str) -> str:
        detail = f"{type(error).__name__} : {str(error)[:MAX_DETAIL]}"
        text = {
            CLEAN: _tr("Votre travail n'est pas perdu : il n'y avait pas de modification non enregistrée. "
                       "Vous pouvez continuer."),
            SAVED: _tr("Votre travail n'est pas perdu : les modifications non enregistrées sont dans la "
                       "copie de récupération. Vous pouvez continuer ; enregistrez bientôt."),
            FAILED: _tr("La copie de récupération n'a pas pu être écrite : enregistrez votre travail "
                        "maintenant, de préférence sous un autre nom."),
        }[outcome]
        return _tr("Une erreur inattendue s'est produite ({0}).\n\n{1}\n\nMerci de signaler ce problème.").format(
            detail, text)


def install(window: "MainWindow") -> ExceptionGuard:
    """Make ``window``'s guard the handler of every exception that escapes Qt's event loop."""
    guard = ExceptionGuard(window, sys.excepthook)
    sys.excepthook = guard
    return guard
