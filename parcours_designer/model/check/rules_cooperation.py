"""Rules on cooperation: stakeholder map, shared diagnostic, co-construction,
roles, rétroplanning and its scenarios, diversified funding.

They give evidence for the related frameworks (« Construire une coopération
culturelle territoriale », « Manager de l'ingénierie culturelle », « Chargé de
production et de diffusion de projets artistiques et culturels »). None of them
is an error: they describe how cooperative a design is, not whether it holds.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Iterator

from parcours_designer.model.budget import ZERO
from parcours_designer.model.check.context import Context
from parcours_designer.model.check.registry import Hit, Severity, hit, rule
from parcours_designer.model.enums import (
    Modality,
    NeedSource,
    PartnerKind,
    PhaseFormat,
    PhaseKind,
    QuestionnaireAudience,
)
from parcours_designer.model.entities import Phase
from parcours_designer.model.formatting import count_of
from parcours_designer.model.references import display_name

CONCENTRATION_LIMIT = Decimal("0.8")
SUBSIDY_PREFIX = "74"
IN_KIND_PREFIX = "87"


def _linked_partner_ids(ctx: Context) -> set[str]:
    linked: set[str] = set()
    for partner in ctx.pathway.partners:
        for link in partner.links:
            linked.update((partner.id, link.partner_id))
        if partner.audience_links:  # an interaction with a public places the partner on the map too
            linked.add(partner.id)
    return linked


@rule("no-stakeholder-map", Severity.WARNING, "Cartographie des parties prenantes")
def no_stakeholder_map(ctx: Context) -> Iterator[Hit]:
    partners = ctx.pathway.partners
    if len(partners) >= 2 and not _linked_partner_ids(ctx):
        yield Hit("Aucune interaction entre partenaires n'est décrite : la cartographie des "
                  "parties prenantes reste vide.")


@rule("partner-outside-map", Severity.INFO, "Partenaires situés dans la cartographie")
def partner_outside_map(ctx: Context) -> Iterator[Hit]:
    linked = _linked_partner_ids(ctx)
    if not linked:
        return
    for partner in ctx.pathway.partners:
        if partner.id not in linked:
            yield hit("partners", partner, f"Le partenaire « {display_name(partner)} » n'a aucune "
                      "interaction décrite avec les autres parties prenantes.")


@rule("partner-without-role", Severity.WARNING, "Rôle des partenaires précisé")
def partner_without_role(ctx: Context) -> Iterator[Hit]:
    for partner in ctx.pathway.partners:
        if not partner.role.strip():
            yield hit("partners", partner, f"Le rôle du partenaire « {display_name(partner)} » "
                      "n'est pas précisé.")


@rule("partner-not-involved", Severity.WARNING, "Parties prenantes associées aux étapes")
def partner_not_involved(ctx: Context) -> Iterator[Hit]:
    """A funder, or any partner that only co-funds (a local authority…), need not take part in a phase."""
    funders = {funding.partner_id for funding in ctx.pathway.funding if funding.partner_id}
    for partner in ctx.pathway.partners:
        only_funds = partner.kind == PartnerKind.FUNDER or partner.id in funders
        if not only_funds and partner.id not in ctx.partner_ids_in_phases:
            yield hit("partners", partner, f"Le partenaire « {display_name(partner)} » n'est associé "
                      "à aucune étape du parcours.")


@rule("need-without-audience", Severity.WARNING, "Besoins rattachés aux publics")
def need_without_audience(ctx: Context) -> Iterator[Hit]:
    if not ctx.pathway.audiences:
        return
    for need in ctx.pathway.needs:
        if not need.audience_ids:
            yield hit("needs", need, f"Le besoin « {display_name(need)} » n'est rattaché à aucun "
                      "public cible.")


@rule("no-shared-diagnostic", Severity.WARNING, "Diagnostic partagé avec les parties prenantes")
def no_shared_diagnostic(ctx: Context) -> Iterator[Hit]:
    needs = ctx.pathway.needs
    if needs and not any(NeedSource.SHARED_DIAGNOSTIC in need.sources for need in needs):
        yield Hit("Aucun besoin n'est issu d'un diagnostic partagé avec les parties prenantes "
                  "et les publics.")


def _gathers_partners(phase: Phase, kind: PhaseKind) -> bool:
    return phase.kind == kind and len(set(phase.partner_ids)) >= 2


@rule("no-steering-with-partners", Severity.WARNING, "Instance de coopération réunissant les partenaires")
def no_steering_with_partners(ctx: Context) -> Iterator[Hit]:
    if not any(_gathers_partners(phase, PhaseKind.STEERING) for phase in ctx.pathway.phases):
        yield Hit("Aucun comité de pilotage ou d'appui ne réunit au moins deux partenaires : "
                  "la coopération n'a pas d'instance.")


@rule("no-co-construction-workshop", Severity.INFO, "Ateliers de co-construction")
def no_co_construction_workshop(ctx: Context) -> Iterator[Hit]:
    shared = any(
        _gathers_partners(phase, PhaseKind.WORKSHOP) and phase.format != PhaseFormat.INDIVIDUAL
        for phase in ctx.pathway.phases
    )
    if not shared:
        yield Hit("Aucun atelier collectif n'associe au moins deux partenaires à la conception "
                  "du programme d'actions.")


MIN_DEPENDENCIES = 2


@rule("no-phase-dependencies", Severity.WARNING, "Rétroplanning : étapes enchaînées")
def no_phase_dependencies(ctx: Context) -> Iterator[Hit]:
    """A rétroplanning chains its phases: from three phases on, one dependency alone does not make one."""
    phases = ctx.pathway.phases
    links = sum(len(set(phase.depends_on)) for phase in phases)
    if links < min(MIN_DEPENDENCIES, len(phases) - 1):
        found = "aucune étape ne dépend d'une autre" if links == 0 else "une seule étape dépend d'une autre"
        yield Hit(f"Le rétroplanning n'est pas construit : {found} ; enchaînez les étapes "
                  "(« Dépend des étapes »).")


@rule("phase-without-location", Severity.WARNING, "Lieux des étapes prévus")
def phase_without_location(ctx: Context) -> Iterator[Hit]:
    for phase in ctx.pathway.phases:
        if phase.modality in (Modality.ONSITE, Modality.HYBRID) and not phase.location.strip():
            onsite = "en partie en présentiel" if phase.modality == Modality.HYBRID else "en présentiel"
            yield hit("phases", phase, f"L'étape « {display_name(phase)} » a lieu {onsite} "
                      "mais son lieu n'est pas prévu.")


@rule("no-partner-questionnaire", Severity.INFO, "Retours des partenaires recueillis")
def no_partner_questionnaire(ctx: Context) -> Iterator[Hit]:
    audiences = {q.audience for q in ctx.pathway.questionnaires}
    if ctx.pathway.partners and QuestionnaireAudience.PARTNERS not in audiences:
        yield Hit("Aucun questionnaire n'est prévu pour les partenaires : l'évaluation "
                  "n'est pas partagée avec eux.")


@rule("funding-without-partner", Severity.WARNING, "Financeurs identifiés")
def funding_without_partner(ctx: Context) -> Iterator[Hit]:
    for funding in ctx.pathway.funding:
        if funding.account.startswith(SUBSIDY_PREFIX) and funding.partner_id is None:
            yield hit("funding", funding, f"La subvention « {display_name(funding)} » n'est "
                      "rattachée à aucun financeur.")


@rule("funding-concentrated", Severity.INFO, "Ressources diversifiées")
def funding_concentrated(ctx: Context) -> Iterator[Hit]:
    amounts: dict[str, Decimal] = defaultdict(lambda: ZERO)
    names: dict[str, str] = {}
    for funding in ctx.pathway.funding:
        if funding.account.startswith(IN_KIND_PREFIX):
            continue
        partner = ctx.partners_by_id.get(funding.partner_id) if funding.partner_id else None
        source = funding.partner_id or f"label:{funding.label.strip().casefold()}"
        amounts[source] += funding.amount
        names[source] = display_name(partner if partner is not None else funding)
    total = sum(amounts.values(), ZERO)
    if total == 0:
        return
    source, amount = max(amounts.items(), key=lambda item: item[1])
    if amount > total * CONCENTRATION_LIMIT:
        share = round(100 * amount / total)
        yield Hit(f"Une seule source apporte {share} % des produits (hors contributions en nature) : "
                  f"« {names[source]} » ; les ressources du parcours sont peu diversifiées.")


@rule("risk-without-mitigation", Severity.WARNING, "Scénarios de repli prévus")
def risk_without_mitigation(ctx: Context) -> Iterator[Hit]:
    for risk in ctx.pathway.risks:
        if not risk.mitigation.strip():
            yield hit("risks", risk, f"L'imprévu « {display_name(risk)} » n'a pas de scénario "
                      "de repli.")


@rule("risk-delay-without-phase", Severity.WARNING, "Imprévus rattachés aux étapes")
def risk_delay_without_phase(ctx: Context) -> Iterator[Hit]:
    for risk in ctx.pathway.risks:
        if risk.delay_days > 0 and not risk.phase_ids:
            yield hit("risks", risk, f"L'imprévu « {display_name(risk)} » retarderait de "
                      f"{count_of(risk.delay_days, 'jour')} mais ne nomme aucune étape.")
