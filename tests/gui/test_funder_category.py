"""The funder category of a subsidy: proposed from its funder, chosen in the Budget page, undoable."""

from __future__ import annotations

import pytest

from parcours_designer.model.enums import FunderCategory
from parcours_designer.model.fileformat import dump_pathway

pytestmark = pytest.mark.gui


def choose(combo, text: str) -> None:
    """Pick ``text`` in a combo as a click in its list does (one edit)."""
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_category_is_proposed_then_chosen_and_undone(qtbot, example_window):
    window = example_window
    page = window.show_page("budget").list_pages["funding"]
    page.select("f3")  # Subvention du Département de la Manche
    combo = page.form.widgets["funder_category"]
    assert combo.itemText(0) == "Proposée : Département(s)"
    assert combo.currentIndex() == 0
    before = dump_pathway(window.document.pathway)
    choose(combo, "Commune(s)")
    funding = window.document.item("funding", "f3")
    assert funding.funder_category is FunderCategory.MUNICIPALITY
    assert window.isWindowModified()
    window.menu_actions.actions["undo"].trigger()
    assert window.document.item("funding", "f3").funder_category is None
    assert dump_pathway(window.document.pathway) == before
    assert not window.isWindowModified()


def test_the_proposal_follows_the_funder(qtbot, example_window):
    window = example_window
    page = window.show_page("budget").list_pages["funding"]
    page.select("f2")  # Banque des Territoires
    combo = page.form.widgets["funder_category"]
    assert combo.itemText(0) == "Proposée : Autres établissements publics"
    choose(page.form.widgets["partner_id"], "État – DREETS Normandie (DLA)")
    assert combo.itemText(0) == "Proposée : État"
