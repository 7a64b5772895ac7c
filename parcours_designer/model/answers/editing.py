"""Edits of a questionnaire as new lists: the editor pushes them as one undo step each.

Removing a question also removes its answers from the responses (a file
never holds an answer to a question that does not exist).
"""

from __future__ import annotations

from typing import Optional

from parcours_designer.model.entities import Answer, Question, Questionnaire, Response


def new_question_id(questionnaire: Questionnaire) -> str:
    """``<questionnaire id>-<n>``, the next number not used."""
    used = {q.id for q in questionnaire.questions}
    number = len(used) + 1
    while f"{questionnaire.id}-{number}" in used:
        number += 1
    return f"{questionnaire.id}-{number}"


def with_question_added(questionnaire: Questionnaire, after: int = -1) -> tuple[list[Question], int]:
    """The questions with a new one after position ``after`` (at the end by default), and its position."""
    questions = [q.model_copy(deep=True) for q in questionnaire.questions]
    position = len(questions) if after < 0 else after + 1
    questions.insert(position, Question(id=new_question_id(questionnaire)))
    return questions, position


def with_question_duplicated(questionnaire: Questionnaire, position: int) -> list[Question]:
    questions = [q.model_copy(deep=True) for q in questionnaire.questions]
    twin = questions[position].model_copy(deep=True, update={"id": new_question_id(questionnaire)})
    questions.insert(position + 1, twin)
    return questions


def with_question_moved(questionnaire: Questionnaire, position: int, step: int) -> list[Question]:
    questions = [q.model_copy(deep=True) for q in questionnaire.questions]
    target = max(0, min(len(questions) - 1, position + step))
    questions.insert(target, questions.pop(position))
    return questions


def with_question_removed(questionnaire: Questionnaire, position: int) -> tuple[list[Question], list[Response]]:
    """The questions without the one at ``position``, and the responses without its answers."""
    removed = questionnaire.questions[position].id
    questions = [q.model_copy(deep=True) for k, q in enumerate(questionnaire.questions) if k != position]
    responses = [r.model_copy(deep=True, update={"answers": {k: v for k, v in r.answers.items() if k != removed}})
                 for r in questionnaire.responses]
    return questions, responses


def with_question_changed(questionnaire: Questionnaire, position: int, **fields: object) -> list[Question]:
    questions = [q.model_copy(deep=True) for q in questionnaire.questions]
    questions[position] = Question.model_validate({**questions[position].model_dump(), **fields})
    return questions


def without_response(questionnaire: Questionnaire, response_id: str) -> list[Response]:
    return [r.model_copy(deep=True) for r in questionnaire.responses if r.id != response_id]


def answer_text(value: Optional[Answer]) -> str:
    """An answer as a person reads it: « Oui », « 4 », « Ateliers collectifs ; Formation »."""
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, list):
        return " ; ".join(value)
    return "" if value is None else str(value)


def citation(questionnaire: Questionnaire, response: Response, question_id: str) -> str:
    """An answer quoted in the bilan, saying where it comes from."""
    from parcours_designer.model.formatting import format_date

    when = f" du {format_date(response.submitted_on)}" if response.submitted_on else ""
    title = questionnaire.title or questionnaire.id
    return f"« {answer_text(response.answers.get(question_id))} » ({title}, réponse {response.id}{when})"
