"""Whether an indicator is reached: its result compared with its target in its direction."""

from __future__ import annotations

import re
from typing import Optional

from parcours_designer.model.entities import Indicator
from parcours_designer.model.enums import LABELS, IndicatorDirection, IndicatorKind, Labelled
from parcours_designer.model.formatting import format_measure

_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


class IndicatorStatus(Labelled):
    REACHED = "reached"
    MISSED = "missed"
    NO_RESULT = "no_result"
    TO_JUDGE = "to_judge"


LABELS[IndicatorStatus] = {
    "reached": "Atteint",
    "missed": "Non atteint",
    "no_result": "Résultat non renseigné",
    "to_judge": "À apprécier",
}


def read_measure(value: object) -> Optional[float]:
    """A target or result as a number: a number, or a text holding exactly one number.

    « 12 semaines » reads 12; « 1 seul, 3 en cours » holds two numbers and is
    left to the officer's judgement (``None``)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    found = _NUMBER.findall(str(value))
    return float(found[0].replace(",", ".")) if len(found) == 1 else None


def _is_blank(value: object) -> bool:
    return value is None or str(value).strip() == ""


def indicator_status(indicator: Indicator) -> IndicatorStatus:
    """Reached or missed when target and result read as numbers, in the indicator's direction.

    A qualitative indicator, or a result that is not one clear number, is judged by the officer."""
    if _is_blank(indicator.result):
        return IndicatorStatus.NO_RESULT
    if indicator.kind == IndicatorKind.QUALITATIVE:
        return IndicatorStatus.TO_JUDGE
    target, result = read_measure(indicator.target), read_measure(indicator.result)
    if target is None or result is None:
        return IndicatorStatus.TO_JUDGE
    reached = {
        IndicatorDirection.AT_LEAST: result >= target,
        IndicatorDirection.AT_MOST: result <= target,
        IndicatorDirection.EQUAL: result == target,
    }[indicator.direction]
    return IndicatorStatus.REACHED if reached else IndicatorStatus.MISSED


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
