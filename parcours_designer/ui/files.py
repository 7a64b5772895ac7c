"""Nouveau, Ouvrir, Enregistrer, Enregistrer sous, recent files, export.

A file that cannot be opened shows the model's French message and changes
nothing; unsaved changes are never dropped without asking.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar, QWidget

from parcours_designer import paths
from parcours_designer.oserrors import os_error_message
from parcours_designer.ui import dialogs
from parcours_designer.ui.document import Document
from parcours_designer.ui.plurals import by_count
from parcours_designer.ui.recent import RecentFiles

EXTENSION = ".parcours"  # model.fileformat.EXTENSION, without importing the model at start-up


class DocumentHost(Protocol):
    """What the file actions need from the editor's window (declared here: no import of main_window)."""

    document: Optional[Document]

    def set_document(self, document: Document) -> None: ...

    def update_recent(self, files: list[Path]) -> None: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 (Qt's name)

    def window(self) -> QWidget: ...  # the parent of the dialogs


class FileActions(QObject):
    def __init__(self, host: DocumentHost, recent: Optional[RecentFiles] = None):
        super().__init__(host.window())
        self.host = host
        self.recent = recent or RecentFiles()

    def _filter(self) -> str:
        return self.tr("Parcours (*{0});;Tous les fichiers (*)").format(EXTENSION)

    def _folder(self, for_saving: bool = True) -> str:
        """The document's folder; to open, the last file's; else the default folder of the preferences.

        Never the program's own folders (the example, the templates): nothing is saved there.
        """
        from parcours_designer.preferences import default_folder, load_preferences

        document = self.host.document
        candidates = [document.path] if document is not None else []
        if not for_saving:
            candidates += self.recent.load()[:1]
        for path in candidates:
            if path is not None and not _is_bundled(path) and path.parent.is_dir():
                return str(path.parent)
        return str(default_folder(load_preferences()))

    # --- asking before losing work ---------------------------------------
    def maybe_save(self) -> bool:
        """True when the current document may be closed (saved, discarded or clean)."""
        document = self.host.document
        if document is None or not document.is_modified():
            return True
        answer = dialogs.ask_unsaved(self.host.window(), document.display_name() or self.tr("Sans titre"))
        if answer == dialogs.SAVE:
            return self.save()
        return answer == dialogs.DISCARD

    # --- new and open ------------------------------------------------------
    def new_blank(self) -> None:
        from parcours_designer.model.pathway import Pathway, new_uid
        from parcours_designer.preferences import load_preferences, personalise

        if self.maybe_save():
            pathway = Pathway(title=self.tr("Nouveau parcours"), uid=new_uid())
            self.host.set_document(Document(personalise(pathway, load_preferences(), blank=True)))

    def new_from_template(self) -> bool:
        """Ask for a template and a start date; the new pathway has the user as referent."""
        from parcours_designer.model.errors import PathwayError
        from parcours_designer.model.shift import shift_to_start
        from parcours_designer.model.templates import TemplateError, list_templates, load_template
        from parcours_designer.paths import template_folders
        from parcours_designer.preferences import load_preferences, personalise
        from parcours_designer.ui.templates_dialog import choose_template

        if not self.maybe_save():
            return False
        choice = choose_template(self.host.window(), list_templates(template_folders()))
        if choice is None:
            return False
        try:
            pathway = shift_to_start(load_template(choice.template_id, template_folders()), choice.start)
        except (TemplateError, PathwayError) as error:
            dialogs.show_error(self.host.window(), self.tr("Modèle inutilisable"), str(error))
            return False
        self.host.set_document(Document(personalise(pathway, load_preferences(), blank=False)))
        return True

    def new_edition(self) -> None:
        """Next year's pathway from this one, as a new unsaved document (« Nouvelle édition »)."""
        from parcours_designer.model.next_edition import next_edition

        if not self.maybe_save():
            return
        current = self.host.document
        source = current.path.name if current.path is not None else ""
        pathway = next_edition(current.pathway, source)
        document = Document(pathway)
        self.host.set_document(document)
        document.mark_unsaved()
        carried = len(pathway.checklist)
        self.host.statusBar().showMessage(
            self.tr("Édition {0} créée : dates déplacées d'un an, réponses et résultats effacés, {1}").format(
                pathway.edition, by_count(carried, self.tr("{0} ajustement à mener repris du bilan"),
                                          self.tr("{0} ajustements à mener repris du bilan")).format(carried)), 8000)

    def open_dialog(self) -> None:
        from parcours_designer.ui import file_dialogs

        if not self.maybe_save():
            return
        path = file_dialogs.ask_open_file(self.host.window(), self.tr("Ouvrir un parcours"),
                                          self._folder(for_saving=False), self._filter())
        if path is not None:
            self.open_path(path, ask=False)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Open ``path`` in the window; on failure show why and change nothing."""
        from parcours_designer.model.errors import PathwayError
        from parcours_designer.model.fileformat import load_pathway

        if ask and not self.maybe_save():
            return False
        try:
            pathway = load_pathway(path)
        except PathwayError as error:
            dialogs.show_error(self.host.window(), self.tr("Impossible d'ouvrir le fichier"), str(error))
            return False
        self.host.set_document(Document(pathway, Path(path)))
        self.host.update_recent(self.recent.add(Path(path)))
        return True

    # --- save --------------------------------------------------------------
    def save(self) -> bool:
        document = self.host.document
        if document.path is None:
            return self.save_as()
        return self._save_to(document.path)

    def save_as(self) -> bool:
        from parcours_designer.ui import file_dialogs

        document = self.host.document
        name = document.path.name if document.path else self.tr("parcours") + EXTENSION
        path = file_dialogs.ask_save_file(self.host.window(), self.tr("Enregistrer le parcours sous"),
                                          Path(self._folder()) / name, self._filter(), EXTENSION)
        if path is None:
            return False
        if not path.suffix:
            path = path.with_suffix(EXTENSION)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        from parcours_designer.model.errors import PathwayError

        try:
            self.host.document.save_to(path)
        except PathwayError as error:
            dialogs.show_error(self.host.window(), self.tr("Enregistrement impossible"), str(error))
            return False
        except OSError as error:
            dialogs.show_error(self.host.window(), self.tr("Enregistrement impossible"), os_error_message(error, path))
            return False
        self.host.update_recent(self.recent.add(path))
        self.host.statusBar().showMessage(self.tr("Enregistré : {0}").format(path), 4000)
        return True

    # --- export ------------------------------------------------------------
    def export(self, kind, suffix: Optional[str] = None, **options) -> None:
        """Ask where, then write the document; ``options`` are the kind's own (``questionnaire_id``)."""
        from parcours_designer.export.registry import ExportError
        from parcours_designer.model.errors import PathwayError
        from parcours_designer.ui import export_options, file_dialogs

        document = self.host.document
        stem = document.path.stem if document.path else self.tr("parcours")
        detail = "".join(f"-{value}" for value in options.values() if value)
        suffix = suffix or kind.default_suffix
        suggested = Path(self._folder()) / f"{stem}-{kind.kind}{detail}{suffix}"
        chosen = file_dialogs.ask_save_file(self.host.window(), self.tr("Exporter : {0}").format(kind.label),
                                            suggested, kind.file_filter(), suffix)
        if chosen is None:
            return
        path = chosen if chosen.suffix else chosen.with_suffix(suffix)
        settings = export_options.ask_options(self.host.window(), kind.kind)  # paper, whole euros…
        if settings is None:
            return
        try:
            kind.write(document.pathway, path, source=document.path, **options, **settings)
        except (ExportError, PathwayError) as error:
            dialogs.show_error(self.host.window(), self.tr("Export impossible"), str(error))
            return
        self.host.statusBar().showMessage(self.tr("Exporté : {0}").format(path), 4000)


def _is_bundled(path: Path) -> bool:
    """A file of the program itself (the example, a template)."""
    return Path(path).resolve().is_relative_to(paths.resources_dir().resolve())
