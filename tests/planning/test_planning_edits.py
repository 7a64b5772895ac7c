"""What moving, stretching and linking bars does to a phase's fields."""

from __future__ import annotations

from parcours_designer.model.planning_edits import link_problem, moved_fields, stretched_fields
from parcours_designer.model.schedule import compute_schedule
from tests.planning.helpers import chain, d, pathway, phase


def setup(*phases, **fields):
    path = pathway(*phases, **fields)
    schedule = compute_schedule(path)
    return path, schedule


def test_moving_keeps_the_kind_of_dates():
    path, schedule = setup(
        phase("A", start="2027-03-01", end="2027-03-05"),
        phase("B", duration_days=3, depends_on=["A"]),
        phase("C", end="2027-03-12"),
        phase("S", start="2027-03-15", duration_days=2),
        start="2027-03-01",
    )
    timing = schedule.get
    assert moved_fields(path.phases[0], timing("A"), 7) == {"start": d("2027-03-08"), "end": d("2027-03-12")}
    # B is placed on 8–10 March; moving it gives it a start of its own.
    assert moved_fields(path.phases[1], timing("B"), 2) == {"start": d("2027-03-10")}
    assert moved_fields(path.phases[2], timing("C"), -1) == {"end": d("2027-03-11")}
    assert moved_fields(path.phases[3], timing("S"), 1) == {"start": d("2027-03-16")}
    assert moved_fields(path.phases[0], timing("A"), 0) is None


def test_real_dates_are_not_moved_from_the_chart():
    path, schedule = setup(phase("A", start="2027-03-01", end="2027-03-05", actual_start="2027-03-02"))
    assert moved_fields(path.phases[0], schedule.get("A"), 3) is None
    assert stretched_fields(path.phases[0], schedule.get("A"), d("2027-03-09"), schedule.calendar) is None


def test_stretching_a_duration_counts_working_days():
    path = chain()
    schedule = compute_schedule(path)
    b = path.phases[1]  # 11–13 January 2027
    assert stretched_fields(b, schedule.get("B"), d("2027-01-18"), schedule.calendar) == {"duration_days": 6}
    # Dragged onto a weekend: Saturday 16 counts as up to Friday 15, 5 days.
    assert stretched_fields(b, schedule.get("B"), d("2027-01-16"), schedule.calendar) == {"duration_days": 5}
    # Never shorter than one day.
    assert stretched_fields(b, schedule.get("B"), d("2027-01-01"), schedule.calendar) == {"duration_days": 1}


def test_stretching_dated_phases_and_milestones():
    path, schedule = setup(phase("A", start="2027-03-01", end="2027-03-05"),
                           phase("M", start="2027-03-10", end="2027-03-10", milestone=True))
    assert stretched_fields(path.phases[0], schedule.get("A"), d("2027-03-09"), schedule.calendar) == {
        "end": d("2027-03-09")}
    assert stretched_fields(path.phases[0], schedule.get("A"), d("2027-03-05"), schedule.calendar) is None
    assert stretched_fields(path.phases[1], schedule.get("M"), d("2027-03-12"), schedule.calendar) is None


def test_link_problems():
    path = chain()
    assert link_problem(path, "C", "B") is None
    assert link_problem(path, "B", "B") == "Une étape ne peut pas dépendre d'elle-même."
    assert link_problem(path, "A", "B") == "Cette dépendance existe déjà."
    assert link_problem(path, "D", "A").startswith("Cette dépendance créerait un cycle")
    assert link_problem(path, "A", "Z") == "Étape introuvable."
