"""Statistics of the answers, in the shape of ``responses stats --json``.

Per questionnaire: respondents, invited (the participants of its phase),
response rate; per question: how many answered, the distribution (every
step of a scale, every choice, zero counts included, « Autre » for answers
outside the choices), mean and median of a scale, the texts of open answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import mean, median
from typing import Any, Optional, Sequence

from parcours_designer.model.answers.normalise import normalise
from parcours_designer.model.entities import Answer, Question, Questionnaire
from parcours_designer.model.enums import QuestionType
from parcours_designer.model.pathway import Pathway

OTHER = "Autre"
YES_LABEL, NO_LABEL = "Oui", "Non"


@dataclass(frozen=True)
class QuestionStats:
    question: Question
    answered: int
    distribution: dict[str, int] = field(default_factory=dict)
    mean: Optional[float] = None
    median: Optional[float] = None
    texts: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.question.id, "type": self.question.type.value, "answered": self.answered}
        if self.question.type is QuestionType.SCALE:
            data["mean"], data["median"] = self.mean, self.median
        if self.question.type is QuestionType.TEXT:
            data["answers"] = list(self.texts)
        else:
            data["distribution"] = dict(self.distribution)
        return data


@dataclass(frozen=True)
class QuestionnaireStats:
    questionnaire: Questionnaire
    respondents: int
    invited: Optional[int]
    questions: tuple[QuestionStats, ...]

    @property
    def response_rate(self) -> Optional[float]:
        if not self.invited:
            return None
        return round(100 * self.respondents / self.invited, 1)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.questionnaire.id, "title": self.questionnaire.title,
                "respondents": self.respondents, "invited": self.invited,
                "response_rate": self.response_rate,
                "questions": [q.to_json() for q in self.questions]}


def invited(pathway: Pathway, questionnaire: Questionnaire) -> Optional[int]:
    """The participants of the questionnaire's phase, when known."""
    phase = pathway.index("phases").get(questionnaire.phase_id) if questionnaire.phase_id else None
    return getattr(phase, "participants", None)


def questionnaire_stats(pathway: Pathway, questionnaire: Questionnaire) -> QuestionnaireStats:
    answers_by_question = {q.id: [r.answers[q.id] for r in questionnaire.responses if q.id in r.answers]
                           for q in questionnaire.questions}
    questions = tuple(question_stats(q, answers_by_question[q.id]) for q in questionnaire.questions)
    return QuestionnaireStats(questionnaire, len(questionnaire.responses), invited(pathway, questionnaire),
                              questions)


def pathway_stats(pathway: Pathway, questionnaire_id: Optional[str] = None) -> list[QuestionnaireStats]:
    return [questionnaire_stats(pathway, q) for q in pathway.questionnaires
            if questionnaire_id is None or q.id == questionnaire_id]


def stats_json(stats: list[QuestionnaireStats]) -> dict[str, Any]:
    return {"questionnaires": [s.to_json() for s in stats]}


def question_stats(question: Question, answers: Sequence[Optional[Answer]]) -> QuestionStats:
    answers = [a for a in answers if a not in ("", [], None)]
    if question.type is QuestionType.SCALE:
        return _scale_stats(question, answers)
    if question.type is QuestionType.TEXT:
        return QuestionStats(question, len(answers), texts=tuple(str(a) for a in answers))
    if question.type is QuestionType.YES_NO:
        flags = [a for a in answers if isinstance(a, bool)]
        return QuestionStats(question, len(flags), {YES_LABEL: flags.count(True), NO_LABEL: flags.count(False)})
    return _choice_stats(question, answers)


def _scale_stats(question: Question, answers: Sequence[Optional[Answer]]) -> QuestionStats:
    low, high = question.scale_bounds()
    steps = [a for a in answers if isinstance(a, int) and not isinstance(a, bool) and low <= a <= high]
    distribution = {str(step): steps.count(step) for step in range(low, high + 1)}
    if not steps:
        return QuestionStats(question, 0, distribution)
    return QuestionStats(question, len(steps), distribution, round(float(mean(steps)), 2),
                         round(float(median(steps)), 2))


def _choice_stats(question: Question, answers: Sequence[Optional[Answer]]) -> QuestionStats:
    counts = {choice: 0 for choice in question.choices}
    canonical = {normalise(choice): choice for choice in question.choices}
    other = 0
    for answer in answers:
        picked = answer if isinstance(answer, list) else [answer]
        for value in dict.fromkeys(str(v) for v in picked):
            choice = canonical.get(normalise(value))
            if choice is None:
                other += 1
            else:
                counts[choice] += 1
    if other or OTHER in counts:
        counts[OTHER] = counts.get(OTHER, 0) + other
    return QuestionStats(question, len(answers), counts)


def share(stats: QuestionStats, choice: str) -> Optional[float]:
    """Percentage of those who answered who gave ``choice`` (one decimal)."""
    if not stats.answered:
        return None
    wanted = normalise(choice)
    count = next((n for label, n in stats.distribution.items() if normalise(label) == wanted), 0)
    return round(100 * count / stats.answered, 1)
