"""« Nouvelle édition »: same weekdays a year later, working days kept, results cleared, adjustments carried."""

from __future__ import annotations

from datetime import date

from parcours_designer.model.calendar import WorkCalendar
from parcours_designer.model.entities import ChecklistItem, Closure, Response
from parcours_designer.model.enums import PhaseStatus
from parcours_designer.model.fileformat import dump_pathway, load_pathway, parse_pathway
from parcours_designer.model.next_edition import next_edition, next_edition_name, year_later
from tests.model.factories import EXAMPLE


def test_phases_keep_weekday_and_working_length_a_year_later():
    old = load_pathway(EXAMPLE)
    new = next_edition(old)
    old_days, new_days = WorkCalendar.for_pathway(old), WorkCalendar.for_pathway(new)
    for before, after in zip(old.phases, new.phases):
        assert 357 <= (after.start - before.start).days <= 372
        assert new_days.is_working(after.start)
        assert new_days.count(after.start, after.end) == old_days.count(before.start, before.end)
    ph1 = new.phases[0]
    assert (ph1.start, ph1.start.weekday()) == (date(2028, 1, 17), old.phases[0].start.weekday())
    # 17 April 2028 is Easter Monday: the phase starts the day after, still 38 working days long
    assert new.phases[5].start == date(2028, 4, 18)
    assert (new.edition, new.start) == ("2028", date(2028, 1, 10))


def test_closures_move_to_the_same_dates_and_phases_avoid_them():
    old = load_pathway(EXAMPLE)
    old.closures = [Closure(start=date(2027, 8, 1), end=date(2027, 8, 31), label="Août"),
                    Closure(start=date(2027, 1, 14), end=date(2027, 1, 19), label="Inventaire")]
    new = next_edition(old)
    assert [(c.start, c.end) for c in new.closures] == [(date(2028, 8, 1), date(2028, 8, 31)),
                                                       (date(2028, 1, 14), date(2028, 1, 19))]
    assert new.phases[0].start == date(2028, 1, 20)  # 17 January 2028 falls in the closure


def test_results_answers_and_bilan_are_cleared_adjustments_carried():
    old = load_pathway(EXAMPLE)
    old.phases[0].status = PhaseStatus.DONE
    old.phases[0].actual_start = old.phases[0].actual_end = old.phases[0].start
    old.phases[0].baseline_start = old.phases[0].start
    old.baseline_saved_on = date(2027, 1, 4)
    old.questionnaires[0].responses = [Response(id="r1", answers={"q1-1": 4})]
    old.checklist = [ChecklistItem(text="Déjà fait", done=True), ChecklistItem(text="Encore à faire")]
    new = next_edition(old, "dla-2027.parcours")
    phase = new.phases[0]
    assert (phase.status, phase.actual_start, phase.baseline_start) == (PhaseStatus.PLANNED, None, None)
    assert new.baseline_saved_on is None and new.questionnaires[0].responses == []
    assert all(i.result is None for i in new.indicators) and [i.target for i in new.indicators][0] == 8
    assert new.review.strengths == [] and new.review.topics_to_report == []
    assert [(c.text, c.done) for c in new.checklist] == [
        ("Encore à faire", False), ("Allonger le diagnostic d'une semaine", False),
        ("Programmer la formation avant les accompagnements individuels", False)]
    link = new.previous_edition
    assert (link.uid, link.edition, link.file) == (old.uid, "2027", "dla-2027.parcours")
    assert new.uid and new.uid != old.uid
    assert old.questionnaires[0].responses  # the source is untouched


def test_the_new_edition_is_a_valid_file():
    new = next_edition(load_pathway(EXAMPLE))
    raw = dump_pathway(new)
    assert dump_pathway(parse_pathway(raw)) == raw


def test_edition_names_and_leap_days():
    assert next_edition_name("2026-2027") == "2027-2028"
    assert next_edition_name("Printemps 2027") == "Printemps 2028"
    assert next_edition_name("Saison A") == "Saison A"
    assert year_later(date(2028, 2, 29)) == date(2029, 2, 28)


def test_next_years_funding_is_to_request_again():
    """A grant decided for this edition is not granted for the next one: its lines are « demandé »."""
    from parcours_designer.model.enums import FundingStatus

    old = load_pathway(EXAMPLE)
    assert any(f.status is FundingStatus.GRANTED for f in old.funding)
    new = next_edition(old)
    assert {f.status for f in new.funding} == {FundingStatus.REQUESTED}
    assert [f.amount for f in new.funding] == [f.amount for f in old.funding]
    assert any(f.status is FundingStatus.GRANTED for f in old.funding)  # the source is untouched
