"""Rules on the pathway's frame: context, territory, audiences, referent, risks."""

from __future__ import annotations

from typing import Iterator

from parcours_designer.model.check.context import Context
from parcours_designer.model.check.registry import Hit, Severity, rule


@rule("summary-missing", Severity.WARNING, "Contexte du parcours décrit")
def summary_missing(ctx: Context) -> Iterator[Hit]:
    if not ctx.pathway.summary.strip():
        yield Hit("Le contexte du parcours (structures visées, enjeux, raison d'être) n'est pas décrit.")


@rule("territory-missing", Severity.WARNING, "Territoire renseigné")
def territory_missing(ctx: Context) -> Iterator[Hit]:
    if not ctx.pathway.territory.strip():
        yield Hit("Le territoire du parcours n'est pas renseigné.")


@rule("no-audience", Severity.WARNING, "Publics cibles définis")
def no_audience(ctx: Context) -> Iterator[Hit]:
    if not ctx.pathway.audiences:
        yield Hit("Aucun public cible n'est défini.")


@rule("no-referent", Severity.WARNING, "Référent·e du parcours désigné·e")
def no_referent(ctx: Context) -> Iterator[Hit]:
    referent = ctx.pathway.referent
    if referent is None or not referent.name.strip():
        yield Hit("Aucun·e référent·e n'est désigné·e pour le parcours.")


@rule("pathway-dates-inverted", Severity.ERROR, "Dates du parcours cohérentes")
def pathway_dates_inverted(ctx: Context) -> Iterator[Hit]:
    pathway = ctx.pathway
    if pathway.start and pathway.end and pathway.end < pathway.start:
        yield Hit(
            f"Le parcours se termine le {pathway.end:%d/%m/%Y}, avant son début "
            f"le {pathway.start:%d/%m/%Y}."
        )


@rule("no-risk", Severity.INFO, "Imprévus anticipés")
def no_risk(ctx: Context) -> Iterator[Hit]:
    if not ctx.pathway.risks:
        yield Hit("Aucun scénario d'imprévu n'est prévu (retard, désistement, financement tardif…).")
