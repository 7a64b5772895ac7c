"""No exception escapes a slot: a French dialog, a recovery copy, the window alive (issue 8)."""

from __future__ import annotations

import errno
import os
import sys

import pytest
from PySide6.QtCore import QTimer

from parcours_designer import paths
from parcours_designer.model import load_pathway
from parcours_designer.ui import dialogs
from parcours_designer.ui.commands import SetFields
from parcours_designer.ui.document import Document

pytestmark = pytest.mark.gui


@pytest.fixture
def shown(monkeypatch):
    messages = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: messages.append((title, message)))
    return messages


def _edit(window) -> None:
    document = window.document
    document.push(SetFields(document, "needs", "n1", {"title": "Titre modifié avant l'erreur"}))


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_french_writes_a_recovery_copy_and_keeps_the_window(
        example_window, shown, monkeypatch, qtbot):
    from parcours_designer.ui.app import install_exception_guard

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_exception_guard(example_window)
    _edit(example_window)

    def broken_save(self, path):
        raise RuntimeError("défaut interne")

    monkeypatch.setattr(Document, "save_to", broken_save)
    example_window.menu_actions.actions["save"].trigger()
    qtbot.waitUntil(lambda: bool(shown))
    title, message = shown[0]
    assert title == "Erreur inattendue"
    assert "Votre travail n'est pas perdu" in message and "RuntimeError" in message
    copies = list(paths.recovery_dir().glob("session-*.parcours"))
    assert len(copies) == 1
    assert load_pathway(copies[0]).needs[0].title == "Titre modifié avant l'erreur"
    assert example_window.isVisible() and example_window.document.is_modified()

    QTimer.singleShot(0, lambda: 1 / 0)  # any slot: the same handler
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert "ZeroDivisionError" in shown[1][1]


def test_saving_on_a_full_disk_says_so_in_french(example_window, shown, monkeypatch, tmp_path):
    def disk_full(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    example_window.document.path = tmp_path / "p.parcours"
    monkeypatch.setattr("parcours_designer.atomic.os.fsync", disk_full)
    assert example_window.files.save() is False
    assert shown == [("Enregistrement impossible", f"{tmp_path / 'p.parcours'} : écriture impossible "
                      "(le disque est plein ; libérez de la place ou choisissez un autre emplacement)")]


def test_a_lone_surrogate_is_told_not_raised_on_save_autosave_and_export(example_window, shown, tmp_path):
    from parcours_designer.export.registry import EXPORT_KINDS

    document = example_window.document
    document.pathway.phases[0].title = "x\udfff"  # as no widget can type it, but an older file could hold it
    document.push(SetFields(document, "needs", "n1", {"title": "Encore une modification"}))
    document.path = tmp_path / "p.parcours"
    assert example_window.files.save() is False
    assert shown[0][0] == "Enregistrement impossible"
    assert "pathway.phases[0] (id « ph1 »).title : texte illisible" in shown[0][1]
    assert not (tmp_path / "p.parcours").exists()
    example_window.autosaver.save_now()
    copy = example_window.session.copy_path
    assert load_pathway(copy).phases[0].title == "x?"
    with pytest.raises(Exception) as caught:
        EXPORT_KINDS["ics"].write(document.pathway, tmp_path / "c.ics")
    assert "texte illisible" in str(caught.value) and type(caught.value).__name__ == "ExportError"


def test_the_editor_refuses_a_title_of_spaces_as_the_file_would():
    from parcours_designer.model.pathway import Pathway
    from parcours_designer.ui.validation import validate_field

    with pytest.raises(ValueError, match="ne doit pas être vide"):
        validate_field(Pathway, "title", "   ")
