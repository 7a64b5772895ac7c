"""The Gantt layout from a schedule, a scenario against the baseline, and its export."""

from __future__ import annotations

import pytest

from parcours_designer.model.fileformat import load_pathway
from parcours_designer.model.planning import plan_for
from parcours_designer.model.scenarios import UnknownRisk
from tests.planning.helpers import EXAMPLE, chain, d, pathway, phase


def test_layout_from_a_schedule_places_duration_only_phases():
    path = chain(end="2027-01-22")
    layout = plan_for(path).layout
    assert layout.undated == []
    bars = {bar.phase_id: bar for bar in layout.bars}
    assert (bars["D"].start, bars["D"].end, bars["D"].latest_end) == (d("2027-01-14"), d("2027-01-15"), d("2027-01-22"))
    # The pathway ends a week after D: every bar has slack, none is critical.
    assert [b.phase_id for b in layout.bars if b.critical] == []
    assert [b.phase_id for b in plan_for(chain()).layout.bars if b.critical] == ["A", "B", "D"]
    arrow = next(a for a in layout.arrows if (a.source_id, a.target_id) == ("B", "D"))
    assert (arrow.source_end, arrow.target_start) == (d("2027-01-13"), d("2027-01-14"))


def test_scenario_layout_keeps_the_baseline_of_moved_bars():
    layout = plan_for(load_pathway(EXAMPLE), scenario_id="r1").layout
    assert layout.scenario == "Indisponibilité de la consultante diffusion (maladie)"
    moved = [b for b in layout.bars if b.moved]
    assert [(b.phase_id, b.baseline_start, b.baseline_end, b.start, b.end) for b in moved] == [
        ("ph6", d("2027-04-19"), d("2027-06-11"), d("2027-05-03"), d("2027-06-25"))]
    with pytest.raises(UnknownRisk):
        plan_for(load_pathway(EXAMPLE), scenario_id="r9")


def test_gantt_export_with_a_scenario():
    from parcours_designer.export.gantt_export import render

    path = load_pathway(EXAMPLE)
    png = render(path, ".png", scenario_id="r1")
    assert png.startswith(b"\x89PNG") and png != render(path, ".png")
    svg = render(path, ".svg", scenario_id="r1").decode()
    assert "comparé au planning de référence" in svg


def test_plan_pdf_with_a_scenario():
    from io import BytesIO

    from pypdf import PdfReader

    from parcours_designer.export.plan_pdf import render

    pdf = render(load_pathway(EXAMPLE), ".pdf", scenario_id="r1")
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    assert "Scénario « Indisponibilité de la consultante diffusion (maladie) » comparé au planning" in text


def test_the_check_reads_the_dates_of_the_plan():
    from parcours_designer.model.check import RULES
    from parcours_designer.model.check.context import Context

    # B's own dates fall inside the pathway, but it depends on A: the plan pushes it to 25–26 January.
    path = pathway(phase("A", start="2027-01-18", end="2027-01-22"),
                   phase("B", start="2027-01-20", end="2027-01-21", depends_on=["A"]),
                   phase("C", start="2027-01-11", duration_days=3),
                   start="2027-01-11", end="2027-01-22")
    context = Context(path)
    assert context.phase_dates == {pid: plan_for(path).dates(pid) for pid in ("A", "B", "C")}
    outside = [h.target_id for h in RULES["phase-outside-window"].check(context)]
    assert outside == ["B"]
    assert list(RULES["phase-undated"].check(context)) == []  # C: a start and a duration
