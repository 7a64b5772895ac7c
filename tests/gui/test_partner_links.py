"""The stakeholder map is edited on the partner: links ticked, each link named, all undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from parcours_designer.ui.nested import AudienceLinksEditor, PartnerLinksEditor
from tests.gui.helpers import check_link

pytestmark = pytest.mark.gui


@pytest.fixture
def window(example_window):
    return example_window


def test_a_link_is_ticked_then_named_and_undone(qtbot, window):
    window.open_item("partners", "p7")  # no link held by it or with it
    editor = window.findChild(PartnerLinksEditor)
    assert editor.labels.rowCount() == 0
    check_link(qtbot, editor.links, "France Active")
    partner = window.document.item("partners", "p7")
    assert [link.partner_id for link in partner.links] == ["p8"]
    assert editor.labels.rowCount() == 1 and editor.labels.item(0, 0).text() == "France Active Normandie"
    assert not editor.labels.item(0, 0).flags() & Qt.ItemFlag.ItemIsEditable
    assert editor.labels.item(0, 1).flags() & Qt.ItemFlag.ItemIsEditable
    editor.labels.item(0, 1).setText("co-anime les ateliers")  # what the cell's editor commits
    assert window.document.item("partners", "p7").links[0].label == "co-anime les ateliers"
    stack = window.document.undo_stack
    stack.undo()
    assert window.document.item("partners", "p7").links[0].label == ""
    assert editor.labels.item(0, 1).text() == ""
    stack.undo()
    assert window.document.item("partners", "p7").links == []
    assert editor.labels.rowCount() == 0



def test_a_link_held_by_the_other_partner_shows_ticked_and_is_edited_where_it_is_held(qtbot, window):
    """p2 holds « partenaire habituel » with p8: p8's form shows it, names it, and unticks it."""
    window.open_item("partners", "p8")
    editor = window.findChild(PartnerLinksEditor)
    assert editor.links.model.checked == {"p2"}
    assert editor.labels.rowCount() == 1
    assert (editor.labels.item(0, 0).text(), editor.labels.item(0, 1).text()) == ("Julien Lefèvre – Conseil ESS",
                                                                                  "partenaire habituel")
    document, stack = window.document, window.document.undo_stack
    editor.labels.item(0, 1).setText("co-accompagne")
    assert [(l.partner_id, l.label) for l in document.item("partners", "p2").links] == [("p8", "co-accompagne")]
    assert document.item("partners", "p8").links == []
    check_link(qtbot, editor.links, "Julien")  # the space bar unticks it
    assert document.item("partners", "p2").links == [] and editor.labels.rowCount() == 0
    stack.undo()
    assert editor.labels.rowCount() == 1 and editor.labels.item(0, 1).text() == "co-accompagne"
    stack.undo()
    assert document.item("partners", "p2").links[0].label == "partenaire habituel"


def test_a_keyboard_user_links_a_partner_to_a_public_and_names_it(qtbot, window):
    """« Publics en relation » in the partner's form: ticked with the space bar, named in the table,
    each edit one undo step, and the map draws it."""
    window.open_item("partners", "p7")
    editor = window.findChild(AudienceLinksEditor)
    document, stack = window.document, window.document.undo_stack
    before = stack.count()
    check_link(qtbot, editor.links, "Lieux et festivals")
    theatre = document.item("partners", "p7")
    assert [(l.audience_id, l.label) for l in theatre.audience_links] == [("a2", "")]
    assert editor.labels.item(0, 0).text() == "Lieux et festivals associatifs"
    editor.labels.item(0, 1).setText("accueille les résidences")
    assert theatre.audience_links[0].label == "accueille les résidences"
    assert stack.count() == before + 2
    from parcours_designer.model.stakeholder_map import stakeholder_map

    edges = stakeholder_map(document.pathway).edges
    assert any(e.source == "partners:p7" and e.target == "audiences:a2" for e in edges)
    stack.undo()
    stack.undo()
    assert theatre.audience_links == [] and editor.labels.rowCount() == 0


def test_the_publics_of_a_partner_are_in_the_tab_ring(qtbot, window):
    """From the partner links' list, Tab reaches the publics' list (its search field first)."""
    partners = window.show_page("partners")
    window.open_item("partners", "p7")
    links = partners.findChild(PartnerLinksEditor).links.view
    publics = partners.findChild(AudienceLinksEditor).links
    links.setFocus()
    qtbot.waitUntil(links.hasFocus)
    reached = []
    for _ in range(8):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        reached.append(window.focusWidget())
        if window.focusWidget() is publics.view:
            break
    assert publics.search in reached and publics.view in reached, [w.accessibleName() for w in reached]
