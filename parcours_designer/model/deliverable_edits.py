"""What an edit of a deliverable in the Étapes page's table means for its fields.

Pure functions: each returns the deliverable once edited (a copy), and the
editor pushes the phase's list — that one deliverable changed, the others as
the document holds them — as one undoable command; an edit that changes
nothing is no command. The rules of reception live here, not in the widgets.
"""

from __future__ import annotations

from datetime import date
from typing import Optional

from parcours_designer.model.entities import Deliverable
from parcours_designer.model.enums import DeliverableStatus


def with_status(deliverable: Deliverable, status: DeliverableStatus, today: date) -> Deliverable:
    """Reçu, Accepté or Refusé without a date: received ``today`` (a proposal the officer
    corrects); back to Attendu: not received after all, the date goes."""
    received_on = deliverable.received_on
    if status == DeliverableStatus.EXPECTED:
        received_on = None
    elif received_on is None:
        received_on = today
    return deliverable.model_copy(update={"status": status, "received_on": received_on})


def with_received_on(deliverable: Deliverable, day: Optional[date]) -> Deliverable:
    """A date of reception on an awaited deliverable: it came in (Reçu). A date cleared
    leaves the status as the officer chose it."""
    changes: dict[str, object] = {"received_on": day}
    if day is not None and deliverable.status == DeliverableStatus.EXPECTED:
        changes["status"] = DeliverableStatus.RECEIVED
    return deliverable.model_copy(update=changes)


def renamed(deliverable: Deliverable, text: str) -> Deliverable:
    """The title typed, trimmed; an emptied title keeps the old one."""
    return deliverable.model_copy(update={"title": text.strip() or deliverable.title})


def commented(deliverable: Deliverable, text: str) -> Deliverable:
    """The comment typed, trimmed (it may be emptied)."""
    return deliverable.model_copy(update={"comment": text.strip()})
