"""Risk scenarios: delays in working days, pushes, pinned dates, the pathway's end, extra cost."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parcours_designer.model.entities import Phase
from parcours_designer.model.fileformat import load_pathway
from parcours_designer.model.planning import plan_for
from parcours_designer.model.scenarios import UnknownRisk, compare_scenarios, find_risk
from parcours_designer.model.schedule import compute_schedule
from tests.planning.helpers import EXAMPLE, chain, d, phase


def with_risk(path, **risk):
    path.risks = [*path.risks, risk_model(risk)]
    return path


def risk_model(fields):
    from parcours_designer.model.entities import Risk

    return Risk.model_validate({"id": "r1", "description": "Consultante malade", **fields})


def scenario_chain(end="2027-01-22"):
    """The chain of helpers.chain, plus F dated Monday 18 – Tuesday 19 after D."""
    path = chain(end=end)
    path.phases.append(Phase.model_validate(phase("F", start="2027-01-18", end="2027-01-19", depends_on=["D"])))
    return with_risk(path, delay_days=3, phase_ids=["B"], extra_cost="1250.50")


def test_named_phase_slides_and_dependents_follow_as_far_as_needed():
    path = scenario_chain()
    result = plan_for(path, path.risks[0].id).scenario
    timing = result.schedule.get
    # B: 11–13 January slides 3 working days → 14–18 (weekend in between).
    assert (timing("B").start, timing("B").end) == (d("2027-01-14"), d("2027-01-18"))
    # D (was 14–15) must start after 18: Tuesday 19 – Wednesday 20.
    assert (timing("D").start, timing("D").end) == (d("2027-01-19"), d("2027-01-20"))
    # F (dated 18–19) must start after 20: Thursday 21 – Friday 22, three working days later.
    assert (timing("F").start, timing("F").end) == (d("2027-01-21"), d("2027-01-22"))
    # A and C do not move.
    assert (timing("A").start, timing("C").start) == (d("2027-01-04"), d("2027-01-11"))
    assert {s.phase_id: s.days for s in result.shifts} == {"B": 3, "D": 3, "F": 3}
    assert result.end == d("2027-01-22") and result.end_shift == 3
    assert result.extra_cost == Decimal("1250.50")
    assert result.past_end == []


def test_phases_pushed_past_the_pathway_end():
    path = scenario_chain(end="2027-01-20")
    result = plan_for(path, path.risks[0].id).scenario
    # In the baseline F already ends on 19; now it ends on 22, past Wednesday 20.
    assert result.past_end == ["F"]
    # Latest dates are computed backwards from the end: F has −2 days of slack.
    assert result.schedule.get("F").slack == -2
    assert result.schedule.get("F").critical


def test_phases_pushed_into_a_pinned_date():
    path = chain(end="2027-01-29")
    path.phases.append(Phase.model_validate(phase("E", start="2027-01-18", end="2027-01-18", pinned=True,
                                                  depends_on=["D"])))
    with_risk(path, delay_days=3, phase_ids=["B"])
    result = plan_for(path, path.risks[0].id).scenario
    # D now ends Wednesday 20 but the pinned committee stays on Monday 18.
    assert result.schedule.get("E").start == d("2027-01-18")
    assert result.past_pinned == [("D", "E")]
    assert result.baseline.get("E").conflicts == ()


def test_a_delay_on_two_chained_phases_does_not_add_up():
    path = chain()
    with_risk(path, delay_days=2, phase_ids=["A", "B"])
    result = plan_for(path, path.risks[0].id).scenario
    # A: 4–8 → 6–12; B must follow A (13) and slide 2 days from 11 (13): 13–15.
    assert (result.schedule.get("A").start, result.schedule.get("A").end) == (d("2027-01-06"), d("2027-01-12"))
    assert (result.schedule.get("B").start, result.schedule.get("B").end) == (d("2027-01-13"), d("2027-01-15"))


def test_scenario_delays_over_holidays():
    from tests.planning.helpers import pathway

    path = pathway(phase("A", start="2027-07-12", end="2027-07-13"), phase("B", duration_days=1, depends_on=["A"]))
    with_risk(path, delay_days=2, phase_ids=["A"])
    result = plan_for(path, path.risks[0].id).scenario
    # 12 → (13, 15): Thursday 15; 13 → (15, 16): Friday 16. B follows on Monday 19.
    assert (result.schedule.get("A").start, result.schedule.get("A").end) == (d("2027-07-15"), d("2027-07-16"))
    assert result.schedule.get("B").start == d("2027-07-19")


def test_compare_several_scenarios_with_the_baseline_on_the_example():
    path = load_pathway(EXAMPLE)
    baseline = compute_schedule(path)
    results = compare_scenarios(path, baseline)
    # r2 has no delay and no cost: it changes nothing and is left out.
    assert [r.risk.id for r in results] == ["r1", "r3"]
    r1, r3 = results
    # r1: individual support on distribution (19 April – 11 June) slides 10 working days:
    # 3 May – 25 June (1 May is a Saturday; 6 and 17 May are after the start).
    assert [(s.phase_id, s.start, s.end) for s in r1.shifts] == [("ph6", d("2027-05-03"), d("2027-06-25"))]
    # r3: the first workshop (16–17 March) slides 5 working days: 23–24 March.
    assert [(s.phase_id, s.start, s.end) for s in r3.shifts] == [("ph4", d("2027-03-23"), d("2027-03-24"))]
    assert r1.end == r3.end == baseline.end == d("2027-12-09")


def test_unknown_risk():
    with pytest.raises(UnknownRisk):
        find_risk(chain(), "r9")
