"""A portfolio: every pathway of a folder, seen together.

Need categories, partners (by name), topics (by text) and funders from
different files are the same when their names are equal without regard to
case, accents and spacing (:mod:`portfolio_keys`); each is shown with its
most frequent spelling.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Optional

from parcours_designer.model.errors import PathwayError
from parcours_designer.model.portfolio_keys import Grouped, text_key, unique
from parcours_designer.model.portfolio_summary import PathwaySummary
from parcours_designer.model.types import round_cents

ZERO = Decimal("0.00")


class PortfolioError(PathwayError):
    """A portfolio that cannot be read, or a partner it does not know: one French message."""


@dataclass(frozen=True)
class Unreadable:
    """A file of the folder that is not a usable pathway, and why (French)."""

    path: str
    message: str

    def line(self) -> str:
        """``folder/x.parcours : why`` (the message names the file without its folder)."""
        name = self.path.rsplit("/", 1)[-1]
        return f"{self.path} : {self.message.removeprefix(f'{name} : ')}"


@dataclass(frozen=True)
class CategoryGroup:
    category: str
    pathways: tuple[str, ...]


@dataclass(frozen=True)
class TopicGroup:
    text: str
    pathways: tuple[str, ...]


@dataclass(frozen=True)
class PartnerTopics:
    partner: str
    topics: tuple[TopicGroup, ...]


@dataclass(frozen=True)
class FunderTotal:
    partner: str
    amount: Decimal
    granted: Decimal
    pathways: tuple[str, ...]


@dataclass
class Portfolio:
    """The readable pathways (summaries, by path) and the unreadable files."""

    pathways: list[PathwaySummary] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)

    def summary(self, path: str) -> Optional[PathwaySummary]:
        return next((s for s in self.pathways if s.path == path), None)

    def need_categories(self) -> list[CategoryGroup]:
        """Each category of need and the pathways that name it, the most frequent first."""
        grouped: Grouped[str] = Grouped()
        for summary in self.pathways:
            for category in summary.need_categories:
                grouped.add(category, summary.path)
        groups = [CategoryGroup(name, tuple(unique(paths))) for name, paths in grouped.items()]
        return sorted(groups, key=lambda g: (-len(g.pathways), text_key(g.category)))

    def topics(self) -> list[PartnerTopics]:
        """For each partner, the topics to report to it and the pathways they come from."""
        partners: Grouped[tuple[str, str]] = Grouped()
        for summary in self.pathways:
            for topic in summary.topics:
                for partner in topic.partners:
                    partners.add(partner, (topic.text, summary.path))
        names = self.partner_names()
        result = [PartnerTopics(names.get(key, partners.shown(key)), _topic_groups(partners.values[key]))
                  for key in partners.keys()]
        return sorted(result, key=lambda p: text_key(p.partner))

    def funders(self) -> list[FunderTotal]:
        """What each funder puts in over the pathways, the largest first."""
        grouped: Grouped[tuple[Decimal, bool, str]] = Grouped()
        for summary in self.pathways:
            for line in summary.funding:
                grouped.add(line.partner, (line.amount, line.granted, summary.path))
        names = self.partner_names()
        totals = [_funder_total(names.get(key, grouped.shown(key)), grouped.values[key]) for key in grouped.keys()]
        return sorted(totals, key=lambda f: (-f.amount, text_key(f.partner)))

    def partner_names(self) -> dict[str, str]:
        """The spelling shown for each partner, counted over every pathway's partners."""
        spellings: Grouped[None] = Grouped()
        for summary in self.pathways:
            for card in summary.partners:
                spellings.add(card.name, None)
        return {key: spellings.shown(key) for key in spellings.keys()}

    def partner_topics(self, name: str) -> Optional[PartnerTopics]:
        key = text_key(name)
        return next((p for p in self.topics() if text_key(p.partner) == key), None)

    def funder(self, name: str) -> Optional[FunderTotal]:
        key = text_key(name)
        return next((f for f in self.funders() if text_key(f.partner) == key), None)

    def to_json(self) -> dict[str, Any]:
        """The contract of ``portfolio DIR --json``."""
        return {
            "pathways": [_pathway_json(s) for s in self.pathways],
            "unreadable": [{"path": u.path, "message": u.message} for u in self.unreadable],
            "need_categories": [{"category": g.category, "pathways": list(g.pathways)}
                                for g in self.need_categories()],
            "topics": [{"partner": p.partner,
                        "topics": [{"text": t.text, "pathways": list(t.pathways)} for t in p.topics]}
                       for p in self.topics()],
            "funders": [{"partner": f.partner, "amount": money_text(f.amount), "granted": money_text(f.granted),
                         "pathways": list(f.pathways)} for f in self.funders()],
        }


def _topic_groups(pairs: list[tuple[str, str]]) -> tuple[TopicGroup, ...]:
    topics: Grouped[str] = Grouped()
    for text, path in pairs:
        topics.add(text, path)
    groups = [TopicGroup(text, tuple(unique(paths))) for text, paths in topics.items()]
    return tuple(sorted(groups, key=lambda t: -len(t.pathways)))


def _funder_total(name: str, lines: list[tuple[Decimal, bool, str]]) -> FunderTotal:
    amount = sum((amount for amount, _granted, _path in lines), ZERO)
    granted = sum((amount for amount, is_granted, _path in lines if is_granted), ZERO)
    return FunderTotal(name, amount, granted, tuple(unique(path for _a, _g, path in lines)))


def money_text(value: Decimal) -> str:
    """``Decimal('20400')`` → ``"20400.00"``."""
    return format(round_cents(value), "f")


def _pathway_json(summary: PathwaySummary) -> dict[str, Any]:
    return {
        "path": summary.path, "title": summary.title, "edition": summary.edition,
        "territory": summary.territory,
        "start": summary.start.isoformat() if summary.start else None,
        "end": summary.end.isoformat() if summary.end else None,
        "charges": money_text(summary.charges), "produits": money_text(summary.produits),
        "score": summary.score,
    }


def edition_groups(portfolio: Portfolio) -> list[list[PathwaySummary]]:
    """Pathways sharing a title (without case, accents or spacing), by edition: a pathway's editions."""
    grouped: Grouped[PathwaySummary] = Grouped()
    for summary in portfolio.pathways:
        grouped.add(summary.title, summary)
    return [sorted(group, key=lambda s: (s.edition, s.path))
            for _title, group in grouped.items() if len(group) > 1]
