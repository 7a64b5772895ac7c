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

Unnamed fee lines tied to this consultation (its provider deleted from the
partners) are taken over before untied ones, and those not taken over go.

The former provider's lines for this consultation, and any line tied to it
of another provider, are removed; a line with an actual amount stays (that
money was spent), its forecast brought down to what was spent, as nothing
more will be, and tied to the consultation it was bought through. The former provider goes back to « contacted » unless still
chosen in another consultation or paid on another line. A line of the budget
tied to no consultation counts as this consultation's when it is a fee line
of that provider on a phase bought here, and no other consultation buying
that phase from the same provider lacks a line of its own there; when some
do, and the provider has at least as many such lines on the phase as
consultations claiming them, each consultation gets one, in file order.

The chosen provider intervenes in the phases bought (``Phase.partner_ids``),
in place of the former one unless the former is still there for another
consultation or by a line kept.

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
from parcours_designer.model.types import QUANTITY_PLACES

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
    phases: dict[str, list[str]] = field(default_factory=dict)  # phase id → its new partner_ids
    budgeted: int = 0  # how many lines carry the offer once the edits are made


def is_fee_line(cost: Cost) -> bool:
    return cost.account.startswith(FEES_GROUP)


def lines_of(pathway: Pathway, consultation: Consultation, partner_id: Optional[str]) -> list[Cost]:
    """The budget lines of ``partner_id`` for this consultation: tied to it, or its share of the
    provider's untied fee lines on the phases it buys (``_untied_share``)."""
    if partner_id is None:
        return []
    share = _untied_share(pathway, consultation, partner_id)
    return [cost for cost in pathway.costs if cost.partner_id == partner_id
            and (cost.consultation_id == consultation.id or cost.id in share)]


def _untied_share(pathway: Pathway, consultation: Consultation, partner_id: str) -> set[str]:
    """The provider's untied fee lines counting as this consultation's, phase by phase: all of them when
    no other consultation claims the phase (buys it from the same provider without a line of its own
    there); else one line per claimant, in file order, when there are lines enough for each."""
    tied = {(c.consultation_id, c.phase_id) for c in pathway.costs if c.partner_id == partner_id}
    share: set[str] = set()
    for phase_id in consultation.phase_ids:
        untied = [c.id for c in pathway.costs if c.partner_id == partner_id and c.consultation_id is None
                  and c.phase_id == phase_id and is_fee_line(c)]
        claimants = [c.id for c in pathway.consultations if c.id == consultation.id or (
            chosen_provider(c) == partner_id and phase_id in c.phase_ids and (c.id, phase_id) not in tied)]
        if len(claimants) == 1:
            share.update(untied)
        elif len(untied) >= len(claimants):
            share.add(untied[claimants.index(consultation.id)])
    return share


def unbudgeted_offer(pathway: Pathway, consultation: Consultation) -> Optional[tuple[Offer, Decimal]]:
    """The chosen offer and what its provider's lines for this consultation make, when that is not its
    amount (negotiated after the choice…); None when they agree, or no offer with a provider and an
    amount is chosen."""
    offer = consultation.offer(consultation.selected_offer_id)
    if offer is None or offer.partner_id is None or offer.amount is None:
        return None
    budgeted = sum((cost_amount(c) for c in lines_of(pathway, consultation, offer.partner_id)), Decimal(0))
    return (offer, budgeted) if budgeted != offer.amount else None


def offer_choice(pathway: Pathway, consultation_id: str, offer_id: str) -> ChoiceEdits:
    """What choosing ``offer_id`` in the consultation changes: lines, providers' statuses and phases."""
    consultation = next(c for c in pathway.consultations if c.id == consultation_id)
    offer = consultation.offer(offer_id)
    if offer is None:
        raise KeyError(offer_id)
    former = chosen_provider(consultation)
    edits = ChoiceEdits()
    _budget_offer(pathway, consultation, offer, edits)
    dropped = [c for c in _former_lines(pathway, consultation, former, offer.partner_id) if c.id not in edits.updated]
    _drop(dropped, consultation.id, edits)
    _intervening(pathway, consultation, offer.partner_id, former, edits)
    _statuses(pathway, consultation, offer, former, edits)
    return edits


def _former_lines(pathway: Pathway, consultation: Consultation, former: Optional[str],
                  provider: Optional[str]) -> list[Cost]:
    """The lines another provider than ``provider`` holds for this consultation: the former chosen
    provider's, any tied to the consultation (a choice cleared by « Nouvelle édition »…), and those tied
    to it whose provider was deleted."""
    tied = [c for c in pathway.costs if c.consultation_id == consultation.id
            and (c.partner_id is None or c.partner_id != provider)]
    untied = lines_of(pathway, consultation, former) if former not in (None, provider) else []
    seen = {c.id for c in tied}
    return tied + [c for c in untied if c.id not in seen]


def _drop(lines: list[Cost], consultation_id: str, edits: ChoiceEdits) -> None:
    """Lines nobody will be paid on any more: removed, or, spent, kept at what was spent and tied to the
    consultation they were bought through."""
    for cost in lines:
        if cost.actual_amount is None:
            if cost.id not in edits.removed:
                edits.removed.append(cost.id)
            continue
        kept = _spent_only(cost) if cost.actual_amount < cost_amount(cost) else {}
        if cost.consultation_id != consultation_id:
            kept["consultation_id"] = consultation_id
        if kept:
            edits.updated[cost.id] = kept


def _spent_only(cost: Cost) -> dict[str, Any]:
    """The fields bringing a line's forecast down to its actual amount: fewer units at the same rate when
    they make it exactly (3 jours × 700 € of 9), else a flat fee of what was spent."""
    spent = cost.actual_amount if cost.actual_amount is not None else cost_amount(cost)
    if cost.unit_cost > 0:
        quantity = spent / cost.unit_cost
        if quantity == quantity.quantize(Decimal(1).scaleb(-QUANTITY_PLACES)) and \
                cost_amount(cost.model_copy(update={"quantity": quantity})) == spent:
            return {"quantity": quantity}
    return {"quantity": Decimal(1), "unit": "forfait", "unit_cost": spent}


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
    unnamed = sorted((c for c in pathway.costs if c.partner_id is None and is_fee_line(c)
                      and c.consultation_id in (None, consultation.id)),
                     key=lambda c: c.consultation_id is None)  # this consultation's own lines first
    proposed = proposed_costs(consultation, offer, name, titles)
    edits.budgeted = len(proposed)
    for line in proposed:
        mine = [c for c in own if c.phase_id == line.phase_id]
        if mine:
            _take_share(mine, line, consultation.id, edits)
            continue
        free = next((c for c in unnamed if c.phase_id == line.phase_id and c.id not in edits.updated), None)
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


def _intervening(pathway: Pathway, consultation: Consultation, chosen: Optional[str], former: Optional[str],
                 edits: ChoiceEdits) -> None:
    """The chosen provider among who intervenes in each phase bought, in the former one's place unless the
    former is still there for another consultation buying the phase or by a line of his kept on it."""
    partners = {p.id for p in pathway.partners}
    chosen = chosen if chosen in partners else None
    removed = set(edits.removed)
    for phase in pathway.phases:
        if phase.id not in consultation.phase_ids:
            continue
        ids = list(phase.partner_ids)
        if former is not None and former != chosen and former in ids and not _still_on(
                pathway, consultation, former, phase.id, removed):
            at = ids.index(former)
            ids.remove(former)
            if chosen is not None and chosen not in ids:
                ids.insert(at, chosen)  # in the former one's place
        if chosen is not None and chosen not in ids:
            ids.append(chosen)
        if ids != phase.partner_ids:
            edits.phases[phase.id] = ids


def _still_on(pathway: Pathway, consultation: Consultation, partner_id: str, phase_id: str,
              removed: set[str]) -> bool:
    """True when ``partner_id`` still intervenes in the phase apart from this consultation."""
    elsewhere = any(chosen_provider(c) == partner_id and phase_id in c.phase_ids
                    for c in pathway.consultations if c.id != consultation.id)
    return elsewhere or any(c.partner_id == partner_id and c.phase_id == phase_id and c.id not in removed
                            for c in pathway.costs)


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

