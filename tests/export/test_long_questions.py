"""Questions with many choices or a wide scale still print: nothing taller than a page, no box on another."""

from __future__ import annotations

from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.answers.importing import build_import, plan_import
from parcours_designer.model.answers.table import parse_table
from parcours_designer.model.entities import Question
from parcours_designer.model.enums import QuestionType
from tests.answers.conftest import evaluation_pathway

from .helpers import flat, pdf_text

CHOICES = [f"Structure numéro {n}" for n in range(1, 81)]


def long_pathway():
    pathway = evaluation_pathway()
    questionnaire = pathway.questionnaires[0]
    questionnaire.questions[0].scale_min, questionnaire.questions[0].scale_max = -10, 100
    questionnaire.questions.append(Question(id="q1-6", text="Votre structure ?", type=QuestionType.CHOICE,
                                            choices=CHOICES))
    rows = "".join(f"{n % 111 - 10},{CHOICES[n % 80]}\n" for n in range(120))
    table = parse_table(f"q1-1,q1-6\n{rows}".encode(), "r.csv")
    questionnaire.responses += build_import(plan_import(table, questionnaire), questionnaire).responses
    return pathway


def test_the_evaluation_summary_draws_a_chart_of_80_choices_and_111_steps():
    text = flat(pdf_text(EXPORT_KINDS["evaluation"].render(long_pathway(), ".pdf")))
    assert "Structure numéro 1 " in text and "Structure numéro 80" in text and "-10" in text


def test_the_questionnaire_prints_80_choices_and_111_steps():
    pathway = long_pathway()
    text = flat(pdf_text(EXPORT_KINDS["questionnaire"].render(pathway, ".pdf", questionnaire_id="q1")))
    assert all(choice in text for choice in CHOICES)
    steps = [str(n) for n in range(-10, 101)]
    assert " ".join(steps) in text  # every step printed, in order, none drawn over another
