"""A phase chosen anywhere (a finding, the table, the chart) is the one selected everywhere."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_a_phase_opened_from_a_finding_is_selected_in_the_planning_too(example_window):
    window = example_window
    planning = window.show_page("planning")
    window.open_item("phases", "ph4")
    assert planning.view.canvas.planning_scene.bars["ph4"].shape.isSelected()
    assert window.page("phases").list_pages["phases"].current_id() == "ph4"


def test_a_bar_clicked_in_the_planning_selects_the_row_of_the_phases_table(example_window):
    window = example_window
    table_page = window.page("phases").list_pages["phases"]
    planning = window.show_page("planning")
    planning.view.item_chosen.emit("phases", "ph7")
    assert table_page.current_id() == "ph7"
