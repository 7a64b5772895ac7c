"""Pages declare what the window asks of them; every list kind has a page, columns and a form."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from parcours_designer.model.kinds import KINDS
from parcours_designer.ui import specs
from parcours_designer.ui.check_dock import CheckPanel
from parcours_designer.ui.followup_view import FollowUpView
from parcours_designer.ui.list_page import ListPage
from parcours_designer.ui.navigation import pages
from parcours_designer.ui.page import ItemChooser, Page
from parcours_designer.ui.planning import PlanningView
from parcours_designer.ui.planning_page import PlanningPage

pytestmark = pytest.mark.gui


def test_every_page_that_shows_lists_is_a_page_and_selects_their_items(example_window):
    window = example_window
    for info in window.page_infos:
        widget = window.page(info.key)
        assert isinstance(widget, Page) == bool(info.lists), info.key
        for list_name in info.lists:
            first = window.document.items(list_name)[0].id
            widget.select(list_name, first)


def test_the_widgets_that_say_an_item_was_chosen_use_one_signal(example_window):
    window = example_window
    planning = window.page("planning")
    for widget in (planning, planning.view, planning.follow, window.check_panel):
        assert isinstance(widget, ItemChooser), type(widget).__name__
    for widget_class in (PlanningPage, PlanningView, FollowUpView, CheckPanel):
        assert not {"open_item", "item_selected", "target_activated", "phase_activated"} & set(dir(widget_class))


def test_qt_names_are_not_hidden():
    assert ListPage.move is QWidget.move
    assert PlanningView.layout is QWidget.layout


def test_every_list_kind_is_on_one_page_and_has_columns_and_a_form():
    second_views = {"planning", "map"}  # the chart and the stakeholder map show lists that have their page
    shown = [list_name for info in pages() if info.key not in second_views for list_name in info.lists]
    assert sorted(shown) == sorted(KINDS)
    assert list(specs.LIST_SPECS) == list(KINDS)
    for list_name, kind in KINDS.items():
        assert specs.columns(list_name)
        for field in specs.fields(list_name):
            assert field.name.split(".")[0] in kind.entity.model_fields, (list_name, field.name)
