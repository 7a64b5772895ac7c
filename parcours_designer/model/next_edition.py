"""« Nouvelle édition »: next year's pathway made from this one.

Dates move by whole weeks to the same weekday about a year later (so the
rhythm of the pathway is kept), then each phase starts on a working day and
keeps its length in working days (French public holidays and the closures,
themselves moved to the same dates a year later). What belongs to this
edition is cleared: answers, actual dates and statuses, baselines, results,
funding decisions (every grant is to request again), the bilan. The bilan's
adjustments, and the checklist items not yet done, become the new pathway's
checklist; ``previous_edition`` names this one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from parcours_designer.model.calendar import WorkCalendar
from parcours_designer.model.copies import MONEY_RESULTS, to_do_again
from parcours_designer.model.entities import ChecklistItem, Closure, Cost, EditionLink, Funding, Phase, Review
from parcours_designer.model.enums import FundingStatus
from parcours_designer.model.pathway import Pathway, new_uid
from parcours_designer.model.shift import reference_start, shift_dates

# Fields of later additions that hold this edition's results, cleared when present.
RESULT_FIELDS = {"indicators": ("result", "measured_on", "assessment"),
                 "costs": MONEY_RESULTS[Cost], "funding": MONEY_RESULTS[Funding]}


def year_later(day: date) -> date:
    """The same calendar date a year later (29 February → 28 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def weeks_to_next_year(pathway: Pathway) -> timedelta:
    """Whole weeks bringing the pathway's start nearest to its anniversary (52 most years)."""
    start = reference_start(pathway)
    if start is None:
        return timedelta(weeks=52)
    return timedelta(weeks=round((year_later(start) - start).days / 7))


def next_edition(pathway: Pathway, source_name: str = "") -> Pathway:
    """Next year's pathway; ``source_name`` is this edition's file name, kept in the link."""
    old_calendar = WorkCalendar.for_pathway(pathway)
    new = shift_dates(pathway, weeks_to_next_year(pathway))
    new.closures = [Closure(start=year_later(c.start), end=year_later(c.end), label=c.label)
                    for c in pathway.closures]
    new_calendar = WorkCalendar.for_pathway(new)
    for old, phase in zip(pathway.phases, new.phases):
        _place_phase(old, phase, old_calendar, new_calendar)
    if new.start is not None and not new_calendar.is_working(new.start):
        new.start = new_calendar.day(new_calendar.ceil(new.start))
    ends = [p.end for p in new.phases if p.end is not None]
    if new.end is not None and ends and max(ends) > new.end:
        new.end = max(ends)
    _clear_results(new)
    new.edition = next_edition_name(pathway.edition, pathway)
    new.previous_edition = EditionLink(uid=pathway.uid, title=pathway.title, edition=pathway.edition,
                                       file=source_name)
    new.checklist = carried_checklist(pathway)
    new.review = Review()
    new.uid = new_uid()
    return new


def _place_phase(old: Phase, phase: Phase, old_calendar: WorkCalendar, new_calendar: WorkCalendar) -> None:
    """Start on a working day; keep the length in working days."""
    if phase.start is None:
        return
    phase.start = new_calendar.day(new_calendar.ceil(phase.start))
    if phase.end is None or old.end is None or old.start is None:
        return
    length = old_calendar.count(old.start, old.end)
    phase.end = new_calendar.slide(phase.start, length - 1) if length >= 1 else max(phase.end, phase.start)


def _clear_results(new: Pathway) -> None:
    new.baseline_saved_on = None
    for phase in new.phases:
        to_do_again(phase)
    for funding in new.funding:  # next year's grants are to request again
        funding.status = FundingStatus.REQUESTED
    for list_name, fields in RESULT_FIELDS.items():
        for item in getattr(new, list_name):
            for name in fields:
                if name in type(item).model_fields:
                    setattr(item, name, None)
    for questionnaire in new.questionnaires:
        questionnaire.responses = []
    for consultation in getattr(new, "consultations", []):
        consultation.offers = []
        consultation.selected_offer_id = None


def carried_checklist(pathway: Pathway) -> list[ChecklistItem]:
    """The bilan's adjustments, after the previous checklist's items not yet done."""
    items = [item.model_copy() for item in pathway.checklist if not item.done]
    known = {item.text for item in items}
    items += [ChecklistItem(text=text) for text in pathway.review.adjustments if text.strip() and text not in known]
    return items


def next_edition_name(edition: str, pathway: Optional[Pathway] = None) -> str:
    """« 2027 » → « 2028 », « 2026-2027 » → « 2027-2028 »; else the year after the start."""
    if re.search(r"\d{4}", edition):
        return re.sub(r"\d{4}", lambda found: str(int(found.group()) + 1), edition)
    start = reference_start(pathway) if pathway is not None else None
    return str(start.year + 1) if start is not None and not edition.strip() else edition
