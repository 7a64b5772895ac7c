"""A questionnaire in LimeSurvey's tab-separated survey structure (.txt).

The layout of LimeSurvey's « Tab Separated Values format (*.txt) »: UTF-8
with a BOM, a header row of the base columns, then one row per survey
setting (class ``S``), language setting (``SL``), group (``G``), question
(``Q``) followed by its subquestions (``SQ``) or answers (``A``).
Relationships are read from the order of the rows.

Our types: scale → list ``L`` with one answer per step (code = the step,
text = the step and the end labels); single choice → ``L`` (answers A1…);
multiple choice → ``M`` (subquestions SQ001…); yes/no → ``Y``; text → long
free text ``T``. Question codes come from
:func:`~parcours_designer.model.answers.matching.survey_codes`, so that the
answers exported later by LimeSurvey match the questions again.
"""

from __future__ import annotations

import csv
import io

from parcours_designer.export.safe_text import without_control
from parcours_designer.model.answers.matching import survey_codes
from parcours_designer.model.entities import Question, Questionnaire
from parcours_designer.model.enums import QuestionType
from parcours_designer.model.pathway import Pathway

COLUMNS = ("id", "related_id", "class", "type/scale", "name", "relevance", "text", "help", "language",
           "validation", "mandatory", "other", "default", "same_default")
LANGUAGE = "fr"
LIMESURVEY_TYPES = {QuestionType.SCALE: "L", QuestionType.CHOICE: "L", QuestionType.MULTIPLE_CHOICE: "M",
                    QuestionType.YES_NO: "Y", QuestionType.TEXT: "T"}


def row(**cells: str) -> list[str]:
    cells = {key.replace("type_scale", "type/scale"): value for key, value in cells.items()}
    return [_cell(cells.get(column, "")) for column in COLUMNS]


def _cell(value: object) -> str:
    """One line of plain text: LimeSurvey reads one row per line."""
    return " ".join(without_control(str(value)).split())


def survey_rows(pathway: Pathway, questionnaire: Questionnaire) -> list[list[str]]:
    title = questionnaire.title or questionnaire.id
    rows = [row(**{"class": "S", "name": "language", "text": LANGUAGE}),
            row(**{"class": "S", "name": "format", "text": "G"}),
            row(**{"class": "SL", "name": "surveyls_title", "text": title, "language": LANGUAGE}),
            row(**{"class": "SL", "name": "surveyls_description", "text": pathway.title, "language": LANGUAGE}),
            row(**{"id": "1", "class": "G", "type_scale": "1", "name": title, "relevance": "1",
                   "language": LANGUAGE})]
    codes = survey_codes(questionnaire)
    next_id = len(questionnaire.questions) + 1
    for number, question in enumerate(questionnaire.questions, start=1):
        rows.append(row(**{"id": str(number), "class": "Q", "type_scale": LIMESURVEY_TYPES[question.type],
                           "name": codes[question.id], "relevance": "1", "text": question.text or question.id,
                           "language": LANGUAGE, "mandatory": "N", "other": "N"}))
        if question.type is QuestionType.MULTIPLE_CHOICE:
            for position, choice in enumerate(question.choices, start=1):
                rows.append(row(**{"id": str(next_id), "class": "SQ", "type_scale": "0", "name": f"SQ{position:03d}",
                                   "relevance": "1", "text": choice, "language": LANGUAGE}))
                next_id += 1
        else:
            rows += [row(**{"id": str(number), "class": "A", "type_scale": "0", "name": code, "text": text,
                            "language": LANGUAGE}) for code, text in answer_options(question)]
    return rows


def answer_options(question: Question) -> list[tuple[str, str]]:
    """(code, text) of a list question's answers: the scale's steps or the choices."""
    if question.type is QuestionType.SCALE:
        low, high = question.scale_bounds()
        options = []
        for step in range(low, high + 1):
            label = question.min_label if step == low else question.max_label if step == high else ""
            code = str(step) if step >= 0 else f"m{-step}"
            options.append((code, f"{step} – {label}" if label.strip() else str(step)))
        return options
    if question.type is QuestionType.CHOICE:
        return [(f"A{position}", choice) for position, choice in enumerate(question.choices, start=1)]
    return []


def render_tsv(pathway: Pathway, questionnaire: Questionnaire) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    writer.writerows(survey_rows(pathway, questionnaire))
    return "\ufeff".encode("utf-8") + buffer.getvalue().encode("utf-8")
