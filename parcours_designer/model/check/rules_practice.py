"""Rules on the officer's practice: following the budget against its baseline,
indicators worth the name (KPI), checking providers' deliverables, exchanges
with peers, responsible-practice (RSE) commitments, how each actor is approached."""

from __future__ import annotations

from typing import Iterator

from parcours_designer.model.budget import cost_amount
from parcours_designer.model.check.context import Context
from parcours_designer.model.check.registry import Hit, Severity, hit, rule
from parcours_designer.model.deliverables import DeliverableState, deliverable_states
from parcours_designer.model.entities import Phase, as_deliverable
from parcours_designer.model.enums import DeliverableStatus, IndicatorKind, PhaseStatus
from parcours_designer.model.formatting import count_of, format_date, format_money
from parcours_designer.model.references import display_name

STARTED = {PhaseStatus.IN_PROGRESS, PhaseStatus.DONE}
UNCHECKED = {DeliverableStatus.EXPECTED, DeliverableStatus.RECEIVED}


@rule("no-budget-baseline", Severity.WARNING, "Suivi du budget : référence enregistrée")
def no_budget_baseline(ctx: Context) -> Iterator[Hit]:
    started = any(phase.status in STARTED for phase in ctx.pathway.phases)
    if started and ctx.pathway.costs and all(cost.baseline_amount is None for cost in ctx.pathway.costs):
        yield Hit("Le parcours a commencé mais aucune référence du budget n'est enregistrée : "
                  "l'écart entre le prévu et le coût actuel ne peut pas être suivi.")


@rule("cost-over-baseline", Severity.WARNING, "Suivi du budget : dépassements arbitrés")
def cost_over_baseline(ctx: Context) -> Iterator[Hit]:
    for cost in ctx.pathway.costs:
        baseline, current = cost.baseline_amount, cost_amount(cost)
        if baseline is not None and current > baseline:
            share = f" (+{round(100 * (current - baseline) / baseline)} %)" if baseline else ""
            yield hit("costs", cost, f"La charge « {display_name(cost)} » coûte {format_money(current)} contre "
                      f"{format_money(baseline)} à la référence{share} : un arbitrage est à prévoir.")


@rule("indicator-without-target", Severity.WARNING, "Indicateurs chiffrés : cible fixée")
def indicator_without_target(ctx: Context) -> Iterator[Hit]:
    for indicator in ctx.pathway.indicators:
        if indicator.kind == IndicatorKind.QUANTITATIVE and str(indicator.target or "").strip() == "":
            yield hit("indicators", indicator, f"L'indicateur quantitatif « {display_name(indicator)} » "
                      "n'a pas de cible.")


@rule("indicator-without-source", Severity.INFO, "Indicateurs : origine de la donnée")
def indicator_without_source(ctx: Context) -> Iterator[Hit]:
    for indicator in ctx.pathway.indicators:
        if not (indicator.source.strip() or indicator.method.strip()):
            yield hit("indicators", indicator, f"L'indicateur « {display_name(indicator)} » ne dit ni d'où "
                      "viendra la donnée ni comment elle sera mesurée.")


@rule("indicators-not-co-built", Severity.WARNING, "Indicateurs construits avec les partenaires")
def indicators_not_co_built(ctx: Context) -> Iterator[Hit]:
    indicators = ctx.pathway.indicators
    if indicators and ctx.pathway.partners and not any(i.partner_ids for i in indicators):
        yield Hit("Aucun indicateur n'est construit avec des partenaires : l'évaluation n'est pas partagée.")


@rule("deliverable-not-checked", Severity.WARNING, "Conformité des prestations vérifiée")
def deliverable_not_checked(ctx: Context) -> Iterator[Hit]:
    for phase in ctx.pathway.phases:
        if phase.status != PhaseStatus.DONE:
            continue
        waiting = [d.title for d in map(as_deliverable, phase.deliverables) if d.status in UNCHECKED]
        if waiting:
            yield hit("phases", phase, f"L'étape « {display_name(phase)} » est terminée mais ses livrables ne "
                      f"sont ni acceptés ni refusés : {', '.join(waiting)}.")


@rule("deliverable-refused", Severity.INFO, "Livrables refusés suivis")
def deliverable_refused(ctx: Context) -> Iterator[Hit]:
    for phase in ctx.pathway.phases:
        for deliverable in map(as_deliverable, phase.deliverables):
            if deliverable.status == DeliverableStatus.REFUSED and not deliverable.comment.strip():
                yield hit("phases", phase, f"Le livrable « {deliverable.title} » de l'étape "
                          f"« {display_name(phase)} » est refusé sans que la raison soit notée.")


@rule("deliverable-late", Severity.WARNING, "Délais des prestations tenus")
def deliverable_late(ctx: Context) -> Iterator[Hit]:
    phases = ctx.phases_by_id
    for state in deliverable_states(ctx.pathway, ctx.schedule, ctx.today):
        deliverable, phase = state.deliverable, phases[state.phase_id]
        if not _late_to_report(state, phase):
            continue
        what = f"Le livrable « {deliverable.title} » de l'étape « {display_name(phase)} »"
        if state.still_expected:
            yield hit("phases", phase, f"{what} est {state.delay_text()} : l'étape finissait le "
                      f"{format_date(state.due)}.")
        else:
            yield hit("phases", phase, f"{what} a été reçu le {format_date(deliverable.received_on)}, "
                      f"{count_of(state.days_late or 0, 'jour')} après la fin de l'étape ({format_date(state.due)}), "
                      "sans que le retard soit expliqué en commentaire.")


@rule("deliverable-received-in-future", Severity.INFO, "Dates de réception vraisemblables")
def deliverable_received_in_future(ctx: Context) -> Iterator[Hit]:
    if ctx.today is None:
        return  # only the real day (or the one given) can tell what is still to come
    for phase in ctx.pathway.phases:
        for deliverable in map(as_deliverable, phase.deliverables):
            if deliverable.received_on is not None and deliverable.received_on > ctx.today:
                yield hit("phases", phase, f"Le livrable « {deliverable.title} » de l'étape « {display_name(phase)} » "
                          f"est reçu le {format_date(deliverable.received_on)} : date à venir.")


def _late_to_report(state: DeliverableState, phase: Phase) -> bool:
    if not state.late:
        return False
    if state.still_expected:
        return phase.status != PhaseStatus.DONE  # else ``deliverable-not-checked`` names it already
    return not state.deliverable.comment.strip()  # a delay explained in the comment is followed


@rule("no-officer-peer-exchange", Severity.WARNING, "Échanges avec des pairs consignés")
def no_officer_peer_exchange(ctx: Context) -> Iterator[Hit]:
    if not ctx.pathway.peer_exchanges:
        yield Hit("Aucun échange avec des pairs (autres chargé·e·s d'ingénierie du territoire, réseaux) "
                  "n'est consigné pour ce parcours.")


@rule("peer-exchange-not-applied", Severity.INFO, "Apports des pairs mis en pratique")
def peer_exchange_not_applied(ctx: Context) -> Iterator[Hit]:
    for exchange in ctx.pathway.peer_exchanges:
        if not exchange.applied.strip():
            yield hit("peer_exchanges", exchange, f"L'échange « {exchange.network or exchange.id} » ne dit pas ce "
                      "qui en est retenu pour le parcours.")


@rule("no-rse-commitment", Severity.WARNING, "Engagements RSE pris")
def no_rse_commitment(ctx: Context) -> Iterator[Hit]:
    if not ctx.pathway.commitments:
        yield Hit("Aucun engagement de responsabilité sociétale (déplacements, accessibilité, sobriété "
                  "numérique, achats locaux…) n'est pris pour ce parcours.")


@rule("commitment-without-indicator", Severity.WARNING, "Engagements RSE mesurés")
def commitment_without_indicator(ctx: Context) -> Iterator[Hit]:
    for commitment in ctx.pathway.commitments:
        if not commitment.indicator_ids:
            yield hit("commitments", commitment, f"L'engagement RSE « {display_name(commitment)} » n'est suivi "
                      "par aucun indicateur.")


@rule("actor-without-approach", Severity.WARNING, "Manière d'entrer en relation définie")
def actor_without_approach(ctx: Context) -> Iterator[Hit]:
    for partner in ctx.pathway.partners:
        if not partner.approach.strip():
            yield hit("partners", partner, f"La manière d'entrer en relation avec « {display_name(partner)} » "
                      "n'est pas définie.")
    for audience in ctx.pathway.audiences:
        if not audience.approach.strip():
            yield hit("audiences", audience, f"La manière d'entrer en relation avec le public "
                      f"« {display_name(audience)} » n'est pas définie.")


@rule("phase-without-programme", Severity.INFO, "Programme des étapes décrit")
def phase_without_programme(ctx: Context) -> Iterator[Hit]:
    for phase in ctx.pathway.phases:
        if not phase.milestone and not phase.description.strip():
            yield hit("phases", phase, f"Le programme de l'étape « {display_name(phase)} » (méthodes, outils, "
                      "posture d'animation) n'est pas décrit.")
