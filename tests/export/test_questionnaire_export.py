"""``export questionnaire``: the PDF to print and LimeSurvey's tab-separated survey (.txt)."""

from __future__ import annotations

import csv
import io

import pytest

from parcours_designer.cli import main
from parcours_designer.export.registry import ExportError, export_kind
from parcours_designer.model.answers.matching import survey_codes
from parcours_designer.model.answers.table import read_table
from parcours_designer.model.fileformat import save_pathway
from tests.answers.conftest import EXPORTS, evaluation_pathway
from tests.export.helpers import flat, pdf_text

# The base columns of LimeSurvey's TSV survey structure, in its own export's order.
LIMESURVEY_COLUMNS = ["id", "related_id", "class", "type/scale", "name", "relevance", "text", "help", "language",
                      "validation", "mandatory", "other", "default", "same_default"]


def tsv_rows(pathway, questionnaire_id="q1"):
    data = export_kind("questionnaire").render(pathway, ".txt", questionnaire_id=questionnaire_id)
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter="\t"))


def test_pdf_has_boxes_scale_labels_and_every_choice():
    pathway = evaluation_pathway()
    text = pdf_text(export_kind("questionnaire").render(pathway, ".pdf", questionnaire_id="q1"))
    for words in ("Questionnaire des participant·e·s", "1. Dans l'ensemble", "Pas du tout", "Tout à fait",
                  "Une seule réponse", "Plusieurs réponses possibles", "Échanges entre pairs", "Oui", "Non",
                  "5. Recommanderiez-vous"):
        assert words in text, words


def test_tsv_follows_limesurvey_columns_and_row_classes():
    pathway = evaluation_pathway()
    rows = tsv_rows(pathway)
    assert list(rows[0].keys()) == LIMESURVEY_COLUMNS
    classes = [r["class"] for r in rows]
    assert classes[:5] == ["S", "S", "SL", "SL", "G"]
    questions = [r for r in rows if r["class"] == "Q"]
    assert [(q["type/scale"], q["name"]) for q in questions] == [("L", "q11"), ("L", "q12"), ("T", "q13"),
                                                                   ("M", "q14"), ("Y", "q15")]
    assert all(q["language"] == "fr" and q["mandatory"] == "N" for q in questions)
    scale_answers = [r["text"] for r in rows if r["class"] == "A" and r["id"] == "1"]
    assert scale_answers == ["1 – Pas du tout", "2", "3", "4", "5 – Tout à fait"]
    assert [r["name"] for r in rows if r["class"] == "SQ"] == ["SQ001", "SQ002", "SQ003", "SQ004"]
    # every answer or subquestion row follows its question
    current = None
    for r in rows:
        if r["class"] == "Q":
            current = r["id"]
        elif r["class"] == "A":
            assert r["id"] == current


def test_limesurvey_answers_to_the_exported_survey_match_its_questions():
    """The codes LimeSurvey gives our questions are the headings of its response export."""
    pathway = evaluation_pathway()
    codes = {r["name"] for r in tsv_rows(pathway) if r["class"] == "Q"}
    headers = set(read_table(EXPORTS / "limesurvey-codes.csv").rows[0])
    assert codes <= {h.split("[")[0] for h in headers}
    assert codes == set(survey_codes(pathway.questionnaires[0]).values())


def test_tsv_keeps_each_text_on_one_row():
    pathway = evaluation_pathway()
    pathway.questionnaires[0].questions[2].text = "Sur deux\nlignes\tavec « guillemets » \"droits\""
    rows = tsv_rows(pathway)
    assert [r["text"] for r in rows if r["name"] == "q13"] == ["Sur deux lignes avec « guillemets » \"droits\""]


def test_cli_export_questionnaire(tmp_path, capsys):
    source = tmp_path / "p.parcours"
    save_pathway(evaluation_pathway(), source)
    assert main(["export", "questionnaire", str(source), "-o", str(tmp_path / "q.pdf"), "--questionnaire", "q2"]) == 0
    assert "Quels ajustements proposez-vous" in pdf_text((tmp_path / "q.pdf").read_bytes())
    assert main(["export", "questionnaire", str(source), "-o", str(tmp_path / "q.txt"), "--questionnaire", "q1"]) == 0
    assert main(["export", "questionnaire", str(source), "-o", str(tmp_path / "x.txt")]) == 2
    assert "précisez le questionnaire avec --questionnaire" in capsys.readouterr().err
    assert main(["export", "questionnaire", str(source), "-o", str(tmp_path / "x.pdf"), "--questionnaire", "q9"]) == 2
    assert "« q9 » n'existe pas" in capsys.readouterr().err
    assert main(["export", "plan", str(source), "-o", str(tmp_path / "x.pdf"), "--questionnaire", "q1"]) == 2
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.txt").exists()


def test_wrong_suffix_is_refused():
    with pytest.raises(ExportError, match=r"\.pdf, \.txt"):
        export_kind("questionnaire").render(evaluation_pathway(), ".csv", questionnaire_id="q1")


@pytest.mark.parametrize("suffix", [".pdf", ".txt"])
def test_empty_and_hostile_questionnaires_export(suffix):
    from parcours_designer.model.entities import Question
    from parcours_designer.model.enums import QuestionType

    pathway = evaluation_pathway()
    questionnaire = pathway.questionnaires[1]
    questionnaire.questions = []
    assert export_kind("questionnaire").render(pathway, suffix, questionnaire_id="q2")
    questionnaire.questions = [
        Question(id="h1", text="<b>x</b> & <img src='y'/> " + "mot" * 400, type=QuestionType.MULTIPLE_CHOICE,
                 choices=["A & <b>B</b>", "C" * 300]),
        Question(id="h2", type=QuestionType.SCALE, scale_min=0, scale_max=10, min_label="L" * 200, max_label="M"),
        Question(id="h3", type=QuestionType.CHOICE)]
    data = export_kind("questionnaire").render(pathway, suffix, questionnaire_id="q2")
    text = pdf_text(data) if suffix == ".pdf" else data.decode("utf-8-sig")
    assert "<b>x</b> &" in text


def test_evaluation_pdf_shows_answers_charts_and_fed_indicators():
    from parcours_designer.model.answers.importing import add_responses, build_import, plan_import

    pathway = evaluation_pathway()
    questionnaire = pathway.questionnaires[0]
    questionnaire.questions[0].indicator_id = "i3"
    questionnaire.questions[4].indicator_id = "i5"
    plan = plan_import(read_table(EXPORTS / "google-forms.csv"), questionnaire)
    add_responses(questionnaire, build_import(plan, questionnaire).responses)
    text = flat(pdf_text(export_kind("evaluation").render(pathway, ".pdf")))  # hyphenated words joined
    for words in ("Questionnaires et réponses", "9 réponses sur 14 participant·e·s de l'étape, soit un taux de "
                  "réponse de 64,3 %", "moyenne 4, médiane 4 (échelle de 1 à 5)", "Accompagnements individuels 4",
                  "Le mécénat, les « tiers-lieux »", "Indicateurs alimentés par les questionnaires",
                  "4 / 5 (moyenne, 8 réponses)", "77,8 % « Oui » (9 réponses)", "Pas encore de réponse importée"):
        assert words in text, words
