"""Microsoft Project XML (MSPDI): tasks, milestones, links, partners as resources.

Follows the element order of the Project XML Data Interchange schema
(mspdi_pj12.xsd) — MS Project, ProjectLibre and GanttProject read it. Dates
are inclusive days on a Monday-to-Friday calendar (8:00–12:00, 13:00–17:00)
whose exceptions are the French public holidays and the pathway's closures,
so durations count working days as the planning does; each task starts no
earlier than its date (ConstraintType 4), the date of the computed schedule
(:func:`~parcours_designer.model.planning.plan_for`), as on the Planning page. A dependency cycle is refused
(MS Project refuses circular links); an undated phase is exported at the
project's start, marked estimated, with a note. Costs: each task carries its
phase's charges (those of no resource as fixed cost), each assignment and
resource the charges of its partner. Consultants and other people are work
resources; funders and venues, who do not work on a task, are material
resources.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Optional
from xml.etree import ElementTree as ET

from parcours_designer.export.safe_text import without_control
from parcours_designer.model.budget import ZERO, cost_amount
from parcours_designer.model.calendar import WorkCalendar
from parcours_designer.model.entities import Phase
from parcours_designer.model.enums import PartnerKind
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.planning import Plan, plan_for
from parcours_designer.model.references import display_name

NAMESPACE = "http://schemas.microsoft.com/project"
HOURS_PER_DAY = 8
DAY_START, DAY_END = "08:00:00", "17:00:00"
FINISH_TO_START = "1"
START_NO_EARLIER_THAN = "4"
WORK_RESOURCE, MATERIAL_RESOURCE = "1", "0"
DAYS_FORMAT = "7"
MAX_NAME = 512


def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None) -> bytes:
    plan = plan_for(pathway)
    refuse_cycles(pathway, plan)
    ET.register_namespace("", NAMESPACE)
    project = ET.Element(_tag("Project"))
    start = project_start(pathway, plan)
    finish = _header(project, pathway, plan, start)
    calendar = WorkCalendar.for_pathway(pathway)
    _calendars(_sub(project, "Calendars"), calendar.non_working(start, finish))
    uids = {phase.id: number for number, phase in enumerate(pathway.phases, start=1)}
    money = Costs.of(pathway)
    tasks = _sub(project, "Tasks")
    _summary_task(tasks, pathway, start)
    for phase in pathway.phases:
        _task(tasks, phase, uids, calendar, _dates(plan, phase, start), money, plan.reason(phase.id))
    _resources(_sub(project, "Resources"), pathway, money)
    _assignments(_sub(project, "Assignments"), pathway, uids, calendar, money, {
        phase.id: _dates(plan, phase, start) for phase in pathway.phases})
    ET.indent(project)
    return ET.tostring(project, encoding="utf-8", xml_declaration=True)


def refuse_cycles(pathway: Pathway, plan: Plan) -> None:
    """A dependency cycle cannot be exported: one French message naming its phases."""
    cycles = plan.cycles
    if not cycles:
        return
    from parcours_designer.export.errors import ExportError

    names = pathway.index("phases")
    loop = " → ".join(f"« {display_name(names[pid])} »" for pid in cycles[0])
    raise ExportError(f"Microsoft Project XML : les dépendances forment un cycle ({loop}) ; MS Project refuse "
                      "les liens circulaires. Corrigez les dépendances de ces étapes puis exportez à nouveau")


@dataclass
class Costs:
    """The charges of each phase, of each (phase, partner) pair and of each partner."""

    by_phase: dict[str, Decimal]
    by_assignment: dict[tuple[str, str], Decimal]
    by_partner: dict[str, Decimal]

    @classmethod
    def of(cls, pathway: Pathway) -> "Costs":
        costs = cls({}, {}, {})
        assigned = {(p.id, pid) for p in pathway.phases for pid in p.partner_ids}
        for cost in pathway.costs:
            amount = cost_amount(cost)
            if cost.phase_id:
                costs.by_phase[cost.phase_id] = costs.by_phase.get(cost.phase_id, ZERO) + amount
            key = (cost.phase_id or "", cost.partner_id or "")
            if key in assigned:
                costs.by_assignment[key] = costs.by_assignment.get(key, ZERO) + amount
                costs.by_partner[key[1]] = costs.by_partner.get(key[1], ZERO) + amount
        return costs

    def fixed(self, phase_id: str) -> Decimal:
        """The phase's charges that no assignment carries."""
        carried = sum((v for (ph, _p), v in self.by_assignment.items() if ph == phase_id), ZERO)
        return self.by_phase.get(phase_id, ZERO) - carried


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


def project_start(pathway: Pathway, plan: Plan) -> date:
    return pathway.start or plan.schedule.start or date.today()


def _stamp(day: date, time: str) -> str:
    return f"{day.isoformat()}T{time}"


def _header(project, pathway: Pathway, plan: Plan, start: date) -> date:
    """The project's fields; returns its finish date."""
    finish = pathway.end or plan.schedule.end or start
    author = pathway.referent.name if pathway.referent and pathway.referent.name.strip() else None
    _fields(project, ("SaveVersion", 12), ("Name", _clip(pathway.title)), ("Title", _clip(pathway.title)),
            ("Author", author), ("CreationDate", datetime.now().replace(microsecond=0).isoformat()),
            ("ScheduleFromStart", 1), ("StartDate", _stamp(start, DAY_START)),
            ("FinishDate", _stamp(max(finish, start), DAY_END)), ("CurrencyDigits", 2), ("CurrencySymbol", "€"),
            ("CalendarUID", 1), ("DefaultStartTime", DAY_START), ("DefaultFinishTime", DAY_END),
            ("MinutesPerDay", HOURS_PER_DAY * 60), ("MinutesPerWeek", HOURS_PER_DAY * 60 * 5),
            ("DaysPerMonth", 20))
    return max(finish, start)


def _calendars(calendars, days_off: list[tuple[date, str]]) -> None:
    """The standard week, then one exception (DayType 0) per public holiday or closure on a weekday."""
    calendar = _sub(calendars, "Calendar")
    _fields(calendar, ("UID", 1), ("Name", "Standard"), ("IsBaseCalendar", 1), ("BaseCalendarUID", -1))
    week = _sub(calendar, "WeekDays")
    for first, last in _ranges([day for day, reason in days_off if reason != "week-end"]):
        exception = _sub(week, "WeekDay")
        _fields(exception, ("DayType", 0), ("DayWorking", 0))
        _fields(_sub(exception, "TimePeriod"), ("FromDate", _stamp(first, "00:00:00")),
                ("ToDate", _stamp(last, "23:59:00")))
    for day_type in range(1, 8):  # 1 = Sunday … 7 = Saturday
        day = _sub(week, "WeekDay")
        working = day_type not in (1, 7)
        _fields(day, ("DayType", day_type), ("DayWorking", int(working)))
        if working:
            times = _sub(day, "WorkingTimes")
            for begin, end in (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")):
                _fields(_sub(times, "WorkingTime"), ("FromTime", begin), ("ToTime", end))


def _ranges(days: list[date]) -> list[tuple[date, date]]:
    """Consecutive days gathered: [(first, last), …]."""
    ranges: list[tuple[date, date]] = []
    for day in sorted(days):
        if ranges and ranges[-1][1] + timedelta(days=1) == day:
            ranges[-1] = (ranges[-1][0], day)
        else:
            ranges.append((day, day))
    return ranges


def working_days(calendar: WorkCalendar, first: date, last: date) -> int:
    """Working days from ``first`` to ``last`` inclusive (at least 1): no weekend, holiday or closure."""
    return max(calendar.count(first, last), 1)


def _duration(days: int) -> str:
    return f"PT{days * HOURS_PER_DAY}H0M0S"


def _summary_task(tasks, pathway: Pathway, start: date) -> None:
    task = _sub(tasks, "Task")
    _fields(task, ("UID", 0), ("ID", 0), ("Name", _clip(pathway.title)), ("Type", 1), ("IsNull", 0),
            ("OutlineNumber", 0), ("OutlineLevel", 0), ("Summary", 1))


def _dates(plan: Plan, phase: Phase, start: date) -> tuple[date, date, bool]:
    """(first day, last day, estimated) from the computed schedule (the dates of the Planning page):
    unscheduled phases sit at the project's start."""
    dates = plan.dates(phase.id)
    if dates is None:
        return start, start, True
    first, last = dates
    return first, first if phase.milestone else last, False


def _task(tasks, phase: Phase, uids: dict[str, int], calendar: WorkCalendar, dates: tuple[date, date, bool],
          money: Costs, reason: Optional[str]) -> None:
    first, last, estimated = dates
    uid = uids[phase.id]
    task = _sub(tasks, "Task")
    _fields(task, ("UID", uid), ("ID", uid), ("Name", _clip(display_name(phase))), ("Type", 1), ("IsNull", 0),
            ("WBS", uid), ("OutlineNumber", uid), ("OutlineLevel", 1), ("Priority", 500),
            ("Start", _stamp(first, DAY_START)),
            ("Finish", _stamp(last, DAY_START if phase.milestone else DAY_END)),
            ("Duration", "PT0H0M0S" if phase.milestone else _duration(working_days(calendar, first, last))),
            ("DurationFormat", DAYS_FORMAT), ("Estimated", int(estimated)), ("Milestone", int(phase.milestone)),
            ("Summary", 0), ("FixedCost", money.fixed(phase.id)), ("FixedCostAccrual", 3),
            ("Cost", money.by_phase.get(phase.id, ZERO)), ("ConstraintType", START_NO_EARLIER_THAN),
            ("ConstraintDate", _stamp(first, DAY_START)))
    notes = _notes(phase, reason)
    if notes:
        _sub(task, "Notes", notes)
    for source_id in dict.fromkeys(phase.depends_on):
        if source_id in uids:
            link = _sub(task, "PredecessorLink")
            _fields(link, ("PredecessorUID", uids[source_id]), ("Type", FINISH_TO_START), ("CrossProject", 0),
                    ("LinkLag", 0), ("LagFormat", DAYS_FORMAT))


def _notes(phase: Phase, reason: Optional[str]) -> str:
    lines = []
    if reason:
        lines.append(f"Étape {reason} dans Parcours Designer : dates provisoires.")
    if phase.location.strip():
        lines.append(f"Lieu : {phase.location}")
    if phase.deliverables:
        lines.append("Livrables : " + " ; ".join(str(d) for d in phase.deliverables))
    return "\n".join(lines)


def is_worker(partner) -> bool:
    """Funders and venues take part without working on the task: material resources."""
    return partner.kind not in (PartnerKind.FUNDER, PartnerKind.VENUE)


def _resources(resources, pathway: Pathway, money: Costs) -> None:
    for number, partner in enumerate(pathway.partners, start=1):
        resource = _sub(resources, "Resource")
        email = partner.contact.email.strip() or None
        worker = is_worker(partner)
        _fields(resource, ("UID", number), ("ID", number), ("Name", _clip(display_name(partner))),
                ("Type", WORK_RESOURCE if worker else MATERIAL_RESOURCE), ("IsNull", 0),
                ("Group", partner.kind.label), ("EmailAddress", email), ("MaxUnits", "1.00" if worker else None),
                ("Cost", money.by_partner.get(partner.id, ZERO)))


def _assignments(assignments, pathway: Pathway, uids: dict[str, int], calendar: WorkCalendar, money: Costs,
                 dates: dict[str, tuple[date, date, bool]]) -> None:
    partners = {partner.id: (number, partner) for number, partner in enumerate(pathway.partners, start=1)}
    number = 0
    for phase in pathway.phases:
        first, last, _estimated = dates[phase.id]
        days = 0 if phase.milestone else working_days(calendar, first, last)
        for partner_id in dict.fromkeys(phase.partner_ids):
            number += 1
            resource_uid, partner = partners[partner_id]
            assignment = _sub(assignments, "Assignment")
            _fields(assignment, ("UID", number), ("TaskUID", uids[phase.id]), ("ResourceUID", resource_uid),
                    ("Cost", money.by_assignment.get((phase.id, partner_id), ZERO)),
                    ("Finish", _stamp(last, DAY_START if phase.milestone else DAY_END)),
                    ("Start", _stamp(first, DAY_START)), ("Units", 1),
                    ("Work", _duration(days) if is_worker(partner) else None))


def _clip(text: str) -> str:
    """Names are limited to 512 characters by the schema."""
    return xml_text(text)[:MAX_NAME]
