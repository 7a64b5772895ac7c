"""The example pathway with a questionnaire of every question type, and the exports made for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from parcours_designer.model.entities import Question
from parcours_designer.model.enums import QuestionType
from parcours_designer.model.fileformat import load_pathway
from tests.model.factories import EXAMPLE

EXPORTS = Path(__file__).parent / "exports"
SOURCES = ("limesurvey-codes.csv", "limesurvey-texte-complet.csv", "framaforms.csv", "google-forms.csv",
           "google-forms-en.csv", "microsoft-forms.csv", "excel-francais.csv")


def evaluation_pathway():
    """The example, its participants' questionnaire holding five types of question."""
    pathway = load_pathway(EXAMPLE)
    questionnaire = pathway.questionnaires[0]
    questionnaire.questions[0].min_label = "Pas du tout"
    questionnaire.questions[0].max_label = "Tout à fait"
    questionnaire.questions += [
        Question(id="q1-4", text="Quels temps du parcours avez-vous suivis ?", type=QuestionType.MULTIPLE_CHOICE,
                 choices=["Ateliers collectifs", "Accompagnements individuels", "Échanges entre pairs", "Formation"]),
        Question(id="q1-5", text="Recommanderiez-vous ce parcours à une autre structure ?",
                 type=QuestionType.YES_NO),
    ]
    return pathway


@pytest.fixture
def pathway():
    return evaluation_pathway()
