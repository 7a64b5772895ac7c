"""Each finding of the check appears on its target; the example has no error."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from parcours_designer.model import Cost, Funding, Indicator, Pathway, Phase, Topic
from parcours_designer.model.check import RULES, Coverage, Severity, run_check
from parcours_designer.model.enums import IndicatorKind, PartnerStatus, PhaseKind, Priority, QuestionnaireAudience
from parcours_designer.model.frameworks import load_catalog
from parcours_designer.paths import framework_folders
from tests.model.factories import example_pathway


@pytest.fixture(scope="module")
def framework():
    return load_catalog(framework_folders()).default()


def phase(pathway, phase_id):
    return next(p for p in pathway.phases if p.id == phase_id)


def test_example_has_no_error_and_a_high_score(framework):
    result = run_check(example_pathway(), framework)
    assert result.count(Severity.ERROR) == 0
    assert result.count(Severity.WARNING) == 0
    assert result.score >= 90
    assert {c.competence.id for c in result.competences} == {c.id for c in framework.competences()}


def test_only_a_title_fails_many_competences(framework):
    result = run_check(Pathway(title="Vide"), framework)
    rules = {f.rule for f in result.findings}
    assert {"no-needs", "no-objectives", "no-phases", "no-indicators", "no-referent"} <= rules
    assert result.score < 15
    assert result.has_errors


def _objective_without_need(p):
    p.objectives[0].need_ids = []
    return ("objective", "o1")


def _high_need_unanswered(p):
    p.objectives[3].need_ids = ["n3"]
    p.needs[5].priority = Priority.HIGH
    return ("need", "n6")


def _phase_inverted(p):
    phase(p, "ph4").end = date(2027, 3, 10)
    return ("phase", "ph4")


def _phase_before_dependency(p):
    phase(p, "ph6").start = date(2027, 3, 17)
    return ("phase", "ph6")


def _phase_outside_window(p):
    phase(p, "ph13").end = phase(p, "ph13").start = date(2028, 1, 5)
    return ("phase", "ph13")


def _unbalanced(p):
    p.funding[0].amount = Decimal("13000.00")
    return ("pathway", None)


def _in_kind(p):
    p.funding[5].amount = Decimal("1000.00")
    p.funding[4].amount += Decimal("500.00")
    return ("pathway", None)


def _no_indicators(p):
    p.indicators = []
    return ("pathway", None)


def _objective_without_phase(p):
    for ph in p.phases:
        ph.objective_ids = [o for o in ph.objective_ids if o != "o4"]
    return ("objective", "o4")


def _phase_without_objective(p):
    phase(p, "ph8").objective_ids = []
    return ("phase", "ph8")


def _phase_without_facilitator(p):
    phase(p, "ph4").partner_ids = ["p7"]
    return ("phase", "ph4")


def _partner_not_committed(p):
    p.partners[0].status = PartnerStatus.CONTACTED
    return ("partner", "p1")


def _partner_without_contact(p):
    p.partners[4].contact.email = ""
    return ("partner", "p5")


def _consultant_without_cost(p):
    p.costs = [c for c in p.costs if c.partner_id != "p1"]
    p.funding[0].amount -= Decimal("11200.00") - Decimal("0")
    return ("partner", "p1")


def _no_quantitative(p):
    for indicator in p.indicators:
        indicator.kind = IndicatorKind.QUALITATIVE
    return ("pathway", None)


def _no_qualitative(p):
    for indicator in p.indicators:
        indicator.kind = IndicatorKind.QUANTITATIVE
    return ("pathway", None)


def _objective_without_indicator(p):
    p.indicators[3].objective_ids = []
    p.indicators[4].objective_ids = ["o1", "o2"]
    p.indicators[5].objective_ids = []
    p.indicators[6].objective_ids = []
    return ("objective", "o4")


def _no_participant_questionnaire(p):
    p.questionnaires[0].audience = QuestionnaireAudience.PARTNERS
    return ("pathway", None)


def _no_facilitator_questionnaire(p):
    p.questionnaires[1].audience = QuestionnaireAudience.PARTICIPANTS
    return ("pathway", None)


def _no_kind(kind):
    def mutate(p):
        for ph in p.phases:
            if ph.kind in kind:
                ph.kind = PhaseKind.OTHER
        return ("pathway", None)
    return mutate


def _need_without_source(p):
    p.needs[2].sources = []
    return ("need", "n3")


def _gap(p):
    for ph in p.phases[8:]:
        ph.start += timedelta(days=60)
        ph.end += timedelta(days=60)
    p.end = date(2028, 3, 1)
    return ("phase", "ph9")


def _no_referent(p):
    p.referent = None
    return ("pathway", None)


def _no_risk(p):
    p.risks = []
    return ("pathway", None)


def _review_without_topics(p):
    p.review.topics_to_report = []
    return ("pathway", None)


def _room_as_volunteers(p):
    room = next(c for c in p.costs if c.account == "861")
    room.account = "864"
    return ("cost", room.id)


def _subsidy_of_nobody_known(p):
    p.funding[1].partner_id = None  # « Subvention DLA – Banque des Territoires »: no funder to go by
    p.funding[1].label = "Subvention complémentaire"
    return ("funding", p.funding[1].id)


CASES = {
    "account-unsuited": _room_as_volunteers,
    "subsidy-without-funder-category": _subsidy_of_nobody_known,
    "objective-without-need": _objective_without_need,
    "high-need-unanswered": _high_need_unanswered,
    "phase-dates-inverted": _phase_inverted,
    "phase-before-dependency": _phase_before_dependency,
    "phase-outside-window": _phase_outside_window,
    "budget-unbalanced": _unbalanced,
    "in-kind-unbalanced": _in_kind,
    "no-indicators": _no_indicators,
    "objective-without-phase": _objective_without_phase,
    "phase-without-objective": _phase_without_objective,
    "phase-without-facilitator": _phase_without_facilitator,
    "partner-not-committed": _partner_not_committed,
    "partner-without-contact": _partner_without_contact,
    "consultant-without-cost": _consultant_without_cost,
    "no-quantitative-indicator": _no_quantitative,
    "no-qualitative-indicator": _no_qualitative,
    "objective-without-indicator": _objective_without_indicator,
    "no-participant-questionnaire": _no_participant_questionnaire,
    "no-facilitator-questionnaire": _no_facilitator_questionnaire,
    "no-diagnostic-phase": _no_kind({PhaseKind.DIAGNOSTIC}),
    "no-review-phase": _no_kind({PhaseKind.REVIEW}),
    "no-steering-or-follow-up": _no_kind({PhaseKind.STEERING, PhaseKind.FOLLOW_UP}),
    "need-without-source": _need_without_source,
    "phase-gap": _gap,
    "no-referent": _no_referent,
    "no-risk": _no_risk,
    "review-without-topics": _review_without_topics,
}


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_each_defect_is_found_on_its_target(framework, rule_id):
    pathway = example_pathway()
    target_type, target_id = CASES[rule_id](pathway)
    result = run_check(pathway, framework)
    found = [f for f in result.findings if f.rule == rule_id]
    assert found, f"{rule_id} not found"
    assert (found[0].target_type, found[0].target_id) == (target_type, target_id)
    assert found[0].severity == RULES[rule_id].severity
    assert found[0].message.endswith(".")
    competences = {c.competence.id: c for c in result.competences}
    if found[0].severity == Severity.INFO:
        return  # an information never lowers a competence (test below)
    for competence_id in found[0].competence_ids:
        assert competences[competence_id].status != Coverage.COVERED


def test_unbalanced_budget_message_gives_both_totals_and_gap(framework):
    pathway = example_pathway()
    pathway.funding[0].amount = Decimal("13000.00")
    finding = next(f for f in run_check(pathway, framework).findings if f.rule == "budget-unbalanced")
    assert "charges 28\u202f228,00\u00a0€" in finding.message
    assert "produits 27\u202f228,00\u00a0€" in finding.message
    assert "déficit de 1\u202f000,00\u00a0€" in finding.message


def test_dependency_cycle_is_reported_on_each_phase_and_ends(framework):
    pathway = Pathway(title="Cycle", phases=[
        Phase(id="a", title="A", depends_on=["c"]), Phase(id="b", title="B", depends_on=["a"]),
        Phase(id="c", title="C", depends_on=["b"]), Phase(id="d", title="D", depends_on=["d"]),
        Phase(id="e", title="E", depends_on=["a"]),
    ])
    found = [f for f in run_check(pathway, framework).findings if f.rule == "dependency-cycle"]
    assert sorted(f.target_id for f in found) == ["a", "b", "c", "d"]
    assert "« A » → « B » → « C » → « A »" in found[0].message


def test_long_dependency_chain_does_not_recurse(framework):
    phases = [Phase(id=f"p{i}", depends_on=[f"p{i - 1}"] if i else [f"p{9999}"]) for i in range(10_000)]
    found = [f for f in run_check(Pathway(title="Chaîne", phases=phases), framework).findings
             if f.rule == "dependency-cycle"]
    assert len(found) == 10_000


def test_follow_up_phase_after_a_long_pause_is_not_a_gap(framework):
    pathway = example_pathway()
    assert not [f for f in run_check(pathway, framework).findings if f.rule == "phase-gap"]
    assert (phase(pathway, "ph12").start - phase(pathway, "ph11").end).days > 42


def test_topic_without_partner_and_costs_without_account(framework):
    pathway = example_pathway()
    pathway.review.topics_to_report.append(Topic(text="Manque de lieux de répétition"))
    pathway.costs.append(Cost(id="cx", label="Divers", quantity=Decimal("0")))
    pathway.funding.append(Funding(id="fx", label="Divers"))
    rules = {f.rule: f for f in run_check(pathway, framework).findings}
    assert "« Manque de lieux de répétition »" in rules["topic-without-partner"].message
    assert rules["cost-without-account"].target_id == "cx"
    assert rules["funding-without-account"].target_id == "fx"


def test_coverage_rules(framework):
    result = run_check(Pathway(title="Vide"), framework)
    found = {f.rule for f in result.findings}
    for outcome in result.competences:
        weighed = [r for r in outcome.competence.rules if RULES[r].severity != Severity.INFO]
        failing = len([r for r in weighed if r in found])
        errors = any(f.severity == Severity.ERROR for f in outcome.findings)
        if failing == 0:
            assert outcome.status == Coverage.COVERED
        elif errors or 2 * failing >= len(weighed):
            assert outcome.status == Coverage.MISSING
        else:
            assert outcome.status == Coverage.PARTIAL


def test_an_information_never_lowers_a_competence(framework):
    """« 1 financement encore demandé » is normal while designing: no competence drops for it."""
    pathway = example_pathway()
    assert any(f.rule == "funding-not-granted" for f in run_check(pathway, framework).findings)
    catalog = load_catalog(framework_folders())
    for framework_id in catalog.frameworks:
        result = run_check(pathway, catalog.require(framework_id))
        weighed = [f for f in result.findings if f.severity != Severity.INFO]
        if not weighed:
            assert result.score == 100, framework_id
        for outcome in result.competences:
            if all(f.severity == Severity.INFO for f in outcome.findings):
                assert outcome.status == Coverage.COVERED, (framework_id, outcome.competence.id)


def test_score_counts_partial_as_half(framework):
    result = run_check(Pathway(title="Vide", indicators=[Indicator(id="i", kind=IndicatorKind.QUALITATIVE)]), framework)
    expected = {Coverage.COVERED: 1.0, Coverage.PARTIAL: 0.5, Coverage.MISSING: 0.0}
    total = sum(expected[c.status] for c in result.competences)
    assert result.score == round(100 * total / len(result.competences))


def test_every_rule_but_one_evidences_a_competence_of_a_bundled_framework(framework):
    catalog = load_catalog(framework_folders())
    used = {rule for fw in catalog.frameworks.values() for c in fw.competences() for rule in c.rules}
    assert used <= set(RULES)
    assert set(RULES) - used <= {"funding-not-granted"}
    assert {rule for c in framework.competences() for rule in c.rules} <= set(RULES)


def test_scheduled_phases_are_checked_on_their_scheduled_dates(framework):
    pathway = Pathway(title="Durées", start=date(2027, 3, 1), end=date(2027, 3, 31), phases=[
        Phase(id="a", title="Diagnostic", start=date(2027, 3, 1), end=date(2027, 3, 5)),
        Phase(id="b", title="Ateliers", duration_days=30, depends_on=["a"]),
        Phase(id="c", title="Sans rien"),
    ])
    rules = {(f.rule, f.target_id): f for f in run_check(pathway, framework).findings}
    assert ("phase-undated", "b") not in rules
    assert ("phase-undated", "c") in rules
    assert "après la fin du parcours" in rules[("phase-outside-window", "b")].message
    pathway.start = None
    pathway.phases[0].start = pathway.phases[0].end = None
    rules = {(f.rule, f.target_id): f for f in run_check(pathway, framework).findings}
    assert "ne peut pas être placée" in rules[("phase-undated", "b")].message
