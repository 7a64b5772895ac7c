"""The partner directory: every actor of the territory met in the portfolio's pathways.

One entry per partner name (compared without case, accents or spacing):
its kind and role, its contact as last written, the pathways and editions
it took part in, when it was last seen, and the contacts' fields on which
files disagree.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from datetime import date
from typing import Optional

from parcours_designer.model.entities import Contact, Partner
from parcours_designer.model.enums import PartnerKind, PartnerStatus
from parcours_designer.model.portfolio import Portfolio
from parcours_designer.model.portfolio_keys import Grouped, holds_words, text_key, unique
from parcours_designer.model.portfolio_summary import PartnerCard, PathwaySummary

CONTACT_FIELDS = {"contact_name": "nom du contact", "email": "courriel", "phone": "téléphone"}


@dataclass(frozen=True)
class Appearance:
    """A partner as written in one pathway."""

    card: PartnerCard
    summary: PathwaySummary

    @property
    def seen(self) -> Optional[date]:
        return self.summary.end or self.summary.start


@dataclass(frozen=True)
class Disagreement:
    """One field of the contact written differently in different files."""

    field: str  # "contact_name", "email" or "phone"
    values: tuple[tuple[str, tuple[str, ...]], ...]  # (value, the pathways writing it)

    @property
    def label(self) -> str:
        return CONTACT_FIELDS[self.field]


@dataclass(frozen=True)
class DirectoryEntry:
    """One partner of the directory; its figures are computed once (views ask often)."""

    name: str
    appearances: tuple[Appearance, ...]

    @cached_property
    def latest(self) -> Appearance:
        """The appearance in the most recent pathway (by dates, then edition)."""
        return max(self.appearances, key=lambda a: (a.seen or date.min, a.summary.edition))

    @cached_property
    def kind(self) -> PartnerKind:
        counts = Counter(a.card.kind for a in self.appearances)
        return PartnerKind(counts.most_common(1)[0][0])

    @cached_property
    def roles(self) -> list[str]:
        return unique(a.card.role for a in self.appearances if a.card.role)

    @property
    def contact(self) -> PartnerCard:
        return self.latest.card

    @cached_property
    def pathways(self) -> list[str]:
        return unique(a.summary.path for a in self.appearances)

    @cached_property
    def editions(self) -> list[str]:
        return sorted(unique(a.summary.edition for a in self.appearances if a.summary.edition))

    @property
    def last_seen(self) -> Optional[date]:
        return self.latest.seen

    @cached_property
    def disagreements(self) -> list[Disagreement]:
        """Contact fields that differ between files (empty values do not count)."""
        found = []
        for name in CONTACT_FIELDS:
            values: Grouped[tuple[str, str]] = Grouped()  # (value, file) under the value's key
            for appearance in self.appearances:
                value = getattr(appearance.card, name)
                if value:
                    values.add(_comparable(name, value), (value, appearance.summary.path))
            if len(values.keys()) > 1:
                found.append(Disagreement(name, tuple(_spelled(pairs) for _key, pairs in values.items())))
        return found

    def matches(self, query: str) -> bool:
        """Every word of the query in the name, a role or the contact (without case or accents)."""
        card = self.contact
        return holds_words(" | ".join([self.name, *self.roles, card.contact_name, card.email]), query)


def _comparable(field: str, value: str) -> str:
    """Phones compare by their digits only; other fields as names."""
    return re.sub(r"\D", "", value) or value if field == "phone" else value


def _spelled(pairs: list[tuple[str, str]]) -> tuple[str, tuple[str, ...]]:
    counts = Counter(value for value, _path in pairs)
    return counts.most_common(1)[0][0], tuple(unique(path for _value, path in pairs))


def partner_directory(portfolio: Portfolio) -> list[DirectoryEntry]:
    """Every partner of every readable pathway, sorted by name."""
    grouped: Grouped[Appearance] = Grouped()
    for summary in portfolio.pathways:
        for card in summary.partners:
            grouped.add(card.name, Appearance(card, summary))
    entries = [DirectoryEntry(name, tuple(appearances)) for name, appearances in grouped.items()]
    return sorted(entries, key=lambda e: text_key(e.name))


def find_partner(entries: list[DirectoryEntry], name: str) -> Optional[DirectoryEntry]:
    """The entry whose name is ``name`` (without case, accents or spacing)."""
    key = text_key(name)
    return next((e for e in entries if text_key(e.name) == key), None)


def partner_copy(entry: DirectoryEntry, new_id: str) -> Partner:
    """A new partner for the current pathway, from the latest description of ``entry``.

    Links to other partners are not copied (their ids belong to another file)."""
    card = entry.contact
    return Partner(id=new_id, name=entry.name, kind=entry.kind, role=card.role or (entry.roles or [""])[0],
                   status=PartnerStatus.IDENTIFIED,
                   contact=Contact(name=card.contact_name, email=card.email, phone=card.phone))
