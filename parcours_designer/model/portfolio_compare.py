"""Two editions of a pathway side by side: phases, budget by group, indicators.

Phases and indicators of the two editions are matched by their title
(without case, accents or spacing; in order when a title repeats). A phase
is « moved » when its place among the phases both editions share changed.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Callable, Optional, TypeVar

from parcours_designer.model.budget import ZERO, BudgetGroup, compute_budget
from parcours_designer.model.entities import Cost, Funding
from parcours_designer.model.enums import LABELS, Labelled
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.portfolio_keys import text_key
from parcours_designer.model.references import display_name

T = TypeVar("T")


class PhaseChangeKind(Labelled):
    KEPT = "kept"
    MOVED = "moved"
    ADDED = "added"
    REMOVED = "removed"


LABELS[PhaseChangeKind] = {"kept": "Inchangée", "moved": "Déplacée", "added": "Ajoutée", "removed": "Retirée"}


@dataclass(frozen=True)
class PhaseChange:
    title: str
    kind: PhaseChangeKind
    before_rank: Optional[int]  # 1-based place in each edition
    after_rank: Optional[int]
    before_start: Optional[date] = None
    after_start: Optional[date] = None


@dataclass(frozen=True)
class GroupChange:
    label: str
    before: Decimal
    after: Decimal
    charges: bool  # a group of charges (else of produits)

    @property
    def difference(self) -> Decimal:
        return self.after - self.before


@dataclass(frozen=True)
class IndicatorPair:
    label: str
    before_target: object = None
    before_result: object = None
    after_target: object = None
    after_result: object = None


@dataclass(frozen=True)
class EditionComparison:
    before: str  # « title (edition) »
    after: str
    phases: tuple[PhaseChange, ...]
    budget: tuple[GroupChange, ...]
    indicators: tuple[IndicatorPair, ...]

    def count(self, kind: PhaseChangeKind) -> int:
        return sum(1 for change in self.phases if change.kind == kind)


def edition_name(pathway: Pathway) -> str:
    return f"{pathway.title} ({pathway.edition})" if pathway.edition else pathway.title


def compare_editions(before: Pathway, after: Pathway) -> EditionComparison:
    return EditionComparison(edition_name(before), edition_name(after), tuple(phase_changes(before, after)),
                             tuple(budget_changes(before, after)), tuple(indicator_pairs(before, after)))


def match_by_title(old: list[T], new: list[T], title: Callable[[T], str]) -> dict[int, int]:
    """Positions in ``new`` of the items of ``old`` with the same title (repeats in order)."""
    waiting: dict[str, list[int]] = {}
    for position, item in enumerate(new):
        waiting.setdefault(text_key(title(item)), []).append(position)
    matched = {}
    for position, item in enumerate(old):
        queue = waiting.get(text_key(title(item)))
        if queue:
            matched[position] = queue.pop(0)
    return matched


def _in_place(sequence: list[int]) -> set[int]:
    """The values of the longest increasing subsequence of ``sequence``."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous: list[int] = [-1] * len(sequence)
    for index, value in enumerate(sequence):
        spot = bisect_left(tails, value)
        previous[index] = tail_at[spot - 1] if spot else -1
        if spot == len(tails):
            tails.append(value)
            tail_at.append(index)
        else:
            tails[spot], tail_at[spot] = value, index
    kept, index = set(), tail_at[-1] if tail_at else -1
    while index >= 0:
        kept.add(sequence[index])
        index = previous[index]
    return kept


def phase_changes(before: Pathway, after: Pathway) -> list[PhaseChange]:
    """After's phases in order (kept, moved or added), then the removed ones."""
    matched = match_by_title(before.phases, after.phases, display_name)
    in_place = _in_place([matched[i] for i in sorted(matched)])
    source = {new: old for old, new in matched.items()}
    changes = []
    for position, phase in enumerate(after.phases):
        old = source.get(position)
        if old is None:
            changes.append(PhaseChange(display_name(phase), PhaseChangeKind.ADDED, None, position + 1,
                                       None, phase.start))
            continue
        kind = PhaseChangeKind.KEPT if position in in_place else PhaseChangeKind.MOVED
        changes.append(PhaseChange(display_name(phase), kind, old + 1, position + 1,
                                   before.phases[old].start, phase.start))
    changes += [PhaseChange(display_name(p), PhaseChangeKind.REMOVED, i + 1, None, p.start, None)
                for i, p in enumerate(before.phases) if i not in matched]
    return changes


def budget_changes(before: Pathway, after: Pathway) -> list[GroupChange]:
    """Each group of the budget form present in either edition, charges then produits."""
    old, new = compute_budget(before), compute_budget(after)
    rows = []
    for charges, old_groups, new_groups in ((True, old.charges, new.charges),
                                             (False, old.products, new.products)):
        old_totals = {g.code: g for g in old_groups}
        new_totals = {g.code: g for g in new_groups}
        for code in sorted(set(old_totals) | set(new_totals)):
            group = new_totals.get(code) or old_totals[code]
            rows.append(GroupChange(group.label, _total(old_totals.get(code)), _total(new_totals.get(code)),
                                    charges))
    return rows


def _total(group: Optional[BudgetGroup[Cost]] | Optional[BudgetGroup[Funding]]) -> Decimal:
    return group.total if group is not None else ZERO


def indicator_pairs(before: Pathway, after: Pathway) -> list[IndicatorPair]:
    """Every indicator of either edition, its target and result before and after."""
    matched = match_by_title(before.indicators, after.indicators, display_name)
    source = {new: old for old, new in matched.items()}
    pairs = []
    for position, indicator in enumerate(after.indicators):
        old = before.indicators[source[position]] if position in source else None
        pairs.append(IndicatorPair(display_name(indicator), old.target if old else None,
                                   old.result if old else None, indicator.target, indicator.result))
    pairs += [IndicatorPair(display_name(i), i.target, i.result)
              for position, i in enumerate(before.indicators) if position not in matched]
    return pairs
