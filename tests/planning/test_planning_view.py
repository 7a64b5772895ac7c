"""The planning view: drag a bar, stretch it, draw a dependency — each one undoable command."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from parcours_designer.model.fileformat import load_pathway
from parcours_designer.ui.document import Document
from parcours_designer.ui.planning import PlanningView
from parcours_designer.ui.planning.scene import day_x
from tests.planning.helpers import EXAMPLE, chain, d

# The offscreen platform warns once a window is shown; nothing to do with us.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def view(qtbot):
    document = Document(load_pathway(EXAMPLE))
    widget = PlanningView(document, today=date(2027, 5, 10))
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_zoom_level(0)  # weeks: 36 pixels a day
    return widget


def bar_points(view, phase_id):
    """The bar's middle and its right edge, in viewport pixels."""
    rect = view.canvas.planning_scene.bar_rect(phase_id)
    view.canvas.ensureVisible(rect, 200, 50)
    middle = view.canvas.mapFromScene(rect.center())
    edge = view.canvas.mapFromScene(QPointF(rect.right(), rect.center().y()))
    return middle, QPoint(edge.x() - 2, edge.y())


def drag(view, start: QPoint, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier):
    viewport = view.canvas.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    QTest.mouseMove(viewport, middle)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, end)


def phase(view, phase_id):
    return view.document.item("phases", phase_id)


def test_drag_a_bar_then_undo_and_redo(view, qtbot):
    stack = view.document.undo_stack
    middle, _edge = bar_points(view, "ph4")  # 16–17 March 2027
    with qtbot.waitSignal(view.document.changed):
        drag(view, middle, middle + QPoint(7 * 36, 0))  # one week later
    assert (phase(view, "ph4").start, phase(view, "ph4").end) == (d("2027-03-23"), d("2027-03-24"))
    assert stack.count() == 1 and view.document.is_modified()
    assert stack.undoText() == "Déplacer l'étape « Atelier collectif n° 1 : stratégie de diffusion »"
    # The chart follows: the bar now starts on 23 March.
    assert view.canvas.planning_scene.bar_rect("ph4").left() == day_x(d("2027-03-23"))
    stack.undo()
    assert (phase(view, "ph4").start, phase(view, "ph4").end) == (d("2027-03-16"), d("2027-03-17"))
    assert view.canvas.planning_scene.bar_rect("ph4").left() == day_x(d("2027-03-16"))
    assert not view.document.is_modified()
    stack.redo()
    assert phase(view, "ph4").start == d("2027-03-23") and view.document.is_modified()


def test_stretch_a_bar_then_undo_and_redo(view, qtbot):
    stack = view.document.undo_stack
    _middle, edge = bar_points(view, "ph5")  # 13–14 April 2027
    drag(view, edge, edge + QPoint(3 * 36, 0))  # three days longer
    assert (phase(view, "ph5").start, phase(view, "ph5").end) == (d("2027-04-13"), d("2027-04-17"))
    assert stack.count() == 1
    assert view.canvas.planning_scene.bar_rect("ph5").width() == 5
    stack.undo()
    assert phase(view, "ph5").end == d("2027-04-14")
    assert view.canvas.planning_scene.bar_rect("ph5").width() == 2
    stack.redo()
    assert phase(view, "ph5").end == d("2027-04-17")


def test_stretching_a_phase_known_by_its_duration_changes_its_working_days(qtbot):
    document = Document(chain())
    widget = PlanningView(document, today=date(2027, 1, 4))
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_zoom_level(0)
    _middle, edge = bar_points(widget, "B")  # 11–13 January, 3 working days
    drag(widget, edge, edge + QPoint(2 * 36, 0))  # to Friday 15
    assert document.item("phases", "B").duration_days == 5
    # D follows at once: Monday 18 – Tuesday 19.
    rect = widget.canvas.planning_scene.bar_rect("D")
    assert (rect.left(), rect.right()) == (day_x(d("2027-01-18")), day_x(d("2027-01-19")) + 1)
    document.undo_stack.undo()
    assert document.item("phases", "B").duration_days == 3


def two_bars(view, source_id, target_id):
    """Both bars on screen (months zoom), their middles in viewport pixels."""
    view.set_zoom_level(1)
    scene = view.canvas.planning_scene
    view.canvas.ensureVisible(scene.bar_rect(source_id).united(scene.bar_rect(target_id)), 10, 10)
    points = [view.canvas.mapFromScene(scene.bar_rect(i).center()) for i in (source_id, target_id)]
    assert all(view.canvas.viewport().rect().contains(p) for p in points)
    return points


def test_draw_a_dependency_between_two_bars(view):
    stack = view.document.undo_stack
    source, target = two_bars(view, "ph8", "ph9")  # 20 May → 24–25 June
    drag(view, source, target, Qt.KeyboardModifier.ShiftModifier)
    assert phase(view, "ph9").depends_on == ["ph5", "ph8"]
    assert stack.count() == 1
    stack.undo()
    assert phase(view, "ph9").depends_on == ["ph5"]


def test_a_dependency_that_would_loop_is_refused(view):
    source, target = two_bars(view, "ph11", "ph6")
    drag(view, source, target, Qt.KeyboardModifier.ShiftModifier)
    assert phase(view, "ph6").depends_on == ["ph4"]
    assert view.document.undo_stack.count() == 0
    assert "cycle" in view.message.text()


def test_a_click_selects_and_selection_comes_back(view, qtbot):
    middle, _ = bar_points(view, "ph7")
    with qtbot.waitSignal(view.item_chosen) as signal:
        QTest.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)
    assert signal.args == ["phases", "ph7"]
    assert view.document.undo_stack.count() == 0
    view.select("phases", "ph2")
    assert view.canvas.planning_scene.bars["ph2"].shape.isSelected()
    assert not view.canvas.planning_scene.bars["ph7"].shape.isSelected()


def test_scenario_against_the_baseline(view):
    view.show_scenario("r1")
    items = view.canvas.planning_scene.bars["ph6"]
    assert items.ghost.isVisible()
    assert items.ghost.rect().left() == day_x(d("2027-04-19"))
    assert items.shape.rect().left() == day_x(d("2027-05-03"))
    assert "1 étape déplacée" in view.warnings.text()
    assert view.comparison.rowCount() == 3
    assert view.comparison.item(1, 0).text() == "Indisponibilité de la consultante diffusion (maladie)"
    assert view.comparison.item(1, 3).text() == "1"
    view.show_scenario(None)
    assert not view.canvas.planning_scene.bars["ph6"].ghost.isVisible()


def test_follows_edits_made_elsewhere(view):
    from parcours_designer.model.entities import Closure
    from parcours_designer.ui.commands import SetFields

    view.document.push(SetFields(view.document, "phases", "ph1", {"title": "Accueil <b>des structures</b>"}))
    label = view.canvas.planning_scene.bars["ph1"].label
    assert label.text() == "Accueil <b>des structures</b>"  # user text is data, never markup
    closure = Closure(start=d("2027-03-15"), end=d("2027-03-19"), label="Vacances")
    view.document.push(SetFields(view.document, None, None, {"closures": [closure]}))
    assert view.canvas.calendar.reason_off(d("2027-03-16")) == "fermeture"
