"""The cahier des charges (A4 PDF) sent to the providers a consultation asks.

Context and structures concerned, what is bought and why (needs and
objectives served by the phases bought), each phase bought (format,
modality, participants, dates of the computed schedule, place,
deliverables), the budget ceiling when the officer shows it, the selection
criteria and their weights, how and when to answer, whom to contact.
Without a consultation id, one cahier des charges per consultation follows
the other in the same document.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

from parcours_designer.export.pdf_doc import Cell, build_pdf, doc_info, missing_note, styles, table
from parcours_designer.export.pdf_text import bullets, para
from parcours_designer.export.plan_sections import long_period
from parcours_designer.model.consultations import Consultation
from parcours_designer.model.formatting import format_date_long, format_money, format_percent
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name
from parcours_designer.model.schedule import compute_schedule
from parcours_designer.model.specifications import BoughtPhase, Specification, chosen_consultations, specification

TITLE = "Cahier des charges"


def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None,
           consultation_id: Optional[str] = None) -> bytes:
    from reportlab.platypus import PageBreak

    sheet = styles()
    schedule = compute_schedule(pathway)
    consultations = chosen_consultations(pathway, consultation_id)
    story: list = []
    for consultation in consultations:
        if story:
            story.append(PageBreak())
        story += consultation_story(pathway, specification(pathway, consultation, schedule), sheet)
    name = TITLE if len(consultations) > 1 else f"{TITLE} – {display_name(consultations[0])}"
    return build_pdf(doc_info(pathway, name, "Cahier des charges d'une consultation de prestataires"), story)


def consultation_story(pathway: Pathway, spec: Specification, sheet: dict) -> list:
    sections = [("Contexte", _context(pathway, spec, sheet)),
                ("Objet de la consultation", _purpose(spec, sheet)),
                ("Besoins et objectifs visés", _aims(spec, sheet)),
                ("Prestations attendues", _phases(spec, sheet))]
    ceiling = spec.consultation.budget_ceiling
    if spec.consultation.show_budget_ceiling and ceiling is not None:
        sections.append(("Budget", _budget(ceiling, sheet)))
    sections += [("Critères de sélection des offres", _criteria(spec.consultation, sheet)),
                 ("Modalités de réponse", _answer(spec.consultation, sheet)),
                 ("Contact", _contact(pathway, sheet))]
    story = _heading(pathway, spec.consultation, sheet)
    for number, (title, flowables) in enumerate(sections, start=1):
        story += [para(f"{number}. {title}", sheet["h1"]), *flowables]
    return story


def _heading(pathway: Pathway, consultation: Consultation, sheet: dict) -> list:
    story = [para(TITLE, sheet["h2"]), para(display_name(consultation), sheet["cover_title"])]
    facts = [("Parcours", pathway.title), ("Territoire", pathway.territory), ("Édition", pathway.edition),
             ("Consultation lancée le", format_date_long(consultation.sent_on)),
             ("Date limite de réponse", format_date_long(consultation.deadline))]
    for label, value in facts:
        if value.strip():
            story.append(para(value, sheet["cover_line"], bold_prefix=f"{label} : "))
    return story


def _paragraphs(text: str, sheet: dict, missing: str) -> list:
    if not text.strip():
        return [missing_note(missing, sheet)]
    return [para(chunk.strip(), sheet["body"]) for chunk in text.split("\n\n") if chunk.strip()]


def _context(pathway: Pathway, spec: Specification, sheet: dict) -> list:
    story = _paragraphs(pathway.summary, sheet, "Le contexte du parcours n'est pas encore rédigé.")
    story.append(para("Structures concernées", sheet["h2"]))
    if not spec.audiences:
        return story + [missing_note("Les publics du parcours ne sont pas encore définis.", sheet)]
    rows = [[a.name, a.description or "—", Cell("" if a.size is None else a.size, right=True)]
            for a in spec.audiences]
    return story + [table(("Public", "Description", "Effectif"), rows, (0.3, 0.58, 0.12), sheet=sheet)]


def _purpose(spec: Specification, sheet: dict) -> list:
    return _paragraphs(spec.consultation.description, sheet, "L'objet de la consultation n'est pas encore rédigé.")


def _aims(spec: Specification, sheet: dict) -> list:
    if not spec.objectives:
        return [missing_note("Les étapes achetées ne sont rattachées à aucun objectif.", sheet)]
    needs = {n.id: n for n in spec.needs}
    rows = []
    for objective in spec.objectives:
        answered = [f"• {display_name(needs[i])} ({needs[i].priority.label.lower()})"
                    for i in objective.need_ids if i in needs]
        phases = [f"• {display_name(p)}" for p in spec.phases_serving(objective.id)]
        rows.append([display_name(objective), "\n".join(answered) or "—", "\n".join(phases)])
    header = ("Objectif", "Besoins auxquels il répond (priorité)", "Étapes achetées qui le servent")
    return [table(header, rows, (0.34, 0.36, 0.3), sheet=sheet)]


def _phases(spec: Specification, sheet: dict) -> list:
    if not spec.phases:
        return [missing_note("La consultation ne nomme encore aucune étape à acheter.", sheet)]
    story = []
    for number, bought in enumerate(spec.phases, start=1):
        story += [para(f"Étape {number} : {display_name(bought.phase)}", sheet["h2"]),
                  table(("Élément", "Attendu"), _phase_facts(bought), (0.3, 0.7), sheet=sheet)]
    return story


def _phase_facts(bought: BoughtPhase) -> list[list]:
    phase = bought.phase
    participants = "non précisé" if phase.participants is None else str(phase.participants)
    deliverables = "\n".join(f"• {d}" for d in phase.deliverables) or "—"
    return [["Nature", phase.kind.label],
            ["Format", phase.format.label if phase.format else "non précisé"],
            ["Modalité", phase.modality.label if phase.modality else "non précisée"],
            ["Participant·e·s attendu·e·s", participants],
            ["Dates", long_period(bought.start, bought.end) if (bought.start or bought.end) else "à fixer"],
            ["Lieu", phase.location or "à fixer"],
            ["Livrables attendus", deliverables]]


def _budget(ceiling: Decimal, sheet: dict) -> list:
    return [para(f"Le budget maximal consacré à ces prestations est de {format_money(ceiling)}.",
                 sheet["body"])]


def _criteria(consultation: Consultation, sheet: dict) -> list:
    if not consultation.criteria:
        return [missing_note("Les critères de sélection ne sont pas encore définis.", sheet)]
    total = sum(c.weight for c in consultation.criteria)
    rows = [[display_name(c), Cell(c.weight, right=True),
             Cell(format_percent(_share(c.weight, total), signed=False), right=True)] for c in consultation.criteria]
    from reportlab.platypus import Spacer

    return [table(("Critère", "Pondération", "Part de la note"), rows, (0.6, 0.18, 0.22), sheet=sheet), Spacer(1, 6),
            para("Chaque offre reçoit une note de 0 à 5 sur chaque critère ; sa note finale, sur 5, est la moyenne "
                 "de ces notes pondérée par les coefficients ci-dessus.", sheet["body"])]


def _share(weight: int, total: int):
    from decimal import Decimal

    return (Decimal(weight) * 100 / Decimal(total)).quantize(Decimal("0.1"))


def _answer(consultation: Consultation, sheet: dict) -> list:
    story = []
    if consultation.deadline:
        story.append(para(format_date_long(consultation.deadline), sheet["body"],
                          bold_prefix="Date limite de réception des offres : "))
    else:
        story.append(missing_note("La date limite de réponse n'est pas encore fixée.", sheet))
    return story + _paragraphs(consultation.response_instructions, sheet,
                               "Les modalités de réponse ne sont pas encore rédigées.")


def _contact(pathway: Pathway, sheet: dict) -> list:
    referent = pathway.referent
    if referent is None or not any(x.strip() for x in (referent.name, referent.email, referent.phone)):
        return [missing_note("La personne à contacter n'est pas encore renseignée.", sheet)]
    facts = [("Personne à contacter", referent.name), ("Structure", referent.organisation),
             ("Courriel", referent.email), ("Téléphone", referent.phone)]
    return bullets([f"{label} : {value}" for label, value in facts if value.strip()], sheet["bullet"])
