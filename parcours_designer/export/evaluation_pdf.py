"""The evaluation summary (PDF): objectives and indicators, participation,
questionnaires, the review and the competence-framework coverage."""

from __future__ import annotations

import re
from typing import Optional

from parcours_designer.export.evaluation_answers import fed_indicators_section, questionnaires_section
from parcours_designer.export.pdf_doc import Cell, build_pdf, doc_info, missing_note, styles, table
from parcours_designer.export.pdf_text import bullets, para
from parcours_designer.export.plan_sections import cover, lines, names, review_lists
from parcours_designer.model.entities import Indicator
from parcours_designer.model.formatting import format_period
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name

_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
REACHED, MISSED, NO_RESULT, TO_JUDGE = "Atteint", "Non atteint", "Résultat non renseigné", "À apprécier"


def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None) -> bytes:
    sheet = styles()
    story = cover(pathway, sheet, "Synthèse d'évaluation")
    story += objectives_section(pathway, sheet) + fed_indicators_section(pathway, sheet)
    story += participation_section(pathway, sheet)
    story += questionnaires_section(pathway, sheet)
    story += [para("Bilan", sheet["h1"])] + review_lists(pathway, sheet) + topics_section(pathway, sheet)
    story += coverage_section(pathway, sheet)
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


def _text(value) -> str:
    return "—" if value is None or str(value).strip() == "" else str(value)


def objectives_section(pathway: Pathway, sheet: dict) -> list:
    story = [para("Objectifs et indicateurs", sheet["h1"])]
    if not pathway.objectives:
        return story + [missing_note("Aucun objectif n'est encore défini.", sheet)]
    for objective in pathway.objectives:
        story.append(para(display_name(objective), sheet["h2"]))
        mine = [i for i in pathway.indicators if objective.id in i.objective_ids]
        if not mine:
            story.append(missing_note("Aucun indicateur ne mesure cet objectif.", sheet))
            continue
        rows = [[i.label, _text(i.target), _text(i.result),
                 Cell(indicator_status(i), bold=True)] for i in mine]
        story.append(table(("Indicateur", "Cible", "Résultat", "Statut"), rows, (0.4, 0.2, 0.22, 0.18),
                           sheet=sheet))
    return story


def participation_section(pathway: Pathway, sheet: dict) -> list:
    story = [para("Participation par étape", sheet["h1"])]
    if not pathway.phases:
        return story + [missing_note("Aucune étape n'est encore définie.", sheet)]
    rows = [[display_name(p), format_period(p.start, p.end),
             Cell("non renseignée" if p.participants is None else p.participants, right=True)]
            for p in pathway.phases]
    known = [p.participants for p in pathway.phases if p.participants is not None]
    rows.append([Cell("Total des présences", bold=True), "", Cell(sum(known), bold=True, right=True)])
    story.append(table(("Étape", "Dates", "Participant·e·s"), rows, (0.55, 0.28, 0.17),
                       emphasis_rows=[len(rows) - 1], sheet=sheet))
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


def coverage_section(pathway: Pathway, sheet: dict) -> list:
    from parcours_designer.model.check import run_check
    from parcours_designer.model.errors import PathwayError
    from parcours_designer.model.frameworks import load_catalog

    story = [para("Couverture du référentiel de compétences", sheet["h1"])]
    try:
        framework = load_catalog().require(pathway.framework)
    except PathwayError as error:
        return story + [missing_note(f"Couverture non calculée : {error}.", sheet)]
    result = run_check(pathway, framework)
    story.append(para(f"{framework.title} — score {result.score} / 100", sheet["h2"]))
    rows = [[c.competence.title, Cell(c.status.label, bold=True), Cell(len(c.findings), right=True)]
            for c in result.competences]
    story.append(table(("Compétence", "Couverture", "Constats"), rows, (0.66, 0.18, 0.16), sheet=sheet))
    story.append(para("Constats ouverts", sheet["h2"]))
    findings = [f"{f.severity.label} : {f.message}" for f in result.findings]
    story += bullets(findings, sheet["bullet"]) if findings else [para("Aucun constat ouvert.", sheet["body"])]
    return story
