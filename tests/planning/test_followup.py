"""Follow-up: saving a baseline, planned against actual, late phases."""

from __future__ import annotations

from decimal import Decimal

from parcours_designer.model.followup import baseline_edits, follow_up, late_phases
from parcours_designer.model.schedule import compute_schedule
from tests.planning.helpers import d, pathway, phase


def sample(**a_fields):
    return pathway(
        phase("A", start="2027-03-01", end="2027-03-05", **a_fields),
        phase("B", duration_days=2, depends_on=["A"]),
        costs=[{"id": "c1", "label": "Animation", "account": "6226", "phase_id": "A", "quantity": "2",
                "unit": "jour", "unit_cost": "650"}],
    )


def apply(path, edits):
    for edit in edits:
        target = path if edit.list_name is None else path.index(edit.list_name)[edit.item_id]
        for name, value in edit.values.items():
            setattr(target, name, value)


def test_saving_the_baseline_copies_scheduled_dates_and_amounts():
    path = sample()
    edits = baseline_edits(path, compute_schedule(path), d("2027-02-15"))
    assert [(e.list_name, e.item_id, e.values) for e in edits] == [
        (None, None, {"baseline_saved_on": d("2027-02-15")}),
        ("phases", "A", {"baseline_start": d("2027-03-01"), "baseline_end": d("2027-03-05")}),
        ("phases", "B", {"baseline_start": d("2027-03-08"), "baseline_end": d("2027-03-09")}),
        ("costs", "c1", {"baseline_amount": Decimal("1300.00")}),
    ]
    apply(path, edits)
    assert baseline_edits(path, compute_schedule(path), d("2027-02-15"))[1:] == []


def test_late_phases_stand_out():
    path = sample()
    apply(path, baseline_edits(path, compute_schedule(path), d("2027-02-15")))
    # On 3 March, A should have started.
    assert late_phases(path, compute_schedule(path), d("2027-03-03")) == {"A": "aurait dû commencer"}
    path.phases[0].status = "in_progress"
    path.phases[0].actual_start = d("2027-03-01")
    assert late_phases(path, compute_schedule(path), d("2027-03-03")) == {}
    # On Monday 8 it should have ended; B should not have started yet (8 is its first day).
    assert late_phases(path, compute_schedule(path), d("2027-03-08")) == {"A": "aurait dû se terminer"}


def test_a_phase_that_ends_later_than_planned_pushes_and_is_compared():
    path = sample()
    apply(path, baseline_edits(path, compute_schedule(path), d("2027-02-15")))
    path.phases[0].status = "done"
    path.phases[0].actual_start = d("2027-03-01")
    path.phases[0].actual_end = d("2027-03-09")
    path.costs[0].quantity = Decimal("3")
    rows = {row.phase_id: row for row in follow_up(path, compute_schedule(path), d("2027-03-10"))}
    # A ended on Tuesday 9 instead of Friday 5: 2 working days late; B follows on 10–11.
    assert (rows["A"].end_variance, rows["A"].late) == (2, True)
    assert (rows["B"].start, rows["B"].end, rows["B"].end_variance) == (d("2027-03-10"), d("2027-03-11"), 2)
    assert (rows["A"].baseline_cost, rows["A"].cost) == (Decimal("1300.00"), Decimal("1950.00"))
    assert rows["A"].reason == "finit 2 jours ouvrés après la date de référence"


def test_cancelled_phases_are_never_late():
    path = sample(status="cancelled")
    assert late_phases(path, compute_schedule(path), d("2027-12-31")) == {}


def test_nothing_is_late_before_a_baseline_is_saved():
    path = sample()
    assert late_phases(path, compute_schedule(path), d("2027-06-01")) == {}
