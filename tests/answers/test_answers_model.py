"""Normalisation, cell values, dates, matching corrections, fed indicators, file integrity."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parcours_designer.model.answers.dates import month_first, parse_date
from parcours_designer.model.answers.importing import build_import, plan_import
from parcours_designer.model.answers.indicators import fed_results
from parcours_designer.model.answers.matching import ColumnKind, survey_codes
from parcours_designer.model.answers.normalise import normalise
from parcours_designer.model.answers.table import parse_table
from parcours_designer.model.answers.values import read_cell, split_choices
from parcours_designer.model.entities import Question, Response
from parcours_designer.model.enums import FeedMeasure, QuestionType
from parcours_designer.model.fileformat import PathwayFileError, dump_pathway, parse_pathway, validate_pathway


def test_normalise_ignores_case_accents_spacing_final_punctuation_and_apostrophes():
    assert normalise("  Dans l’ensemble,   le parcours a-t-il RÉPONDU à vos besoins ? ") == \
        normalise("dans l'ensemble, le parcours a-t-il repondu a vos besoins")
    assert normalise("Quel format ?!") == "quel format"
    assert normalise("Échanges") != normalise("Échange")


@pytest.mark.parametrize("cell, expected", [("4", 4), ("4 – Plutôt d'accord", 4), ("4,0", 4), ("Tout à fait", 7),
                                            ("pas du TOUT", 1), ("", None)])
def test_scale_cells(cell, expected):
    question = Question(id="s", type=QuestionType.SCALE, scale_min=1, scale_max=7,
                        min_label="Pas du tout", max_label="Tout à fait")
    assert read_cell(question, cell).value == expected


@pytest.mark.parametrize("cell", ["0", "8", "beaucoup", "4.5"])
def test_scale_cells_outside_the_scale_are_refused(cell):
    question = Question(id="s", type=QuestionType.SCALE, scale_min=1, scale_max=7)
    assert read_cell(question, cell).refused


def test_version_1_scales_take_their_bounds_from_numeric_choices():
    assert Question(id="s", type=QuestionType.SCALE, choices=["0", "1", "2", "3"]).scale_bounds() == (0, 3)
    assert Question(id="s", type=QuestionType.SCALE).scale_bounds() == (1, 5)
    assert Question(id="s", type=QuestionType.SCALE, scale_min=0, scale_max=10).scale_bounds() == (0, 10)


def test_choices_holding_a_comma_are_split_right():
    question = Question(id="m", type=QuestionType.MULTIPLE_CHOICE,
                        choices=["Diffusion, communication", "Emploi", "Financements"])
    assert split_choices(question, "Diffusion, communication, emploi, Une autre idée") == \
        ["Diffusion, communication", "Emploi", "Une autre idée"]
    assert split_choices(question, "Emploi;Financements;") == ["Emploi", "Financements"]


@pytest.mark.parametrize("cell, expected", [("Oui", True), ("N", False), ("yes", True), ("0", False)])
def test_yes_no_cells(cell, expected):
    assert read_cell(Question(id="y", type=QuestionType.YES_NO), cell).value is expected


def test_dates_day_or_month_first_decided_by_the_column():
    assert parse_date("2027-06-12 10:04:05") == date(2027, 6, 12)
    assert parse_date("12/06/2027 - 10:04") == date(2027, 6, 12)
    assert month_first(["6/12/2027 10:00", "6/18/2027 9:00"])
    assert not month_first(["12/06/2027", "18/06/2027"])
    assert month_first(["6/1/2027"], "Timestamp")
    assert parse_date("6/12/27 10:04", month_first_order=True) == date(2027, 6, 12)
    assert parse_date("31/02/2027") is None


def test_limesurvey_codes_are_letters_and_digits_and_unique(pathway):
    questionnaire = pathway.questionnaires[0]
    questionnaire.questions.append(Question(id="q1.1", text="x"))
    codes = survey_codes(questionnaire)
    assert codes["q1-1"] == "q11" and len(set(codes.values())) == len(codes)
    assert all(code.isalnum() and code[0].isalpha() for code in codes.values())


def test_the_user_maps_a_column_by_hand(pathway):
    questionnaire = pathway.questionnaires[0]
    table = parse_table("Horodateur,Votre avis général (1 à 5),Votre nom\n12/06/2027,4,Ada\n13/06/2027,5,Max\n"
                        .encode(), "a.csv")
    plan = plan_import(table, questionnaire)
    assert plan.used() == []
    assert plan.date_column().header == "Horodateur"
    plan = plan.with_column(plan.columns[1].to_question("q1-1"))
    result = build_import(plan, questionnaire)
    assert [r.answers for r in result.responses] == [{"q1-1": 4}, {"q1-1": 5}]
    assert plan.columns[2].kind is ColumnKind.PERSONAL


def test_identical_rows_are_two_responses_but_a_second_import_adds_neither(pathway):
    questionnaire = pathway.questionnaires[0]
    table = parse_table("q1-1;q1-5\n4;oui\n4;oui\n".encode(), "a.csv")
    result = build_import(plan_import(table, questionnaire), questionnaire)
    assert len(result.responses) == 2
    questionnaire.responses += result.responses
    assert build_import(plan_import(table, questionnaire), questionnaire).already_imported == 2


def test_indicators_fed_by_a_mean_and_by_a_share(pathway):
    questionnaire = pathway.questionnaires[0]
    questionnaire.questions[0].indicator_id = "i3"
    questionnaire.questions[4].indicator_id = "i5"
    questionnaire.responses = [Response(id="r1", answers={"q1-1": 4, "q1-5": True}),
                               Response(id="r2", answers={"q1-1": 5, "q1-5": False}),
                               Response(id="r3", answers={"q1-5": True})]
    results = fed_results(pathway)
    mean = results["i3"][0]
    assert (mean.measure, mean.value, mean.answered) == (FeedMeasure.MEAN, 4.5, 2)
    assert mean.text() == "4,5 / 5 (moyenne, 2 réponses)"
    share = results["i5"][0]
    assert (share.measure, share.value, share.choice) == (FeedMeasure.SHARE, 66.7, "Oui")
    assert share.text() == "66,7 % « Oui » (3 réponses)"


def test_fed_indicator_survives_the_file_and_is_checked(pathway):
    pathway.questionnaires[0].questions[1].indicator_id = "i1"
    pathway.questionnaires[0].questions[1].indicator_choice = "Formation"
    again = parse_pathway(dump_pathway(pathway))
    assert again.questionnaires[0].questions[1].indicator_id == "i1"
    data = again.model_dump(mode="json", exclude_defaults=True)
    data["questionnaires"][0]["questions"][1]["indicator_id"] = "i99"
    with pytest.raises(PathwayFileError, match="indicateur d'identifiant « i99 »"):
        validate_pathway(data)


def test_answers_to_unknown_questions_and_duplicate_responses_are_refused(pathway):
    data = pathway.model_dump(mode="json", exclude_defaults=True)
    data["questionnaires"][0]["responses"] = [{"id": "r1", "answers": {"q9": 3}}, {"id": "r1"}]
    with pytest.raises(PathwayFileError) as error:
        validate_pathway(data)
    assert "question « q9 »" in str(error.value) and "« r1 » est déjà utilisé" in str(error.value)


def test_a_wrong_answer_type_is_refused(pathway):
    data = pathway.model_dump(mode="json", exclude_defaults=True)
    data["questionnaires"][0]["responses"] = [{"id": "r1", "answers": {"q1-1": 3.5}}]
    with pytest.raises(PathwayFileError):
        validate_pathway(data)


# Bounded: any bytes are a table or a French refusal, never another error.
CELLS = st.sampled_from(["q1-1", "q1-4", "Oui", "4", "12/06/2027", "Horodateur", "a;b", "\"", "é", "’", "", "9",
                         "Ateliers collectifs, Formation", "\t", ",", ";", "\r\n", "\n", "\x00", "[SQ001]"])


@settings(max_examples=150, deadline=None)
@given(st.lists(CELLS, max_size=40), st.sampled_from(["utf-8", "cp1252", "utf-8-sig"]))
def test_any_export_is_read_or_refused_in_french(pathway_for_fuzz, cells, encoding):
    from parcours_designer.model.answers.table import AnswersFileError

    raw = "".join(cells).encode(encoding, errors="replace")
    questionnaire = pathway_for_fuzz.questionnaires[0]
    try:
        table = parse_table(raw, "x.csv")
    except AnswersFileError as error:
        assert str(error).startswith("x.csv : ")
        return
    result = build_import(plan_import(table, questionnaire), questionnaire)
    for response in result.responses:
        Response.model_validate(response.model_dump())


@pytest.fixture(scope="module")
def pathway_for_fuzz():
    from tests.answers.conftest import evaluation_pathway

    return evaluation_pathway()


def test_a_second_column_for_the_same_question_is_ignored_not_silently_dropped(pathway):
    """Two columns headed alike (a form asking the same question twice): the first feeds the
    question; the second is listed as ignored, not counted as used while its cells are dropped."""
    from parcours_designer.model.answers.importing import summary_lines

    questionnaire = pathway.questionnaires[0]
    table = parse_table("q1-1,Q1-1,q1-4,q1-4\n3,5,Formation,Ateliers collectifs\n".encode(), "a.csv")
    plan = plan_import(table, questionnaire)
    assert [c.kind for c in plan.columns] == [ColumnKind.QUESTION, ColumnKind.DUPLICATE,
                                              ColumnKind.QUESTION, ColumnKind.QUESTION]
    (response,) = build_import(plan, questionnaire).responses
    assert response.answers == {"q1-1": 3, "q1-4": ["Formation", "Ateliers collectifs"]}
    text = "\n".join(summary_lines(plan, build_import(plan, questionnaire), questionnaire))
    assert "« Q1-1 » (question déjà lue dans une colonne précédente)" in text


def test_the_users_corrections_are_applied_in_one_pass(pathway):
    """The import dialog applies every correction at each change: one pass, not one copy per column
    (an export of 10,000 columns took 8 s per click)."""
    questionnaire = pathway.questionnaires[0]
    header = ",".join(f"c{n}" for n in range(3000))
    plan = plan_import(parse_table(f"{header}\n{','.join('4' * 3000)}\n".encode(), "a.csv"), questionnaire)
    changed = [plan.columns[n].to_question("q1-1") for n in (5, 2999)]
    final = plan.with_columns(changed)
    assert final == plan.with_column(changed[0]).with_column(changed[1])
    assert [c.index for c in final.used()] == [5, 2999]
