"""The Export menu asks for a budget in whole euros, and cancelling the options writes nothing."""

from __future__ import annotations

import pytest

from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.ui import export_options, file_dialogs

pytestmark = pytest.mark.gui


def test_budget_options_dialog_says_whole_euros(qtbot):
    dialog = export_options.BudgetOptions()
    qtbot.addWidget(dialog)
    assert dialog.options() == {}
    dialog.whole_euros.setChecked(True)
    assert dialog.options() == {"whole_euros": True}
    assert export_options.ask_options(None, "ics") == {}
    evaluation = export_options.EvaluationOptions()
    qtbot.addWidget(evaluation)
    assert evaluation.options() == {}
    evaluation.vigilance_points.setChecked(False)
    assert evaluation.options() == {"vigilance_points": False}
    gantt = export_options.GanttOptions()
    qtbot.addWidget(gantt)
    assert gantt.options() == {"paper": "A4", "orientation": "landscape"}
    gantt.paper.setCurrentIndex(1)
    gantt.orientation.setCurrentIndex(1)
    assert gantt.options() == {"paper": "A3", "orientation": "portrait"}


@pytest.mark.parametrize("answer, written", [({"whole_euros": True}, True), (None, False)])
def test_export_menu_passes_the_options(example_window, tmp_path, monkeypatch, answer, written):
    target = tmp_path / "budget.csv"
    monkeypatch.setattr(file_dialogs, "ask_save_file", lambda *a, **k: target)
    asked = []
    monkeypatch.setattr(export_options, "ask_options", lambda parent, kind: asked.append(kind) or answer)
    example_window.files.export(EXPORT_KINDS["budget"])
    assert asked == ["budget"]
    assert target.exists() is written
    if written:
        assert ";26728\r\n" in target.read_bytes().decode("utf-8-sig")
