"""Files (bad file, unsaved changes, recent, drop), deleting with references, findings."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from parcours_designer import paths
from parcours_designer.model.fileformat import dump_pathway
from parcours_designer.ui import dialogs
from parcours_designer.ui.app import create_window
from tests.gui.conftest import EXAMPLE
from tests.gui.helpers import click_action, type_into

pytestmark = pytest.mark.gui


@pytest.fixture
def window(example_window):
    return example_window


def test_a_bad_file_shows_the_french_message_and_changes_nothing(window, tmp_path, monkeypatch):
    bad = tmp_path / "cassé.parcours"
    bad.write_text('{"format": "parcours-designer", "format_version": 1, "pathway": {"title": ""}}')
    before = dump_pathway(window.document.pathway)
    document = window.document
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(text))
    assert not window.files.open_path(bad)
    assert shown and "cassé.parcours : parcours invalide" in shown[0]
    assert window.document is document and dump_pathway(document.pathway) == before


@pytest.mark.parametrize("answer, replaced", [(dialogs.CANCEL, False), (dialogs.DISCARD, True)])
def test_unsaved_changes_are_asked_about(qtbot, window, tmp_path, monkeypatch, answer, replaced):
    other = tmp_path / "autre.parcours"
    other.write_bytes(EXAMPLE.read_bytes())
    page = window.show_page("needs").list_pages["needs"]
    page.select("n1")
    type_into(qtbot, page.form.widgets["title"], "Changé")
    asked = []
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda parent, name: asked.append(name) or answer)
    assert window.files.open_path(other) is replaced
    assert asked == ["dla-collectif-culture.parcours"]
    assert (window.document.path == other) is replaced
    assert EXAMPLE.read_bytes() == other.read_bytes()


def test_save_answer_saves_before_closing(qtbot, tmp_path, monkeypatch):
    target = tmp_path / "p.parcours"
    target.write_bytes(EXAMPLE.read_bytes())
    window = create_window(str(target))
    window.page("overview").form.widgets["territory"].setText("")
    type_into(qtbot, window.page("overview").form.widgets["territory"], "Calvados (14)")
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda parent, name: dialogs.SAVE)
    assert window.close()
    assert '"territory": "Calvados (14)"' in target.read_text(encoding="utf-8")
    assert (tmp_path / "p.parcours.bak").read_bytes() == EXAMPLE.read_bytes()


def test_recent_files_are_kept_in_the_config_folder(window):
    data = json.loads((paths.config_dir() / "recent-files.json").read_text(encoding="utf-8"))
    assert data["files"] == [str(EXAMPLE.resolve())]
    assert window.menu_actions.recent_menu.actions()[0].text().endswith("dla-collectif-culture.parcours")


def test_dropping_a_file_opens_it(window, tmp_path):
    other = tmp_path / "déposé.parcours"
    other.write_bytes(EXAMPLE.read_bytes())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)  # Qt delivers drops only during a real drag: call the handler.
    assert event.isAccepted()
    assert window.document.path == other
    assert window.windowTitle().startswith("déposé.parcours")


def test_delete_lists_referrers_and_one_undo_restores_everything(qtbot, window, monkeypatch):
    before = dump_pathway(window.document.pathway)
    page = window.show_page("partners").list_pages["partners"]
    page.select("p2")
    seen = []
    monkeypatch.setattr(dialogs, "confirm_delete", lambda parent, what, used: seen.append((what, used)) or True)
    click_action(qtbot, page, "delete")
    what, used = seen[0]
    assert "Julien Lefèvre" in what
    assert any("Diagnostic partagé" in line for line in used)
    pathway = window.document.pathway
    assert all("p2" not in p.partner_ids for p in pathway.phases)
    assert all(c.partner_id != "p2" for c in pathway.costs)
    window.menu_actions.actions["undo"].trigger()
    assert dump_pathway(window.document.pathway) == before


def test_reorder_and_duplicate_from_the_page(qtbot, window):
    page = window.show_page("phases").list_pages["phases"]
    page.select("ph2")
    click_action(qtbot, page, "up")
    assert [p.id for p in window.document.pathway.phases[:2]] == ["ph2", "ph1"]
    click_action(qtbot, page, "duplicate")
    assert window.document.pathway.phases[1].title == window.document.pathway.phases[0].title
    assert page.current_id() == window.document.pathway.phases[1].id


def test_double_clicking_a_finding_selects_its_item(qtbot, window):
    page = window.show_page("objectives").list_pages["objectives"]
    page.select("o4")
    page.form.widgets["need_ids"].model.toggled.emit("n6", False)
    window.derived.refresh_now()
    panel = window.check_panel
    model = panel.model
    target = None
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        for child in range(model.rowCount(parent)):
            index = model.index(child, 0, parent)
            if "ne répond à aucun besoin" in index.data():
                target = index
    assert target is not None
    window.show_page("overview")
    panel.tree.doubleClicked.emit(target)
    assert window.stack.currentWidget() is window.page("objectives")
    assert page.current_id() == "o4"
