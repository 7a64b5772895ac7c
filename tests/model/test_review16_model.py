"""Review of issue 16, model and file format: defects found, each a failing test until fixed."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from parcours_designer.model import PathwayFileError, parse_pathway
from parcours_designer.model.budget import group_label
from parcours_designer.model.budget_layout import CHARGE_GROUPS, PRODUCT_GROUPS
from parcours_designer.model.check import run_check
from parcours_designer.model.frameworks import load_catalog
from parcours_designer.paths import framework_folders
from tests.model.factories import EXAMPLE, example_pathway


def example_with(change) -> bytes:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    change(document["pathway"])
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def test_a_criterion_weight_above_one_hundred_opens_as_the_contract_allows():
    """pathway-format.md, consultations: « weight: integer ≥ 1 » — no upper bound. A tool weighting
    on 1000 points (or 150) writes a valid file that the program refuses."""
    data = example_with(lambda p: p["consultations"][0]["criteria"][0].__setitem__("weight", 150))
    pathway = parse_pathway(data)
    assert pathway.consultations[0].criteria[0].weight == 150


def test_an_unknown_group_in_variance_explanations_is_named_with_what_is_accepted():
    data = example_with(lambda p: p.__setitem__("variance_explanations", {"6226": "Honoraires plus élevés"}))
    with pytest.raises(PathwayFileError) as refused:
        parse_pathway(data)
    message = str(refused.value)
    assert "variance_explanations" in message
    assert "autre valeur" not in message and "62" in message.split("variance_explanations", 1)[1]


def test_one_invoice_entered_as_forecast_is_no_significant_difference():
    """Mid-pathway the officer enters the first invoice of group 62, exactly as forecast (c2, 1 750 €):
    the check says the group differs by -92 % without explanation; the Réalisé tab paints it red and
    the compte rendu's annex asks to explain it, though the other eleven lines read « non saisi »."""
    framework = load_catalog(framework_folders()).default()
    pathway = example_pathway()
    pathway.index("costs")["c2"].actual_amount = Decimal("1750.00")
    hits = [f for f in run_check(pathway, framework).findings if f.rule == "variance-unexplained"]
    assert hits == []


def test_a_group_of_accounts_has_one_label_in_the_realised_tab_the_check_and_the_report():
    """model.budget.group_label (Réalisé tab, check, annex) and budget_layout (compte rendu's rows)
    name 68 and 70 differently: « 70 – Ventes de produits finis, prestations de services,
    marchandises » against the form's « 70 – Vente de produits finis, de marchandises, prestations
    de services »."""
    differing = {code: (group_label(code), label) for code, label in (*CHARGE_GROUPS, *PRODUCT_GROUPS)
                 if code[:1].isdigit() and group_label(code) != label}
    assert differing == {}
