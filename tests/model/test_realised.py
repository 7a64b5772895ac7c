"""The réalisé: forecast against actual by group, significant differences."""

from __future__ import annotations

from decimal import Decimal

from parcours_designer.model.check import run_check
from parcours_designer.model.frameworks import load_catalog
from parcours_designer.model.realised import Variance, compute_realised
from parcours_designer.paths import framework_folders
from tests.model.factories import example_pathway


def test_nothing_reported_before_any_actual_amount():
    realised = compute_realised(example_pathway())
    assert not realised.any_reported
    assert realised.total_charges.forecast == realised.total_products.forecast
    assert all(not g.variance.significant for g in realised.charges)


def test_groups_total_the_whole_forecast_but_are_judged_on_the_lines_entered():
    """Mid-pathway: the group's totals compare the whole forecast with what is entered (a line not entered
    counts 0 €), but whether its difference is significant is judged on the lines entered only."""
    pathway = example_pathway()
    costs = pathway.index("costs")
    costs["c2"].actual_amount = Decimal("1750.00")  # as forecast (2.5 × 700)
    costs["c4"].actual_amount = Decimal("5600.00")  # 8 days instead of 9
    realised = compute_realised(pathway)
    group = next(g for g in realised.charges if g.code == "62")
    assert group.variance.reported and group.partial
    assert group.variance.actual == Decimal("7350.00") and group.variance.forecast == Decimal("22948.00")
    assert group.variance.significant  # -68 % against the whole forecast…
    assert (group.judged.forecast, group.judged.actual) == (Decimal("8050.00"), Decimal("7350.00"))
    assert not group.significant and not group.unexplained  # …but -8,7 % on the lines entered
    lines = {line.id: line.variance for line in group.lines}
    assert lines["c4"].difference == Decimal("-700.00") and lines["c4"].percent == Decimal("-11.1")
    assert not lines["c1"].reported and lines["c1"].actual == 0


def test_a_group_entered_in_part_is_flagged_on_its_lines_entered():
    framework = load_catalog(framework_folders()).default()
    pathway = example_pathway()
    pathway.index("costs")["c4"].actual_amount = Decimal("8000.00")  # 6 300 € forecast: +27 %
    hits = [f for f in run_check(pathway, framework).findings if f.rule == "variance-unexplained"]
    assert len(hits) == 1
    assert "sur les lignes saisies de +1 700,00 € (+27,0 %)" in hits[0].message.replace("\u202f", " ").replace(
        "\u00a0", " ")
    group = next(g for g in compute_realised(pathway).charges if g.code == "62")
    assert group.partial and group.judged.difference == Decimal("1700.00")


def test_significance_threshold_is_fifteen_percent():
    assert not Variance(Decimal("100"), Decimal("115"), True).significant
    assert Variance(Decimal("100"), Decimal("115.01"), True).significant
    assert Variance(Decimal("100"), Decimal("80"), True).significant
    assert not Variance(Decimal("100"), Decimal("0"), False).significant
    assert Variance(Decimal("0"), Decimal("10"), True).significant
    assert Variance(Decimal("0"), Decimal("10"), True).percent is None


def test_unexplained_variance_is_a_finding_until_explained():
    framework = load_catalog(framework_folders()).default()
    pathway = example_pathway()
    for cost in pathway.costs:
        if cost.account.startswith("62"):
            cost.actual_amount = Decimal("0.00")
    pathway.costs[0].actual_amount = Decimal("100.00")
    hits = [f for f in run_check(pathway, framework).findings if f.rule == "variance-unexplained"]
    assert len(hits) == 1 and "62 – Autres services extérieurs" in hits[0].message
    assert "-" in hits[0].message and "%" in hits[0].message
    pathway.variance_explanations = {"62": "Accompagnements reportés à 2028 faute de disponibilité des structures."}
    assert not [f for f in run_check(pathway, framework).findings if f.rule == "variance-unexplained"]
