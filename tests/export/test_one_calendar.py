"""One calendar per document: every export shows the computed schedule, a scenario from cover to last table."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from decimal import Decimal
from xml.etree import ElementTree as ET

import pytest
from icalendar import Calendar

from parcours_designer.export import gantt_export
from parcours_designer.export.mspdi_export import NAMESPACE
from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.budget import total_charges
from parcours_designer.model.formatting import format_money, format_period
from parcours_designer.model.gantt_layout import GroupBy
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.planning import plan_for
from parcours_designer.model.schedule import compute_schedule

from .helpers import flat, pdf_reader, pdf_text

RISK = "Indisponibilité de la consultante diffusion (maladie)"


@pytest.fixture
def pathway(example) -> Pathway:
    """The example plus a phase with a start and a 3-day duration, and one with only a duration."""
    data = example.model_dump()
    data["phases"].append({"id": "px", "title": "Restitution publique", "kind": "workshop",
                           "start": date(2027, 3, 1), "duration_days": 3})
    data["phases"].append({"id": "py", "title": "Rapport final au Département", "kind": "review",
                           "duration_days": 2, "depends_on": ["ph12"]})
    return Pathway.model_validate(data)


def test_a_phase_with_a_start_and_a_duration_is_dated_and_drawn_everywhere(pathway):
    timing = compute_schedule(pathway).get("px")
    assert (timing.start, timing.end) == (date(2027, 3, 1), date(2027, 3, 3))
    rows = len(pathway.phases)
    plan = flat(pdf_text(EXPORT_KINDS["plan"].render(pathway, ".pdf")))
    assert "Restitution publique" in plan and "du 01/03/2027 au 03/03/2027" in plan
    assert "non datée" not in plan and "non représentées" not in plan
    grouped = plan_for(pathway, group_by=GroupBy.MODULE).layout.row_count  # the plan groups by module
    assert grouped == rows + 4  # 3 modules and « Sans module » head their rows
    assert f"lignes 1 à {grouped} sur {grouped}" in plan
    gantt = flat(pdf_text(EXPORT_KINDS["gantt"].render(pathway, ".pdf")))
    assert f"lignes 1 à {rows} sur {rows}" in gantt and "non représentées" not in gantt
    assert "14 Restitution publique 01/03/2027 03/03/2027 3" in gantt  # the task table: 3 working days
    svg_texts = svg_strings(EXPORT_KINDS["gantt"].render(pathway, ".svg"))
    assert "Restitution publique" in svg_texts and "Rapport final au Département" in svg_texts
    assert "non représentées" not in svg_texts


def test_the_gantt_image_draws_the_plan_of_the_one_pipeline(pathway, monkeypatch):
    drawn = []
    real = gantt_export.gantt_figure

    def figure(layout, *args, **kwargs):
        drawn.append(layout)
        return real(layout, *args, **kwargs)

    monkeypatch.setattr(gantt_export, "gantt_figure", figure)
    EXPORT_KINDS["gantt"].render(pathway, ".png")
    schedule = compute_schedule(pathway)
    assert {bar.phase_id: (bar.start, bar.end) for bar in drawn[0].bars} == {
        t.phase_id: (t.start, t.end) for t in schedule.timings.values()}
    assert len(drawn[0].bars) == len(pathway.phases)


def test_every_document_shows_the_dates_of_the_schedule(pathway):
    schedule = compute_schedule(pathway)
    periods = {pid: format_period(t.start, t.end) for pid, t in schedule.timings.items()}
    assert len(periods) == len(pathway.phases)
    for kind in ("plan", "evaluation"):
        text = flat(pdf_text(EXPORT_KINDS[kind].render(pathway, ".pdf")))
        missing = [pid for pid, period in periods.items() if period not in text]
        assert missing == [], kind
    budget = flat(pdf_text(EXPORT_KINDS["budget"].render(pathway, ".pdf")))
    assert [pid for pid, period in periods.items() if period not in budget] == []
    for event in Calendar.from_ical(EXPORT_KINDS["ics"].render(pathway, ".ics")).walk("VEVENT"):
        timing = schedule.get(str(event["uid"]).split("@")[0].rsplit("-", 1)[1])
        assert (event.decoded("dtstart"), event.decoded("dtend")) == (timing.start, timing.end + timedelta(days=1))
    assert mspdi_dates(EXPORT_KINDS["mspdi"].render(pathway, ".xml")) == [
        (schedule.get(p.id).start, schedule.get(p.id).end) for p in pathway.phases]


def test_a_scenario_plan_is_the_scenario_from_cover_to_last_table(example):
    example.risks[0].extra_cost = Decimal("1500.00")
    reader = pdf_reader(EXPORT_KINDS["plan"].render(example, ".pdf", scenario_id="r1"))
    cover = flat(reader.pages[0].extract_text())
    assert f"Scénario : si « {RISK} » se produit" in cover
    assert "surcoût de 1 500,00 € inclus dans le budget" in cover
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    assert "du 03/05/2027 au 25/06/2027 (décalée de 10 jours ouvrés)" in text  # ph6 under the scenario
    assert "du 19/04/2027 au 11/06/2027" not in text  # its baseline dates, nowhere
    assert flat(format_money(total_charges(example) + Decimal("1500.00"))) in text
    assert "67 – Charges exceptionnelles" in text
    assert "date de fin de la dernière étape inchangée" in cover  # ph6 has slack
    assert all("Plan du parcours – scénario de risque" in page.extract_text() for page in reader.pages)


def test_the_baseline_plan_says_nothing_of_a_scenario(example):
    text = flat(pdf_text(EXPORT_KINDS["plan"].render(example, ".pdf")))
    assert "Scénario : si" not in text and "décalée de" not in text
    assert flat(format_money(total_charges(example))) in text


def test_the_plan_exposes_the_scenario_and_its_cost(example):
    example.risks[0].extra_cost = Decimal("250.00")
    plan = plan_for(example, "r1")
    assert plan.risk.id == "r1" and plan.extra_cost == Decimal("250.00")
    assert plan.dates("ph6") == (date(2027, 5, 3), date(2027, 6, 25))
    assert plan.baseline.get("ph6").start == date(2027, 4, 19)
    assert plan.layout.scenario == RISK
    assert plan_for(example).extra_cost == 0 and plan_for(example).scenario is None
    baseline = plan_for(example)
    under = baseline.under("r1")
    assert under.baseline is baseline.baseline and under.dates("ph6") == plan.dates("ph6")


def svg_strings(data: bytes) -> str:
    """Every string an SVG shows: its text elements and the comments matplotlib writes before glyph paths."""
    source = data.decode("utf-8")
    root = ET.fromstring(data)
    texts = ["".join(node.itertext()) for node in root.iter("{http://www.w3.org/2000/svg}text")]
    return " ".join(texts + re.findall(r"<!--(.*?)-->", source, re.S))


def mspdi_dates(data: bytes) -> list[tuple[date, date]]:
    ns = {"p": NAMESPACE}
    tasks = ET.parse(io.BytesIO(data)).getroot().findall("p:Tasks/p:Task", ns)[1:]  # after the summary task
    return [(date.fromisoformat(t.findtext("p:Start", namespaces=ns)[:10]),
             date.fromisoformat(t.findtext("p:Finish", namespaces=ns)[:10])) for t in tasks]


def test_a_partner_plan_under_a_scenario_says_so_and_shows_its_dates(example):
    text = flat(pdf_text(EXPORT_KINDS["plan"].render(example, ".pdf", "p1", scenario_id="r1")))
    assert f"Scénario : si « {RISK} » se produit" in text
    assert "du 03/05/2027 au 25/06/2027 (décalée de 10 jours ouvrés)" in text  # p1's phase ph6, moved
    assert "du 19/04/2027 au 11/06/2027" not in text
