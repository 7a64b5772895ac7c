"""``export questionnaire``: a printable PDF or LimeSurvey's tab-separated survey (.txt)."""

from __future__ import annotations

from typing import Optional

from parcours_designer.model.entities import Questionnaire
from parcours_designer.model.pathway import Pathway


def find(pathway: Pathway, questionnaire_id: str) -> Questionnaire:
    return next(q for q in pathway.questionnaires if q.id == questionnaire_id)


def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None, *,
           questionnaire_id: str) -> bytes:
    questionnaire = find(pathway, questionnaire_id)
    if suffix == ".txt":
        from parcours_designer.export.limesurvey_tsv import render_tsv

        return render_tsv(pathway, questionnaire)
    from parcours_designer.export.questionnaire_pdf import render_pdf

    return render_pdf(pathway, questionnaire)
