"""Review of issue 11: the evaluation summary reports every indicator's status."""

from __future__ import annotations

import pytest

from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.entities import Indicator
from parcours_designer.model.enums import IndicatorDirection, IndicatorKind
from parcours_designer.model.pathway import Pathway

from .helpers import flat, pdf_text


@pytest.mark.xfail(strict=True, reason="review 11: no objective → « Aucun objectif » and no indicator at all")
def test_indicators_are_reported_even_before_objectives_are_written():
    """« Délai (semaines) », target 14, result 12, at most: reached. The pathway has no
    objective yet (a file from another tool, an indicator required by a funder): the
    summary says « Aucun objectif n'est encore défini » and drops the indicator."""
    delay = Indicator(id="i1", label="Délai (semaines)", kind=IndicatorKind.QUANTITATIVE, target=14, result=12,
                      direction=IndicatorDirection.AT_MOST, unit="semaines")
    text = flat(pdf_text(EXPORT_KINDS["evaluation"].render(Pathway(title="Délais", indicators=[delay]), ".pdf")))
    assert "Délai (semaines)" in text and "Atteint" in text
