"""The evaluation PDF's answers pages speak French: « 1 réponse », « 2 réponses », never « (s) »."""

from __future__ import annotations

from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.answers.importing import build_import, plan_import
from parcours_designer.model.answers.table import parse_table
from tests.answers.conftest import evaluation_pathway

from .helpers import flat, pdf_text


def test_counts_of_answers_agree_in_number():
    pathway = evaluation_pathway()
    questionnaire = pathway.questionnaires[0]
    table = parse_table("q1-1,q1-3\n4,Plus de temps\n5,\n".encode("utf-8"), "r.csv")
    questionnaire.responses += build_import(plan_import(table, questionnaire), questionnaire).responses
    text = flat(pdf_text(EXPORT_KINDS["evaluation"].render(pathway, ".pdf")))
    assert "(s)" not in text
    assert "2 réponses sur 14" in text
    assert "2 réponses – moyenne 4,5" in text and "1 réponse" in text


def test_count_of_takes_the_singular_for_0_and_1():
    from parcours_designer.model.formatting import count_of

    assert [count_of(n, "réponse") for n in (0, 1, 2)] == ["0 réponse", "1 réponse", "2 réponses"]
    assert count_of(1200, "répondant·e", "répondant·e·s") == "1\u202f200 répondant·e·s"


def test_indicator_targets_and_results_are_written_the_french_way():
    """« 2,5 », « 1 200 », not « 2.5 » or « 1200 », in the plan and the evaluation summary."""
    from tests.model.factories import EXAMPLE
    from parcours_designer.model.fileformat import load_pathway

    pathway = load_pathway(EXAMPLE)
    indicator = pathway.indicators[0]
    indicator.target, indicator.result = 2.5, 1200
    questionnaire = pathway.questionnaires[0]
    questionnaire.questions[0].indicator_id = indicator.id
    for kind in ("evaluation", "plan"):
        text = flat(pdf_text(EXPORT_KINDS[kind].render(pathway, ".pdf")))
        assert "2,5" in text and "2.5" not in text, kind
    assert " ≥ 2,5 structures 1 200 structures Atteint " in flat(pdf_text(EXPORT_KINDS["evaluation"].render(pathway, ".pdf")))
