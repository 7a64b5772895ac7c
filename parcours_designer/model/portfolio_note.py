"""The « note de remontée »: what goes back to one partner from the whole portfolio.

The topics the pathways ask to report to that partner (with the pathways
they come from) and what that partner funded, pathway by pathway.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from parcours_designer.model.portfolio import ZERO, Portfolio, PortfolioError, TopicGroup
from parcours_designer.model.portfolio_directory import find_partner, partner_directory
from parcours_designer.model.portfolio_keys import text_key
from parcours_designer.model.portfolio_summary import PathwaySummary


@dataclass(frozen=True)
class FundedLine:
    """What the partner put into one pathway."""

    summary: PathwaySummary
    amount: Decimal
    granted: Decimal


@dataclass(frozen=True)
class PartnerNote:
    partner: str
    topics: tuple[TopicGroup, ...]
    funded: tuple[FundedLine, ...]
    pathways: dict[str, PathwaySummary]  # every pathway of the portfolio, by path

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.funded), ZERO)

    @property
    def total_granted(self) -> Decimal:
        return sum((line.granted for line in self.funded), ZERO)

    def title_of(self, path: str) -> str:
        summary = self.pathways.get(path)
        return summary.title if summary else path


def partner_note(portfolio: Portfolio, name: str) -> PartnerNote:
    """The note for the partner called ``name``; a French error when no pathway names it."""
    key = text_key(name)
    entry = find_partner(partner_directory(portfolio), name)
    if entry is None or not key:
        known = ", ".join(e.name for e in partner_directory(portfolio)[:12]) or "aucun"
        raise PortfolioError(f"aucun partenaire « {name} » dans ce portefeuille (par exemple : {known})")
    found = portfolio.partner_topics(name)
    return PartnerNote(entry.name, found.topics if found else (), tuple(_funded(portfolio, key)),
                       {s.path: s for s in portfolio.pathways})


def _funded(portfolio: Portfolio, key: str) -> list[FundedLine]:
    lines = []
    for summary in portfolio.pathways:
        mine = [line for line in summary.funding if text_key(line.partner) == key]
        if mine:
            amount = sum((line.amount for line in mine), ZERO)
            granted = sum((line.amount for line in mine if line.granted), ZERO)
            lines.append(FundedLine(summary, amount, granted))
    return lines
