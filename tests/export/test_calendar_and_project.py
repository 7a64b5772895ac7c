"""ICS (icalendar) and Microsoft Project XML, parsed back."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from xml.etree import ElementTree as ET

import pytest
from icalendar import Calendar

from parcours_designer.export.mspdi_export import NAMESPACE, working_days
from parcours_designer.export.registry import EXPORT_KINDS, ExportError
from parcours_designer.model.budget import cost_amount
from parcours_designer.model.calendar import WorkCalendar
from parcours_designer.model.entities import Closure

from .helpers import cycle_pathway, undated_pathway

NS = {"p": NAMESPACE}


def events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_one_all_day_event_per_phase_with_exclusive_end(example):
    found = events(EXPORT_KINDS["ics"].render(example, ".ics"))
    assert len(found) == len(example.phases)
    diagnostic = next(e for e in found if str(e["summary"]).startswith("Diagnostic partagé"))
    start, end = diagnostic.decoded("dtstart"), diagnostic.decoded("dtend")
    assert type(start) is date and type(end) is date  # all-day, not datetimes
    assert (start, end) == (date(2027, 1, 25), date(2027, 2, 20))  # the phase ends on the 19th
    description = str(diagnostic["description"])
    assert "Objectifs :" in description and "Julien Lefèvre – Conseil ESS" in description
    assert str(diagnostic["location"]) == "Dans chaque structure"


def test_uids_are_stable_and_unique(example):
    first = [str(e["uid"]) for e in events(EXPORT_KINDS["ics"].render(example, ".ics"))]
    example.phases[0].title = "Réunion d'accueil (nouveau titre)"
    second = [str(e["uid"]) for e in events(EXPORT_KINDS["ics"].render(example, ".ics"))]
    assert first == second and len(set(first)) == len(first)


def test_partner_calendar_keeps_their_phases(example):
    found = events(EXPORT_KINDS["ics"].render(example, ".ics", "p7"))
    expected = [p.title for p in example.phases if "p7" in p.partner_ids]
    assert [str(e["summary"]) for e in found] == expected


def test_undated_phases_are_left_out_and_named(example):
    example.phases[0].start = example.phases[0].end = None
    example.phases[0].milestone = False  # a milestone would be placed on the pathway's start, as on the Planning page
    calendar = Calendar.from_ical(EXPORT_KINDS["ics"].render(example, ".ics"))
    assert len(calendar.walk("VEVENT")) == len(example.phases) - 1
    assert "Étapes non datées" in str(calendar["x-wr-caldesc"])


def test_a_calendar_without_any_dated_phase_is_refused_in_french():
    with pytest.raises(ExportError, match="aucune étape du parcours n'est datée ; un calendrier sans événement"):
        EXPORT_KINDS["ics"].render(undated_pathway(), ".ics")


def test_events_carry_dtstamp_and_a_growing_sequence(example, monkeypatch):
    import parcours_designer.export.ics_export as ics

    first = events(EXPORT_KINDS["ics"].render(example, ".ics"))
    assert all("dtstamp" in e and "sequence" in e for e in first)
    later = datetime.now(timezone.utc) + timedelta(hours=2)
    assert ics.sequence_number(later) > int(first[0]["sequence"])
    assert ics.sequence_number(datetime(2020, 1, 1, 1, 0, tzinfo=timezone.utc)) == 60


def project(data: bytes):
    root = ET.fromstring(data)
    assert root.tag == f"{{{NAMESPACE}}}Project"
    return root


def child_names(element) -> list[str]:
    return [child.tag.split("}")[1] for child in element]


# The element order of mspdi_pj12.xsd, for the elements this export writes.
TASK_ORDER = ["UID", "ID", "Name", "Type", "IsNull", "WBS", "OutlineNumber", "OutlineLevel", "Priority", "Start",
              "Finish", "Duration", "DurationFormat", "Estimated", "Milestone", "Summary", "FixedCost",
              "FixedCostAccrual", "Cost", "ConstraintType", "ConstraintDate", "Notes", "PredecessorLink"]
PROJECT_ORDER = ["SaveVersion", "Name", "Title", "Author", "CreationDate", "ScheduleFromStart", "StartDate",
                 "FinishDate", "CurrencyDigits", "CurrencySymbol", "CalendarUID", "DefaultStartTime",
                 "DefaultFinishTime", "MinutesPerDay", "MinutesPerWeek", "DaysPerMonth", "Calendars", "Tasks",
                 "Resources", "Assignments"]
ASSIGNMENT_ORDER = ["UID", "TaskUID", "ResourceUID", "Cost", "Finish", "Start", "Units", "Work"]


def in_schema_order(names: list[str], order: list[str]) -> bool:
    positions = [order.index(name) for name in names]
    return positions == sorted(positions)


def test_mspdi_structure_follows_the_schema_order(example):
    root = project(EXPORT_KINDS["mspdi"].render(example, ".xml"))
    assert in_schema_order(child_names(root), PROJECT_ORDER)
    for task in root.iterfind("p:Tasks/p:Task", NS):
        assert in_schema_order(child_names(task), TASK_ORDER), child_names(task)
    for assignment in root.iterfind("p:Assignments/p:Assignment", NS):
        assert child_names(assignment) in (ASSIGNMENT_ORDER, ASSIGNMENT_ORDER[:-1])  # material: no work


def test_mspdi_tasks_dates_durations_milestones_and_links(example):
    root = project(EXPORT_KINDS["mspdi"].render(example, ".xml"))
    tasks = {t.findtext("p:Name", namespaces=NS): t for t in root.iterfind("p:Tasks/p:Task", NS)}
    assert len(tasks) == len(example.phases) + 1  # and the project summary task (UID 0)
    diagnostic = tasks["Diagnostic partagé (entretiens individuels)"]
    assert diagnostic.findtext("p:Start", namespaces=NS) == "2027-01-25T08:00:00"
    assert diagnostic.findtext("p:Finish", namespaces=NS) == "2027-02-19T17:00:00"
    assert diagnostic.findtext("p:Duration", namespaces=NS) == "PT160H0M0S"  # 20 working days
    link = diagnostic.find("p:PredecessorLink", NS)
    assert link.findtext("p:PredecessorUID", namespaces=NS) == "1" and link.findtext("p:Type", namespaces=NS) == "1"
    steering = tasks["Comité d'appui : validation du plan d'accompagnement"]
    assert steering.findtext("p:Milestone", namespaces=NS) == "1"
    assert steering.findtext("p:Duration", namespaces=NS) == "PT0H0M0S"
    review = tasks["Bilan collectif et questionnaires"]
    assert {l.findtext("p:PredecessorUID", namespaces=NS) for l in review.iterfind("p:PredecessorLink", NS)} == \
        {"6", "7", "9"}


def test_mspdi_partners_are_resources_with_assignments(example):
    root = project(EXPORT_KINDS["mspdi"].render(example, ".xml"))
    resources = {r.findtext("p:UID", namespaces=NS): r.findtext("p:Name", namespaces=NS)
                 for r in root.iterfind("p:Resources/p:Resource", NS)}
    assert list(resources.values()) == [p.name for p in example.partners]
    pairs = {(a.findtext("p:TaskUID", namespaces=NS), resources[a.findtext("p:ResourceUID", namespaces=NS)],
              a.findtext("p:Cost", namespaces=NS)) for a in root.iterfind("p:Assignments/p:Assignment", NS)}
    assert len(pairs) == sum(len(p.partner_ids) for p in example.phases)
    assert ("2", "Julien Lefèvre – Conseil ESS", "3250.00") in pairs


def test_mspdi_refuses_a_dependency_cycle_in_french():
    with pytest.raises(ExportError, match="les dépendances forment un cycle .*MS Project refuse les liens circulaires"):
        EXPORT_KINDS["mspdi"].render(cycle_pathway(), ".xml")


def test_mspdi_calendar_holds_holidays_and_closures(example):
    example.closures = [Closure(start=date(2027, 8, 2), end=date(2027, 8, 20), label="Été")]
    root = project(EXPORT_KINDS["mspdi"].render(example, ".xml"))
    exceptions = [(d.findtext("p:TimePeriod/p:FromDate", namespaces=NS)[:10],
                   d.findtext("p:TimePeriod/p:ToDate", namespaces=NS)[:10])
                  for d in root.iterfind("p:Calendars/p:Calendar/p:WeekDays/p:WeekDay", NS)
                  if d.findtext("p:DayType", namespaces=NS) == "0"]
    assert ("2027-05-06", "2027-05-06") in exceptions  # Ascension
    assert ("2027-07-14", "2027-07-14") in exceptions
    assert ("2027-08-02", "2027-08-20") in exceptions  # the closure, in one piece
    example.phases[8].start, example.phases[8].end = date(2027, 5, 3), date(2027, 5, 7)  # Ascension week
    root = project(EXPORT_KINDS["mspdi"].render(example, ".xml"))
    task = root.find("p:Tasks/p:Task[p:UID='9']", NS)
    assert task.findtext("p:Duration", namespaces=NS) == "PT32H0M0S"  # 4 working days, not 5


def test_mspdi_costs_per_task_and_resource_and_material_resources(example):
    root = project(EXPORT_KINDS["mspdi"].render(example, ".xml"))
    tasks = {t.findtext("p:Name", namespaces=NS): t for t in root.iterfind("p:Tasks/p:Task", NS)}
    assert tasks["Diagnostic partagé (entretiens individuels)"].findtext("p:Cost", namespaces=NS) == "3250.00"
    resources = {r.findtext("p:Name", namespaces=NS): r for r in root.iterfind("p:Resources/p:Resource", NS)}
    assert resources["Julien Lefèvre – Conseil ESS"].findtext("p:Type", namespaces=NS) == "1"
    assert resources["Julien Lefèvre – Conseil ESS"].findtext("p:Cost", namespaces=NS) == "9750.00"
    for name in ("État – DREETS Normandie (DLA)", "Théâtre de la Halle, Coutances"):
        assert resources[name].findtext("p:Type", namespaces=NS) == "0", name  # material, not 100 % work
        assert resources[name].find("p:MaxUnits", NS) is None
    total = sum(Decimal(t.findtext("p:Cost", namespaces=NS) or "0") for t in tasks.values())
    phase_costs = sum(cost_amount(c) for c in example.costs if c.phase_id)
    assert total == phase_costs


def test_mspdi_undated_tasks_are_estimated_at_the_project_start():
    root = project(EXPORT_KINDS["mspdi"].render(undated_pathway(), ".xml"))
    task = root.find("p:Tasks/p:Task[p:UID='2']", NS)
    assert task.findtext("p:Estimated", namespaces=NS) == "1"
    assert "non datée (ni dates ni durée)" in task.findtext("p:Notes", namespaces=NS)


def test_working_days():
    calendar = WorkCalendar()
    monday = date(2027, 1, 25)
    assert working_days(calendar, monday, monday + timedelta(days=4)) == 5
    assert working_days(calendar, monday, monday + timedelta(days=25)) == 20
    assert working_days(calendar, date(2027, 1, 23), date(2027, 1, 24)) == 1  # a weekend still lasts a day
    assert working_days(calendar, date(2027, 5, 3), date(2027, 5, 7)) == 4  # Ascension
