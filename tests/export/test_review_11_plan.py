"""Review of issue 11 in the plan: the costs per module read as the money spent."""

from __future__ import annotations

from parcours_designer.export.registry import EXPORT_KINDS
from tests.model.factories import example_pathway

from .helpers import flat, pdf_text


def test_contributions_in_kind_have_their_own_line_in_the_costs_per_module():
    text = flat(pdf_text(EXPORT_KINDS["plan"].render(example_pathway(), ".pdf")))
    modules = text.split("Coûts par module", 1)[1].split("Indicateurs d'évaluation", 1)[0]
    assert "Hors étape 5 978,00 €" in modules
    assert "Contributions volontaires en nature 1 500,00 €" in modules
    assert "Les modules comptent les dépenses prévues" in modules
