"""The navigation list shows every page title whole, without a horizontal scroll bar, at 1366×768."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.gui


def assert_titles_whole(navigation) -> None:
    QApplication.processEvents()
    assert not navigation.horizontalScrollBar().isVisible()
    assert navigation.horizontalScrollBar().maximum() == 0
    room = navigation.viewport().width()
    for row in range(navigation.count()):
        item = navigation.item(row)
        needed = navigation.fontMetrics().horizontalAdvance(item.text())
        assert needed + 16 <= room, item.text()  # the title and its 8 px paddings
        assert navigation.sizeHintForIndex(navigation.indexFromItem(item)).width() <= room, item.text()


def test_navigation_titles_are_whole_at_1366_by_768(example_window):
    example_window.resize(1366, 768)
    navigation = example_window.navigation
    titles = [navigation.item(row).text() for row in range(navigation.count())]
    assert "Échanges entre pairs" in titles and "Engagements RSE" in titles
    assert_titles_whole(navigation)


def test_navigation_follows_a_larger_window_font(example_window):
    narrow = example_window.navigation.width()
    font = QFont(example_window.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    example_window.setFont(font)
    assert example_window.navigation.width() > narrow
    assert_titles_whole(example_window.navigation)


def test_a_short_window_keeps_room_for_the_vertical_scroll_bar(example_window):
    example_window.resize(1366, 300)
    QApplication.processEvents()
    navigation = example_window.navigation
    assert navigation.verticalScrollBar().isVisible()
    assert_titles_whole(navigation)
