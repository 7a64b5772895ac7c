"""The evaluation summary (PDF): objectives and indicators, participation,
questionnaires, the review and the competence-framework coverage."""

from __future__ import annotations

import re
from typing import Optional

from parcours_designer.export.evaluation_answers import fed_indicators_section, questionnaires_section
from parcours_designer.export.pdf_doc import Cell, build_pdf, doc_info, missing_note, styles, table
from parcours_designer.export.pdf_text import bullets, para
from parcours_designer.export.plan_sections import cover, lines, names, phase_period, review_lists
from parcours_designer.model.entities import Indicator
from parcours_designer.model.formatting import format_measure
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.planning import Plan, plan_for
from parcours_designer.model.references import display_name

_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
REACHED, MISSED, NO_RESULT, TO_JUDGE = "Atteint", "Non atteint", "Résultat non renseigné", "À apprécier"


def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None, *,
           vigilance_points: bool = True) -> bytes:
    """The summary; ``vigilance_points=False`` leaves out the open points of the check."""
    sheet = styles()
    story = cover(pathway, sheet, "Synthèse d'évaluation")
    story += objectives_section(pathway, sheet) + fed_indicators_section(pathway, sheet)
    story += participation_section(pathway, sheet, plan_for(pathway))
    story += questionnaires_section(pathway, sheet)
    story += [para("Bilan", sheet["h1"])] + review_lists(pathway, sheet) + topics_section(pathway, sheet)
    story += coverage_section(pathway, sheet, vigilance_points)
    return build_pdf(doc_info(pathway, "Synthèse d'évaluation", "Évaluation du parcours"), story)


def _measure(value) -> Optional[float]:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    found = _NUMBER.search(str(value))
    return float(found.group().replace(",", ".")) if found else None


def indicator_status(indicator: Indicator) -> str:
    """Atteint / Non atteint when target and result are numbers, else what can be said."""
    if indicator.result is None or str(indicator.result).strip() == "":
        return NO_RESULT
    target, result = _measure(indicator.target), _measure(indicator.result)
    if target is None or result is None:
        return TO_JUDGE
    return REACHED if result >= target else MISSED


def measure_text(value) -> str:
    """A target or a result as a French reader expects it: ``2,5``, ``1 200``, or the text given."""
    return "—" if value is None or str(value).strip() == "" else format_measure(value)


def objectives_section(pathway: Pathway, sheet: dict) -> list:
    """Each indicator once, with the objectives it measures; then the objectives nothing measures."""
    story = [para("Objectifs et indicateurs", sheet["h1"])]
    if not pathway.objectives:
        return story + [missing_note("Aucun objectif n'est encore défini.", sheet)]
    objectives = pathway.index("objectives")
    if pathway.indicators:
        rows = [[i.label, lines(names(objectives, i.objective_ids)) or "—", measure_text(i.target),
                 measure_text(i.result), Cell(indicator_status(i), bold=True)] for i in pathway.indicators]
        story.append(table(("Indicateur", "Objectifs mesurés", "Cible", "Résultat", "Statut"), rows,
                           (0.26, 0.26, 0.16, 0.16, 0.16), sheet=sheet))
    measured = {oid for i in pathway.indicators for oid in i.objective_ids}
    unmeasured = [display_name(o) for o in pathway.objectives if o.id not in measured]
    if unmeasured:
        story.append(missing_note("Objectifs sans indicateur : " + " ; ".join(unmeasured) + ".", sheet))
    return story


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


def topics_section(pathway: Pathway, sheet: dict) -> list:
    story = [para("Sujets à faire remonter", sheet["h2"])]
    topics = pathway.review.topics_to_report
    if not topics:
        return story + [missing_note("Aucun sujet à faire remonter.", sheet)]
    partners = pathway.index("partners")
    rows = [[t.text, lines(names(partners, t.partner_ids)) or "—"] for t in topics]
    return story + [table(("Sujet", "À faire remonter à"), rows, (0.6, 0.4), sheet=sheet)]


def coverage_section(pathway: Pathway, sheet: dict, vigilance_points: bool = True) -> list:
    from parcours_designer.model.check import run_check
    from parcours_designer.model.errors import PathwayError
    from parcours_designer.model.frameworks import load_catalog
    from parcours_designer.paths import framework_folders

    story = [para("Couverture du référentiel de compétences", sheet["h1"])]
    try:
        framework = load_catalog(framework_folders()).require(pathway.framework)
    except PathwayError as error:
        return story + [missing_note(f"Couverture non calculée : {error}.", sheet)]
    result = run_check(pathway, framework)
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
