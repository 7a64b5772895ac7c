"""Rules on partners and the means: mobilisation, contacts, budget."""

from __future__ import annotations

from typing import Iterator

from parcours_designer.model.budget import ZERO
from parcours_designer.model.check.context import Context
from parcours_designer.model.check.registry import Hit, Severity, hit, rule
from parcours_designer.model.enums import FundingStatus, PartnerKind, PartnerStatus
from parcours_designer.model.formatting import count_of, format_money
from parcours_designer.model.references import display_name


@rule("no-partners", Severity.ERROR, "Partenaires mobilisés")
def no_partners(ctx: Context) -> Iterator[Hit]:
    if not ctx.pathway.partners:
        yield Hit("Aucun partenaire n'est identifié (intervenant·e·s, structures, financeurs).")


@rule("partner-not-committed", Severity.WARNING, "Engagement des partenaires")
def partner_not_committed(ctx: Context) -> Iterator[Hit]:
    for partner in ctx.pathway.partners:
        if partner.id in ctx.partner_ids_in_phases and partner.status != PartnerStatus.COMMITTED:
            yield hit("partners", partner, f"Le partenaire « {display_name(partner)} » intervient dans "
                      f"des étapes mais n'est pas engagé (statut : {partner.status.label.lower()}).")


@rule("partner-without-contact", Severity.WARNING, "Coordonnées des partenaires")
def partner_without_contact(ctx: Context) -> Iterator[Hit]:
    for partner in ctx.pathway.partners:
        if not (partner.contact.email.strip() or partner.contact.phone.strip()):
            yield hit("partners", partner, f"Le partenaire « {display_name(partner)} » n'a ni courriel "
                      "ni téléphone de contact.")


@rule("consultant-without-cost", Severity.WARNING, "Interventions chiffrées")
def consultant_without_cost(ctx: Context) -> Iterator[Hit]:
    for partner in ctx.pathway.partners:
        involved = partner.id in ctx.partner_ids_in_phases
        if partner.kind == PartnerKind.CONSULTANT and involved and partner.id not in ctx.partner_ids_with_costs:
            yield hit("partners", partner, f"Le ou la consultant·e « {display_name(partner)} » intervient "
                      "dans des étapes mais aucune ligne de charge ne chiffre son intervention.")


@rule("budget-empty", Severity.ERROR, "Moyens chiffrés")
def budget_empty(ctx: Context) -> Iterator[Hit]:
    if not ctx.pathway.costs:
        yield Hit("Aucune charge n'est chiffrée : les moyens humains, logistiques et financiers "
                  "du parcours ne sont pas estimés.")


@rule("cost-without-account", Severity.WARNING, "Charges classées au plan comptable")
def cost_without_account(ctx: Context) -> Iterator[Hit]:
    for cost in ctx.pathway.costs:
        if not cost.account:
            yield hit("costs", cost, f"La charge « {display_name(cost)} » n'a pas de compte "
                      "(60 à 68 ou 86) : elle ne peut pas figurer au budget prévisionnel.")


@rule("funding-without-account", Severity.WARNING, "Produits classés au plan comptable")
def funding_without_account(ctx: Context) -> Iterator[Hit]:
    for funding in ctx.pathway.funding:
        if not funding.account:
            yield hit("funding", funding, f"Le produit « {display_name(funding)} » n'a pas de compte "
                      "(70 à 78 ou 87) : il ne peut pas figurer au plan de financement.")


@rule("budget-unbalanced", Severity.ERROR, "Budget équilibré")
def budget_unbalanced(ctx: Context) -> Iterator[Hit]:
    budget = ctx.budget
    if not budget.is_balanced:
        gap = budget.balance
        side = "excédent" if gap > 0 else "déficit"
        yield Hit(f"Le budget n'est pas équilibré : charges {format_money(budget.total_charges)}, "
                  f"produits {format_money(budget.total_products)}, {side} de {format_money(abs(gap))}.")


@rule("in-kind-unbalanced", Severity.ERROR, "Contributions en nature équilibrées")
def in_kind_unbalanced(ctx: Context) -> Iterator[Hit]:
    budget = ctx.budget
    if not budget.in_kind_balanced:
        gap = abs(budget.in_kind_charges - budget.in_kind_products)
        yield Hit(f"Les contributions volontaires en nature ne s'équilibrent pas : emplois (86) "
                  f"{format_money(budget.in_kind_charges)}, contributions (87) "
                  f"{format_money(budget.in_kind_products)}, écart de {format_money(gap)}.")


@rule("funding-not-granted", Severity.INFO, "Financements acquis")
def funding_not_granted(ctx: Context) -> Iterator[Hit]:
    pending = [f for f in ctx.pathway.funding if f.status == FundingStatus.REQUESTED and f.amount > 0]
    if pending:
        total = sum((f.amount for f in pending), ZERO)
        yield Hit(f"{count_of(len(pending), 'financement encore demandé', 'financements encore demandés')}, non acquis, pour "
                  f"{format_money(total)}.")
