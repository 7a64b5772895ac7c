"""What a portfolio keeps of one pathway: a small summary, cheap to store and reread.

Reading hundreds of pathways again and again would be slow; the portfolio
works on these summaries (the cache keeps them), and opens a whole pathway
only to show or compare it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Optional

from parcours_designer.model.budget import total_charges, total_products
from parcours_designer.model.entities import Partner
from parcours_designer.model.enums import LABELS, FundingStatus, Labelled, PhaseStatus
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.portfolio_keys import unique

# Bump when the summary's shape changes: older stored summaries are then read again.
SUMMARY_VERSION = 1


@dataclass(frozen=True)
class PartnerCard:
    """A partner as one pathway describes it."""

    name: str
    kind: str = "other"
    role: str = ""
    status: str = "identified"
    contact_name: str = ""
    email: str = ""
    phone: str = ""

    def contact(self) -> tuple[str, str, str]:
        return (self.contact_name, self.email, self.phone)


@dataclass(frozen=True)
class FundingLine:
    """A produit of the budget tied to a partner (by name)."""

    partner: str
    amount: Decimal
    granted: bool


@dataclass(frozen=True)
class TopicLine:
    """A topic of the review and the partners (by name) it goes back to."""

    text: str
    partners: tuple[str, ...]


@dataclass(frozen=True)
class PathwaySummary:
    path: str  # relative to the portfolio's folder, with « / »
    title: str
    edition: str = ""
    territory: str = ""
    uid: str = ""
    start: Optional[date] = None
    end: Optional[date] = None
    charges: Decimal = Decimal("0.00")
    produits: Decimal = Decimal("0.00")
    score: Optional[int] = None
    phase_statuses: tuple[str, ...] = ()
    need_categories: tuple[str, ...] = ()
    topics: tuple[TopicLine, ...] = ()
    funding: tuple[FundingLine, ...] = ()
    partners: tuple[PartnerCard, ...] = field(default=())

    @property
    def name(self) -> str:
        """The file's name, without its folders."""
        return self.path.rsplit("/", 1)[-1]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values (money and dates as text), for the cache."""
        data = asdict(self)
        data["start"] = self.start.isoformat() if self.start else None
        data["end"] = self.end.isoformat() if self.end else None
        data["charges"], data["produits"] = str(self.charges), str(self.produits)
        data["funding"] = [{**line, "amount": str(line["amount"])} for line in data["funding"]]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "PathwaySummary":
        return cls(
            **{**data,
               "start": date.fromisoformat(data["start"]) if data["start"] else None,
               "end": date.fromisoformat(data["end"]) if data["end"] else None,
               "charges": Decimal(data["charges"]), "produits": Decimal(data["produits"]),
               "phase_statuses": tuple(data["phase_statuses"]),
               "need_categories": tuple(data["need_categories"]),
               "topics": tuple(TopicLine(t["text"], tuple(t["partners"])) for t in data["topics"]),
               "funding": tuple(FundingLine(f["partner"], Decimal(f["amount"]), f["granted"])
                                for f in data["funding"]),
               "partners": tuple(PartnerCard(**p) for p in data["partners"])})


def summarise(pathway: Pathway, path: str, score: Optional[int] = None) -> PathwaySummary:
    """The summary of ``pathway``, read from the file ``path`` (relative)."""
    names = {p.id: p.name.strip() for p in pathway.partners}
    return PathwaySummary(
        path=path, title=pathway.title, edition=pathway.edition, territory=pathway.territory,
        uid=pathway.uid, start=pathway.start, end=pathway.end,
        charges=total_charges(pathway), produits=total_products(pathway), score=score,
        phase_statuses=tuple(p.status.value for p in pathway.phases),
        need_categories=tuple(unique(n.category.strip() for n in pathway.needs if n.category.strip())),
        topics=tuple(TopicLine(t.text.strip(), tuple(names[i] for i in t.partner_ids if names.get(i)))
                     for t in pathway.review.topics_to_report if t.text.strip()),
        funding=tuple(FundingLine(names[f.partner_id], f.amount, f.status == FundingStatus.GRANTED)
                      for f in pathway.funding if f.partner_id and names.get(f.partner_id)),
        partners=tuple(_card(p) for p in pathway.partners if p.name.strip()),
    )


def _card(partner: Partner) -> PartnerCard:
    contact = partner.contact
    return PartnerCard(partner.name.strip(), partner.kind.value, partner.role.strip(), partner.status.value,
                       contact.name.strip(), contact.email.strip(), contact.phone.strip())


class Progress(Labelled):
    """Where a pathway stands, from its phases' follow-up and its dates."""

    PREPARING = "preparing"
    RUNNING = "running"
    FINISHED = "finished"


LABELS[Progress] = {"preparing": "En préparation", "running": "En cours", "finished": "Terminé"}
STARTED = {PhaseStatus.IN_PROGRESS.value, PhaseStatus.DONE.value}
CLOSED = {PhaseStatus.DONE.value, PhaseStatus.CANCELLED.value}


def progress(summary: PathwaySummary, today: date) -> Progress:
    """Finished when every phase is done (or cancelled) or its end has passed;
    running once a phase has started or its start has come."""
    statuses = summary.phase_statuses
    if (statuses and all(s in CLOSED for s in statuses)) or (summary.end and summary.end < today):
        return Progress.FINISHED
    if any(s in STARTED for s in statuses) or (summary.start and summary.start <= today):
        return Progress.RUNNING
    return Progress.PREPARING
