"""Exports of five tools, in their own layout, read into responses."""

from __future__ import annotations

from datetime import date

import pytest

from parcours_designer.model.answers.importing import add_responses, build_import, plan_import, summary_lines
from parcours_designer.model.answers.matching import ColumnKind
from parcours_designer.model.answers.stats import pathway_stats, stats_json
from parcours_designer.model.answers.table import AnswersFileError, parse_table, read_table
from parcours_designer.model.fileformat import dump_pathway, parse_pathway
from tests.answers.conftest import EXPORTS, SOURCES

FIRST_ANSWERS = {"q1-1": 5, "q1-2": "Accompagnements individuels", "q1-3": "La fonction employeur",
                 "q1-4": ["Ateliers collectifs", "Formation"], "q1-5": True}


def imported(pathway, name):
    questionnaire = pathway.questionnaires[0]
    plan = plan_import(read_table(EXPORTS / name), questionnaire)
    result = build_import(plan, questionnaire)
    add_responses(questionnaire, result.responses)
    return plan, result


@pytest.mark.parametrize("name", SOURCES)
def test_every_tool_gives_the_same_nine_responses(pathway, name):
    plan, result = imported(pathway, name)
    assert len(result.responses) == 9
    first = result.responses[0]
    assert first.answers == FIRST_ANSWERS
    assert first.submitted_on == date(2027, 6, 12)
    assert [r.submitted_on for r in result.responses][-1] == date(2027, 6, 18)
    assert result.refused == {"q1-1": 1}  # the 9 given on a 1-5 scale
    stats = stats_json(pathway_stats(pathway, "q1"))["questionnaires"][0]
    scale = stats["questions"][0]
    assert scale == {"id": "q1-1", "type": "scale", "answered": 8, "mean": 4.0, "median": 4.0,
                     "distribution": {"1": 0, "2": 1, "3": 1, "4": 3, "5": 3}}
    assert stats["questions"][4]["distribution"] == {"Oui": 7, "Non": 2}
    assert stats["questions"][3]["distribution"]["Ateliers collectifs"] == 5


@pytest.mark.parametrize("name", SOURCES)
def test_importing_the_same_export_twice_adds_nothing(pathway, name):
    imported(pathway, name)
    _, again = imported(pathway, name)
    assert again.responses == []
    assert again.already_imported == 9
    assert len(pathway.questionnaires[0].responses) == 9


@pytest.mark.parametrize("name", ["google-forms.csv", "microsoft-forms.csv", "framaforms.csv"])
def test_personal_data_is_never_stored(pathway, name):
    plan, _ = imported(pathway, name)
    saved = dump_pathway(pathway).decode("utf-8")
    assert "@example.org" not in saved and "192.0.2." not in saved and "Personne 3" not in saved
    assert any(c.kind is ColumnKind.PERSONAL for c in plan.columns)


def test_an_answer_outside_the_choices_counts_as_other(pathway):
    imported(pathway, "google-forms.csv")
    choice = stats_json(pathway_stats(pathway, "q1"))["questionnaires"][0]["questions"][1]
    assert choice["distribution"] == {"Ateliers collectifs": 2, "Accompagnements individuels": 4,
                                      "Échanges entre pairs": 1, "Formation": 1, "Autre": 1}
    assert choice["answered"] == 9


def test_invited_and_rate_come_from_the_phase(pathway):
    imported(pathway, "google-forms.csv")
    stats = stats_json(pathway_stats(pathway))["questionnaires"]
    assert (stats[0]["respondents"], stats[0]["invited"], stats[0]["response_rate"]) == (9, 14, 64.3)
    assert stats[1]["respondents"] == 0
    pathway.questionnaires[0].phase_id = None
    assert stats_json(pathway_stats(pathway, "q1"))["questionnaires"][0]["invited"] is None


def test_responses_survive_save_and_load(pathway):
    imported(pathway, "limesurvey-texte-complet.csv")
    raw = dump_pathway(pathway)
    again = parse_pathway(raw)
    assert again.questionnaires[0].responses == pathway.questionnaires[0].responses
    assert dump_pathway(again) == raw


def test_framaforms_header_is_found_below_the_title_lines(pathway):
    plan, _ = imported(pathway, "framaforms.csv")
    assert plan.header_index == 2
    choices = [c.choice for c in plan.columns if c.kind is ColumnKind.CHOICE]
    assert choices == ["Ateliers collectifs", "Accompagnements individuels", "Échanges entre pairs", "Formation"]


def test_encoding_and_separator_are_detected():
    assert (read_table(EXPORTS / "excel-francais.csv").encoding, read_table(EXPORTS / "excel-francais.csv").separator) \
        == ("Windows-1252", ";")
    assert read_table(EXPORTS / "framaforms.csv").separator == "\t"
    assert read_table(EXPORTS / "limesurvey-codes.csv").rows[0][0] == "id"  # BOM removed


def test_a_file_matching_no_question_gives_no_response(pathway):
    plan, result = imported(pathway, "autre-questionnaire.csv")
    assert plan.used() == [] and result.responses == []


@pytest.mark.parametrize("raw, words", [(b"", "vide"), (b"\"  \"\r\n\"\"\n", "aucune cellule"),
                                        (b"PK\x03\x04rest", "Excel"), (b"\x00\x01\x02", "texte"),
                                        (b"q1-1,q1-3\n4,ok\n5," + b"x" * 200_000 + b"\n",
                                         "x.csv : une cellule de la ligne 3 est trop longue")])
def test_unusable_files_are_named(raw, words):
    with pytest.raises(AnswersFileError, match=words):
        parse_table(raw, "x.csv")


def test_summary_names_columns_used_and_ignored(pathway):
    plan, result = imported(pathway, "microsoft-forms.csv")
    text = "\n".join(summary_lines(plan, result, pathway.questionnaires[0]))
    assert "9 réponses ajoutées" in text
    assert "« Adresse de messagerie » (données personnelles)" in text
    assert "Date de réponse : colonne « Heure de fin »" in text
    assert "1 valeur hors de l'échelle ou illisible pour q1-1" in text and "(s)" not in text
