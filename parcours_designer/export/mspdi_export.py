"""Microsoft Project XML (MSPDI): tasks, milestones, links, partners as resources.

Follows the element order of the Project XML Data Interchange schema
(mspdi_pj12.xsd) — MS Project, ProjectLibre and GanttProject read it. Dates
are inclusive days on a Monday-to-Friday calendar (8:00–12:00, 13:00–17:00);
each task starts no earlier than its date (ConstraintType 4). Links inside a
dependency cycle are left out (MS Project refuses circular links) and the
task's notes say so; an undated phase is exported at the project's start,
marked estimated, with a note.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Optional
from xml.etree import ElementTree as ET

from parcours_designer.export.safe_text import without_control
from parcours_designer.model.budget import cost_amount
from parcours_designer.model.entities import Phase
from parcours_designer.model.gantt_layout import undated_reason
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name
from parcours_designer.model.schedule import dependency_graph

NAMESPACE = "http://schemas.microsoft.com/project"
HOURS_PER_DAY = 8
DAY_START, DAY_END = "08:00:00", "17:00:00"
FINISH_TO_START = "1"
START_NO_EARLIER_THAN = "4"
WORK_RESOURCE = "1"
DAYS_FORMAT = "7"
MAX_NAME = 512


def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None) -> bytes:
    ET.register_namespace("", NAMESPACE)
    project = ET.Element(_tag("Project"))
    start = project_start(pathway)
    _header(project, pathway, start)
    _calendars(_sub(project, "Calendars"))
    uids = {phase.id: number for number, phase in enumerate(pathway.phases, start=1)}
    looped = {pid for loop in dependency_graph(pathway.phases).cycles for pid in loop}
    tasks = _sub(project, "Tasks")
    _summary_task(tasks, pathway, start)
    for phase in pathway.phases:
        _task(tasks, phase, uids, looped, start)
    _resources(_sub(project, "Resources"), pathway)
    _assignments(_sub(project, "Assignments"), pathway, uids, start)
    ET.indent(project)
    return ET.tostring(project, encoding="utf-8", xml_declaration=True)


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _sub(parent, name: str, text: Optional[object] = None):
    element = ET.SubElement(parent, _tag(name))
    if text is not None:
        element.text = xml_text(str(text))
    return element


def xml_text(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold (control characters)."""
    return without_control(text)


def _fields(parent, *pairs: tuple[str, object]) -> None:
    for name, value in pairs:
        if value is not None:
            _sub(parent, name, value)


def project_start(pathway: Pathway) -> date:
    dated = [p.start for p in pathway.phases if p.start]
    return pathway.start or (min(dated) if dated else date.today())


def _stamp(day: date, time: str) -> str:
    return f"{day.isoformat()}T{time}"


def _header(project, pathway: Pathway, start: date) -> None:
    finishes = [p.end for p in pathway.phases if p.end and undated_reason(p) is None]
    finish = pathway.end or (max(finishes) if finishes else start)
    author = pathway.referent.name if pathway.referent and pathway.referent.name.strip() else None
    _fields(project, ("SaveVersion", 12), ("Name", _clip(pathway.title)), ("Title", _clip(pathway.title)),
            ("Author", author), ("CreationDate", datetime.now().replace(microsecond=0).isoformat()),
            ("ScheduleFromStart", 1), ("StartDate", _stamp(start, DAY_START)),
            ("FinishDate", _stamp(max(finish, start), DAY_END)), ("CurrencyDigits", 2), ("CurrencySymbol", "€"),
            ("CalendarUID", 1), ("DefaultStartTime", DAY_START), ("DefaultFinishTime", DAY_END),
            ("MinutesPerDay", HOURS_PER_DAY * 60), ("MinutesPerWeek", HOURS_PER_DAY * 60 * 5),
            ("DaysPerMonth", 20))


def _calendars(calendars) -> None:
    calendar = _sub(calendars, "Calendar")
    _fields(calendar, ("UID", 1), ("Name", "Standard"), ("IsBaseCalendar", 1), ("BaseCalendarUID", -1))
    week = _sub(calendar, "WeekDays")
    for day_type in range(1, 8):  # 1 = Sunday … 7 = Saturday
        day = _sub(week, "WeekDay")
        working = day_type not in (1, 7)
        _fields(day, ("DayType", day_type), ("DayWorking", int(working)))
        if working:
            times = _sub(day, "WorkingTimes")
            for begin, end in (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")):
                _fields(_sub(times, "WorkingTime"), ("FromTime", begin), ("ToTime", end))


def working_days(first: date, last: date) -> int:
    """Monday-to-Friday days from ``first`` to ``last`` inclusive (at least 1)."""
    count, day = 0, first
    full_weeks = (last - first).days // 7
    count += full_weeks * 5
    day = first + timedelta(days=full_weeks * 7)
    while day <= last:
        count += day.weekday() < 5
        day += timedelta(days=1)
    return max(count, 1)


def _duration(days: int) -> str:
    return f"PT{days * HOURS_PER_DAY}H0M0S"


def _summary_task(tasks, pathway: Pathway, start: date) -> None:
    task = _sub(tasks, "Task")
    _fields(task, ("UID", 0), ("ID", 0), ("Name", _clip(pathway.title)), ("Type", 1), ("IsNull", 0),
            ("OutlineNumber", 0), ("OutlineLevel", 0), ("Summary", 1))


def _dates(phase: Phase, start: date) -> tuple[date, date, bool]:
    """(first day, last day, estimated): undated phases sit at the project's start."""
    if undated_reason(phase) is not None:
        return start, start, True
    last = phase.start if phase.milestone else phase.end
    return phase.start, last, False


def _task(tasks, phase: Phase, uids: dict[str, int], looped: set[str], start: date) -> None:
    first, last, estimated = _dates(phase, start)
    uid = uids[phase.id]
    task = _sub(tasks, "Task")
    _fields(task, ("UID", uid), ("ID", uid), ("Name", _clip(display_name(phase))), ("Type", 1), ("IsNull", 0),
            ("WBS", uid), ("OutlineNumber", uid), ("OutlineLevel", 1), ("Priority", 500),
            ("Start", _stamp(first, DAY_START)),
            ("Finish", _stamp(last, DAY_START if phase.milestone else DAY_END)),
            ("Duration", "PT0H0M0S" if phase.milestone else _duration(working_days(first, last))),
            ("DurationFormat", DAYS_FORMAT), ("Estimated", int(estimated)), ("Milestone", int(phase.milestone)),
            ("Summary", 0), ("ConstraintType", START_NO_EARLIER_THAN),
            ("ConstraintDate", _stamp(first, DAY_START)))
    notes = _notes(phase, looped)
    if notes:
        _sub(task, "Notes", notes)
    for source_id in dict.fromkeys(phase.depends_on):
        if source_id in uids and not (source_id in looped and phase.id in looped):
            link = _sub(task, "PredecessorLink")
            _fields(link, ("PredecessorUID", uids[source_id]), ("Type", FINISH_TO_START), ("CrossProject", 0),
                    ("LinkLag", 0), ("LagFormat", DAYS_FORMAT))


def _notes(phase: Phase, looped: set[str]) -> str:
    lines = []
    reason = undated_reason(phase)
    if reason:
        lines.append(f"Étape {reason} dans Parcours Designer : dates provisoires.")
    if phase.id in looped:
        lines.append("Dépendances circulaires non exportées (cycle de dépendances).")
    if phase.location.strip():
        lines.append(f"Lieu : {phase.location}")
    if phase.deliverables:
        lines.append("Livrables : " + " ; ".join(phase.deliverables))
    return "\n".join(lines)


def _resources(resources, pathway: Pathway) -> None:
    for number, partner in enumerate(pathway.partners, start=1):
        resource = _sub(resources, "Resource")
        email = partner.contact.email.strip() or None
        _fields(resource, ("UID", number), ("ID", number), ("Name", _clip(display_name(partner))),
                ("Type", WORK_RESOURCE), ("IsNull", 0), ("Group", partner.kind.label), ("EmailAddress", email),
                ("MaxUnits", "1.00"))


def _assignments(assignments, pathway: Pathway, uids: dict[str, int], start: date) -> None:
    resource_uids = {partner.id: number for number, partner in enumerate(pathway.partners, start=1)}
    costs = _assignment_costs(pathway)
    number = 0
    for phase in pathway.phases:
        first, last, _estimated = _dates(phase, start)
        days = 0 if phase.milestone else working_days(first, last)
        for partner_id in dict.fromkeys(phase.partner_ids):
            number += 1
            assignment = _sub(assignments, "Assignment")
            _fields(assignment, ("UID", number), ("TaskUID", uids[phase.id]),
                    ("ResourceUID", resource_uids[partner_id]),
                    ("Cost", costs.get((phase.id, partner_id), Decimal("0.00"))),
                    ("Finish", _stamp(last, DAY_START if phase.milestone else DAY_END)),
                    ("Start", _stamp(first, DAY_START)), ("Units", 1), ("Work", _duration(days)))


def _assignment_costs(pathway: Pathway) -> dict[tuple[str, str], Decimal]:
    totals: dict[tuple[str, str], Decimal] = {}
    for cost in pathway.costs:
        if cost.phase_id and cost.partner_id:
            key = (cost.phase_id, cost.partner_id)
            totals[key] = totals.get(key, Decimal("0.00")) + cost_amount(cost)
    return totals


def _clip(text: str) -> str:
    """Names are limited to 512 characters by the schema."""
    return xml_text(text)[:MAX_NAME]
