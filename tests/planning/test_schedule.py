"""Forward scheduling, rétroplanning, slack, critical path, lags, closures, cycles.

Every expected date below was worked out by hand on a 2027 calendar.
"""

from __future__ import annotations

import pytest

from parcours_designer.model.entities import Phase
from parcours_designer.model.schedule import compute_schedule, dependency_graph
from tests.planning.helpers import chain, d, pathway, phase


def dates(schedule, phase_id):
    timing = schedule.get(phase_id)
    return timing.start.isoformat(), timing.end.isoformat()


def test_forward_scheduling_from_the_pathway_start():
    schedule = compute_schedule(chain())
    # 1 January 2027 is a Friday and a holiday: the pathway starts on Monday 4.
    assert dates(schedule, "A") == ("2027-01-04", "2027-01-08")
    assert dates(schedule, "B") == ("2027-01-11", "2027-01-13")
    assert dates(schedule, "C") == ("2027-01-11", "2027-01-11")
    assert dates(schedule, "D") == ("2027-01-14", "2027-01-15")
    assert schedule.end == d("2027-01-15")


def test_changing_one_duration_reflows_the_dependents():
    path = chain()
    path.phases[0].duration_days = 7  # A: 4 → 12 January
    schedule = compute_schedule(path)
    assert dates(schedule, "A") == ("2027-01-04", "2027-01-12")
    assert dates(schedule, "B") == ("2027-01-13", "2027-01-15")
    assert dates(schedule, "C") == ("2027-01-13", "2027-01-13")
    assert dates(schedule, "D") == ("2027-01-18", "2027-01-19")


def test_changing_one_date_reflows_the_dependents():
    path = chain()
    path.phases[0].start = d("2027-02-01")  # A now starts on a Monday, four weeks later
    schedule = compute_schedule(path)
    assert dates(schedule, "A") == ("2027-02-01", "2027-02-05")
    assert dates(schedule, "D") == ("2027-02-11", "2027-02-12")


def test_retroplanning_from_the_pathway_end():
    schedule = compute_schedule(chain(end="2027-01-22"))
    # D may end on Friday 22: 5 working days after 15 → slack 5, latest start Thursday 21.
    d_timing = schedule.get("D")
    assert (d_timing.latest_start, d_timing.latest_end, d_timing.slack) == (d("2027-01-21"), d("2027-01-22"), 5)
    # B must end the day before 21 (Wednesday 20): 5 working days after 13 January.
    b_timing = schedule.get("B")
    assert (b_timing.latest_start, b_timing.latest_end, b_timing.slack) == (d("2027-01-18"), d("2027-01-20"), 5)
    # C may end on 20 too: 7 working days after Monday 11.
    assert schedule.get("C").slack == 7
    # A must end before B's latest start (18): Friday 15, 5 days after 8.
    assert (schedule.get("A").latest_end, schedule.get("A").slack) == (d("2027-01-15"), 5)
    assert schedule.deadline == d("2027-01-22")


def test_critical_means_no_slack():
    """Critical and slack agree: a phase with slack is never critical (issue 12, defect 11)."""
    schedule = compute_schedule(chain(end="2027-01-22"))
    # The pathway ends a week after its last phase: every phase has slack, none is critical.
    assert [schedule.get(p).slack for p in "ABCD"] == [5, 5, 7, 5]
    assert schedule.critical_path() == [] and schedule.least_slack() == 5
    late = compute_schedule(chain(end="2027-01-14"))  # D cannot end before Friday 15
    assert [late.get(p).slack for p in "ABCD"] == [-1, -1, 1, -1]
    assert late.critical_path() == ["A", "B", "D"]
    for result in (schedule, late):
        assert all(t.critical == (t.slack <= 0) for t in result.timings.values())
    without_end = compute_schedule(chain())
    assert [without_end.get(p).slack for p in "ABCD"] == [0, 0, 2, 0]
    assert without_end.critical_path() == ["A", "B", "D"]


def test_pinned_phase_is_a_fixed_end_for_the_retroplanning():
    path = chain(end="2027-03-31")
    path.phases.append(Phase.model_validate(phase("E", start="2027-01-18", end="2027-01-18", pinned=True,
                                                  depends_on=["D"])))
    schedule = compute_schedule(path)
    # E cannot move: D must end on Friday 15, B on Wednesday 13, A on Friday 8.
    assert [schedule.get(p).slack for p in "ABCDE"] == [0, 0, 2, 0, 0]
    assert schedule.get("E").latest_end == d("2027-01-18")
    assert schedule.critical_path() == ["A", "B", "D", "E"]


def test_lag_in_working_days_after_the_dependency():
    schedule = compute_schedule(pathway(
        phase("A", start="2027-03-01", end="2027-03-03"),
        phase("B", duration_days=2, depends_on=["A"], lag_days=2),
    ))
    # A ends Wednesday 3; two working days of lag (Thursday 4, Friday 5): B on Monday 8 and Tuesday 9.
    assert dates(schedule, "B") == ("2027-03-08", "2027-03-09")
    # Backwards the lag counts too: B may end on 9 at the latest, so A on 3.
    assert schedule.get("A").slack == 0


def test_phase_over_14_july_and_15_august_2027():
    schedule = compute_schedule(pathway(
        phase("A", start="2027-07-12", duration_days=5),
        phase("B", start="2027-07-12", duration_days=30),
    ))
    # 12, 13, (14 off), 15, 16, 19 July.
    assert dates(schedule, "A") == ("2027-07-12", "2027-07-19")
    # 4 days in the week of 12 July, then 5 a week: 19 July (9), 26 July (14), 2 Aug (19),
    # 9 Aug (24), 16 Aug (29; 15 August is a Sunday), Monday 23 August is the 30th.
    assert dates(schedule, "B") == ("2027-07-12", "2027-08-23")


def test_assumption_on_a_weekday_in_2028():
    schedule = compute_schedule(pathway(phase("A", start="2028-08-14", duration_days=3)))
    # Monday 14, (Tuesday 15 off), Wednesday 16, Thursday 17.
    assert dates(schedule, "A") == ("2028-08-14", "2028-08-17")


def test_closures_push_scheduled_phases():
    schedule = compute_schedule(pathway(
        phase("A", start="2027-07-26", end="2027-07-30"),
        phase("B", duration_days=3, depends_on=["A"]),
        closures=[{"start": "2027-08-02", "end": "2027-08-27", "label": "Fermeture estivale"}],
    ))
    # A ends Friday 30 July; August is closed until Friday 27: B on 30, 31 August and 1 September.
    assert dates(schedule, "B") == ("2027-08-30", "2027-09-01")


def test_dated_phase_starting_before_its_dependency_slides_later():
    schedule = compute_schedule(pathway(
        phase("A", start="2027-01-04", end="2027-01-08"),
        phase("G", start="2027-01-05", end="2027-01-06", depends_on=["A"]),
    ))
    # G must start on Monday 11: 4 working days after Tuesday 5; its end slides by 4 too.
    assert dates(schedule, "G") == ("2027-01-11", "2027-01-12")
    assert schedule.get("G").pushed == 4


def test_dated_phases_keep_their_dates():
    schedule = compute_schedule(pathway(
        phase("A", start="2027-01-04", end="2027-01-08"),
        phase("B", start="2027-02-01", end="2027-02-03", depends_on=["A"]),
        phase("M", start="2027-02-10", end="2027-02-10", milestone=True, depends_on=["B"]),
    ))
    assert dates(schedule, "B") == ("2027-02-01", "2027-02-03")
    assert dates(schedule, "M") == ("2027-02-10", "2027-02-10")
    assert schedule.get("B").pushed == 0


def test_pinned_phase_never_moves_and_reports_the_conflict():
    schedule = compute_schedule(pathway(
        phase("A", start="2027-01-04", end="2027-01-08"),
        phase("P", start="2027-01-07", end="2027-01-07", pinned=True, depends_on=["A"]),
    ))
    assert dates(schedule, "P") == ("2027-01-07", "2027-01-07")
    assert schedule.get("P").conflicts == ("A",)


def test_cycles_are_reported_never_looped_on():
    path = pathway(
        phase("X", duration_days=2, depends_on=["Y"]),
        phase("Y", duration_days=2, depends_on=["X"]),
        phase("Z", duration_days=2, depends_on=["X"]),
        phase("S", duration_days=1, depends_on=["S"]),
        start="2027-01-04",
    )
    schedule = compute_schedule(path)
    assert sorted(map(sorted, schedule.cycles)) == [["S"], ["X", "Y"]]
    # The links of the loop are ignored: X and Y start with the pathway, Z after X.
    assert dates(schedule, "X") == ("2027-01-04", "2027-01-05")
    assert dates(schedule, "Y") == ("2027-01-04", "2027-01-05")
    assert dates(schedule, "Z") == ("2027-01-06", "2027-01-07")
    assert dates(schedule, "S") == ("2027-01-04", "2027-01-04")


def test_topological_order_keeps_file_order_among_equals():
    path = pathway(phase("B", depends_on=["A"]), phase("C"), phase("A"), phase("D", depends_on=["B"]))
    assert dependency_graph(path.phases).order == ("C", "A", "B", "D")


@pytest.mark.parametrize(("fields", "reason"), [
    ({}, "non datée (ni dates ni durée)"),
    ({"start": "2027-01-08", "end": "2027-01-04"}, "dates incohérentes (la fin précède le début)"),
    ({"start": "2027-01-04", "end": "2027-01-08", "status": "cancelled"}, "annulée"),
])
def test_phases_that_cannot_be_scheduled_say_why(fields, reason):
    schedule = compute_schedule(pathway(phase("A", **fields)))
    assert schedule.unscheduled == {"A": reason}
    assert schedule.to_json() == {"end": None, "phases": [
        {"id": "A", "start": None, "end": None, "latest_start": None, "latest_end": None,
         "slack_days": None, "critical": False}]}


def test_duration_without_any_start_waits_for_a_date():
    schedule = compute_schedule(pathway(phase("A", duration_days=3)))
    assert "A" in schedule.unscheduled


def test_other_ways_of_giving_dates():
    schedule = compute_schedule(pathway(
        phase("S", start="2027-07-13"),  # a single day
        phase("E", end="2027-07-16", duration_days=3),  # 16, 15 and (14 off) 13 July
        phase("M", duration_days=0, milestone=True, depends_on=["S"]),
        start="2027-07-01",
    ))
    assert dates(schedule, "S") == ("2027-07-13", "2027-07-13")
    assert dates(schedule, "E") == ("2027-07-13", "2027-07-16")
    assert dates(schedule, "M") == ("2027-07-15", "2027-07-15")


def test_actual_dates_replace_the_planned_ones():
    schedule = compute_schedule(pathway(
        phase("A", start="2027-01-04", end="2027-01-08", actual_start="2027-01-05",
              actual_end="2027-01-12", status="done"),
        phase("B", duration_days=1, depends_on=["A"]),
    ))
    assert dates(schedule, "A") == ("2027-01-05", "2027-01-12")
    assert dates(schedule, "B") == ("2027-01-13", "2027-01-13")


def test_json_follows_the_contract_on_the_example():
    from parcours_designer.model.fileformat import load_pathway
    from tests.planning.helpers import EXAMPLE

    result = compute_schedule(load_pathway(EXAMPLE)).to_json()
    assert result["end"] == "2027-12-09"
    assert [p["id"] for p in result["phases"]] == [f"ph{n}" for n in range(1, 14)]
    last = result["phases"][-1]
    # The closing committee (Thursday 9 December) may move to Friday 17, the pathway's end:
    # 10, 13, 14, 15, 16, 17 December → 6 working days.
    assert last == {"id": "ph13", "start": "2027-12-09", "end": "2027-12-09", "latest_start": "2027-12-17",
                    "latest_end": "2027-12-17", "slack_days": 6, "critical": False}
