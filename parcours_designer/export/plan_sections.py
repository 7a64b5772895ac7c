"""The sections of the plan PDF, each a function from the pathway to flowables.

Every section says plainly when the pathway does not hold its content yet.
"""

from __future__ import annotations

from typing import Iterable, Optional

from parcours_designer.export.pdf_doc import Cell, missing_note, table
from parcours_designer.export.pdf_text import bullets, para
from parcours_designer.model.entities import Phase, as_deliverable
from parcours_designer.model.formatting import (
    count_of, format_date_long, format_money, format_period, working_days_text,
)
from parcours_designer.model.indicators import target_text
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.planning import Plan
from parcours_designer.model.references import display_name
from parcours_designer.model.traceability import trace_rows


def names(index: dict, ids: Iterable[str]) -> list[str]:
    return [display_name(index[i]) for i in ids if i in index]


def lines(items: Iterable[str]) -> str:
    return "\n".join(items)


def long_period(start, end) -> str:
    if start and end:
        if start == end:
            return f"le {format_date_long(start)}"
        return f"du {format_date_long(start)} au {format_date_long(end)}"
    return format_period(start, end)


def cover(pathway: Pathway, sheet: dict, subtitle: str, audience_line: Optional[str] = None,
          addressee: str = "", plan: Optional[Plan] = None) -> list:
    """The cover page; ``addressee``: the person the document is for (« À l'attention de … »);
    with a scenario ``plan``, it says which risk the whole document assumes."""
    from reportlab.platypus import PageBreak, Spacer

    story = [Spacer(1, 120), para(subtitle, sheet["h2"]), para(pathway.title, sheet["cover_title"])]
    if audience_line:
        story.append(para(audience_line, sheet["h2"]))
    if addressee.strip():
        story.append(para(f"À l'attention de {addressee.strip()}", sheet["cover_line"]))
    if plan is not None and plan.scenario is not None:
        story.append(para(scenario_title(plan), sheet["h2"]))
        story.append(para(scenario_sentence(plan), sheet["body"]))
    facts = [("Territoire", pathway.territory), ("Édition", pathway.edition),
             ("Période", long_period(pathway.start, pathway.end) if (pathway.start or pathway.end) else "")]
    referent = pathway.referent
    if referent:
        who = " – ".join(x for x in (referent.name, referent.organisation) if x.strip())
        reach = " · ".join(x for x in (referent.email, referent.phone) if x.strip())
        facts += [("Référent·e", who), ("Contact", reach)]
    for label, value in facts:
        story.append(para(value or "non renseigné", sheet["cover_line"], bold_prefix=f"{label} : "))
    return story + [PageBreak()]


def context(pathway: Pathway, sheet: dict) -> list:
    story = [para("Contexte", sheet["h1"])]
    if pathway.summary.strip():
        story += [para(chunk, sheet["body"]) for chunk in pathway.summary.split("\n\n")]
    else:
        story.append(missing_note("Le contexte du parcours n'est pas encore rédigé.", sheet))
    return story


def audiences(pathway: Pathway, sheet: dict) -> list:
    story = [para("Publics", sheet["h1"])]
    if not pathway.audiences:
        return story + [missing_note("Aucun public n'est encore défini.", sheet)]
    rows = [[a.name, a.description, Cell("" if a.size is None else a.size, right=True)] for a in pathway.audiences]
    return story + [table(("Public", "Description", "Effectif"), rows, (0.3, 0.58, 0.12), sheet=sheet)]


def traceability(pathway: Pathway, sheet: dict) -> list:
    """Needs → objectives → phases, one row per need and objective."""
    story = [para("Des besoins aux étapes", sheet["h1"])]
    if not (pathway.needs or pathway.objectives):
        return story + [missing_note("Ni besoin ni objectif n'est encore défini.", sheet)]
    rows = []
    needs = pathway.index("needs")
    for row in trace_rows(pathway):
        priority = f" (priorité {row.need_priority.label.lower()})" if row.need_priority else ""
        need = (f"{row.need}{priority}" + (need_origin(needs[row.need_id]) if row.need_id in needs else "") if row.need is not None
                else "Aucun besoin rattaché")
        if row.objective is None:
            rows.append([need, Cell("Aucun objectif ne répond à ce besoin", bold=True), ""])
        else:
            rows.append([need, row.objective, _listed(list(row.phases))])
    return story + [table(("Besoin", "Objectif", "Étapes"), rows, (0.3, 0.35, 0.35), sheet=sheet)]


def need_origin(need) -> str:
    """« Sources : entretien, données » and the evidence, on lines of their own."""
    origin = ""
    if need.sources:
        origin += "\nSources : " + ", ".join(source.label.lower() for source in need.sources)
    if need.evidence.strip():
        origin += f"\nAppui : {need.evidence.strip()}"
    return origin


MAX_LISTED = 12


def _listed(items: list[str]) -> str:
    """A bulleted list short enough for a table cell (a row never outgrows a page)."""
    shown = [f"• {item}" for item in items[:MAX_LISTED]]
    if len(items) > MAX_LISTED:
        shown.append(f"… et {len(items) - MAX_LISTED} autres étapes (voir « Les étapes »)")
    return lines(shown) or "Aucune étape"


def scenario_title(plan: Plan) -> str:
    risk = plan.risk
    return f"Scénario : si « {display_name(risk)} » se produit" if risk is not None else ""


def scenario_sentence(plan: Plan) -> str:
    """What the scenario changes, in one French sentence (dates and money of the whole document)."""
    result = plan.scenario
    if result is None:
        return ""
    days, moved = result.end_shift, len(result.shifts)
    text = f"Tout ce document suit ce scénario : {count_of(moved, 'étape déplacée', 'étapes déplacées')}, "
    if days:
        text += f"dernière étape finie {working_days_text(days)} plus tard"
    else:
        text += "date de fin de la dernière étape inchangée"
    if result.extra_cost:
        text += f", surcoût de {format_money(result.extra_cost)} inclus dans le budget"
    return text + "."


def phase_period(plan: Plan, phase: Phase) -> str:
    """The phase's computed dates (those of the Gantt), or why it has none."""
    dates = plan.dates(phase.id)
    if dates is None:
        return f"non datée ({plan.reason(phase.id)})"
    text = format_period(*dates)
    shift = plan.scenario.shift_of(phase.id) if plan.scenario is not None else 0
    if shift:
        text += f" (décalée de {working_days_text(shift)})"
    return text


def phase_rows(pathway: Pathway, phases: list[Phase], plan: Plan) -> list[list]:
    """One row per phase, numbered as in the whole plan (a partner's version keeps the numbers)."""
    partners = pathway.index("partners")
    numbers = {p.id: n for n, p in enumerate(pathway.phases, start=1)}
    rows = []
    for phase in phases:
        number = numbers.get(phase.id, "")
        kind = " · ".join(x.label for x in (phase.kind, phase.format, phase.modality) if x)
        if phase.milestone:
            kind += " · jalon"
        who = names(partners, phase.partner_ids)
        rows.append([f"{number}. {display_name(phase)}\n{kind}",
                     phase_period(plan, phase), phase.location or "—",
                     lines(who) or "—", lines(f"• {as_deliverable(d).public_summary()}" for d in phase.deliverables) or "—"])
    return rows


PHASE_HEADER = ("Étape", "Dates", "Lieu", "Partenaires", "Livrables")
PHASE_WIDTHS = (0.27, 0.17, 0.16, 0.18, 0.22)


def phases(pathway: Pathway, sheet: dict, plan: Plan) -> list:
    """Every phase with the dates of the computed schedule (the scenario's, for a scenario plan)."""
    story = [para("Les étapes", sheet["h1"])]
    if not pathway.phases:
        return story + [missing_note("Aucune étape n'est encore définie.", sheet)]
    undated = [display_name(p) for p in pathway.phases if not plan.is_dated(p.id)]
    story.append(table(PHASE_HEADER, phase_rows(pathway, pathway.phases, plan), PHASE_WIDTHS, sheet=sheet))
    if undated:
        story.append(missing_note("Étapes non datées : " + ", ".join(undated) + ".", sheet))
    return story


def partners(pathway: Pathway, sheet: dict) -> list:
    story = [para("Partenaires", sheet["h1"])]
    if not pathway.partners:
        return story + [missing_note("Aucun partenaire n'est encore défini.", sheet)]
    rows = []
    for partner in pathway.partners:
        contact = partner.contact
        reach = lines(x for x in (contact.name, contact.email, contact.phone) if x.strip())
        rows.append([f"{display_name(partner)}\n{partner.kind.label}", partner.role or "—",
                     partner.status.label, reach or "—"])
    return story + [table(("Partenaire", "Rôle", "Statut", "Contact"), rows, (0.28, 0.32, 0.1, 0.3), sheet=sheet)]


def indicators(pathway: Pathway, sheet: dict) -> list:
    story = [para("Indicateurs d'évaluation", sheet["h1"])]
    if not pathway.indicators:
        return story + [missing_note("Aucun indicateur n'est encore défini.", sheet)]
    objectives = pathway.index("objectives")
    partners = pathway.index("partners")
    rows = [[i.label, lines(names(objectives, i.objective_ids)) or "—", i.kind.label if i.kind else "—",
             target_text(i), _method(i, partners)] for i in pathway.indicators]
    header = ("Indicateur", "Objectifs", "Type", "Cible", "Méthode")
    return story + [table(header, rows, (0.25, 0.28, 0.14, 0.13, 0.2), sheet=sheet)]


def _method(indicator, partners: dict) -> str:
    """The method, the data source and the partners who built the indicator."""
    parts = [indicator.method or "—"]
    if indicator.source.strip():
        parts.append(f"Source : {indicator.source.strip()}")
    if indicator.partner_ids:
        parts.append("Construit avec : " + ", ".join(names(partners, indicator.partner_ids)))
    return lines(parts)


def risks(pathway: Pathway, sheet: dict) -> list:
    story = [para("Imprévus et scénarios", sheet["h1"])]
    if not pathway.risks:
        return story + [missing_note("Aucun risque n'est encore identifié.", sheet)]
    phase_index = pathway.index("phases")
    rows = [[r.description, r.likelihood.label, r.impact.label, r.mitigation or "—",
             lines(names(phase_index, r.phase_ids)) or "—",
             Cell(count_of(r.delay_days, "jour") if r.delay_days else "—", right=True)] for r in pathway.risks]
    header = ("Risque", "Probabilité", "Impact", "Mesures", "Étapes touchées", "Retard")
    return story + [table(header, rows, (0.2, 0.14, 0.1, 0.27, 0.19, 0.1), sheet=sheet)]


def review_lists(pathway: Pathway, sheet: dict) -> list:
    review = pathway.review
    story = []
    for title, items in (("Points forts", review.strengths), ("Points à améliorer", review.improvements),
                         ("Ajustements pour la prochaine édition", review.adjustments)):
        story.append(para(title, sheet["h2"]))
        story += bullets(items, sheet["bullet"]) if items else [missing_note("Non renseigné.", sheet)]
    return story
