"""The evaluation summary (PDF): objectives and indicators, participation,
questionnaires, the review and the competence-framework coverage."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any, Optional

from parcours_designer.export.evaluation_answers import fed_indicators_section, questionnaires_section
from parcours_designer.export.pdf_doc import Cell, build_pdf, doc_info, missing_note, styles, table
from parcours_designer.export.pdf_text import bullets, para
from parcours_designer.export.plan_additions import commitment_rows
from parcours_designer.export.plan_sections import cover, lines, names, phase_period, review_lists
from parcours_designer.model.deliverables import DeliverableState, deliverable_states
from parcours_designer.model.enums import DeliverableStatus
from parcours_designer.model.formatting import count_of, format_date
from parcours_designer.model.indicators import indicator_status, is_judged, target_text, with_unit
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.planning import Plan, plan_for
from parcours_designer.model.references import display_name

def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None, *,
           vigilance_points: bool = True, today: Optional[date] = None) -> bytes:
    """The summary; ``vigilance_points=False`` leaves out the open points of the check; ``today``
    (by default the real one) judges what is still awaited."""
    sheet, plan, today = styles(), plan_for(pathway), today or date.today()
    story = cover(pathway, sheet, "Synthèse d'évaluation")
    story += objectives_section(pathway, sheet) + fed_indicators_section(pathway, sheet)
    story += commitments_section(pathway, sheet)
    story += participation_section(pathway, sheet, plan)
    story += deliverables_section(pathway, sheet, deliverable_states(pathway, plan.schedule, today))
    story += questionnaires_section(pathway, sheet)
    story += [para("Bilan", sheet["h1"])] + review_lists(pathway, sheet) + topics_section(pathway, sheet)
    story += peer_exchanges_section(pathway, sheet)
    story += coverage_section(pathway, sheet, vigilance_points, today)
    return build_pdf(doc_info(pathway, "Synthèse d'évaluation", "Évaluation du parcours"), story)


JUDGED_NOTE = "(appréciation)"


def _indicator_row(indicator, objectives: dict, sheet: dict) -> list:
    """The indicator with its data source, the objectives it measures, its baseline, its target in
    its direction, its result and when it was measured, and its status."""
    measured = f"\nmesuré le {format_date(indicator.measured_on)}" if indicator.measured_on else ""
    return [indicator.label + (f"\nSource : {indicator.source}" if indicator.source.strip() else ""),
            lines(names(objectives, indicator.objective_ids)) or "—",
            with_unit(indicator.baseline, indicator.unit), target_text(indicator),
            with_unit(indicator.result, indicator.unit) + measured,
            _status_cell(indicator, sheet)]


def _status_cell(indicator, sheet: dict):
    """The status in bold; « appréciation du chargé de mission » under it when it is a judgement."""
    status = indicator_status(indicator).label
    if not is_judged(indicator):
        return Cell(status, bold=True)
    return para(JUDGED_NOTE, sheet["cell"], bold_prefix=status + "\n")


def objectives_section(pathway: Pathway, sheet: dict) -> list:
    """Each indicator once, with the objectives it measures; then the objectives nothing measures,
    or a note that no objective is written yet (the indicators are reported all the same)."""
    story = [para("Objectifs et indicateurs", sheet["h1"])]
    objectives = pathway.index("objectives")
    if pathway.indicators:
        rows = [_indicator_row(i, objectives, sheet) for i in pathway.indicators]
        story.append(table(("Indicateur", "Objectifs mesurés", "Départ", "Cible", "Résultat", "Statut"), rows,
                           (0.2, 0.2, 0.11, 0.14, 0.17, 0.18), sheet=sheet))
        if any(is_judged(i) for i in pathway.indicators):
            story.append(para("« (appréciation) » : statut apprécié par la personne chargée du parcours, "
                              "la cible et le résultat ne se comparant pas en nombres (indicateur qualitatif, "
                              "résultat en mots) ; quand ils se comparent, le statut est calculé.", sheet["note"]))
    else:
        story.append(missing_note("Aucun indicateur n'est encore défini.", sheet))
    if not pathway.objectives:
        return story + [missing_note("Aucun objectif n'est encore défini.", sheet)]
    measured = {oid for i in pathway.indicators for oid in i.objective_ids}
    unmeasured = [display_name(o) for o in pathway.objectives if o.id not in measured]
    if unmeasured:
        story.append(missing_note("Objectifs sans indicateur : " + " ; ".join(unmeasured) + ".", sheet))
    return story


def commitments_section(pathway: Pathway, sheet: dict) -> list:
    """The responsible-practice commitments and the state of their indicators."""
    story = [para("Engagements de responsabilité sociétale (RSE)", sheet["h1"])]
    if not pathway.commitments:
        return story + [missing_note("Aucun engagement RSE n'est pris pour ce parcours.", sheet)]
    header = ("Engagement", "Domaine", "Étapes", "Indicateurs")
    return story + [table(header, commitment_rows(pathway, with_status=True), (0.36, 0.16, 0.2, 0.28),
                          sheet=sheet)]


def participation_section(pathway: Pathway, sheet: dict, plan: Plan) -> list:
    story = [para("Participation par étape", sheet["h1"])]
    if not pathway.phases:
        return story + [missing_note("Aucune étape n'est encore définie.", sheet)]
    rows = [[display_name(p), phase_period(plan, p),
             Cell("non renseignée" if p.participants is None else p.participants, right=True)]
            for p in pathway.phases]
    story.append(table(("Étape", "Dates", "Participant·e·s"), rows, (0.55, 0.28, 0.17), sheet=sheet))
    size = sum(a.size or 0 for a in pathway.audiences)
    if size:
        story.append(para(f"Publics visés : {size} personnes ou structures au total.", sheet["body"]))
    return story


def deliverables_section(pathway: Pathway, sheet: dict, states: list[DeliverableState]) -> list:
    """Each phase's deliverables and their acceptance, late and refused ones flagged (none: no section)."""
    if not states:
        return []
    phases = pathway.index("phases")
    rows: list[list[Any]] = []
    flagged: list[int] = []
    previous: Optional[str] = None
    for state in states:
        deliverable = state.deliverable
        if state.late or state.refused:
            flagged.append(len(rows))
        rows.append([display_name(phases[state.phase_id]) if state.phase_id != previous else "", deliverable.title,
                     deliverable.effective_status.label, format_date(deliverable.received_on) or "—",
                     _follow_text(state, sheet)])
        previous = state.phase_id
    counts = Counter(s.deliverable.effective_status for s in states)
    summary = (f"{count_of(len(states), 'livrable')} : "
               + ", ".join(f"{count_of(counts[status], status.label.lower())}" for status in DeliverableStatus
                           if counts[status])
               + f" ; {count_of(sum(s.late for s in states), 'en retard', 'en retard')}.")
    return [para("Livrables des prestataires", sheet["h1"]), para(summary, sheet["body"]),
            table(("Étape", "Livrable", "Statut", "Reçu le", "Observations"), rows,
                  (0.23, 0.25, 0.1, 0.13, 0.29), emphasis_rows=flagged, sheet=sheet)]


def _follow_text(state: DeliverableState, sheet: dict):
    """« En retard : reçu 3 jours après la fin de l'étape » in bold, then the comment (a refusal is
    said once, in the Statut column)."""
    comment = state.deliverable.comment.strip()
    if not state.late:
        return comment or "—"
    return para(comment, sheet["cell"], bold_prefix=f"En retard : {state.delay_text()}" + ("\n" if comment else ""))


def topics_section(pathway: Pathway, sheet: dict) -> list:
    story = [para("Sujets à faire remonter", sheet["h2"])]
    topics = pathway.review.topics_to_report
    if not topics:
        return story + [missing_note("Aucun sujet à faire remonter.", sheet)]
    partners = pathway.index("partners")
    rows = [[t.text, lines(names(partners, t.partner_ids)) or "—"] for t in topics]
    return story + [table(("Sujet", "À faire remonter à"), rows, (0.6, 0.4), sheet=sheet)]


def peer_exchanges_section(pathway: Pathway, sheet: dict) -> list:
    """What the officer compared with peers, and what it changed in the pathway."""
    story = [para("Échanges avec des pairs", sheet["h2"])]
    if not pathway.peer_exchanges:
        return story + [missing_note("Aucun échange avec des pairs n'est consigné.", sheet)]
    rows = [[format_date(e.held_on) or "—", e.network or "—", e.shared or "—", e.applied or "—"]
            for e in pathway.peer_exchanges]
    header = ("Date", "Réseau ou pairs", "Ce qui a été partagé", "Ce qui en est retenu")
    return story + [table(header, rows, (0.14, 0.24, 0.33, 0.29), sheet=sheet)]


def coverage_section(pathway: Pathway, sheet: dict, vigilance_points: bool = True,
                     today: Optional[date] = None) -> list:
    from parcours_designer.model.check import run_check
    from parcours_designer.model.errors import PathwayError
    from parcours_designer.model.frameworks import load_catalog
    from parcours_designer.paths import framework_folders

    story = [para("Couverture du référentiel de compétences", sheet["h1"])]
    try:
        framework = load_catalog(framework_folders()).require(pathway.framework)
    except PathwayError as error:
        return story + [missing_note(f"Couverture non calculée : {error}.", sheet)]
    result = run_check(pathway, framework, today=today)
    story.append(para(f"{framework.title} : compétences couvertes à {result.score} %", sheet["h2"]))
    story.append(para("Ce taux mesure la part des compétences du référentiel que le parcours met en œuvre "
                      "(une compétence partiellement couverte compte pour moitié).", sheet["body"]))
    rows = [[c.competence.title, Cell(c.status.label, bold=True)] for c in result.competences]
    story.append(table(("Compétence", "Couverture"), rows, (0.78, 0.22), sheet=sheet))
    if not vigilance_points:
        return story
    story.append(para("Points de vigilance", sheet["h2"]))
    if not result.findings:
        return story + [para("Aucun point de vigilance.", sheet["body"])]
    story.append(para("Améliorations encore possibles, relevées par la vérification du parcours ; elles "
                      "n'enlèvent rien aux compétences déjà couvertes.", sheet["body"]))
    return story + bullets([f.message for f in result.findings], sheet["bullet"])
