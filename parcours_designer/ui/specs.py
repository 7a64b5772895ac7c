"""What each list shows: its table columns and the fields of its form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication

from parcours_designer.model import enums
from parcours_designer.model.budget import cost_amount
from parcours_designer.model.formatting import format_date, format_money, format_quantity, plural
from parcours_designer.model.funders import category_proposal
from parcours_designer.model.indicators import computed_status, indicator_status, is_judged
from parcours_designer.ui.form import FieldSpec as F
from parcours_designer.ui.table_model import Column as C


def tr(text: str) -> str:
    return QCoreApplication.translate("specs", text)


def _label(value) -> str:
    return value.label if value is not None else ""


@dataclass(frozen=True)
class ListSpec:
    """What the editor shows of one list kind (a key of ``model.kinds.KINDS``).

    Both are functions: the French headers and labels go through ``tr`` when a
    page is built, not when this module is imported.
    """

    columns: Callable[[], list[C]]
    fields: Callable[[], list[F]]


def _money(value) -> str:
    return "" if value is None else format_money(value)


def _offers(consultation) -> str:
    count = len(consultation.offers)
    return tr("aucune") if not count else str(count)


def _chosen(consultation, names) -> str:
    offer = consultation.offer(consultation.selected_offer_id)
    if offer is None:
        return ""
    return names.of("partners", offer.partner_id) if offer.partner_id else tr("prestataire non précisé")


def _indicator_status(indicator) -> str:
    """The status, « (appréciation) » after it when it is the officer's judgement."""
    status = indicator_status(indicator).label
    return tr("{0} (appréciation)").format(status) if is_judged(indicator) else status


def _assessment_hint(_pathway, indicator) -> str:
    """Whether the officer's judgement gives the status or the computation does."""
    computed = computed_status(indicator)
    if computed is not None:
        return tr("Statut calculé d'après la cible et le résultat : {0}. Votre appréciation ne compte "
                  "que si le statut ne se calcule pas.").format(computed.label.lower())
    return tr("Le statut ne se calcule pas (indicateur qualitatif, ou cible et résultat qui ne se "
              "comparent pas en nombres) : votre appréciation le donne.")


def columns(list_name: str) -> list[C]:
    """The table columns of ``list_name``."""
    return LIST_SPECS[list_name].columns()


def fields(list_name: str) -> list[F]:
    """The form fields of one item of ``list_name``."""
    return LIST_SPECS[list_name].fields()


LIST_SPECS: dict[str, ListSpec] = {
    "audiences": ListSpec(
        columns=lambda: [
            C(tr("Nom"), lambda i, n: i.name),
            C(tr("Effectif"), lambda i, n: "" if i.size is None else str(i.size), right=True),
            C(tr("Description"), lambda i, n: i.description),
        ],
        fields=lambda: [
            F("name", tr("Nom"), placeholder=tr("Nom du public")),
            F("size", tr("Effectif"), "int", optional=True),
            F("description", tr("Description"), "multiline"),
            F("approach", tr("Comment entrer en relation"), "multiline", height=55,
              placeholder=tr("Réunion d'information, permanence, relais d'un réseau…")),
        ],
    ),
    "needs": ListSpec(
        columns=lambda: [
            C(tr("Besoin"), lambda i, n: i.title),
            C(tr("Priorité"), lambda i, n: i.priority.label),
            C(tr("Catégorie"), lambda i, n: i.category),
            C(tr("Publics"), lambda i, n: n.join("audiences", i.audience_ids)),
        ],
        fields=lambda: [
            F("title", tr("Intitulé"), placeholder=tr("Intitulé du besoin")),
            F("priority", tr("Priorité"), "choice", enums.Priority),
            F("category", tr("Catégorie")),
            F("description", tr("Description"), "multiline"),
            F("sources", tr("D'où vient ce besoin"), "flags", enums.NeedSource),
            F("evidence", tr("Sur quoi il repose"), "multiline", height=55,
              placeholder=tr("Entretien avec…, questionnaire de…, données de…")),
            F("audience_ids", tr("Publics concernés"), "links", target="audiences"),
        ],
    ),
    "objectives": ListSpec(
        columns=lambda: [
            C(tr("Objectif"), lambda i, n: i.title),
            C(tr("Priorité"), lambda i, n: str(i.priority), right=True),
            C(tr("Besoins"), lambda i, n: n.join("needs", i.need_ids)),
        ],
        fields=lambda: [
            F("title", tr("Intitulé"), placeholder=tr("Intitulé de l'objectif")),
            F("priority", tr("Priorité (1 = la plus haute)"), "int", minimum=1),
            F("description", tr("Description"), "multiline"),
            F("need_ids", tr("Besoins auxquels il répond"), "links", target="needs"),
        ],
    ),
    "partners": ListSpec(
        columns=lambda: [
            C(tr("Nom"), lambda i, n: i.name),
            C(tr("Type"), lambda i, n: i.kind.label),
            C(tr("Statut"), lambda i, n: i.status.label),
            C(tr("Rôle"), lambda i, n: i.role),
        ],
        fields=lambda: [
            F("name", tr("Nom"), placeholder=tr("Nom du partenaire")),
            F("kind", tr("Type"), "choice", enums.PartnerKind),
            F("status", tr("Statut"), "choice", enums.PartnerStatus),
            F("role", tr("Rôle")),
            F("approach", tr("Comment entrer en relation"), "multiline", height=55),
            F("contact.name", tr("Contact")),
            F("contact.email", tr("Courriel")),
            F("contact.phone", tr("Téléphone")),
            F("capacity_days_per_month", tr("Capacité (jours par mois)"), "quantity", optional=True,
              placeholder=tr("sans limite")),
        ],
    ),
    "phases": ListSpec(
        columns=lambda: [
            C(tr("Étape"), lambda i, n: i.title),
            C(tr("Type"), lambda i, n: i.kind.label),
            C(tr("Début"), lambda i, n: format_date(i.start)),
            C(tr("Fin"), lambda i, n: format_date(i.end)),
            C(tr("Avancement"), lambda i, n: i.status.label),
            C(tr("Objectifs"), lambda i, n: n.join("objectives", i.objective_ids)),
            C(tr("Partenaires"), lambda i, n: n.join("partners", i.partner_ids)),
        ],
        fields=lambda: [
            F("title", tr("Intitulé"), placeholder=tr("Intitulé de l'étape")),
            F("kind", tr("Type"), "choice", enums.PhaseKind),
            F("module", tr("Module ou niveau"), placeholder=tr("Niveau 1, axe, lot…")),
            F("description", tr("Programme, méthodes et posture d'animation"), "multiline", height=90),
            F("format", tr("Format"), "choice", enums.PhaseFormat, optional=True),
            F("modality", tr("Modalité"), "choice", enums.Modality, optional=True),
            F("start", tr("Début"), "date"),
            F("end", tr("Fin"), "date"),
            F("duration_days", tr("Durée (jours ouvrés)"), "int", optional=True),
            F("lag_days", tr("Délai après les étapes précédentes (jours ouvrés)"), "int"),
            F("pinned", tr("Date fixe"), "bool"),
            F("milestone", tr("Jalon"), "bool"),
            F("status", tr("Avancement"), "choice", enums.PhaseStatus),
            F("actual_start", tr("Début réel"), "date"),
            F("actual_end", tr("Fin réelle"), "date"),
            F("participants", tr("Participant·e·s"), "int", optional=True),
            F("location", tr("Lieu")),
            F("objective_ids", tr("Objectifs servis"), "links", target="objectives"),
            F("partner_ids", tr("Partenaires mobilisés"), "links", target="partners"),
            F("depends_on", tr("Dépend des étapes"), "links", target="phases"),
            F("direct_award_reason", tr("Achat sans consultation (gré à gré) : motif"), "multiline", height=55),
        ],
    ),
    "costs": ListSpec(
        columns=lambda: [
            C(tr("Charge"), lambda i, n: i.label),
            C(tr("Compte"), lambda i, n: i.account),
            C(tr("Quantité"), lambda i, n: f"{format_quantity(i.quantity)} {plural(i.unit, i.quantity)}".strip(),
              right=True),
            C(tr("Coût unitaire"), lambda i, n: format_money(i.unit_cost), right=True),
            C(tr("Montant"), lambda i, n: format_money(cost_amount(i)), right=True),
            C(tr("Réalisé"), lambda i, n: _money(i.actual_amount), right=True),
            C(tr("Étape"), lambda i, n: n.of("phases", i.phase_id)),
            C(tr("Partenaire"), lambda i, n: n.of("partners", i.partner_id)),
        ],
        fields=lambda: [
            F("label", tr("Intitulé"), placeholder=tr("Intitulé de la charge")),
            F("account", tr("Compte (60 à 68, 86)"), "text_finish", placeholder="6226"),
            F("quantity", tr("Quantité"), "quantity"),
            F("unit", tr("Unité"), placeholder=tr("jour, forfait…")),
            F("unit_cost", tr("Coût unitaire"), "money"),
            F("actual_amount", tr("Réalisé (montant dépensé)"), "money", optional=True, placeholder=tr("non saisi")),
            F("phase_id", tr("Étape"), "ref", target="phases"),
            F("partner_id", tr("Partenaire"), "ref", target="partners"),
        ],
    ),
    "funding": ListSpec(
        columns=lambda: [
            C(tr("Produit"), lambda i, n: i.label),
            C(tr("Compte"), lambda i, n: i.account),
            C(tr("Montant"), lambda i, n: format_money(i.amount), right=True),
            C(tr("Réalisé"), lambda i, n: _money(i.actual_amount), right=True),
            C(tr("Statut"), lambda i, n: i.status.label),
            C(tr("Financeur"), lambda i, n: n.of("partners", i.partner_id)),
        ],
        fields=lambda: [
            F("label", tr("Intitulé"), placeholder=tr("Intitulé du produit")),
            F("account", tr("Compte (70 à 78, 87)"), "text_finish", placeholder="74"),
            F("amount", tr("Montant"), "money"),
            F("actual_amount", tr("Réalisé (montant reçu)"), "money", optional=True, placeholder=tr("non saisi")),
            F("status", tr("Statut"), "choice", enums.FundingStatus),
            F("partner_id", tr("Financeur"), "ref", target="partners"),
            F("funder_category", tr("Subventions (74) : ligne du formulaire CERFA"), "choice",
              enums.FunderCategory, optional=True, proposal=category_proposal),
        ],
    ),
    "indicators": ListSpec(
        columns=lambda: [
            C(tr("Indicateur"), lambda i, n: i.label),
            C(tr("Nature"), lambda i, n: _label(i.kind)),
            C(tr("Sens"), lambda i, n: i.direction.label),
            C(tr("Cible"), lambda i, n: "" if i.target is None else str(i.target)),
            C(tr("Résultat"), lambda i, n: "" if i.result is None else str(i.result)),
            C(tr("Statut"), lambda i, n: _indicator_status(i)),
            C(tr("Objectifs"), lambda i, n: n.join("objectives", i.objective_ids)),
        ],
        fields=lambda: [
            F("label", tr("Intitulé"), placeholder=tr("Intitulé de l'indicateur")),
            F("kind", tr("Nature"), "choice", enums.IndicatorKind, optional=True),
            F("direction", tr("Sens"), "choice", enums.IndicatorDirection),
            F("unit", tr("Unité"), placeholder=tr("semaines, personnes, %…")),
            F("baseline", tr("Valeur de départ"), "measure"),
            F("target", tr("Cible"), "measure"),
            F("result", tr("Résultat"), "measure"),
            F("measured_on", tr("Mesuré le"), "date"),
            F("assessment", tr("Appréciation"), "choice", enums.IndicatorAssessment, optional=True,
              hint=_assessment_hint),
            F("source", tr("Source de la donnée")),
            F("method", tr("Méthode de mesure"), "multiline", height=55),
            F("objective_ids", tr("Objectifs mesurés"), "links", target="objectives"),
            F("partner_ids", tr("Construit avec les partenaires"), "links", target="partners"),
        ],
    ),
    "questionnaires": ListSpec(
        columns=lambda: [
            C(tr("Questionnaire"), lambda i, n: i.title),
            C(tr("Public"), lambda i, n: i.audience.label),
            C(tr("Étape"), lambda i, n: n.of("phases", i.phase_id)),
            C(tr("Questions"), lambda i, n: str(len(i.questions)), right=True),
        ],
        fields=lambda: [
            F("title", tr("Titre"), placeholder=tr("Titre du questionnaire")),
            F("audience", tr("Destinataires"), "choice", enums.QuestionnaireAudience),
            F("phase_id", tr("Étape"), "ref", target="phases"),
        ],
    ),
    "risks": ListSpec(
        columns=lambda: [
            C(tr("Risque"), lambda i, n: i.description),
            C(tr("Probabilité"), lambda i, n: i.likelihood.label),
            C(tr("Impact"), lambda i, n: i.impact.label),
            C(tr("Retard (jours)"), lambda i, n: str(i.delay_days), right=True),
            C(tr("Surcoût"), lambda i, n: format_money(i.extra_cost) if i.extra_cost else "", right=True),
            C(tr("Étapes"), lambda i, n: n.join("phases", i.phase_ids)),
        ],
        fields=lambda: [
            F("description", tr("Description"), "multiline", height=55),
            F("likelihood", tr("Probabilité"), "choice", enums.Level),
            F("impact", tr("Impact"), "choice", enums.Level),
            F("delay_days", tr("Retard possible (jours ouvrés)"), "int"),
            F("extra_cost", tr("Surcoût possible"), "money"),
            F("mitigation", tr("Mesure d'atténuation"), "multiline", height=55),
            F("phase_ids", tr("Étapes concernées"), "links", target="phases"),
        ],
    ),
    "consultations": ListSpec(
        columns=lambda: [
            C(tr("Consultation"), lambda i, n: i.title),
            C(tr("Envoi"), lambda i, n: format_date(i.sent_on)),
            C(tr("Date limite"), lambda i, n: format_date(i.deadline)),
            C(tr("Offres"), lambda i, n: _offers(i), right=True),
            C(tr("Retenue"), _chosen),
            C(tr("Étapes achetées"), lambda i, n: n.join("phases", i.phase_ids)),
        ],
        fields=lambda: [
            F("title", tr("Intitulé"), placeholder=tr("Lot 1 – …")),
            F("phase_ids", tr("Étapes achetées"), "links", target="phases"),
            F("sent_on", tr("Envoyée le"), "date"),
            F("deadline", tr("Date limite de réponse"), "date"),
            F("description", tr("Objet (ce qui est demandé)"), "multiline", height=70),
            F("response_instructions", tr("Modalités de réponse"), "multiline", height=55),
            F("budget_ceiling", tr("Plafond budgétaire"), "money", optional=True, placeholder=tr("aucun")),
            F("show_budget_ceiling", tr("Montrer le plafond dans le cahier des charges"), "bool"),
            F("selection_reason", tr("Motif du choix (si l'offre retenue n'est pas la mieux notée)"), "multiline",
              height=55),
        ],
    ),
    "peer_exchanges": ListSpec(
        columns=lambda: [
            C(tr("Réseau ou pairs"), lambda i, n: i.network),
            C(tr("Date"), lambda i, n: format_date(i.held_on)),
            C(tr("Partagé"), lambda i, n: i.shared),
        ],
        fields=lambda: [
            F("network", tr("Réseau ou pairs"), placeholder=tr("Réseau des chargé·e·s de mission DLA…")),
            F("held_on", tr("Date"), "date"),
            F("shared", tr("Ce qui a été partagé"), "multiline", height=70),
            F("applied", tr("Ce que j'en retiens pour le parcours"), "multiline", height=70),
        ],
    ),
    "commitments": ListSpec(
        columns=lambda: [
            C(tr("Engagement"), lambda i, n: i.description),
            C(tr("Domaine"), lambda i, n: i.area.label),
            C(tr("Étapes"), lambda i, n: n.join("phases", i.phase_ids) or tr("Tout le parcours")),
            C(tr("Indicateurs"), lambda i, n: n.join("indicators", i.indicator_ids)),
        ],
        fields=lambda: [
            F("area", tr("Domaine"), "choice", enums.CommitmentArea),
            F("description", tr("Engagement"), "multiline", height=70),
            F("phase_ids", tr("Étapes concernées (aucune : tout le parcours)"), "links", target="phases"),
            F("indicator_ids", tr("Indicateurs de suivi"), "links", target="indicators"),
        ],
    ),
}

# Partner links are a list of objects: edited apart (see partner links editor).
OVERVIEW_FIELDS = lambda: [  # noqa: E731
    F("title", tr("Titre du parcours")),
    F("territory", tr("Territoire")),
    F("edition", tr("Édition")),
    F("start", tr("Début"), "date"),
    F("end", tr("Fin"), "date"),
    F("referent.name", tr("Référent·e")),
    F("referent.organisation", tr("Structure")),
    F("referent.email", tr("Courriel")),
    F("referent.phone", tr("Téléphone")),
    F("summary", tr("Résumé"), "multiline", height=90),
]

REVIEW_FIELDS = lambda: [  # noqa: E731
    F("review.strengths", tr("Points forts (un par ligne)"), "lines", height=90),
    F("review.improvements", tr("Points à améliorer (un par ligne)"), "lines", height=90),
    F("review.adjustments", tr("Ajustements pour la suite (un par ligne)"), "lines", height=90),
]
