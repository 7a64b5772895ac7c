"""The scenarios' comparison under the Planning chart: every figure in sight at 1366×768."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def test_the_comparison_has_no_horizontal_scroll_bar_and_no_cut_figure(example_window, qtbot):
    example_window.resize(1366, 768)
    page = example_window.show_page("planning")
    QApplication.processEvents()
    table = page.view.comparison
    qtbot.waitUntil(lambda: table.rowCount() == 3)
    QApplication.processEvents()
    assert table.horizontalScrollBar().maximum() == 0
    for column in range(1, table.columnCount()):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column), table.horizontalHeaderItem(column).text()
    name = table.item(1, 0)
    assert name.toolTip() == name.text()  # the scenario's whole name, even when its cell elides it
