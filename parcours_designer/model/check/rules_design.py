"""Rules on needs, objectives and the methodology of phases."""

from __future__ import annotations

from typing import Iterator

from parcours_designer.model.check.context import Context
from parcours_designer.model.check.registry import Hit, Severity, hit, rule
from parcours_designer.model.enums import NeedSource, PartnerKind, PhaseKind, Priority
from parcours_designer.model.references import display_name

RUN_BY_SOMEONE = {
    PhaseKind.DIAGNOSTIC,
    PhaseKind.WORKSHOP,
    PhaseKind.INDIVIDUAL_SUPPORT,
    PhaseKind.PEER_EXCHANGE,
    PhaseKind.TRAINING,
}
NOT_FACILITATORS = {PartnerKind.FUNDER, PartnerKind.VENUE}


@rule("no-needs", Severity.ERROR, "Besoins identifiés")
def no_needs(ctx: Context) -> Iterator[Hit]:
    if not ctx.pathway.needs:
        yield Hit("Aucun besoin n'est identifié : le parcours ne repose sur aucun diagnostic.")


@rule("need-without-source", Severity.WARNING, "Besoins sourcés")
def need_without_source(ctx: Context) -> Iterator[Hit]:
    for need in ctx.pathway.needs:
        if not need.sources:
            yield hit("needs", need, f"Le besoin « {display_name(need)} » n'indique pas d'où il vient "
                      "(entretien, questionnaire, diagnostic partagé…).")


@rule("no-field-observation", Severity.WARNING, "Veille et observation du secteur")
def no_field_observation(ctx: Context) -> Iterator[Hit]:
    watched = {NeedSource.OBSERVATION, NeedSource.DATA, NeedSource.PEER_EXCHANGE}
    if not any(watched & set(need.sources) for need in ctx.pathway.needs):
        yield Hit("Aucun besoin ne s'appuie sur une observation de terrain, des données "
                  "ou un échange entre pairs : la veille sur le secteur n'apparaît pas.")


@rule("no-peer-exchange", Severity.INFO, "Échanges entre pairs")
def no_peer_exchange(ctx: Context) -> Iterator[Hit]:
    has_phase = any(phase.kind == PhaseKind.PEER_EXCHANGE for phase in ctx.pathway.phases)
    if not has_phase:
        yield Hit("Le parcours ne prévoit aucun temps d'échange entre pairs.")


@rule("no-objectives", Severity.ERROR, "Objectifs formulés")
def no_objectives(ctx: Context) -> Iterator[Hit]:
    if not ctx.pathway.objectives:
        yield Hit("Aucun objectif n'est formulé.")


@rule("objective-without-need", Severity.ERROR, "Objectifs fondés sur les besoins")
def objective_without_need(ctx: Context) -> Iterator[Hit]:
    for objective in ctx.pathway.objectives:
        if not objective.need_ids:
            yield hit("objectives", objective, f"L'objectif « {display_name(objective)} » ne répond à aucun besoin.")


@rule("high-need-unanswered", Severity.ERROR, "Besoins prioritaires couverts")
def high_need_unanswered(ctx: Context) -> Iterator[Hit]:
    for need in ctx.pathway.needs:
        if need.priority == Priority.HIGH and need.id not in ctx.answered_need_ids:
            yield hit("needs", need, f"Le besoin prioritaire « {display_name(need)} » "
                      "n'est couvert par aucun objectif.")


@rule("no-phases", Severity.ERROR, "Étapes du parcours définies")
def no_phases(ctx: Context) -> Iterator[Hit]:
    if not ctx.pathway.phases:
        yield Hit("Le parcours ne comporte aucune étape.")


@rule("objective-without-phase", Severity.WARNING, "Objectifs mis en œuvre")
def objective_without_phase(ctx: Context) -> Iterator[Hit]:
    for objective in ctx.pathway.objectives:
        if objective.id not in ctx.served_objective_ids:
            yield hit("objectives", objective, f"L'objectif « {display_name(objective)} » "
                      "n'est servi par aucune étape.")


@rule("phase-without-objective", Severity.WARNING, "Étapes rattachées aux objectifs")
def phase_without_objective(ctx: Context) -> Iterator[Hit]:
    for phase in ctx.pathway.phases:
        if not phase.objective_ids:
            yield hit("phases", phase, f"L'étape « {display_name(phase)} » ne sert aucun objectif.")


@rule("phase-without-facilitator", Severity.WARNING, "Intervenant·e·s désigné·e·s")
def phase_without_facilitator(ctx: Context) -> Iterator[Hit]:
    for phase in ctx.pathway.phases:
        if phase.kind not in RUN_BY_SOMEONE:
            continue
        partners = [ctx.partners_by_id.get(pid) for pid in phase.partner_ids]
        if not any(p is not None and p.kind not in NOT_FACILITATORS for p in partners):
            yield hit("phases", phase, f"L'étape « {display_name(phase)} » ({phase.kind.label.lower()}) "
                      "n'a personne pour l'animer : aucun·e intervenant·e ni structure désigné·e.")


def _kind_missing(ctx: Context, kinds: set[PhaseKind]) -> bool:
    return not any(phase.kind in kinds for phase in ctx.pathway.phases)


@rule("no-diagnostic-phase", Severity.WARNING, "Diagnostic prévu")
def no_diagnostic_phase(ctx: Context) -> Iterator[Hit]:
    if _kind_missing(ctx, {PhaseKind.DIAGNOSTIC}):
        yield Hit("Le parcours ne prévoit pas d'étape de diagnostic.")


@rule("no-review-phase", Severity.WARNING, "Bilan prévu")
def no_review_phase(ctx: Context) -> Iterator[Hit]:
    if _kind_missing(ctx, {PhaseKind.REVIEW}):
        yield Hit("Le parcours ne prévoit pas d'étape de bilan.")


@rule("no-steering-or-follow-up", Severity.WARNING, "Points de pilotage et de suivi")
def no_steering_or_follow_up(ctx: Context) -> Iterator[Hit]:
    if _kind_missing(ctx, {PhaseKind.STEERING, PhaseKind.FOLLOW_UP}):
        yield Hit("Le parcours ne prévoit ni comité de pilotage ni point de suivi.")
