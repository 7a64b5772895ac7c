"""Whether an indicator is reached: its result compared with its target in its direction."""

from __future__ import annotations

import re
from typing import Optional

from parcours_designer.model.entities import Indicator
from parcours_designer.model.enums import LABELS, IndicatorAssessment, IndicatorDirection, IndicatorKind, Labelled
from parcours_designer.model.formatting import format_measure

_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
# « 1 500 », « 12 345 678 »: a first group of one to three digits, then groups of exactly
# three after a space, a no-break space or a narrow no-break space (as French prints them).
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)")


class IndicatorStatus(Labelled):
    REACHED = "reached"
    PARTLY_REACHED = "partly_reached"
    MISSED = "missed"
    NO_RESULT = "no_result"
    TO_JUDGE = "to_judge"


LABELS[IndicatorStatus] = {
    "reached": "Atteint",
    "partly_reached": "Partiellement atteint",
    "missed": "Non atteint",
    "no_result": "Résultat non renseigné",
    "to_judge": "À apprécier",
}


def read_measure(value: object) -> Optional[float]:
    """A target or result as a number: a number, or a text holding exactly one number.

    « 12 semaines » reads 12, « 1 500 spectateurs » 1500 (groups of three digits after the
    first, whatever the space); « 1 seul, 3 en cours » or « 2 3 » hold two numbers and are
    left to the officer's judgement (``None``)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    found = _NUMBER.findall(_THOUSANDS.sub(lambda m: re.sub(r"\D", "", m.group()), str(value)))
    return float(found[0].replace(",", ".")) if len(found) == 1 else None


def _is_blank(value: object) -> bool:
    return value is None or str(value).strip() == ""


def computed_status(indicator: Indicator) -> Optional[IndicatorStatus]:
    """Reached or missed when the indicator is quantitative and target and result read as numbers,
    compared in the indicator's direction; ``None`` when the status cannot be computed."""
    if indicator.kind == IndicatorKind.QUALITATIVE:
        return None
    target, result = read_measure(indicator.target), read_measure(indicator.result)
    if target is None or result is None:
        return None
    reached = {
        IndicatorDirection.AT_LEAST: result >= target,
        IndicatorDirection.AT_MOST: result <= target,
        IndicatorDirection.EQUAL: result == target,
    }[indicator.direction]
    return IndicatorStatus.REACHED if reached else IndicatorStatus.MISSED


ASSESSED_STATUS = {
    IndicatorAssessment.ACHIEVED: IndicatorStatus.REACHED,
    IndicatorAssessment.PARTLY_ACHIEVED: IndicatorStatus.PARTLY_REACHED,
    IndicatorAssessment.NOT_ACHIEVED: IndicatorStatus.MISSED,
}


def indicator_status(indicator: Indicator) -> IndicatorStatus:
    """The computed status when there is one (it wins over the officer's judgement); else the
    officer's judgement (``assessment``); else « to judge », or « no result » while none is written."""
    computed = computed_status(indicator)
    if computed is not None:
        return computed
    if indicator.assessment is not None:
        return ASSESSED_STATUS[indicator.assessment]
    return IndicatorStatus.NO_RESULT if _is_blank(indicator.result) else IndicatorStatus.TO_JUDGE


def is_judged(indicator: Indicator) -> bool:
    """Whether the status printed is the officer's judgement rather than a computation."""
    return computed_status(indicator) is None and indicator.assessment is not None


def with_unit(value: object, unit: str) -> str:
    """« 12 semaines », or « — » when there is no value."""
    if _is_blank(value):
        return "—"
    text = format_measure(value)
    return f"{text} {unit}".strip() if unit and unit not in text else text


DIRECTION_SIGNS = {IndicatorDirection.AT_LEAST: "≥", IndicatorDirection.AT_MOST: "≤", IndicatorDirection.EQUAL: "="}


def target_text(indicator: Indicator) -> str:
    """« ≥ 8 structures », « ≤ 14 semaines »: the target with its direction and unit."""
    shown = with_unit(indicator.target, indicator.unit)
    if shown == "—" or read_measure(indicator.target) is None:
        return shown
    return f"{DIRECTION_SIGNS[indicator.direction]} {shown}"
