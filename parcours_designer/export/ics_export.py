"""The calendar: one all-day event per scheduled phase (iCalendar, RFC 5545).

Events take the dates of the computed schedule (:func:`plan_for`), the
dates the Planning page and every other document show.

UIDs are derived from the pathway and phase ids, so importing the file a
second time updates the events instead of duplicating them; every event
carries DTSTAMP and a SEQUENCE that grows with each export (the minutes
since 1 January 2020), so that calendar clients take the newer version.
``DTEND`` is exclusive: the day after the phase's (inclusive) last day. A
calendar without any dated phase is refused (RFC 5545 wants at least one
component).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone
from typing import Optional

from parcours_designer.export.errors import ExportError
from parcours_designer.export.safe_text import without_control_bytes
from parcours_designer.model.entities import Phase
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.planning import Plan, plan_for
from parcours_designer.model.references import display_name

PRODID = "-//Parcours Designer//Parcours Designer//FR"
UID_DOMAIN = "parcours-designer"


def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None) -> bytes:
    from icalendar import Calendar, vText

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # X- properties are written raw unless typed: as text, « , ; \\ » and line breaks are escaped.
    calendar.add("x-wr-calname", vText(_calendar_name(pathway, partner_id)))
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    plan = plan_for(pathway)
    calendar.add("x-wr-caldesc", vText(_calendar_description(pathway, partner_id, plan)))
    dated = [(p, dates) for p in selected_phases(pathway, partner_id) if (dates := plan.dates(p.id))]
    if not dated:
        raise ExportError(_nothing_dated(pathway, partner_id))
    for phase, dates in dated:
        calendar.add_component(phase_event(pathway, phase, dates, stamp))
    return without_control_bytes(calendar.to_ical())


SEQUENCE_ORIGIN = datetime(2020, 1, 1, tzinfo=timezone.utc)


def sequence_number(stamp: datetime) -> int:
    """A SEQUENCE that grows with every export: minutes since 1 January 2020."""
    return max(0, int((stamp - SEQUENCE_ORIGIN).total_seconds() // 60))


def _nothing_dated(pathway: Pathway, partner_id: Optional[str]) -> str:
    if partner_id is None:
        whose = "aucune étape du parcours n'est datée"
    else:
        whose = f"aucune étape datée ne mobilise « {display_name(pathway.index('partners')[partner_id])} »"
    return (f"Calendrier (iCalendar) : {whose} ; un calendrier sans événement n'est pas valide. "
            "Datez au moins une étape (un début, avec une fin ou une durée) puis exportez à nouveau")


def selected_phases(pathway: Pathway, partner_id: Optional[str]) -> list[Phase]:
    if partner_id is None:
        return list(pathway.phases)
    return [p for p in pathway.phases if partner_id in p.partner_ids]


def pathway_key(pathway: Pathway) -> str:
    """A stable key of the pathway: its ``uid``, else its title, territory and edition."""
    if pathway.uid:
        return pathway.uid
    text = "\x1f".join((pathway.title, pathway.territory, pathway.edition))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def phase_uid(pathway: Pathway, phase: Phase) -> str:
    return f"{pathway_key(pathway)}-{phase.id}@{UID_DOMAIN}"


def phase_event(pathway: Pathway, phase: Phase, dates: tuple[date, date], stamp: datetime):
    """The all-day event of ``phase`` over its computed ``dates`` (first and last day)."""
    from icalendar import Event

    event = Event()
    event.add("uid", phase_uid(pathway, phase))
    event.add("dtstamp", stamp)
    event.add("sequence", sequence_number(stamp))
    event.add("summary", display_name(phase))
    first, last = dates
    event.add("dtstart", first)
    event.add("dtend", (first if phase.milestone else last) + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    if phase.location.strip():
        event.add("location", phase.location)
    event.add("description", describe(pathway, phase))
    event.add("categories", [phase.kind.label])
    return event


def describe(pathway: Pathway, phase: Phase) -> str:
    """Objectives, place, partners and deliverables, as plain French text."""
    objectives = pathway.index("objectives")
    partners = pathway.index("partners")
    lines = [f"Parcours : {pathway.title}", f"Type : {phase.kind.label}"]
    if phase.format or phase.modality:
        lines.append("Format : " + " – ".join(x.label for x in (phase.format, phase.modality) if x))
    if phase.location.strip():
        lines.append(f"Lieu : {phase.location}")
    goals = [display_name(objectives[i]) for i in phase.objective_ids if i in objectives]
    if goals:
        lines += ["Objectifs :"] + [f"- {g}" for g in goals]
    people = [_partner_line(partners[i]) for i in phase.partner_ids if i in partners]
    if people:
        lines += ["Partenaires :"] + [f"- {p}" for p in people]
    if phase.deliverables:
        lines += ["Livrables :"] + [f"- {d}" for d in phase.deliverables]
    return "\n".join(lines)


def _partner_line(partner) -> str:
    contact = partner.contact
    details = ", ".join(x for x in (contact.name, contact.email, contact.phone) if x.strip())
    return f"{display_name(partner)} ({details})" if details else display_name(partner)


def _calendar_name(pathway: Pathway, partner_id: Optional[str]) -> str:
    if partner_id is None:
        return pathway.title
    return f"{pathway.title} – {display_name(pathway.index('partners')[partner_id])}"


def _calendar_description(pathway: Pathway, partner_id: Optional[str], plan: Plan) -> str:
    undated = [display_name(p) for p in selected_phases(pathway, partner_id) if not plan.is_dated(p.id)]
    text = "Calendrier des étapes du parcours (événements sur la journée entière)."
    if undated:
        text += " Étapes non datées, absentes du calendrier : " + ", ".join(undated) + "."
    return text
