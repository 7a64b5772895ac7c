"""The working calendar: weekends, French public holidays, closures (dates checked by hand)."""

from __future__ import annotations

from datetime import date, timedelta

from parcours_designer.model.calendar import WorkCalendar, french_holidays, month_starts, week_starts
from tests.planning.helpers import d


def test_french_holidays_2027_in_french():
    found = french_holidays(2027)
    assert found[d("2027-07-14")] == "Fête nationale"
    assert found[d("2027-08-15")] == "Assomption"
    assert d("2027-03-29") in found  # lundi de Pâques
    assert d("2027-05-06") in found  # Ascension
    assert d("2027-05-17") in found  # lundi de Pentecôte
    assert len(found) == 11


def test_weekends_and_holidays_are_not_worked():
    calendar = WorkCalendar()
    assert calendar.is_working(d("2027-07-13"))  # mardi
    assert not calendar.is_working(d("2027-07-14"))  # mercredi férié
    assert not calendar.is_working(d("2027-07-17"))  # samedi
    assert not calendar.is_working(d("2027-08-15"))  # dimanche et férié
    assert not calendar.is_working(d("2028-08-15"))  # mardi férié
    assert calendar.reason_off(d("2027-07-14")) == "Fête nationale"
    assert calendar.reason_off(d("2027-07-17")) == "week-end"
    assert calendar.reason_off(d("2027-07-15")) == ""


def test_closures_are_not_worked():
    calendar = WorkCalendar([(d("2027-08-02"), d("2027-08-27"))])
    assert not calendar.is_working(d("2027-08-10"))
    assert calendar.reason_off(d("2027-08-10")) == "fermeture"
    assert calendar.is_working(d("2027-08-30"))
    # July 2027: 22 weekdays, minus 14 July = 21; August: 2, 3… closed, then 30 and 31.
    assert calendar.count(d("2027-07-01"), d("2027-08-31")) == 21 + 2


def test_count_and_slide_by_hand():
    calendar = WorkCalendar()
    # Monday 12 to Friday 16 July 2027: 14 July is off.
    assert calendar.count(d("2027-07-12"), d("2027-07-16")) == 4
    assert calendar.slide(d("2027-07-13"), 1) == d("2027-07-15")
    assert calendar.slide(d("2027-07-15"), -1) == d("2027-07-13")
    assert calendar.slide(d("2027-07-17"), 1) == d("2027-07-19")  # samedi + 1 → lundi
    assert calendar.slide(d("2027-07-17"), -1) == d("2027-07-16")  # samedi − 1 → vendredi
    assert calendar.slide(d("2027-07-17"), 0) == d("2027-07-17")
    # Friday 26 March 2027 + 1 working day: Easter Monday 29 is off.
    assert calendar.slide(d("2027-03-26"), 1) == d("2027-03-30")
    assert calendar.count(d("2027-07-17"), d("2027-07-18")) == 0


def test_numbering_is_consistent_across_years_and_backwards():
    calendar = WorkCalendar(origin_year=2027)
    for number in range(-700, 900, 13):
        day = calendar.day(number)
        assert calendar.floor(day) == number == calendar.ceil(day)
    # The last working day of 2026 comes right before the first one of 2027 (4 January).
    assert calendar.day(calendar.ceil(d("2027-01-01")) - 1) == d("2026-12-31")
    assert calendar.ceil(d("2027-01-01")) == calendar.floor(d("2027-01-04"))


def test_numbers_match_a_day_by_day_walk():
    calendar = WorkCalendar([(d("2027-12-20"), d("2027-12-31"))])
    day, expected = d("2027-01-04"), calendar.floor(d("2027-01-04"))
    while day < d("2028-03-01"):
        if calendar.is_working(day):
            assert calendar.floor(day) == expected
            expected += 1
        day += timedelta(days=1)


def test_period_starts():
    assert month_starts(d("2027-11-15"), d("2028-01-02")) == [d("2027-11-01"), d("2027-12-01"), d("2028-01-01")]
    assert week_starts(d("2027-07-14"), d("2027-07-26")) == [d("2027-07-12"), d("2027-07-19"), d("2027-07-26")]


def test_non_working_days_listed_with_reasons():
    calendar = WorkCalendar([(d("2027-07-15"), d("2027-07-15"))])
    found = dict(calendar.non_working(d("2027-07-12"), d("2027-07-18")))
    assert found == {date(2027, 7, 14): "Fête nationale", date(2027, 7, 15): "fermeture",
                     date(2027, 7, 17): "week-end", date(2027, 7, 18): "week-end"}
