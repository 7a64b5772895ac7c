"""The stakeholder map is edited on the partner: links ticked, each link named, all undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from parcours_designer.ui.nested import PartnerLinksEditor
from tests.gui.helpers import check_link

pytestmark = pytest.mark.gui


@pytest.fixture
def window(example_window):
    return example_window


def test_a_link_is_ticked_then_named_and_undone(qtbot, window):
    window.open_item("partners", "p3")
    editor = window.findChild(PartnerLinksEditor)
    assert editor.labels.rowCount() == 0
    check_link(qtbot, editor.links, "France Active")
    partner = window.document.item("partners", "p3")
    assert [link.partner_id for link in partner.links] == ["p8"]
    assert editor.labels.rowCount() == 1 and editor.labels.item(0, 0).text() == "France Active Normandie"
    assert not editor.labels.item(0, 0).flags() & Qt.ItemFlag.ItemIsEditable
    assert editor.labels.item(0, 1).flags() & Qt.ItemFlag.ItemIsEditable
    editor.labels.item(0, 1).setText("co-anime les ateliers")  # what the cell's editor commits
    assert window.document.item("partners", "p3").links[0].label == "co-anime les ateliers"
    stack = window.document.undo_stack
    stack.undo()
    assert window.document.item("partners", "p3").links[0].label == ""
    assert editor.labels.item(0, 1).text() == ""
    stack.undo()
    assert window.document.item("partners", "p3").links == []
    assert editor.labels.rowCount() == 0

