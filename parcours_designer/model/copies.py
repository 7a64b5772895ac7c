"""What a copy of the officer's work keeps, and what it leaves behind.

A duplicated phase (« Dupliquer ») and next year's edition buy the same work
again: their deliverables are expected again, by title only — the status,
the date received and the comment belong to the work already handed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar, Union

from parcours_designer.model.entities import Deliverable, DeliverableEntry, Entity, Phase, as_deliverable

Item = TypeVar("Item", bound=Entity)


def expected_again(deliverables: Sequence[Union[str, Deliverable]]) -> list[DeliverableEntry]:
    """The same deliverables, awaited again: titles only (a list as a phase holds it)."""
    return [Deliverable(title=as_deliverable(d).title) for d in deliverables]


def twin_of(item: Item, new_id: str) -> Item:
    """A copy of ``item`` under ``new_id``; a phase's copy expects its deliverables again."""
    updates: dict[str, object] = {"id": new_id}
    if isinstance(item, Phase):
        updates["deliverables"] = expected_again(item.deliverables)
    return item.model_copy(deep=True, update=updates)
