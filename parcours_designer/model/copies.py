"""What a copy of the officer's work keeps, and what it leaves behind.

A duplicated phase (« Dupliquer ») and next year's edition buy the same work
again: the copy is planned, without actual dates nor baseline, and its
deliverables are expected again, by title only — the status, the date
received and the comment belong to the work already handed in. A duplicated
cost or funding line has spent or received nothing yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar, Union

from parcours_designer.model.entities import Cost, Deliverable, DeliverableEntry, Entity, Funding, Phase, as_deliverable
from parcours_designer.model.enums import PhaseStatus

Item = TypeVar("Item", bound=Entity)


def expected_again(deliverables: Sequence[Union[str, Deliverable]]) -> list[DeliverableEntry]:
    """The same deliverables, awaited again: titles only (a list as a phase holds it)."""
    return [Deliverable(title=as_deliverable(d).title) for d in deliverables]


def to_do_again(phase: Phase) -> None:
    """``phase`` as work still to do: planned, no actual dates, outside any saved baseline,
    its deliverables awaited again."""
    phase.status = PhaseStatus.PLANNED
    phase.actual_start = phase.actual_end = None
    phase.baseline_start = phase.baseline_end = None
    phase.deliverables = expected_again(phase.deliverables)


# What a money line has spent, received or kept as its baseline: this edition's own, never copied.
MONEY_RESULTS: dict[type[Entity], tuple[str, ...]] = {Cost: ("actual_amount", "baseline_amount"),
                                                      Funding: ("actual_amount",)}


def twin_of(item: Item, new_id: str) -> Item:
    """A copy of ``item`` under ``new_id``: a phase's copy is work to do again, a cost line's
    copy has neither an amount spent nor a baseline amount of its own."""
    twin = item.model_copy(deep=True, update={"id": new_id})
    if isinstance(twin, Phase):
        to_do_again(twin)
    for name in MONEY_RESULTS.get(type(twin), ()):
        setattr(twin, name, None)
    return twin
