"""Issue 11 in the forms: needs' sources and evidence, phase programme and module,
indicators' direction, commitments and peer exchanges."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from parcours_designer.model.enums import IndicatorAssessment, IndicatorDirection, NeedSource
from tests.gui.helpers import check_link, choose_in_combo, click_action, type_into

pytestmark = pytest.mark.gui


@pytest.fixture
def window(example_window):
    return example_window


def _page(window, list_name: str, item_id: str, page_key: str = ""):
    page = window.show_page(page_key or list_name).list_pages[list_name]
    page.select(item_id)
    return page


def test_sources_of_a_need_are_ticked_and_each_tick_is_one_undo_step(qtbot, window):
    page = _page(window, "needs", "n4")
    need = window.document.item("needs", "n4")
    sources = page.form.widgets["sources"]
    stack = window.document.undo_stack
    before = stack.count()
    observation = next(sources.item(r) for r in range(sources.count()) if sources.item(r).text() == "Observation")
    observation.setCheckState(Qt.CheckState.Checked)
    assert need.sources == [NeedSource.QUESTIONNAIRE, NeedSource.OBSERVATION]
    assert stack.count() == before + 1
    stack.undo()
    assert need.sources == [NeedSource.QUESTIONNAIRE]
    assert observation.checkState() == Qt.CheckState.Unchecked
    type_into(qtbot, page.form.widgets["evidence"], "Entretiens avec six compagnies")
    assert need.evidence == "Entretiens avec six compagnies"


def test_a_new_need_with_a_source_loses_the_warning(qtbot, window):
    page = window.show_page("needs").list_pages["needs"]
    click_action(qtbot, page, "add")
    need = window.document.items("needs")[-1]
    sources = page.form.widgets["sources"]
    sources.item(0).setCheckState(Qt.CheckState.Checked)
    assert need.sources == [NeedSource.INTERVIEW]


def test_phase_programme_and_module_are_typed(qtbot, window):
    page = _page(window, "phases", "ph9")
    phase = window.document.item("phases", "ph9")
    type_into(qtbot, page.form.widgets["module"], "Formation")
    type_into(qtbot, page.form.widgets["description"], "Apports, cas pratiques")
    assert phase.module == "Formation" and phase.description == "Apports, cas pratiques"


def test_indicator_direction_unit_and_partners(qtbot, window):
    page = _page(window, "indicators", "i2", "evaluation")
    indicator = window.document.item("indicators", "i2")
    choose_in_combo(qtbot, page.form.widgets["direction"], "Au plus la cible")
    assert indicator.direction == IndicatorDirection.AT_MOST
    type_into(qtbot, page.form.widgets["unit"], "%")
    type_into(qtbot, page.form.widgets["baseline"], "40 %", finish=True)
    check_link(qtbot, page.form.widgets["partner_ids"], "France Active")
    assert indicator.unit == "%" and indicator.baseline == "40 %" and indicator.partner_ids == ["p8"]


def test_commitments_and_peer_exchanges_have_their_pages(qtbot, window):
    page = window.show_page("commitments").list_pages["commitments"]
    click_action(qtbot, page, "add")
    commitment = window.document.items("commitments")[-1]
    assert commitment.id == "rse3"
    type_into(qtbot, page.form.widgets["description"], "Gobelets réutilisables")
    check_link(qtbot, page.form.widgets["indicator_ids"], "covoiturage")
    assert commitment.description == "Gobelets réutilisables" and commitment.indicator_ids == ["i6"]
    page = window.show_page("peer_exchanges").list_pages["peer_exchanges"]
    click_action(qtbot, page, "add")
    exchange = window.document.items("peer_exchanges")[-1]
    type_into(qtbot, page.form.widgets["network"], "Réseau DLA Normandie")
    assert exchange.id == "pe2" and exchange.network == "Réseau DLA Normandie"


def test_a_new_topic_to_report_gets_an_id_kept_by_later_edits(qtbot, window):
    from parcours_designer.ui.nested import TopicsEditor

    page = window.show_page("evaluation")
    page.show_review()
    editor = page.findChild(TopicsEditor)
    editor.add_row()
    topics = window.document.pathway.review.topics_to_report
    assert topics[-1].id == "t3"
    editor.commit()
    assert window.document.pathway.review.topics_to_report[-1].id == "t3"


def test_the_planning_chart_groups_phases_by_module(qtbot, window):
    from parcours_designer.ui.planning.view import PlanningView

    chart = window.show_page("planning").findChild(PlanningView)
    chart.by_module.setChecked(True)
    titles = [item.text() for item in chart.canvas.planning_scene.lane_titles]
    assert titles == ["Diagnostic et cadrage", "Accompagnement", "Bilan et suivi"]
    assert chart.gantt.row_count == 16
    chart.by_module.setChecked(False)
    assert chart.canvas.planning_scene.lane_titles == [] and chart.gantt.row_count == 13


def test_the_officer_judges_a_qualitative_indicator_in_one_undo_step(qtbot, window):
    """i3 is qualitative: « À apprécier » until the officer's judgement gives its status; the
    form says the judgement counts. On i1 (8 against 7) the computed status wins and the form says so."""
    page = _page(window, "indicators", "i3", "evaluation")
    indicator = window.document.item("indicators", "i3")
    hint = page.form.hints["assessment"]
    assert "votre appréciation le donne" in hint.text()
    stack = window.document.undo_stack
    before = stack.count()
    choose_in_combo(qtbot, page.form.widgets["assessment"], "Atteint")
    assert indicator.assessment == IndicatorAssessment.ACHIEVED and stack.count() == before + 1
    row = window.document.row_of("indicators", "i3")
    status = page.model.index(row, [c.header for c in page.model.columns].index("Statut"))
    assert page.model.data(status) == "Atteint (appréciation)"
    stack.undo()
    assert indicator.assessment is None and page.model.data(status) == "À apprécier"
    page.select("i1")
    assert "Statut calculé d'après la cible et le résultat : non atteint" in hint.text()
    choose_in_combo(qtbot, page.form.widgets["assessment"], "Partiellement atteint")
    assert window.document.item("indicators", "i1").assessment == IndicatorAssessment.PARTLY_ACHIEVED
    assert page.model.data(page.model.index(window.document.row_of("indicators", "i1"), 5)) == "Non atteint"
