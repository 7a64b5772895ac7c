"""Indicators fed by questions: their result computed from the answers.

A scale question gives the mean of its answers (« 4,2 / 5 »); a choice,
multiple-choice or yes/no question gives the share of respondents who gave
one answer (``indicator_choice``; « Oui » for a yes/no), in percent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from parcours_designer.model.answers.stats import YES_LABEL, QuestionStats, question_stats, share
from parcours_designer.model.entities import Question, Questionnaire
from parcours_designer.model.enums import FeedMeasure, QuestionType
from parcours_designer.model.formatting import format_number
from parcours_designer.model.pathway import Pathway


@dataclass(frozen=True)
class FedResult:
    """The result an indicator gets from one question."""

    indicator_id: str
    questionnaire: Questionnaire
    question: Question
    measure: FeedMeasure
    value: Optional[float]  # None: nobody answered yet
    answered: int
    choice: str = ""

    def text(self) -> str:
        """« 4,2 / 5 (moyenne, 9 réponses) » or « 75 % ont répondu « Oui » (8 réponses) »."""
        if self.value is None:
            return "pas encore de réponse"
        count = f"{self.answered} réponse{'s' if self.answered > 1 else ''}"
        if self.measure is FeedMeasure.MEAN:
            high = self.question.scale_bounds()[1]
            return f"{format_number(self.value)} / {high} (moyenne, {count})"
        return f"{format_number(self.value)} % « {self.choice} » ({count})"


def fed_choice(question: Question) -> str:
    """The answer whose share is counted (the first choice, or « Oui », by default)."""
    if question.indicator_choice:
        return question.indicator_choice
    if question.type is QuestionType.YES_NO:
        return YES_LABEL
    return question.choices[0] if question.choices else ""


def fed_result(indicator_id: str, questionnaire: Questionnaire, question: Question) -> FedResult:
    answers = [r.answers[question.id] for r in questionnaire.responses if question.id in r.answers]
    stats: QuestionStats = question_stats(question, answers)
    measure = question.measure() or FeedMeasure.SHARE
    if measure is FeedMeasure.MEAN and question.type is QuestionType.SCALE:
        return FedResult(indicator_id, questionnaire, question, measure, stats.mean, stats.answered)
    choice = fed_choice(question)
    return FedResult(indicator_id, questionnaire, question, FeedMeasure.SHARE, share(stats, choice),
                     stats.answered, choice)


def fed_results(pathway: Pathway) -> dict[str, list[FedResult]]:
    """Indicator id → the results its questions give, in questionnaire order."""
    results: dict[str, list[FedResult]] = {}
    for questionnaire in pathway.questionnaires:
        for question in questionnaire.questions:
            if question.indicator_id:
                results.setdefault(question.indicator_id, []).append(
                    fed_result(question.indicator_id, questionnaire, question))
    return results
