"""Workload per partner per week and month, overloads, and the check finding."""

from __future__ import annotations

from fractions import Fraction

from parcours_designer.model.check import run_check
from parcours_designer.model.fileformat import load_pathway
from parcours_designer.model.frameworks import load_catalog
from parcours_designer.model.schedule import compute_schedule
from parcours_designer.model.workload import STAFF, Granularity, compute_workload
from parcours_designer.paths import framework_folders
from tests.planning.helpers import EXAMPLE, pathway, phase

CONSULTANT = {"id": "p1", "name": "Claire Morvan", "kind": "consultant"}


def cost(cost_id, quantity, unit="jour", **fields):
    return {"id": cost_id, "label": "Intervention", "account": "6226", "quantity": quantity,
            "unit": unit, "unit_cost": "600", **fields}


def loads(path, granularity):
    workload = compute_workload(path, compute_schedule(path), granularity)
    return {worker: [(load.period.label, load.days, load.overloaded) for load in rows]
            for worker, rows in workload.loads.items()}


def test_days_spread_over_the_working_days_of_the_phase():
    # 25 January – 5 February 2027: 10 working days, 5 in each month and week.
    path = pathway(phase("A", start="2027-01-25", end="2027-02-05", partner_ids=["p1"]),
                   partners=[CONSULTANT], costs=[cost("c1", "4", phase_id="A", partner_id="p1")])
    assert loads(path, Granularity.MONTH) == {"p1": [("janvier 2027", 2, False), ("février 2027", 2, False)]}
    assert loads(path, Granularity.WEEK) == {"p1": [("semaine du 25 janvier 2027", 2, False),
                                                    ("semaine du 1er février 2027", 2, False)]}


def test_more_days_than_working_days_is_an_overload():
    # Tuesday 13 and Thursday 15 July 2027 (14 off): 3 working days in the week of 12 July.
    path = pathway(phase("A", start="2027-07-13", end="2027-07-15"),
                   partners=[CONSULTANT], costs=[cost("c1", "4", phase_id="A", partner_id="p1")])
    week = compute_workload(path, compute_schedule(path), Granularity.WEEK).loads["p1"]
    assert [(w.days, w.period.working_days, w.overloaded) for w in week] == [(4, 4, False)]
    path.costs[0].quantity = 5
    week = compute_workload(path, compute_schedule(path), Granularity.WEEK).loads["p1"]
    assert [(w.days, w.limit, w.overloaded) for w in week] == [(5, 4, True)]


def test_capacity_per_month():
    partner = {**CONSULTANT, "capacity_days_per_month": "8"}
    path = pathway(phase("A", start="2027-03-01", end="2027-03-12"),
                   partners=[partner], costs=[cost("c1", "10", phase_id="A", partner_id="p1")])
    # 10 days in March (over 2 weeks: 5 a week, no weekly overload) against 8 a month.
    assert loads(path, Granularity.MONTH) == {"p1": [("mars 2027", 10, True)]}
    assert all(not over for _, _, over in loads(path, Granularity.WEEK)["p1"])


def test_half_days_staff_and_venues():
    venue = {"id": "p7", "name": "Théâtre", "kind": "venue"}
    path = pathway(
        phase("A", start="2027-03-01", end="2027-03-05"),
        partners=[CONSULTANT, venue],
        costs=[cost("c1", "4", unit="demi-journées", phase_id="A", partner_id="p1"),
               cost("c2", "5", phase_id="A", partner_id="p7"),
               cost("c3", "3", unit="trajet", phase_id="A", partner_id="p1"),
               {**cost("c4", "10"), "account": "641"}],
        start="2027-03-01", end="2027-03-31",
    )
    month = loads(path, Granularity.MONTH)
    # 4 half days = 2 days; the venue and the train tickets are not work; staff (no partner):
    # 10 days over the pathway's window (all of March).
    assert month == {"p1": [("mars 2027", 2, False)], STAFF: [("mars 2027", 10, False)]}


def test_days_of_an_undated_phase_are_listed_as_unplaced():
    path = pathway(phase("A"), partners=[CONSULTANT], costs=[cost("c1", "2", phase_id="A", partner_id="p1")])
    workload = compute_workload(path, compute_schedule(path))
    assert workload.unplaced == ["c1"] and workload.loads == {}


def test_example_has_no_overload_and_a_sensible_load():
    path = load_pathway(EXAMPLE)
    workload = compute_workload(path, compute_schedule(path), Granularity.MONTH)
    assert workload.overloads() == []
    # Claire Morvan (p1): 2.5 + 9 + 2 days.
    assert workload.total("p1") == Fraction(27, 2)


def test_overload_is_a_check_finding_of_the_resources_competence():
    path = load_pathway(EXAMPLE)
    framework = load_catalog(framework_folders()).require(path.framework)
    assert not [f for f in run_check(path, framework).findings if f.rule == "workload-overload"]
    path.costs[1].quantity = 9  # 9 days for the two-day distribution workshop (16–17 March)
    findings = [f for f in run_check(path, framework).findings if f.rule == "workload-overload"]
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.target_type, finding.target_id, finding.severity.value) == ("partner", "p1", "warning")
    assert finding.message == ("« Cabinet Tandem Culture » a 9 jours de travail prévus (semaine du "
                               "15 mars 2027), au-delà des jours ouvrés de la période (5).")
    assert "estimer-moyens" in finding.competence_ids


def test_capacity_overload_message_counts_the_other_periods():
    partner = {**CONSULTANT, "capacity_days_per_month": "3"}
    path = pathway(phase("A", start="2027-03-01", end="2027-04-30"), partners=[partner],
                   costs=[cost("c1", "8", phase_id="A", partner_id="p1")])
    framework = load_catalog(framework_folders()).require(path.framework)
    findings = [f for f in run_check(path, framework).findings if f.rule == "workload-overload"]
    # March 2027 has 23 weekdays but Easter Monday (29) is off: 22; April has 22 weekdays.
    # 8 days over 44 working days: 4 in March, 4 in April; both above 3.
    assert [f.message for f in findings] == [
        "« Claire Morvan » a 4 jours de travail prévus (mars 2027), au-delà de sa capacité "
        "(3 jours par mois) ; 1 autre période en surcharge."]
