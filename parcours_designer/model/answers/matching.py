"""Which column of an export holds which question (or a date, or personal data).

A column belongs to a question when its header is the question's id, its
LimeSurvey code, or its text compared with :func:`normalise`. Checkbox
columns of a multiple choice (« Question [Choix] », LimeSurvey's
``code[SQ001]``, Framaforms' option columns under the question's name) hold
one choice each. The header row is the one among the first lines that
matches the most questions (Framaforms writes two or three header lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum
from typing import Optional

from parcours_designer.model.answers.normalise import normalise
from parcours_designer.model.answers.table import ExportTable
from parcours_designer.model.entities import Question, Questionnaire
from parcours_designer.model.enums import QuestionType

HEADER_SEARCH_ROWS = 5
_SUB = re.compile(r"^(.*?)\s*\[([^\[\]]+)\]$")
_CODE_PREFIX = re.compile(r"^([A-Za-z][A-Za-z0-9_]*)\.\s+(.+)$")
_SUBQUESTION_CODE = re.compile(r"^sq0*(\d+)$")
OTHER_WORDS = {"other", "autre", "autres"}

# Headers of the date a response was sent, the most telling first.
DATE_HEADERS = (
    "submitdate", "date de soumission", "horodateur", "timestamp", "heure de fin", "completion time",
    "date d'envoi", "date de la derniere action", "datestamp", "time", "heure", "date",
    "date de debut", "startdate", "heure de debut", "start time",
)
# Headers of columns that say who answered: never stored unless mapped to a question.
PERSONAL_HEADERS = {
    "adresse de messagerie", "adresse e-mail", "adresse email", "adresse mail", "email", "e-mail", "courriel",
    "email address", "nom", "name", "prenom", "nom et prenom", "nom d'utilisateur", "username", "ip address",
    "adresse ip", "ipaddr", "telephone", "token", "firstname", "lastname", "uid", "mail",
}


class ColumnKind(str, Enum):
    QUESTION = "question"  # the answer to a question
    CHOICE = "choice"  # one choice of a question, ticked or not
    OTHER = "other"  # the « other » text of a choice question
    DATE = "date"  # when the response was sent
    PERSONAL = "personal"  # who answered: never stored
    DUPLICATE = "duplicate"  # a question already read from a column before it
    IGNORED = "ignored"


@dataclass(frozen=True)
class ColumnMatch:
    """What one column of the export holds."""

    index: int
    header: str
    kind: ColumnKind
    question_id: Optional[str] = None
    choice: Optional[str] = None

    @property
    def feeds_question(self) -> bool:
        return self.kind in (ColumnKind.QUESTION, ColumnKind.CHOICE, ColumnKind.OTHER)

    def to_question(self, question_id: Optional[str]) -> "ColumnMatch":
        """This column given to ``question_id`` (or ignored when ``None``), as the user corrects it."""
        if question_id is None:
            return replace(self, kind=ColumnKind.IGNORED, question_id=None, choice=None)
        return replace(self, kind=ColumnKind.QUESTION, question_id=question_id, choice=None)


def survey_codes(questionnaire: Questionnaire) -> dict[str, str]:
    """Each question's LimeSurvey code: letters and digits, starting with a letter, unique."""
    codes: dict[str, str] = {}
    for position, question in enumerate(questionnaire.questions, start=1):
        code = re.sub(r"[^A-Za-z0-9]", "", question.id) or f"Q{position}"
        if not code[0].isalpha():
            code = "Q" + code
        while code in codes.values():
            code = f"{code}x{position}"
        codes[question.id] = code
    return codes


class QuestionLookup:
    """The questions of a questionnaire found by id, code or text."""

    def __init__(self, questionnaire: Questionnaire):
        self.by_key: dict[str, Question] = {}
        codes = survey_codes(questionnaire)
        for question in questionnaire.questions:
            for key in (question.text, codes[question.id], question.id):
                if key.strip():
                    self.by_key[normalise(key)] = question

    def find(self, header: str) -> Optional[Question]:
        if not header.strip():
            return None
        found = self.by_key.get(normalise(header))
        if found is None:
            prefixed = _CODE_PREFIX.match(header.strip())
            if prefixed:
                found = self.by_key.get(normalise(prefixed.group(1))) or self.by_key.get(normalise(prefixed.group(2)))
        return found


def find_choice(question: Question, text: str) -> Optional[str]:
    """The choice of ``question`` written ``text`` (or coded SQ001 / A1), if any."""
    wanted = normalise(text)
    for choice in question.choices:
        if normalise(choice) == wanted:
            return choice
    coded = _SUBQUESTION_CODE.match(wanted) or re.match(r"^a0*(\d+)$", wanted)
    if coded and 1 <= int(coded.group(1)) <= len(question.choices):
        return question.choices[int(coded.group(1)) - 1]
    return None


def match_column(index: int, header: str, parent: str, lookup: QuestionLookup) -> ColumnMatch:
    """What the column headed ``header`` (under ``parent``, the cell above) holds."""
    question = lookup.find(header)
    if question is not None:
        return ColumnMatch(index, header, ColumnKind.QUESTION, question.id)
    split = _SUB.match(header.strip())
    if split:
        found = _sub_column(index, header, lookup.find(split.group(1)), split.group(2))
        if found is not None:
            return found
    found = _sub_column(index, header, lookup.find(parent), header) if parent else None
    if found is not None:
        return found
    kind = ColumnKind.PERSONAL if is_personal(header) else ColumnKind.IGNORED
    return ColumnMatch(index, header, kind)


def is_personal(header: str) -> bool:
    """A header that asks who answered: « Adresse e-mail », « Votre nom (facultatif) »…"""
    words = re.sub(r"\(.*?\)", "", normalise(header))
    words = re.sub(r"^(votre|vos|your)\s+", "", words.strip()).strip()
    return words in PERSONAL_HEADERS or any(part in words for part in ("e-mail", "email", "courriel"))


def _sub_column(index: int, header: str, question: Optional[Question], sub: str) -> Optional[ColumnMatch]:
    if question is None:
        return None
    if normalise(sub) in OTHER_WORDS and question.type.has_choices:
        return ColumnMatch(index, header, ColumnKind.OTHER, question.id)
    if question.type.has_choices:
        choice = find_choice(question, sub)
        if choice is not None:
            return ColumnMatch(index, header, ColumnKind.CHOICE, question.id, choice)
    return None


def match_columns(table: ExportTable, questionnaire: Questionnaire) -> tuple[int, list[ColumnMatch]]:
    """The header row's position and what each column holds."""
    lookup = QuestionLookup(questionnaire)
    best: tuple[int, list[ColumnMatch]] = (0, [])
    best_count = -1
    for row_index in range(min(HEADER_SEARCH_ROWS, len(table.rows))):
        columns = _match_row(table, row_index, lookup)
        count = sum(1 for column in columns if column.feeds_question)
        if count > best_count:
            best, best_count = (row_index, columns), count
    header_index, columns = best
    return header_index, _with_date(_first_column_per_question(columns, lookup))


def _match_row(table: ExportTable, row_index: int, lookup: QuestionLookup) -> list[ColumnMatch]:
    header = table.rows[row_index]
    above = table.rows[row_index - 1] if row_index else ("",) * table.width
    parents, current = [], ""
    for cell in above:
        current = cell or current
        parents.append(current)
    return [match_column(i, header[i], parents[i], lookup) for i in range(table.width)]


def _first_column_per_question(columns: list[ColumnMatch], lookup: QuestionLookup) -> list[ColumnMatch]:
    """A second column headed like a one-answer question is left out (its cells would be dropped)."""
    questions = {q.id: q for q in lookup.by_key.values()}
    seen: set[str] = set()
    kept = []
    for column in columns:
        question = questions.get(column.question_id) if column.question_id else None
        if column.kind is ColumnKind.QUESTION and question is not None \
                and question.type is not QuestionType.MULTIPLE_CHOICE:
            if question.id in seen:
                column = replace(column, kind=ColumnKind.DUPLICATE)
            seen.add(question.id)
        kept.append(column)
    return kept


def _with_date(columns: list[ColumnMatch]) -> list[ColumnMatch]:
    """The ignored column whose header best says « sent on » becomes the date column."""
    ranked = [(DATE_HEADERS.index(normalise(c.header)), c.index) for c in columns
              if c.kind is ColumnKind.IGNORED and normalise(c.header) in DATE_HEADERS]
    if not ranked:
        return columns
    chosen = min(ranked)[1]
    return [replace(c, kind=ColumnKind.DATE) if c.index == chosen else c for c in columns]

