"""Rules on buying from providers and accounting for the money (seed 001 C38, C39, C16)."""

from __future__ import annotations

from typing import Iterator

from parcours_designer.model.budget import cost_amount
from parcours_designer.model.check.context import Context
from parcours_designer.model.check.registry import Hit, Severity, hit, rule
from parcours_designer.model.consultations import chosen_provider, chosen_without_being_best, criterion_codes
from parcours_designer.model.entities import Partner
from parcours_designer.model.enums import PartnerKind
from parcours_designer.model.formatting import format_money, format_percent, format_signed_money
from parcours_designer.model.offer_choice import unbudgeted_offer
from parcours_designer.model.realised import compute_realised
from parcours_designer.model.references import display_name

# Partners whose work is bought: a consultation is expected before a phase is.
PROVIDER_KINDS = (PartnerKind.CONSULTANT, PartnerKind.SUPPORT_STRUCTURE)


@rule("consultation-few-offers", Severity.WARNING, "Mise en concurrence des prestataires")
def consultation_few_offers(ctx: Context) -> Iterator[Hit]:
    for consultation in ctx.pathway.consultations:
        count = len(consultation.offers)
        if count < 2:
            received = "aucune offre" if count == 0 else "une seule offre"
            yield hit("consultations", consultation, f"La consultation « {display_name(consultation)} » "
                      f"n'a reçu que {received} : deux offres au moins permettent de comparer.")


@rule("offer-choice-unjustified", Severity.WARNING, "Choix motivé du prestataire")
def offer_choice_unjustified(ctx: Context) -> Iterator[Hit]:
    for consultation in ctx.pathway.consultations:
        if chosen_without_being_best(consultation) and not consultation.selection_reason.strip():
            yield hit("consultations", consultation, f"Dans la consultation « {display_name(consultation)} », "
                      "l'offre retenue n'est pas la mieux notée et aucun motif de ce choix n'est écrit.")


@rule("offer-chosen-without-provider", Severity.WARNING, "Prestataire retenu identifié")
def offer_chosen_without_provider(ctx: Context) -> Iterator[Hit]:
    for consultation in ctx.pathway.consultations:
        chosen = consultation.offer(consultation.selected_offer_id)
        if chosen is not None and chosen.partner_id not in ctx.partners_by_id:
            yield hit("consultations", consultation, f"Dans la consultation « {display_name(consultation)} », "
                      "l'offre retenue n'a pas de prestataire (jamais indiqué, ou supprimé des partenaires) : "
                      "indiquez-le ou retenez une autre offre.")


@rule("offer-chosen-not-budgeted", Severity.WARNING, "Offre retenue inscrite au budget")
def offer_chosen_not_budgeted(ctx: Context) -> Iterator[Hit]:
    for consultation in ctx.pathway.consultations:
        gap = unbudgeted_offer(ctx.pathway, consultation)
        if gap is None:
            continue
        offer, budgeted = gap
        if offer.amount is None:
            continue
        provider = ctx.partners_by_id.get(offer.partner_id or "")
        who = f" de « {display_name(provider)} »" if provider is not None else ""
        yield hit("consultations", consultation, f"Dans la consultation « {display_name(consultation)} », "
                  f"l'offre retenue{who} s'élève à {format_money(offer.amount)} mais le budget lui "
                  f"consacre {format_money(budgeted)} : retenez-la de nouveau pour mettre le budget à jour.")


@rule("offer-partly-scored", Severity.WARNING, "Offres notées sur tous les critères")
def offer_partly_scored(ctx: Context) -> Iterator[Hit]:
    for consultation in ctx.pathway.consultations:
        codes = dict(zip((c.id for c in consultation.criteria), criterion_codes(len(consultation.criteria))))
        for offer in consultation.offers:
            missing = [code for criterion_id, code in codes.items() if criterion_id not in offer.scores]
            if missing:
                provider = ctx.partners_by_id.get(offer.partner_id or "")
                who = f"de « {display_name(provider)} »" if provider is not None else f"« {offer.id} »"
                yield hit("consultations", consultation, f"Dans la consultation « {display_name(consultation)} », "
                          f"l'offre {who} n'est pas notée sur {', '.join(missing)} : son rang n'est pas "
                          "comparable à celui des offres notées sur tous les critères.")


@rule("phase-bought-without-consultation", Severity.WARNING, "Achat de prestations")
def phase_bought_without_consultation(ctx: Context) -> Iterator[Hit]:
    for phase_id, providers in _bought_phases(ctx).items():
        phase = ctx.phases_by_id[phase_id]
        if phase.direct_award_reason.strip():
            continue
        buying = [c for c in ctx.pathway.consultations if phase_id in c.phase_ids]
        chosen = {provider for c in buying if (provider := chosen_provider(c)) is not None}
        if not buying:
            yield hit("phases", phase, f"L'étape « {display_name(phase)} » est achetée à "
                      f"« {display_name(providers[0])} » sans consultation ni motif écrit (gré à gré).")
            continue
        other = next((p for p in providers if chosen and p.id not in chosen), None)
        if other is not None:
            names = ", ".join(f"« {display_name(ctx.partners_by_id[i])} »" for i in sorted(chosen)
                              if i in ctx.partners_by_id) or "un autre prestataire"
            yield hit("phases", phase, f"L'étape « {display_name(phase)} » est payée à « {display_name(other)} » "
                      f"alors que la consultation a retenu {names}, sans motif écrit.")


def _bought_phases(ctx: Context) -> dict[str, list[Partner]]:
    """Phase id → the providers paid for it, for phases with a priced provider's line not tied to a
    consultation buying the phase (a former provider's line kept for what was spent was bought so)."""
    through = {(c.id, phase_id) for c in ctx.pathway.consultations for phase_id in c.phase_ids}
    bought: dict[str, list[Partner]] = {}
    for cost in ctx.pathway.costs:
        partner = ctx.partners_by_id.get(cost.partner_id) if cost.partner_id else None
        if (partner is not None and partner.kind in PROVIDER_KINDS and cost.phase_id in ctx.phases_by_id
                and cost_amount(cost) > 0 and (cost.consultation_id, cost.phase_id) not in through):
            paid = bought.setdefault(cost.phase_id, [])
            if all(p.id != partner.id for p in paid):
                paid.append(partner)
    return bought


@rule("variance-unexplained", Severity.WARNING, "Suivi du compte d'exploitation")
def variance_unexplained(ctx: Context) -> Iterator[Hit]:
    realised = compute_realised(ctx.pathway)
    for group in (*realised.charges, *realised.products):
        if group.unexplained:
            percent = group.judged.percent
            gap = format_percent(percent) if percent is not None else "sans prévision"
            scope = " sur les lignes saisies" if group.partial else ""
            yield Hit(f"Le groupe « {group.label} » s'écarte de sa prévision{scope} de "
                      f"{format_signed_money(group.judged.difference)} ({gap}) sans explication : "
                      "le compte rendu financier demande d'expliquer les écarts significatifs.")
