"""Rules on evaluation: indicators, questionnaires, the review and its topics."""

from __future__ import annotations

from typing import Iterator

from parcours_designer.model.check.context import Context
from parcours_designer.model.check.registry import Hit, Severity, hit, rule
from parcours_designer.model.enums import IndicatorKind, QuestionnaireAudience
from parcours_designer.model.references import display_name


@rule("no-indicators", Severity.ERROR, "Indicateurs d'évaluation définis")
def no_indicators(ctx: Context) -> Iterator[Hit]:
    if not ctx.pathway.indicators:
        yield Hit("Aucun indicateur d'évaluation n'est défini.")


def _has_kind(ctx: Context, kind: IndicatorKind) -> bool:
    return any(indicator.kind == kind for indicator in ctx.pathway.indicators)


@rule("no-quantitative-indicator", Severity.WARNING, "Indicateurs quantitatifs")
def no_quantitative_indicator(ctx: Context) -> Iterator[Hit]:
    if ctx.pathway.indicators and not _has_kind(ctx, IndicatorKind.QUANTITATIVE):
        yield Hit("Aucun indicateur quantitatif : le bilan ne pourra rien chiffrer.")


@rule("no-qualitative-indicator", Severity.WARNING, "Indicateurs qualitatifs")
def no_qualitative_indicator(ctx: Context) -> Iterator[Hit]:
    if ctx.pathway.indicators and not _has_kind(ctx, IndicatorKind.QUALITATIVE):
        yield Hit("Aucun indicateur qualitatif : le bilan ne dira rien du vécu des participant·e·s.")


@rule("objective-without-indicator", Severity.WARNING, "Objectifs évalués")
def objective_without_indicator(ctx: Context) -> Iterator[Hit]:
    for objective in ctx.pathway.objectives:
        if objective.id not in ctx.measured_objective_ids:
            yield hit("objectives", objective, f"L'objectif « {display_name(objective)} » "
                      "n'est mesuré par aucun indicateur.")


def _has_audience(ctx: Context, audience: QuestionnaireAudience) -> bool:
    return any(q.audience == audience for q in ctx.pathway.questionnaires)


@rule("no-participant-questionnaire", Severity.WARNING, "Retours des participant·e·s recueillis")
def no_participant_questionnaire(ctx: Context) -> Iterator[Hit]:
    if not _has_audience(ctx, QuestionnaireAudience.PARTICIPANTS):
        yield Hit("Aucun questionnaire n'est prévu pour les participant·e·s.")


@rule("no-facilitator-questionnaire", Severity.WARNING, "Retours des intervenant·e·s recueillis")
def no_facilitator_questionnaire(ctx: Context) -> Iterator[Hit]:
    if not _has_audience(ctx, QuestionnaireAudience.FACILITATORS):
        yield Hit("Aucun questionnaire n'est prévu pour les intervenant·e·s.")


@rule("review-without-topics", Severity.INFO, "Sujets remontés aux partenaires")
def review_without_topics(ctx: Context) -> Iterator[Hit]:
    review = ctx.pathway.review
    if review.has_content() and not review.topics_to_report:
        yield Hit("Le bilan est rédigé mais aucun sujet récurrent n'est prévu pour être remonté "
                  "aux partenaires.")


@rule("topic-without-partner", Severity.WARNING, "Destinataires des sujets remontés")
def topic_without_partner(ctx: Context) -> Iterator[Hit]:
    for topic in ctx.pathway.review.topics_to_report:
        if not topic.partner_ids:
            message = f"Le sujet à faire remonter « {display_name(topic)} » n'est adressé à aucun partenaire."
            yield Hit(message, "topic", topic.id) if topic.id else Hit(message)
