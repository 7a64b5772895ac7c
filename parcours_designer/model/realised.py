"""The réalisé: forecast against actual, by line and by group of accounts.

The compte rendu financier (CERFA n°15059) lays the budget out group by
group with the forecast, the actual and the difference in euros and percent,
and asks for an explanation of significant differences. A line whose
``actual_amount`` is not entered yet counts as not yet spent (0 €) in the
group's totals, which keep comparing the whole forecast; a group is
*reported* once at least one of its lines has an actual amount.

Whether a group's difference is significant is judged on the lines entered
only (their forecast against their actual): mid-pathway, one invoice entered
exactly as forecast is no difference, whatever the lines still to enter.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from parcours_designer.model.budget import (
    CHARGE_GROUP_LABELS,
    IN_KIND_CHARGES,
    IN_KIND_PRODUCTS,
    PRODUCT_GROUP_LABELS,
    ZERO,
    account_group,
    cost_amount,
    group_label,
)
from parcours_designer.model.entities import Cost, Funding
from parcours_designer.model.pathway import Pathway

# A difference above this share of the forecast must be explained (the form asks for it).
SIGNIFICANT_SHARE = Decimal("0.15")


@dataclass(frozen=True)
class Variance:
    """Forecast, actual and their difference, for a line, a group or a total."""

    forecast: Decimal
    actual: Decimal
    reported: bool

    @property
    def difference(self) -> Decimal:
        return self.actual - self.forecast

    @property
    def percent(self) -> Optional[Decimal]:
        """The difference in percent of the forecast, one decimal (None without a forecast)."""
        if not self.forecast:
            return None
        return (self.difference * 100 / self.forecast).quantize(Decimal("0.1"))

    @property
    def significant(self) -> bool:
        """Reported and off the forecast by more than 15 % (or spent without any forecast)."""
        if not self.reported:
            return False
        if not self.forecast:
            return bool(self.actual)
        return abs(self.difference) > self.forecast * SIGNIFICANT_SHARE


@dataclass(frozen=True)
class LineVariance:
    id: str
    label: str
    account: str
    variance: Variance


@dataclass(frozen=True)
class GroupVariance:
    code: str
    label: str
    lines: tuple[LineVariance, ...]
    variance: Variance
    explanation: str

    @property
    def judged(self) -> Variance:
        """The lines entered only: their forecast against their actual (what the 15 % rule judges)."""
        return sum_variances([line.variance for line in self.lines if line.variance.reported])

    @property
    def partial(self) -> bool:
        """Some lines entered, others not yet."""
        return self.variance.reported and not all(line.variance.reported for line in self.lines)

    @property
    def significant(self) -> bool:
        return self.judged.significant

    @property
    def unexplained(self) -> bool:
        return self.significant and not self.explanation.strip()


@dataclass(frozen=True)
class Realised:
    """The whole réalisé of a pathway: charges and produits, groups and totals."""

    charges: tuple[GroupVariance, ...]
    products: tuple[GroupVariance, ...]

    def total(self, groups: tuple[GroupVariance, ...], in_kind: bool) -> Variance:
        chosen = [g for g in groups if (g.code in (IN_KIND_CHARGES, IN_KIND_PRODUCTS)) == in_kind]
        return sum_variances([g.variance for g in chosen])

    @property
    def total_charges(self) -> Variance:
        return sum_variances([g.variance for g in self.charges])

    @property
    def total_products(self) -> Variance:
        return sum_variances([g.variance for g in self.products])

    @property
    def any_reported(self) -> bool:
        return any(g.variance.reported for g in (*self.charges, *self.products))


def sum_variances(variances: list[Variance]) -> Variance:
    return Variance(sum((v.forecast for v in variances), ZERO), sum((v.actual for v in variances), ZERO),
                    any(v.reported for v in variances))


def _line(item: Cost | Funding, forecast: Decimal) -> LineVariance:
    actual = item.actual_amount
    return LineVariance(item.id, item.label, item.account,
                        Variance(forecast, actual if actual is not None else ZERO, actual is not None))


def _groups(lines: list[LineVariance], order: dict[str, str],
            explanations: dict[str, str]) -> tuple[GroupVariance, ...]:
    by_code: dict[str, list[LineVariance]] = {}
    for line in lines:
        by_code.setdefault(account_group(line.account), []).append(line)
    rank = {code: position for position, code in enumerate(order)}
    codes = sorted(by_code, key=lambda code: rank.get(code, len(rank)))
    return tuple(GroupVariance(code, group_label(code), tuple(by_code[code]),
                               sum_variances([line.variance for line in by_code[code]]),
                               explanations.get(code, ""))
                 for code in codes)


def compute_realised(pathway: Pathway) -> Realised:
    """Forecast against actual for every line and group of the budget."""
    explanations = pathway.variance_explanations
    charges = [_line(cost, cost_amount(cost)) for cost in pathway.costs]
    products = [_line(funding, funding.amount) for funding in pathway.funding]
    return Realised(_groups(charges, CHARGE_GROUP_LABELS, explanations),
                    _groups(products, PRODUCT_GROUP_LABELS, explanations))
