"""One cell of an export read as the answer to a question.

Scale: a whole number within the bounds (« 4 », « 4 – Plutôt d'accord »,
« 4,0 », or the label of one end). Yes/no: oui, non, yes, no, Y, N, 1, 0…
Choice: matched to the choices like headers; otherwise kept as written
(counted under « Autre »). Multiple choice in one cell: the choices joined
with « ; » (Microsoft Forms) or « , » (Google Forms).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from parcours_designer.model.answers.matching import find_choice
from parcours_designer.model.answers.normalise import normalise
from parcours_designer.model.entities import Answer, Question
from parcours_designer.model.enums import QuestionType

YES = {"oui", "yes", "y", "o", "1", "vrai", "true", "x"}
NO = {"non", "no", "n", "0", "faux", "false"}
_LEADING_NUMBER = re.compile(r"^\s*(-?\d+)(?:[.,]0+)?(?![.,]?\d)")
_SEPARATORS = re.compile(r"(\s*;\s*|\s*,\s*)")


@dataclass(frozen=True)
class Reading:
    """What a cell says: an answer, nothing, or a value that cannot be kept."""

    value: Optional[Answer] = None
    refused: bool = False


EMPTY = Reading()


def read_cell(question: Question, cell: str) -> Reading:
    text = cell.strip()
    if not text:
        return EMPTY
    if question.type is QuestionType.SCALE:
        return _scale(question, text)
    if question.type is QuestionType.YES_NO:
        answer = yes_no(text)
        return Reading(answer) if answer is not None else Reading(refused=True)
    if question.type is QuestionType.CHOICE:
        return Reading(find_choice(question, text) or text)
    if question.type is QuestionType.MULTIPLE_CHOICE:
        return Reading(split_choices(question, text))
    return Reading(text)


def yes_no(text: str) -> Optional[bool]:
    word = normalise(text)
    if word in YES:
        return True
    if word in NO:
        return False
    return None


def ticked(text: str) -> bool:
    """A checkbox column's cell: ticked unless empty or a no."""
    return bool(text.strip()) and normalise(text) not in NO


def _scale(question: Question, text: str) -> Reading:
    low, high = question.scale_bounds()
    number = _LEADING_NUMBER.match(text)
    if number:
        step = int(number.group(1))
    elif question.min_label and normalise(text) == normalise(question.min_label):
        step = low
    elif question.max_label and normalise(text) == normalise(question.max_label):
        step = high
    else:
        return Reading(refused=True)
    return Reading(step) if low <= step <= high else Reading(refused=True)


def split_choices(question: Question, text: str) -> list[str]:
    """The choices ticked in one cell; a piece matching no choice is kept as written."""
    whole = find_choice(question, text)
    if whole is not None:
        return [whole]
    parts = _SEPARATORS.split(text)
    pieces, separators = parts[0::2], parts[1::2]
    chosen: list[str] = []
    start = 0
    while start < len(pieces):
        end, found = _longest_choice(question, pieces, separators, start)
        if found is None:
            if pieces[start].strip():
                chosen.append(pieces[start].strip())
            start += 1
        else:
            chosen.append(found)
            start = end
    return list(dict.fromkeys(chosen))


def _longest_choice(question: Question, pieces: list[str], separators: list[str],
                    start: int) -> tuple[int, Optional[str]]:
    """The longest run of pieces from ``start`` that spells a choice (a choice may hold a comma)."""
    for end in range(len(pieces), start, -1):
        joined = pieces[start]
        for k in range(start + 1, end):
            joined += separators[k - 1] + pieces[k]
        found = find_choice(question, joined)
        if found is not None:
            return end, found
    return start + 1, None
