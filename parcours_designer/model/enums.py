"""Enumerated values of the file format, each with its French label."""

from __future__ import annotations

from enum import Enum


class Labelled(str, Enum):
    """A string enum whose members carry a French display label."""

    @property
    def label(self) -> str:
        return LABELS[type(self)][self.value]

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(member.value, member.label) for member in cls]


class Priority(Labelled):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class NeedSource(Labelled):
    INTERVIEW = "interview"
    QUESTIONNAIRE = "questionnaire"
    SHARED_DIAGNOSTIC = "shared_diagnostic"
    OBSERVATION = "observation"
    PEER_EXCHANGE = "peer_exchange"
    DATA = "data"


class PartnerKind(Labelled):
    SUPPORT_STRUCTURE = "support_structure"
    CONSULTANT = "consultant"
    FUNDER = "funder"
    LOCAL_AUTHORITY = "local_authority"
    NETWORK = "network"
    VENUE = "venue"
    OTHER = "other"


class PartnerStatus(Labelled):
    IDENTIFIED = "identified"
    CONTACTED = "contacted"
    COMMITTED = "committed"


class PhaseKind(Labelled):
    WELCOME = "welcome"
    DIAGNOSTIC = "diagnostic"
    STEERING = "steering"
    WORKSHOP = "workshop"
    INDIVIDUAL_SUPPORT = "individual_support"
    PEER_EXCHANGE = "peer_exchange"
    TRAINING = "training"
    FOLLOW_UP = "follow_up"
    REVIEW = "review"
    INFORMATION = "information"
    ENGINEERING = "engineering"
    CONSULTATION = "consultation"
    RESTITUTION = "restitution"
    OTHER = "other"


class PhaseFormat(Labelled):
    INDIVIDUAL = "individual"
    COLLECTIVE = "collective"


class Modality(Labelled):
    ONSITE = "onsite"
    REMOTE = "remote"
    HYBRID = "hybrid"


class FundingStatus(Labelled):
    REQUESTED = "requested"
    GRANTED = "granted"


class FunderCategory(Labelled):
    """The funder lines of account 74 on the CERFA n°12156 budget, in the form's order."""

    STATE = "state"
    REGION = "region"
    DEPARTMENT = "department"
    INTERMUNICIPALITY = "intermunicipality"
    MUNICIPALITY = "municipality"
    SOCIAL_BODIES = "social_bodies"
    EUROPEAN_FUNDS = "european_funds"
    ASP = "asp"
    OTHER_PUBLIC = "other_public"
    PRIVATE = "private"


class IndicatorKind(Labelled):
    QUANTITATIVE = "quantitative"
    QUALITATIVE = "qualitative"


class IndicatorDirection(Labelled):
    """How a result is compared with the target."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    EQUAL = "equal"


class IndicatorAssessment(Labelled):
    """The officer's judgement of an indicator whose status cannot be computed."""

    ACHIEVED = "achieved"
    PARTLY_ACHIEVED = "partly_achieved"
    NOT_ACHIEVED = "not_achieved"


class DeliverableStatus(Labelled):
    EXPECTED = "expected"
    RECEIVED = "received"
    ACCEPTED = "accepted"
    REFUSED = "refused"


class CommitmentArea(Labelled):
    """The fields of a responsible-practice (RSE) commitment."""

    TRAVEL = "travel"
    ACCESSIBILITY = "accessibility"
    DIGITAL_SOBRIETY = "digital_sobriety"
    LOCAL_SOURCING = "local_sourcing"
    INCLUSION = "inclusion"
    WASTE = "waste"
    OTHER = "other"


class QuestionnaireAudience(Labelled):
    PARTICIPANTS = "participants"
    FACILITATORS = "facilitators"
    PARTNERS = "partners"


class QuestionType(Labelled):
    SCALE = "scale"
    CHOICE = "choice"  # one choice among several (the meaning of version 1)
    MULTIPLE_CHOICE = "multiple_choice"
    YES_NO = "yes_no"
    TEXT = "text"

    @property
    def has_choices(self) -> bool:
        return self in (QuestionType.CHOICE, QuestionType.MULTIPLE_CHOICE)


class FeedMeasure(Labelled):
    """How a question's answers make an indicator's result."""

    MEAN = "mean"  # mean of a scale
    SHARE = "share"  # percentage of respondents giving one answer


class Level(Labelled):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class PhaseStatus(Labelled):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


LABELS: dict[type, dict[str, str]] = {
    Priority: {"high": "Haute", "medium": "Moyenne", "low": "Basse"},
    NeedSource: {
        "interview": "Entretien",
        "questionnaire": "Questionnaire",
        "shared_diagnostic": "Diagnostic partagé",
        "observation": "Observation",
        "peer_exchange": "Échange entre pairs",
        "data": "Données",
    },
    PartnerKind: {
        "support_structure": "Structure d'accompagnement",
        "consultant": "Consultant·e",
        "funder": "Financeur",
        "local_authority": "Collectivité",
        "network": "Réseau",
        "venue": "Lieu d'accueil",
        "other": "Autre",
    },
    PartnerStatus: {"identified": "Identifié", "contacted": "Contacté", "committed": "Engagé"},
    PhaseKind: {
        "welcome": "Accueil",
        "diagnostic": "Diagnostic",
        "steering": "Comité / pilotage",
        "workshop": "Atelier collectif",
        "individual_support": "Accompagnement individuel",
        "peer_exchange": "Échange entre pairs",
        "training": "Formation",
        "follow_up": "Suivi",
        "review": "Bilan",
        "information": "Information",
        "engineering": "Ingénierie (cahier des charges)",
        "consultation": "Consultation de prestataires",
        "restitution": "Restitution",
        "other": "Autre",
    },
    PhaseFormat: {"individual": "Individuel", "collective": "Collectif"},
    Modality: {"onsite": "Présentiel", "remote": "À distance", "hybrid": "Hybride"},
    FundingStatus: {"requested": "Demandé", "granted": "Acquis"},
    FunderCategory: {
        "state": "État",
        "region": "Région(s)",
        "department": "Département(s)",
        "intermunicipality": "Intercommunalité(s) – EPCI",
        "municipality": "Commune(s)",
        "social_bodies": "Organismes sociaux",
        "european_funds": "Fonds européens",
        "asp": "ASP (emplois aidés)",
        "other_public": "Autres établissements publics",
        "private": "Aides privées",
    },
    IndicatorKind: {"quantitative": "Quantitatif", "qualitative": "Qualitatif"},
    IndicatorDirection: {"at_least": "Au moins la cible", "at_most": "Au plus la cible",
                         "equal": "Égal à la cible"},
    IndicatorAssessment: {"achieved": "Atteint", "partly_achieved": "Partiellement atteint",
                          "not_achieved": "Non atteint"},
    DeliverableStatus: {"expected": "Attendu", "received": "Reçu", "accepted": "Accepté",
                        "refused": "Refusé"},
    CommitmentArea: {
        "travel": "Déplacements",
        "accessibility": "Accessibilité",
        "digital_sobriety": "Sobriété numérique",
        "local_sourcing": "Achats locaux",
        "inclusion": "Inclusion",
        "waste": "Déchets et réemploi",
        "other": "Autre",
    },
    QuestionnaireAudience: {
        "participants": "Participant·e·s",
        "facilitators": "Intervenant·e·s",
        "partners": "Partenaires",
    },
    QuestionType: {
        "scale": "Échelle",
        "choice": "Choix unique",
        "multiple_choice": "Choix multiple",
        "yes_no": "Oui / non",
        "text": "Texte libre",
    },
    FeedMeasure: {"mean": "Moyenne de l'échelle", "share": "Part d'une réponse (%)"},
    Level: {"low": "Faible", "medium": "Moyen", "high": "Élevé"},
    PhaseStatus: {
        "planned": "À venir",
        "in_progress": "En cours",
        "done": "Terminée",
        "cancelled": "Annulée",
    },
}
