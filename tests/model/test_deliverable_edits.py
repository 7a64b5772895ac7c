"""What an edit of a deliverable means for its fields: a status and its date, a date and its status."""

from __future__ import annotations

from datetime import date

import pytest

from parcours_designer.model.deliverable_edits import commented, renamed, with_received_on, with_status
from parcours_designer.model.entities import Deliverable
from parcours_designer.model.enums import DeliverableStatus as S

TODAY = date(2027, 6, 21)
ON = date(2027, 6, 14)


@pytest.mark.parametrize("before, status, after", [
    (Deliverable(title="Plan"), S.REFUSED, (S.REFUSED, TODAY)),  # no date yet: today proposed
    (Deliverable(title="Plan", status=S.RECEIVED, received_on=ON), S.ACCEPTED, (S.ACCEPTED, ON)),  # date kept
    (Deliverable(title="Plan", status=S.ACCEPTED, received_on=ON), S.EXPECTED, (S.EXPECTED, None)),  # not received
])
def test_a_status_and_its_date(before, status, after):
    edited = with_status(before, status, TODAY)
    assert (edited.status, edited.received_on) == after and edited.title == "Plan"


@pytest.mark.parametrize("before, day, after", [
    (Deliverable(title="Plan"), ON, (S.RECEIVED, ON)),  # a date of reception: it came in
    (Deliverable(title="Plan", status=S.REFUSED, received_on=TODAY), ON, (S.REFUSED, ON)),
    (Deliverable(title="Plan", status=S.ACCEPTED, received_on=ON), None, (S.ACCEPTED, None)),
])
def test_a_date_and_its_status(before, day, after):
    edited = with_received_on(before, day)
    assert (edited.status, edited.received_on) == after


def test_the_edited_deliverable_is_a_copy_and_keeps_its_other_fields():
    before = Deliverable(title="Rapport ", status=S.REFUSED, received_on=ON, comment="Incomplet.\n")
    assert renamed(before, "  Rapport final ") == before.model_copy(update={"title": "Rapport final"})
    assert renamed(before, "   ").title == "Rapport "  # an emptied title keeps the old one
    assert commented(before, " Conforme.\n") == before.model_copy(update={"comment": "Conforme."})
    assert with_status(before, S.ACCEPTED, TODAY).comment == "Incomplet.\n"
    assert before == Deliverable(title="Rapport ", status=S.REFUSED, received_on=ON, comment="Incomplet.\n")
