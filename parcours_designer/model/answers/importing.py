"""An export of answers turned into responses of a questionnaire.

Three steps, shared by the command line and the editor: :func:`plan_import`
proposes what each column holds; the editor lets the user correct it;
:func:`build_import` reads the rows into new responses, leaving out those
already imported (a fingerprint of each row); :func:`add_responses` stores
them. Columns of personal data are never read into a response unless the
user gave them to a question.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from parcours_designer.model.answers.dates import month_first, parse_date
from parcours_designer.model.answers.matching import ColumnKind, ColumnMatch, match_columns
from parcours_designer.model.answers.table import ExportTable
from parcours_designer.model.answers.values import read_cell, ticked
from parcours_designer.model.entities import Answer, Question, Questionnaire, Response
from parcours_designer.model.enums import QuestionType
from parcours_designer.model.formatting import count_of


@dataclass(frozen=True)
class ImportPlan:
    """The export, its header row and what each column holds."""

    table: ExportTable
    header_index: int
    columns: tuple[ColumnMatch, ...]

    @property
    def data_rows(self) -> tuple[tuple[str, ...], ...]:
        return self.table.rows[self.header_index + 1:]

    def used(self) -> list[ColumnMatch]:
        return [c for c in self.columns if c.feeds_question]

    def ignored(self) -> list[ColumnMatch]:
        return [c for c in self.columns if not c.feeds_question and c.kind is not ColumnKind.DATE]

    def date_column(self) -> Optional[ColumnMatch]:
        return next((c for c in self.columns if c.kind is ColumnKind.DATE), None)

    def doubled_question(self, questionnaire: Questionnaire) -> Optional[str]:
        """A one-answer question fed by two columns (the second's cells would be dropped), if any."""
        given = Counter(c.question_id for c in self.columns if c.kind is ColumnKind.QUESTION)
        return next((q.id for q in questionnaire.questions
                     if given[q.id] > 1 and q.type is not QuestionType.MULTIPLE_CHOICE), None)

    def with_column(self, column: ColumnMatch) -> "ImportPlan":
        """The plan with one column changed (the user's correction)."""
        return self.with_columns([column])

    def with_columns(self, changed: list[ColumnMatch]) -> "ImportPlan":
        """The plan with these columns changed, in one pass (an export may have 10,000 columns)."""
        by_index = {column.index: column for column in changed}
        return ImportPlan(self.table, self.header_index, tuple(by_index.get(c.index, c) for c in self.columns))


@dataclass
class ImportResult:
    """New responses and what the summary says about the rest."""

    responses: list[Response] = field(default_factory=list)
    already_imported: int = 0
    empty_rows: int = 0
    refused: Counter[str] = field(default_factory=Counter)  # question id → cells outside the scale / unreadable


def plan_import(table: ExportTable, questionnaire: Questionnaire) -> ImportPlan:
    header_index, columns = match_columns(table, questionnaire)
    return ImportPlan(table, header_index, tuple(columns))


def build_import(plan: ImportPlan, questionnaire: Questionnaire) -> ImportResult:
    """The rows of the export as new responses (none if no column feeds a question)."""
    result = ImportResult()
    if not plan.used():
        return result
    questions = {q.id: q for q in questionnaire.questions}
    known = {r.fingerprint for r in questionnaire.responses if r.fingerprint}
    taken = {r.id for r in questionnaire.responses}
    date_column = plan.date_column()
    month_order = month_first([row[date_column.index] for row in plan.data_rows], date_column.header) \
        if date_column else False
    occurrences: Counter[str] = Counter()
    for row in plan.data_rows:
        fingerprint = _fingerprint(plan, row, occurrences)
        if fingerprint in known:
            result.already_imported += 1
            continue
        answers = _row_answers(plan, row, questions, result.refused)
        if not answers:
            result.empty_rows += 1
            continue
        day = parse_date(row[date_column.index], month_order) if date_column else None
        response_id = _next_id(taken)
        result.responses.append(Response(id=response_id, submitted_on=day, answers=answers,
                                         fingerprint=fingerprint))
        known.add(fingerprint)
    return result


def _fingerprint(plan: ImportPlan, row: tuple[str, ...], occurrences: Counter[str]) -> str:
    """A digest of the row's cells (personal columns left out); the n-th identical row differs."""
    cells = [row[c.index] for c in plan.columns if c.kind is not ColumnKind.PERSONAL or c.feeds_question]
    content = "\x1f".join(" ".join(cell.split()) for cell in cells)
    occurrences[content] += 1
    digest = hashlib.sha256(f"{content}\x1e{occurrences[content]}".encode("utf-8"))
    return digest.hexdigest()[:20]


def _row_answers(plan: ImportPlan, row: tuple[str, ...], questions: dict[str, Question],
                 refused: Counter[str]) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for column in plan.used():
        question = questions.get(column.question_id) if column.question_id else None
        if question is None:
            continue
        cell = row[column.index]
        if column.kind is ColumnKind.CHOICE:
            if ticked(cell) and column.choice is not None:
                _add_choice(answers, question, column.choice)
        elif column.kind is ColumnKind.OTHER:
            if cell.strip():
                _add_choice(answers, question, cell.strip())
        else:
            reading = read_cell(question, cell)
            if reading.refused:
                refused[question.id] += 1
            elif reading.value is not None:
                answers[question.id] = _merged(answers.get(question.id), reading.value, question)
    return answers


def _add_choice(answers: dict[str, Answer], question: Question, choice: str) -> None:
    if question.type is QuestionType.MULTIPLE_CHOICE:
        answers[question.id] = _merged(answers.get(question.id), [choice], question)
    else:
        answers.setdefault(question.id, choice)


def _merged(previous: Optional[Answer], value: Answer, question: Question) -> Answer:
    if question.type is QuestionType.MULTIPLE_CHOICE and isinstance(previous, list) and isinstance(value, list):
        return list(dict.fromkeys(previous + value))
    return value if previous is None else previous


def _next_id(taken: set[str]) -> str:
    number = len(taken) + 1
    while f"r{number}" in taken:
        number += 1
    taken.add(f"r{number}")
    return f"r{number}"


def add_responses(questionnaire: Questionnaire, responses: list[Response]) -> None:
    """Store imported responses (the editor does it through an undo command)."""
    questionnaire.responses.extend(response.model_copy(deep=True) for response in responses)


IGNORED_WHY = {ColumnKind.PERSONAL: " (données personnelles)",
               ColumnKind.DUPLICATE: " (question déjà lue dans une colonne précédente)"}


def summary_lines(plan: ImportPlan, result: ImportResult, questionnaire: Questionnaire) -> list[str]:
    """The French summary of an import, as the command line prints it."""
    texts = {q.id: q.text or q.id for q in questionnaire.questions}
    added = count_of(len(result.responses), "réponse ajoutée", "réponses ajoutées")
    lines = [f"{added} au questionnaire « {questionnaire.title or questionnaire.id} »"]
    if result.already_imported:
        lines.append(count_of(result.already_imported, "réponse déjà importée, ignorée",
                              "réponses déjà importées, ignorées"))
    if result.empty_rows:
        lines.append(count_of(result.empty_rows, "ligne sans réponse aux questions, ignorée",
                              "lignes sans réponse aux questions, ignorées"))
    lines.append("Colonnes utilisées :")
    for column in plan.used():
        detail = f" [{column.choice}]" if column.kind is ColumnKind.CHOICE else \
            " [autre]" if column.kind is ColumnKind.OTHER else ""
        lines.append(f"  « {column.header} » → {column.question_id}{detail} ({texts.get(column.question_id or '', '')})")
    date_column = plan.date_column()
    if date_column:
        lines.append(f"Date de réponse : colonne « {date_column.header} »")
    ignored = plan.ignored()
    if ignored:
        lines.append("Colonnes ignorées : " + ", ".join(
            f"« {c.header or f'colonne {c.index + 1}'} »" + IGNORED_WHY.get(c.kind, "") for c in ignored))
    for question_id, count in sorted(result.refused.items()):
        values = count_of(count, "valeur hors de l'échelle ou illisible", "valeurs hors de l'échelle ou illisibles")
        lines.append(f"{values} pour {question_id} ({texts.get(question_id, '')}), "
                     f"non {'enregistrée' if count < 2 else 'enregistrées'}")
    return lines
