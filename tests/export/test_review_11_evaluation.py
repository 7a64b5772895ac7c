"""Review of issue 11: the evaluation summary reports every indicator's status."""

from __future__ import annotations

from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.entities import Indicator
from parcours_designer.model.enums import IndicatorDirection, IndicatorKind
from parcours_designer.model.pathway import Pathway

from .helpers import flat, pdf_text


def test_indicators_are_reported_even_before_objectives_are_written():
    """« Délai (semaines) », target 14, result 12, at most: reached. The pathway has no
    objective yet (a file from another tool, an indicator required by a funder): the
    summary says « Aucun objectif n'est encore défini » and drops the indicator."""
    delay = Indicator(id="i1", label="Délai (semaines)", kind=IndicatorKind.QUANTITATIVE, target=14, result=12,
                      direction=IndicatorDirection.AT_MOST, unit="semaines")
    text = flat(pdf_text(EXPORT_KINDS["evaluation"].render(Pathway(title="Délais", indicators=[delay]), ".pdf")))
    assert "Délai (semaines)" in text and "Atteint" in text


def test_the_officers_judgement_is_printed_as_such():
    """A qualitative indicator judged « Partiellement atteint » prints so, marked as a judgement
    and explained under the table; the RSE commitment it follows shows the same status."""
    from parcours_designer.model.entities import Commitment
    from parcours_designer.model.enums import IndicatorAssessment

    roles = Indicator(id="i1", label="Clarté des rôles", kind=IndicatorKind.QUALITATIVE, target="Des rôles clairs",
                      result="Plus clairs pour 9 structures sur 10", assessment=IndicatorAssessment.PARTLY_ACHIEVED)
    travel = Indicator(id="i2", label="Covoiturage", kind=IndicatorKind.QUANTITATIVE, target="50 %", result="14 %",
                       assessment=IndicatorAssessment.ACHIEVED)
    pathway = Pathway(title="Jugé", indicators=[roles, travel],
                      commitments=[Commitment(id="c1", description="Moins de voitures", indicator_ids=["i1"])])
    text = flat(pdf_text(EXPORT_KINDS["evaluation"].render(pathway, ".pdf")))
    assert "Partiellement atteint (appréciation)" in text
    assert "Non atteint" in text and "Atteint (appréciation)" not in text  # 14 % against 50 %: computed
    assert "statut apprécié par la personne chargée du parcours" in text
    assert "Clarté des rôles : partiellement atteint" in text
