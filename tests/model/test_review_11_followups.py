"""Follow-ups of the review of issue 11: the costs per module count the money spent, and the
manager framework's C16 (operating account) is also evidenced by the réalisé's variances."""

from __future__ import annotations

from decimal import Decimal

from parcours_designer.model.check import Coverage, run_check
from parcours_designer.model.entities import Cost, Phase
from parcours_designer.model.frameworks import load_catalog
from parcours_designer.model.modules import IN_KIND, OUTSIDE_PHASES, costs_by_module
from parcours_designer.model.pathway import Pathway
from parcours_designer.paths import framework_folders
from tests.model.factories import example_pathway


def test_contributions_in_kind_are_on_their_own_line_whatever_their_phase():
    """A room lent free of charge (861) for a module's workshop is not money the module spends."""
    pathway = Pathway(title="T", phases=[Phase(id="a", module="Niveau 1")], costs=[
        Cost(id="c1", phase_id="a", account="6226", unit_cost=Decimal("900")),
        Cost(id="c2", phase_id="a", account="861", unit_cost=Decimal("300")),
        Cost(id="c3", account="864", quantity=Decimal("10"), unit_cost=Decimal("25")),
        Cost(id="c4", account="6251", unit_cost=Decimal("40.50"))])
    assert costs_by_module(pathway) == [("Niveau 1", Decimal("900.00")), (OUTSIDE_PHASES, Decimal("40.50")),
                                        (IN_KIND, Decimal("550.00"))]


def test_the_example_module_table_sums_to_the_charges():
    pathway = example_pathway()
    rows = dict(costs_by_module(pathway))
    assert rows[IN_KIND] == Decimal("1500.00") and rows[OUTSIDE_PHASES] == Decimal("5978.00")
    assert sum(rows.values()) == sum(c.quantity * c.unit_cost for c in pathway.costs)


def test_an_unexplained_variance_weighs_on_the_managers_c16():
    framework = load_catalog(framework_folders()).require("manager-ingenierie-culturelle")
    pathway = example_pathway()

    def c16():
        result = run_check(pathway, framework)
        competence = next(c for c in result.competences if c.competence.id == "c16-suivi-budget")
        return competence, [f for f in competence.findings if f.rule == "variance-unexplained"]

    competence, variances = c16()
    assert "variance-unexplained" in competence.competence.rules and not variances
    assert competence.status == Coverage.COVERED
    for cost in pathway.costs:
        if cost.account.startswith("62"):
            cost.actual_amount = Decimal("0.00")
    competence, variances = c16()
    assert len(variances) == 1 and competence.status == Coverage.PARTIAL  # one warning rule of five
