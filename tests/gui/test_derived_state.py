"""One derived state per document: computed once per change, published to every page that shows it."""

from __future__ import annotations

from collections import Counter

import pytest

import parcours_designer.model.budget as budget_module
import parcours_designer.model.check as check_module
import parcours_designer.model.planning as planning_module
import parcours_designer.model.workload as workload_module
from parcours_designer.model.fileformat import load_pathway
from parcours_designer.ui.commands import SetFields
from parcours_designer.ui.derived import DerivedState, derived_state
from parcours_designer.ui.document import Document
from parcours_designer.ui.overview import OverviewPage
from tests.gui.conftest import EXAMPLE

pytestmark = pytest.mark.gui


@pytest.fixture
def calls(monkeypatch) -> Counter:
    """How many times the model's computations run (wrapping the real ones)."""
    counted: Counter = Counter()
    for module, name in ((check_module, "run_check"), (planning_module, "plan_for"),
                         (budget_module, "compute_budget"), (workload_module, "workloads")):
        real = getattr(module, name)

        def wrapper(*args, _real=real, _name=name, **kwargs):
            counted[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)
    return counted


def wait_published(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.derived.timer.isActive() and not window.derived.is_stale())


def type_title(document: Document, text: str) -> None:
    """What typing does: one merged command per keystroke."""
    for end in range(1, len(text) + 1):
        document.push(SetFields(document, "phases", "ph4", {"title": text[:end]}, merge=True))


def test_a_burst_of_keystrokes_computes_the_state_once(qtbot, example_window, calls):
    window = example_window
    for key in ("overview", "budget"):
        window.page(key)
    window.show_page("phases")
    wait_published(qtbot, window)
    before = window.derived.computations
    calls.clear()
    with qtbot.waitSignal(window.derived.updated, timeout=3000) as published:
        type_title(window.document, "Atelier renommé")
    state: DerivedState = published.args[0]
    assert window.derived.computations == before + 1
    assert calls == {"run_check": 1, "plan_for": 1, "compute_budget": 1, "workloads": 1}
    assert state.revision == window.document.revision and state is window.derived.current
    # Every subscriber shows that one state.
    overview = window.page("overview")
    assert overview.value_labels[-1].text() == f"{state.check.score} %"
    assert window.check_panel.summary.text().startswith(f"Score : {state.check.score} %")
    assert window.page("budget").totals.text().startswith("Charges : ")


def test_the_planning_follows_each_change_at_once_without_computing_twice(qtbot, example_window, calls):
    window = example_window
    planning = window.show_page("planning")
    wait_published(qtbot, window)
    before = window.derived.computations
    calls.clear()
    planning.view.move_phase("ph4", 7)
    assert window.derived.computations == before + 1  # at once: the chart shows the move
    assert planning.view.state.baseline is window.derived.current.schedule
    qtbot.wait(400)  # the debounce has nothing left to compute
    assert window.derived.computations == before + 1
    assert calls["run_check"] == 1 and calls["plan_for"] == 1


def test_the_overview_gets_the_score_from_the_state_not_from_the_window(qtbot):
    document = Document(load_pathway(EXAMPLE))
    page = OverviewPage(document)
    qtbot.addWidget(page)
    assert page.value_labels[-1].text() == "…"
    state = derived_state(document).refresh_now()
    assert page.value_labels[-1].text() == f"{state.check.score} %"
    assert derived_state(document) is derived_state(document)  # one per document
