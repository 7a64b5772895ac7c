"""The officer's judgement of an indicator (``assessment``): it gives the status when the
status cannot be computed; a computed status wins over it."""

from __future__ import annotations

import pytest

from parcours_designer.model import PathwayFileError, load_pathway
from parcours_designer.model.entities import Indicator
from parcours_designer.model.enums import IndicatorAssessment, IndicatorDirection, IndicatorKind
from parcours_designer.model.fileformat import dump_pathway, save_pathway
from parcours_designer.model.indicators import IndicatorStatus, indicator_status, is_judged, read_measure
from tests.model.factories import example_pathway, minimal_document, write_json


def _indicator(kind=IndicatorKind.QUALITATIVE, target="Des rôles clairs", result="Plus clairs pour 9 sur 10",
               assessment=None) -> Indicator:
    return Indicator(id="i1", label="Clarté des rôles", kind=kind, target=target, result=result,
                     assessment=assessment)


@pytest.mark.parametrize(("assessment", "status"), [
    (None, IndicatorStatus.TO_JUDGE),
    (IndicatorAssessment.ACHIEVED, IndicatorStatus.REACHED),
    (IndicatorAssessment.PARTLY_ACHIEVED, IndicatorStatus.PARTLY_REACHED),
    (IndicatorAssessment.NOT_ACHIEVED, IndicatorStatus.MISSED),
])
def test_a_qualitative_indicator_takes_the_officers_judgement(assessment, status):
    indicator = _indicator(assessment=assessment)
    assert indicator_status(indicator) == status
    assert is_judged(indicator) == (assessment is not None)


def test_the_judgement_also_settles_measures_that_do_not_compare():
    """« Au moins 2 » against « 1 seul, 3 en cours »: no number to compare, the officer judges."""
    indicator = _indicator(IndicatorKind.QUANTITATIVE, "Au moins 2", "1 seul, 3 en cours",
                           IndicatorAssessment.PARTLY_ACHIEVED)
    assert indicator_status(indicator) == IndicatorStatus.PARTLY_REACHED


def test_a_computed_status_wins_over_the_judgement():
    indicator = _indicator(IndicatorKind.QUANTITATIVE, 14, "12 semaines", IndicatorAssessment.NOT_ACHIEVED)
    indicator.direction = IndicatorDirection.AT_MOST
    assert indicator_status(indicator) == IndicatorStatus.REACHED and not is_judged(indicator)


def test_a_judgement_without_a_written_result_counts():
    """The officer may judge a qualitative indicator without writing a result; without a
    judgement, the result is still awaited."""
    assert indicator_status(_indicator(result="")) == IndicatorStatus.NO_RESULT
    judged = _indicator(result="", assessment=IndicatorAssessment.ACHIEVED)
    assert indicator_status(judged) == IndicatorStatus.REACHED


@pytest.mark.parametrize(("text", "number"), [
    ("1 500 spectateurs", 1500), ("12 345 678", 12345678), ("1\u202f650,5 €", 1650.5), ("-1 500", -1500),
    ("2 3", None), ("1 5000", None), ("1234 567", None), ("1 seul, 3 en cours", None), ("12 semaines", 12),
])
def test_only_groups_of_three_digits_are_thousands(text, number):
    assert read_measure(text) == number


def test_the_judgement_is_saved_and_a_missing_one_is_never_written(tmp_path):
    pathway = example_pathway()
    assert b'"assessment"' not in dump_pathway(pathway)
    pathway.index("indicators")["i3"].assessment = IndicatorAssessment.PARTLY_ACHIEVED
    path = tmp_path / "jugé.parcours"
    save_pathway(pathway, path)
    assert b'"assessment": "partly_achieved"' in path.read_bytes()
    assert load_pathway(path).index("indicators")["i3"].assessment == IndicatorAssessment.PARTLY_ACHIEVED


def test_an_unknown_judgement_is_refused_by_name(tmp_path):
    document = minimal_document(indicators=[{"id": "i1", "label": "Clarté", "assessment": "bof"}])
    with pytest.raises(PathwayFileError, match="assessment"):
        load_pathway(write_json(tmp_path, document))


def test_the_next_edition_starts_without_this_editions_judgements():
    from parcours_designer.model.next_edition import next_edition

    pathway = example_pathway()
    pathway.index("indicators")["i3"].assessment = IndicatorAssessment.ACHIEVED
    assert all(i.assessment is None for i in next_edition(pathway).indicators)
