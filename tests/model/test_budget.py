"""The budget prévisionnel: exact totals, CERFA groups, balances, breakdowns."""

from __future__ import annotations

from decimal import Decimal

from parcours_designer.model import Cost, Funding, Pathway
from parcours_designer.model.budget import (
    charges_by_partner, charges_by_phase, compute_budget, cost_amount, products_by_partner,
    subsidies_by_funder, total_charges, total_products,
)
from parcours_designer.model.formatting import format_date_long, format_money, format_quantity
from tests.model.factories import example_pathway

D = Decimal


def test_line_amount_rounds_half_up_to_the_cent():
    assert cost_amount(Cost(id="a", quantity=D("0.5"), unit_cost=D("0.25"))) == D("0.13")
    assert cost_amount(Cost(id="b", quantity=D("1.5"), unit_cost=D("0.05"))) == D("0.08")
    assert cost_amount(Cost(id="c", quantity=D("3"), unit_cost=D("0.10"))) == D("0.30")


def test_no_binary_float_drift_over_many_lines():
    pathway = Pathway(title="T", costs=[Cost(id=str(i), account="606", quantity=D("1"), unit_cost=D("0.10"))
                                        for i in range(1000)])
    assert total_charges(pathway) == D("100.00")


def test_example_budget_by_group_and_balance():
    budget = compute_budget(example_pathway())
    assert [g.code for g in budget.charges] == ["62", "64", "86"]
    assert [g.code for g in budget.products] == ["70", "74", "75", "87"]
    assert budget.total_charges == D("28228.00") == budget.total_products
    assert budget.is_balanced and budget.in_kind_balanced
    assert budget.in_kind_charges == D("1500.00")
    assert next(g for g in budget.charges if g.code == "62").total == D("22948.00")
    assert next(g for g in budget.products if g.code == "74").label == "74 – Subventions d'exploitation"


def test_breakdowns_by_phase_and_partner_add_up():
    pathway = example_pathway()
    by_phase = charges_by_phase(pathway)
    assert by_phase["ph12"] == D("2700.00")
    assert by_phase[None] == D("924.00") + D("894.00") + D("380.00") + D("3780.00") + D("1500.00")
    assert sum(by_phase.values()) == total_charges(pathway)
    by_partner = charges_by_partner(pathway)
    assert by_partner["p1"] == D("1750.00") + D("6300.00") + D("1400.00")
    assert sum(by_partner.values()) == total_charges(pathway)
    assert products_by_partner(pathway)["p4"] == D("14000.00")
    assert sum(products_by_partner(pathway).values()) == total_products(pathway)
    assert [f.id for f in subsidies_by_funder(pathway)] == ["f1", "f2", "f3"]


def test_unclassified_lines_are_grouped_apart():
    budget = compute_budget(Pathway(title="T", costs=[Cost(id="a", unit_cost=D("10"))],
                                    funding=[Funding(id="f", account="74", amount=D("10"))]))
    assert budget.charges[0].code == "??" and budget.charges[0].label == "Compte non renseigné"
    assert budget.is_balanced


def test_french_formatting():
    from datetime import date

    assert format_money(D("1234.5")) == "1\u202f234,50\u00a0€"
    assert format_money(D("-1000000")) == "-1\u202f000\u202f000,00\u00a0€"
    assert format_money(D("0")) == "0,00\u00a0€"
    assert format_quantity(D("2.50")) == "2,50" and format_quantity(D("100")) == "100"
    assert format_date_long(date(2027, 3, 15)) == "lundi 15 mars 2027"
    assert format_date_long(date(2027, 8, 1)) == "dimanche 1er août 2027"
