"""« Retenir cette offre »: what choosing an offer changes in the budget, as edits to apply.

The chosen offer is budgeted in full on the phases the consultation buys,
shared between them to the cent (``proposed_costs``). The lines are the
consultation's (``Cost.consultation_id``), whatever the provider holds on the
same phase for another consultation. For each phase bought:

- a line of the new provider already budgeted for this consultation takes
  the offer's share (its detail kept when the amount is already that share,
  and every line kept when together they already make the offer's amount);
- otherwise a fee line (622x) with no provider, budgeted before the provider
  was known, becomes the provider's line;
- otherwise a line is added.

The former provider's lines for this consultation, and any line tied to it
of another provider, are removed (a line with an actual amount stays: that
money was spent), and the former provider goes
back to « contacted » unless still chosen in another consultation or paid on
another line. A line of the budget tied to no consultation counts as this
consultation's when it is a fee line of that provider on a phase bought here,
and no other consultation buying that phase from the same provider lacks a
line of its own there.

The editor applies the edits as one undo step (``ui.commands.choose_offer``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Optional

from parcours_designer.model.budget import cost_amount
from parcours_designer.model.consultations import Consultation, Offer, ProposedCost, chosen_provider, proposed_costs
from parcours_designer.model.entities import Cost
from parcours_designer.model.enums import PartnerStatus
from parcours_designer.model.kinds import KINDS
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name

# Fees of the association budget form: 622 « rémunérations d'intermédiaires et honoraires ».
FEES_GROUP = "622"
UNNAMED_PROVIDER = "prestataire non précisé"


@dataclass
class ChoiceEdits:
    """The edits of one « Retenir cette offre », by ids and values."""

    added: list[Cost] = field(default_factory=list)  # with fresh ids
    updated: dict[str, dict[str, Any]] = field(default_factory=dict)  # cost id → fields to set
    removed: list[str] = field(default_factory=list)  # cost ids
    statuses: dict[str, PartnerStatus] = field(default_factory=dict)  # partner id → new status
    budgeted: int = 0  # how many lines carry the offer once the edits are made


def is_fee_line(cost: Cost) -> bool:
    return cost.account.startswith(FEES_GROUP)


def lines_of(pathway: Pathway, consultation: Consultation, partner_id: Optional[str]) -> list[Cost]:
    """The budget lines of ``partner_id`` for this consultation: tied to it, or, tied to none, fee lines
    on a phase it buys that no other consultation may claim: one buying that phase from the same
    provider without a line of its own there."""
    others = [c for c in pathway.consultations if c.id != consultation.id and chosen_provider(c) == partner_id]
    tied = {(c.consultation_id, c.phase_id) for c in pathway.costs if c.partner_id == partner_id}

    def claimed(phase_id: Optional[str]) -> bool:
        return any(phase_id in other.phase_ids and (other.id, phase_id) not in tied for other in others)

    def ours(cost: Cost) -> bool:
        if cost.partner_id != partner_id or partner_id is None:
            return False
        if cost.consultation_id is not None:
            return cost.consultation_id == consultation.id
        return is_fee_line(cost) and cost.phase_id in consultation.phase_ids and not claimed(cost.phase_id)

    return [cost for cost in pathway.costs if ours(cost)]


def offer_choice(pathway: Pathway, consultation_id: str, offer_id: str) -> ChoiceEdits:
    """What choosing ``offer_id`` in the consultation changes: lines, and providers' statuses."""
    consultation = next(c for c in pathway.consultations if c.id == consultation_id)
    offer = consultation.offer(offer_id)
    if offer is None:
        raise KeyError(offer_id)
    former = chosen_provider(consultation)
    edits = ChoiceEdits(removed=[c.id for c in _former_lines(pathway, consultation, former, offer.partner_id)
                                 if c.actual_amount is None])
    _budget_offer(pathway, consultation, offer, edits)
    _statuses(pathway, consultation, offer, former, edits)
    return edits


def _former_lines(pathway: Pathway, consultation: Consultation, former: Optional[str],
                  provider: Optional[str]) -> list[Cost]:
    """The lines another provider than ``provider`` holds for this consultation: the former chosen
    provider's, and any tied to the consultation (a choice cleared by « Nouvelle édition »…)."""
    tied = [c for c in pathway.costs if c.consultation_id == consultation.id
            and c.partner_id not in (provider, None)]
    untied = lines_of(pathway, consultation, former) if former not in (None, provider) else []
    seen = {c.id for c in tied}
    return tied + [c for c in untied if c.id not in seen]


def _budget_offer(pathway: Pathway, consultation: Consultation, offer: Offer, edits: ChoiceEdits) -> None:
    partners = {p.id: p for p in pathway.partners}
    provider = partners.get(offer.partner_id or "")
    name = display_name(provider) if provider is not None else UNNAMED_PROVIDER
    titles = {phase.id: display_name(phase) for phase in pathway.phases}
    own = lines_of(pathway, consultation, offer.partner_id)
    if own and offer.amount is not None and sum(cost_amount(c) for c in own) == offer.amount:
        edits.updated.update({c.id: {"consultation_id": consultation.id} for c in own
                              if c.consultation_id != consultation.id})
        edits.budgeted = len(own)
        return  # already budgeted in full, in the officer's detail
    unnamed = [c for c in pathway.costs if c.partner_id is None and is_fee_line(c)
               and c.consultation_id in (None, consultation.id)]
    proposed = proposed_costs(consultation, offer, name, titles)
    edits.budgeted = len(proposed)
    for line in proposed:
        mine = [c for c in own if c.phase_id == line.phase_id]
        if mine:
            _take_share(mine, line, consultation.id, edits)
            continue
        free = next((c for c in unnamed if c.phase_id == line.phase_id), None)
        if free is not None:
            edits.updated[free.id] = _as_offer(line, consultation.id)
        else:
            used = [c.id for c in pathway.costs] + [c.id for c in edits.added]
            added = line.as_cost(KINDS["costs"].new_id(used))
            added.consultation_id = consultation.id
            edits.added.append(added)


def _take_share(mine: list[Cost], line: ProposedCost, consultation_id: str, edits: ChoiceEdits) -> None:
    """The provider's lines on a phase for this consultation: the first carries the share, the others
    (not yet spent) go; a line already at the share keeps its detail (days × rate)."""
    first, *rest = mine
    if len(mine) == 1 and cost_amount(first) == line.amount:
        if first.consultation_id != consultation_id:
            edits.updated[first.id] = {"consultation_id": consultation_id}
    else:
        edits.updated[first.id] = _as_offer(line, consultation_id)
    edits.removed += [c.id for c in rest if c.actual_amount is None]


def _as_offer(line: ProposedCost, consultation_id: str) -> dict[str, Any]:
    """The fields making a line the offer's share: a flat fee of the provider, for this consultation."""
    return {"label": line.label, "partner_id": line.partner_id, "quantity": Decimal(1), "unit": "forfait",
            "unit_cost": line.amount, "consultation_id": consultation_id}


def _statuses(pathway: Pathway, consultation: Consultation, offer: Offer, former: Optional[str],
              edits: ChoiceEdits) -> None:
    """The new provider committed; the former one back to « contacted » when nothing holds it any more."""
    partners = {p.id: p for p in pathway.partners}
    chosen = partners.get(offer.partner_id or "")
    if chosen is not None and chosen.status != PartnerStatus.COMMITTED:
        edits.statuses[chosen.id] = PartnerStatus.COMMITTED
    dropped = partners.get(former or "")
    if dropped is None or dropped is chosen or dropped.status != PartnerStatus.COMMITTED:
        return
    elsewhere = any(chosen_provider(c) == dropped.id for c in pathway.consultations if c.id != consultation.id)
    removed = set(edits.removed)
    paid = any(c.partner_id == dropped.id and c.id not in removed for c in pathway.costs)
    if not elsewhere and not paid:
        edits.statuses[dropped.id] = PartnerStatus.CONTACTED

