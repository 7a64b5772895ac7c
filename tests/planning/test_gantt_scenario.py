"""The Gantt layout from a schedule, a scenario against the baseline, and its export."""

from __future__ import annotations

import pytest

from parcours_designer.model.fileformat import load_pathway
from parcours_designer.model.gantt_layout import compute_layout, planning_layout
from parcours_designer.model.scenarios import UnknownRisk
from tests.planning.helpers import EXAMPLE, chain, d


def test_layout_from_a_schedule_places_duration_only_phases():
    path = chain(end="2027-01-22")
    assert [u.phase_id for u in compute_layout(path).undated] == ["A", "B", "C", "D"]
    layout = planning_layout(path)
    bars = {bar.phase_id: bar for bar in layout.bars}
    assert (bars["D"].start, bars["D"].end, bars["D"].latest_end) == (d("2027-01-14"), d("2027-01-15"), d("2027-01-22"))
    assert [b.phase_id for b in layout.bars if b.critical] == ["A", "B", "D"]
    arrow = next(a for a in layout.arrows if (a.source_id, a.target_id) == ("B", "D"))
    assert (arrow.source_end, arrow.target_start) == (d("2027-01-13"), d("2027-01-14"))


def test_scenario_layout_keeps_the_baseline_of_moved_bars():
    layout = planning_layout(load_pathway(EXAMPLE), scenario_id="r1")
    assert layout.scenario == "Indisponibilité de la consultante diffusion (maladie)"
    moved = [b for b in layout.bars if b.moved]
    assert [(b.phase_id, b.baseline_start, b.baseline_end, b.start, b.end) for b in moved] == [
        ("ph6", d("2027-04-19"), d("2027-06-11"), d("2027-05-03"), d("2027-06-25"))]
    with pytest.raises(UnknownRisk):
        planning_layout(load_pathway(EXAMPLE), scenario_id="r9")


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
