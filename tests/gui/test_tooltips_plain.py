"""A tooltip shows user text as written: a title holding ``<b>`` or ``&`` is data, never markup."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication

from parcours_designer.ui.commands import SetFields

pytestmark = pytest.mark.gui

MARKUP = "<b>gras</b> & <i>x</i>"
TIP = Qt.ItemDataRole.ToolTipRole


def shown(tooltip: str) -> str:
    """The text a tooltip shows: Qt renders it as rich text when it looks like markup."""
    if not GuiQt.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


@pytest.fixture
def window(example_window, qtbot):
    """The example, its first phase, first need and the partner a finding names, named with markup."""
    derived = example_window.derived
    qtbot.waitUntil(lambda: derived.current is not None and not derived.is_stale())
    named = next(f.target_id for f in derived.current.check.findings if f.target_type == "partner")
    document = example_window.document
    pathway = document.pathway
    for list_name, item_id, field in (("phases", pathway.phases[0].id, "title"), ("needs", pathway.needs[0].id, "title"),
                                      ("partners", named, "name")):
        document.push(SetFields(document, list_name, item_id, {field: MARKUP}))
    qtbot.waitUntil(lambda: not derived.timer.isActive() and not derived.is_stale())
    QApplication.processEvents()
    return example_window


def test_shown_tells_markup_from_text():
    assert shown(MARKUP) == "gras & x"  # what a raw title showed
    assert shown("Atelier n° 1") == "Atelier n° 1"


@pytest.mark.parametrize("text", [MARKUP, "Atelier n° 1 : <stratégie> & diffusion", "a < b", "x" * 81,
                                  "Première ligne\n<i>seconde</i>", "Réunion d'accueil " * 12])
def test_plain_tooltip_shows_any_text_as_written(text):
    from parcours_designer.ui.tooltips import plain_tooltip

    tip = plain_tooltip(text)
    assert " ".join(shown(tip).split()) == " ".join(text.split())  # long lines may wrap
    assert plain_tooltip("Atelier n° 1") == "Atelier n° 1" and plain_tooltip("") == ""


def test_a_table_cell_tooltip_shows_the_title_literally(window):
    model = window.show_page("phases").list_pages["phases"].table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == MARKUP)
    assert shown(model.index(row, 0).data(TIP)) == MARKUP


def test_choices_and_traceability_tooltips_show_titles_literally(window):
    from parcours_designer.ui.choices import ChoicesModel
    from parcours_designer.ui.traceability import TraceabilityModel

    choices = ChoicesModel(window.document, "needs", checkable=True)
    assert shown(choices.index(0, 0).data(TIP)) == MARKUP
    trace = TraceabilityModel(window.document)
    tips = [shown(trace.index(row, column).data(TIP) or "")
            for row in range(trace.rowCount()) for column in range(trace.columnCount())]
    assert any(MARKUP in tip for tip in tips)
    assert not any("gras & x" in tip for tip in tips)


def test_map_and_check_panel_tooltips_show_names_literally(window):
    partner = next(p for p in window.document.pathway.partners if p.name == MARKUP)
    node = window.show_page("map").scene.nodes[f"partners:{partner.id}"]
    assert shown(node.toolTip()).startswith(MARKUP + " — ")
    panel = window.check_panel
    findings = [panel.model.item(row).child(child) for row in range(panel.model.rowCount())
                for child in range(panel.model.item(row).rowCount())]
    named = [item for item in findings if MARKUP in item.text()]
    assert named, "no finding names the marked-up items"
    assert all(MARKUP in shown(item.toolTip()) for item in named)
