"""The CERFA n°12156 layout shared by every budget document, and the funder categories of 74."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parcours_designer.model import Cost, Funding, Partner, Pathway
from parcours_designer.model.budget import cost_amount
from parcours_designer.model.budget_layout import CATEGORY, GROUP, LINE, TO_CLASSIFY, TO_DETAIL, budget_layout
from parcours_designer.model.enums import FunderCategory as C
from parcours_designer.model.enums import PartnerKind
from parcours_designer.model.fileformat import dump_pathway
from parcours_designer.model.funders import category_from_name, funder_category
from tests.model.factories import example_pathway


@pytest.mark.parametrize("name, category", [
    ("État – DREETS Normandie (DLA)", C.STATE),
    ("DRAC Bretagne", C.STATE),
    ("Conseil régional de Normandie", C.REGION),
    ("Région Pays de la Loire", C.REGION),
    ("Conseil départemental de la Manche", C.DEPARTMENT),
    ("Communauté de communes Côte Ouest Centre Manche", C.INTERMUNICIPALITY),
    ("Ville de Coutances", C.MUNICIPALITY),
    ("CAF de la Manche", C.SOCIAL_BODIES),
    ("FSE+ Normandie", C.EUROPEAN_FUNDS),
    ("Agence de services et de paiement", C.ASP),
    ("Banque des Territoires", C.OTHER_PUBLIC),
    ("Fondation de France", C.PRIVATE),
    ("Cabinet Tandem Culture", None),
])
def test_category_is_proposed_from_the_name(name, category):
    assert category_from_name(name) is category


def test_a_chosen_category_wins_and_kind_is_the_last_resort():
    mairie = Partner(id="p", name="Les Amis", kind=PartnerKind.LOCAL_AUTHORITY)
    line = Funding(id="f", label="Subvention", account="74", partner_id="p")
    assert funder_category(line, {"p": mairie}) is C.MUNICIPALITY
    line.funder_category = C.REGION
    assert funder_category(line, {"p": mairie}) is C.REGION
    assert funder_category(Funding(id="g", label="Aide"), {}) is None


def test_every_group_of_the_form_is_listed_even_empty():
    layout = budget_layout(Pathway(title="Vide"))
    assert [g.code for g in layout.charges.groups] == ["60", "61", "62", "63", "64", "65", "66", "67", "68",
                                                       "indirect"]
    assert [g.code for g in layout.products.groups] == ["70", "73", "74", "75", "76", "78"]
    subsidies = next(g for g in layout.products.groups if g.code == "74")
    assert [c.label for c in subsidies.children] == [c.label for c in C]
    assert [c.code for c in layout.charges.in_kind.children] == ["860", "861", "862", "864"]
    assert [c.code for c in layout.products.in_kind.children] == ["870", "871", "875"]
    assert layout.is_empty and layout.charges.total == 0


def test_example_totals_cash_then_with_contributions_in_kind():
    layout = budget_layout(example_pathway())
    assert layout.charges.total == layout.products.total == Decimal("26728.00")
    assert layout.charges.total_with_in_kind == layout.products.total_with_in_kind == Decimal("28228.00")
    assert (layout.granted, layout.requested) == (Decimal("22228.00"), Decimal("4500.00"))
    subsidies = next(g for g in layout.products.groups if g.code == "74")
    by_label = {c.label: c.amount for c in subsidies.children}
    assert by_label["État"] == 14000 and by_label["Département(s)"] == 4500
    assert by_label["Autres établissements publics"] == 6000 and by_label["Région(s)"] == 0
    rows = layout.side_by_side()
    assert rows[0][0][1].code == "60" and rows[0][1][1].code == "70"
    assert {row.level for _d, row in layout.charges.rows()} == {GROUP, LINE}
    assert CATEGORY in {row.level for _d, row in layout.products.rows()}


def test_unclassified_lines_are_shown_apart():
    pathway = example_pathway()
    pathway.costs[-1].account = "86"
    pathway.funding.append(Funding(id="fx", label="Aide", account="74", amount=Decimal("10")))
    layout = budget_layout(pathway)
    assert layout.charges.in_kind.children[-1].label == TO_DETAIL
    subsidies = next(g for g in layout.products.groups if g.code == "74")
    assert subsidies.children[-1].label == TO_CLASSIFY and subsidies.children[-1].amount == 10


def test_whole_euros_round_each_line_so_that_totals_add_up():
    pathway = example_pathway()
    pathway.costs[0].unit_cost = Decimal("650.35")
    pathway.costs[1].unit_cost = Decimal("700.10")  # 2,5 × 700,10 = 1 750,25
    layout = budget_layout(pathway, whole_euros=True)
    lines = [row.amount for _d, row in layout.charges.rows() if row.level == LINE]
    assert all(amount == amount.to_integral_value() for amount in lines)
    assert layout.charges.total == sum(lines) == Decimal("26730")


def test_another_amount_gives_the_same_rows():
    """The compte rendu financier reuses the layout with the actual amounts."""
    pathway = example_pathway()
    forecast = budget_layout(pathway)
    halved = budget_layout(pathway, amount_of=lambda line: (cost_amount(line) if isinstance(line, Cost) else
                                                            line.amount) / 2)
    assert [r.label for _d, r in forecast.charges.rows()] == [r.label for _d, r in halved.charges.rows()]
    assert halved.charges.total * 2 == forecast.charges.total


def test_the_category_is_optional_in_the_file():
    pathway = example_pathway()
    assert b"funder_category" not in dump_pathway(pathway)
    pathway.funding[0].funder_category = C.STATE
    assert b'"funder_category": "state"' in dump_pathway(pathway)
