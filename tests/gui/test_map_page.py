"""The « Carte des acteurs » page: first layout, a drag and a link each one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from parcours_designer.ui import dialogs

pytestmark = pytest.mark.gui


@pytest.fixture
def page(example_window, qtbot):
    page = example_window.show_page("map")
    page.view.resize(900, 700)
    fit(page)
    return page


def fit(page) -> None:
    """The whole map in view, so that every actor can be reached without scrolling."""
    page.view.fitInView(page.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)


def _mouse(view, kind: QEvent.Type, point: QPoint, buttons) -> None:
    event = QMouseEvent(kind, QPointF(point), QPointF(view.viewport().mapToGlobal(point)),
                        Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def drag(view, start: QPoint, end: QPoint) -> None:
    """Press, move in a few steps, release: as a hand does."""
    held = Qt.MouseButton.LeftButton
    _mouse(view, QEvent.Type.MouseButtonPress, start, held)
    for step in range(1, 6):
        _mouse(view, QEvent.Type.MouseMove, start + (end - start) * step / 5, held)
    _mouse(view, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def where(page, key: str) -> QPoint:
    return page.view.mapFromScene(page.scene.nodes[key].pos())


def test_the_map_shows_every_actor_and_interaction_without_touching_the_file(page, example_window):
    assert len(page.scene.nodes) == 10  # 8 partners, 2 publics
    assert len(page.scene.edges) == 7
    labels = {edge.edge.label for edge in page.scene.edges}
    assert "accompagne la diffusion" in labels
    assert not example_window.document.is_modified()  # the first layout is not an edit


def test_dragging_an_actor_is_one_undo_step_and_keeps_every_position(page, example_window, qtbot):
    document = example_window.document
    stack = document.undo_stack
    before = stack.count()
    start = where(page, "partners:p7")
    drag(page.view, start, start + QPoint(60, 40))
    qtbot.waitUntil(lambda: stack.count() == before + 1)
    theatre = document.item("partners", "p7")
    assert theatre.map_position is not None
    assert all(item.map_position is not None for item in document.items("partners"))
    assert all(item.map_position is not None for item in document.items("audiences"))
    stack.undo()
    assert theatre.map_position is None
    assert all(item.map_position is None for item in document.items("audiences"))
    stack.redo()
    moved = theatre.map_position
    qtbot.wait(10)
    fit(page)
    drag(page.view, where(page, "partners:p7"), where(page, "partners:p7") + QPoint(-30, 0))
    qtbot.waitUntil(lambda: stack.count() == before + 2)
    assert theatre.map_position.x < moved.x  # the second drag moves only the theatre
    assert document.item("partners", "p1").map_position is not None


def test_drawing_and_labelling_a_link_are_each_one_undo_step(page, example_window, qtbot, monkeypatch):
    document = example_window.document
    stack = document.undo_stack
    monkeypatch.setattr(dialogs, "ask_text", lambda *args, **kwargs: "accueille les ateliers")
    page.link_action.setChecked(True)
    before = stack.count()
    drag(page.view, where(page, "partners:p7"), where(page, "audiences:a2"))
    assert stack.count() == before + 1
    theatre = document.item("partners", "p7")
    assert [(l.audience_id, l.label) for l in theatre.audience_links] == [("a2", "accueille les ateliers")]
    qtbot.waitUntil(lambda: len(page.scene.edges) == 8)
    edge = next(e for e in page.scene.edges if e.edge.owner_id == "p7")
    monkeypatch.setattr(dialogs, "ask_text", lambda *args, **kwargs: "prête sa salle")
    page.relabel_edge(edge.number)
    assert theatre.audience_links[0].label == "prête sa salle"
    assert stack.count() == before + 2
    stack.undo()
    assert theatre.audience_links[0].label == "accueille les ateliers"
    stack.undo()
    assert theatre.audience_links == []


def test_two_publics_cannot_be_linked(page, example_window, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_text", lambda *args, **kwargs: "lien")
    page.link_action.setChecked(True)
    before = example_window.document.undo_stack.count()
    drag(page.view, where(page, "audiences:a1"), where(page, "audiences:a2"))
    assert example_window.document.undo_stack.count() == before
    assert "deux publics" in page.hint.text()


def test_a_link_drawn_the_other_way_round_is_refused_before_its_label_is_asked(page, example_window,
                                                                               monkeypatch):
    """p2 already holds a link with p8: drawing p8 → p2 says so, without asking for a label first."""
    asked = []
    monkeypatch.setattr(dialogs, "ask_text", lambda *args, **kwargs: asked.append(args) or "lien")
    page.link_action.setChecked(True)
    before = example_window.document.undo_stack.count()
    drag(page.view, where(page, "partners:p8"), where(page, "partners:p2"))
    assert example_window.document.undo_stack.count() == before
    assert asked == [] and "déjà reliés" in page.hint.text()


def test_a_selected_link_is_deleted_and_comes_back_on_undo(page, example_window, qtbot):
    document = example_window.document
    edge = next(e for e in page.scene.edges if e.edge.owner_id == "p2" and e.edge.field == "links")
    edge.setSelected(True)
    page.delete_selected_edge()
    assert document.item("partners", "p2").links == []
    document.undo_stack.undo()
    assert [l.partner_id for l in document.item("partners", "p2").links] == ["p8"]
    qtbot.waitUntil(lambda: len(page.scene.edges) == 7)


def test_arranging_again_is_one_undo_step(page, example_window):
    document = example_window.document
    page.arrange()
    assert all(p.map_position is not None for p in document.items("partners"))
    document.undo_stack.undo()
    assert all(p.map_position is None for p in document.items("partners"))
    assert not document.is_modified()


def test_screenshot_of_the_map_page(page, qtbot, tmp_path):
    page.resize(1000, 700)
    page.view.fitInView(page.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    image = page.grab()
    assert image.save(str(tmp_path / "carte.png"))
    assert image.width() == 1000


def test_an_actor_picked_on_the_map_is_selected_on_its_page(page, example_window):
    partners = example_window.show_page("partners")
    example_window.show_page("map")
    page.scene.nodes["partners:p3"].setSelected(True)
    current = partners.list_pages["partners"].table.currentIndex()
    assert current.isValid() and current.data() == "Pôle régional du spectacle vivant"
    page.select("partners", "p5")
    assert page.scene.nodes["partners:p5"].isSelected() and not page.scene.nodes["partners:p3"].isSelected()


def test_the_whole_map_fits_the_window_at_1366_by_768(page, example_window, qtbot):
    """First shown, every actor is inside the view (shrunk if needed, never enlarged)."""
    example_window.resize(1366, 768)
    example_window.show()
    qtbot.waitUntil(lambda: page.view.transform().m11() < 1.0 or page.view.viewport().width() > 0)
    page.fit_map()
    viewport = page.view.viewport().rect()
    for item in page.scene.nodes.values():
        shown = page.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        assert viewport.contains(shown), item.key
    assert page.view.transform().m11() <= 1.0
