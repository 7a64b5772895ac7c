"""The entities of a pathway, exactly as the file format names them."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Optional, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    SerializerFunctionWrapHandler,
    StrictBool,
    StrictInt,
    StrictStr,
    model_serializer,
)

from parcours_designer.model.enums import (
    CommitmentArea,
    DeliverableStatus,
    FeedMeasure,
    FunderCategory,
    FundingStatus,
    IndicatorAssessment,
    IndicatorDirection,
    IndicatorKind,
    Level,
    Modality,
    NeedSource,
    PartnerKind,
    PartnerStatus,
    PhaseFormat,
    PhaseKind,
    PhaseStatus,
    Priority,
    QuestionnaireAudience,
    QuestionType,
)
from parcours_designer.model.types import (
    MAX_ANSWER,
    STRICT,
    ChargeAccount,
    Count,
    Coordinate,
    Days,
    Id,
    IsoDate,
    Measure,
    Money,
    ProductAccount,
    Quantity,
    Rank,
    ScaleStep,
    scale_step,
)


class Part(BaseModel):
    """Any object of the format: unknown keys are refused."""

    model_config = STRICT


class Entity(Part):
    """An item of a list, known by its id."""

    id: Id


class Contact(Part):
    name: str = ""
    email: str = ""
    phone: str = ""


class Referent(Part):
    name: str = ""
    organisation: str = ""
    email: str = ""
    phone: str = ""


class MapPosition(Part):
    """Where a node sits on the stakeholder map (scene units)."""

    x: Coordinate
    y: Coordinate


class Audience(Entity):
    name: str = ""
    description: str = ""
    size: Optional[Count] = None
    # How the officer gets in touch with this public.
    approach: str = ""
    map_position: Optional[MapPosition] = None


class Need(Entity):
    title: str = ""
    description: str = ""
    category: str = ""
    priority: Priority = Priority.MEDIUM
    sources: list[NeedSource] = Field(default_factory=list)
    audience_ids: list[Id] = Field(default_factory=list)
    # What the need rests on: an interview with whom, a questionnaire, a data set.
    evidence: str = ""


class Objective(Entity):
    title: str = ""
    description: str = ""
    need_ids: list[Id] = Field(default_factory=list)
    priority: Rank = 1


class PartnerLink(Part):
    partner_id: Id
    label: str = ""


class AudienceLink(Part):
    """An interaction between a partner and a public, for the stakeholder map."""

    audience_id: Id
    label: str = ""


class Partner(Entity):
    name: str = ""
    kind: PartnerKind = PartnerKind.OTHER
    role: str = ""
    status: PartnerStatus = PartnerStatus.IDENTIFIED
    contact: Contact = Field(default_factory=Contact)
    links: list[PartnerLink] = Field(default_factory=list)
    audience_links: list[AudienceLink] = Field(default_factory=list)
    # How the officer gets in touch with this stakeholder.
    approach: str = ""
    map_position: Optional[MapPosition] = None
    # Planning: at most this many days of work a month (consultants, staff).
    capacity_days_per_month: Optional[Quantity] = None


class Deliverable(Part):
    """A deliverable and, once the work is handed in, its acceptance.

    In a file, a deliverable without status is a plain string, and it is
    saved back as one."""

    title: str = ""
    status: DeliverableStatus = DeliverableStatus.EXPECTED
    received_on: Optional[IsoDate] = None
    comment: str = ""

    @model_serializer(mode="wrap")
    def _plain_when_bare(self, handler: SerializerFunctionWrapHandler) -> Any:
        if self.status == DeliverableStatus.EXPECTED and self.received_on is None and not self.comment:
            return self.title
        return handler(self)

    def __str__(self) -> str:
        return self.title

    @property
    def effective_status(self) -> DeliverableStatus:
        """The status, « reçu » when a date of reception was given while the status still says
        « attendu » (a file from another tool, or the date typed before the status)."""
        if self.status == DeliverableStatus.EXPECTED and self.received_on is not None:
            return DeliverableStatus.RECEIVED
        return self.status

    def public_summary(self) -> str:
        """« Étude (refusé le 01/03/2027) »: the title, its status and its date, never the comment
        (what the officer wrote about a provider's work stays in internal documents); the title
        alone while expected."""
        status = self.effective_status
        if status == DeliverableStatus.EXPECTED:
            return self.title
        when = f" le {self.received_on:%d/%m/%Y}" if self.received_on else ""
        return f"{self.title} ({status.label.lower()}{when})"


def as_deliverable(value: Union[str, Deliverable]) -> Deliverable:
    """A deliverable; a plain title (as in a file, or appended by code) becomes one without status."""
    return Deliverable(title=value) if isinstance(value, str) else value


DeliverableEntry = Annotated[Union[str, Deliverable], AfterValidator(as_deliverable)]


class Phase(Entity):
    title: str = ""
    kind: PhaseKind = PhaseKind.OTHER
    format: Optional[PhaseFormat] = None
    modality: Optional[Modality] = None
    start: Optional[IsoDate] = None
    end: Optional[IsoDate] = None
    objective_ids: list[Id] = Field(default_factory=list)
    partner_ids: list[Id] = Field(default_factory=list)
    depends_on: list[Id] = Field(default_factory=list)
    participants: Optional[Count] = None
    milestone: bool = False
    location: str = ""
    deliverables: list[DeliverableEntry] = Field(default_factory=list)
    # The programme: methods, tools, facilitation approach.
    description: str = ""
    # The module, level, axis or lot the phase belongs to (« Niveau 1 »…).
    module: str = ""
    # Planning (all optional): a duration in working days scheduled after the
    # dependencies, a lag in working days after them, a date that cannot move.
    duration_days: Optional[Days] = None
    lag_days: Days = 0
    pinned: bool = False
    # Follow-up: what really happened, and the dates of the saved baseline.
    status: PhaseStatus = PhaseStatus.PLANNED
    actual_start: Optional[IsoDate] = None
    actual_end: Optional[IsoDate] = None
    baseline_start: Optional[IsoDate] = None
    baseline_end: Optional[IsoDate] = None
    # Why this phase is bought from a provider without consulting others.
    direct_award_reason: str = ""


class Cost(Entity):
    label: str = ""
    account: ChargeAccount = ""
    phase_id: Optional[Id] = None
    partner_id: Optional[Id] = None
    quantity: Quantity = Decimal("1")
    unit: str = ""
    unit_cost: Money = Decimal("0.00")
    # Follow-up: the amount of the line when the baseline was saved.
    baseline_amount: Optional[Money] = None
    # The réalisé: what was actually spent.
    actual_amount: Optional[Money] = None
    # The consultation whose chosen offer this line budgets (« Retenir cette offre »).
    consultation_id: Optional[Id] = None


class Funding(Entity):
    label: str = ""
    account: ProductAccount = ""
    partner_id: Optional[Id] = None
    amount: Money = Decimal("0.00")
    status: FundingStatus = FundingStatus.REQUESTED
    # Subsidies (74): the funder's line on the CERFA budget (État, Région(s)…).
    funder_category: Optional[FunderCategory] = None
    # The réalisé: what was actually received.
    actual_amount: Optional[Money] = None


class Indicator(Entity):
    label: str = ""
    kind: Optional[IndicatorKind] = None
    objective_ids: list[Id] = Field(default_factory=list)
    target: Measure = None
    result: Measure = None
    method: str = ""
    direction: IndicatorDirection = IndicatorDirection.AT_LEAST
    unit: str = ""
    baseline: Measure = None
    source: str = ""
    measured_on: Optional[IsoDate] = None
    # The partners who built the indicator with the officer.
    partner_ids: list[Id] = Field(default_factory=list)
    # The officer's judgement, the status when it cannot be computed from target and result.
    assessment: Optional[IndicatorAssessment] = None


DEFAULT_SCALE = (1, 5)


class Question(Entity):
    text: str = ""
    type: QuestionType = QuestionType.TEXT
    choices: list[str] = Field(default_factory=list)
    # A scale's bounds (default 1 to 5) and the words at both ends.
    scale_min: Optional[ScaleStep] = None
    scale_max: Optional[ScaleStep] = None
    min_label: str = ""
    max_label: str = ""
    # The indicator this question feeds, and how (mean of a scale, share of an answer).
    indicator_id: Optional[Id] = None
    indicator_measure: Optional[FeedMeasure] = None
    indicator_choice: str = ""

    def scale_bounds(self) -> tuple[int, int]:
        """The scale's lowest and highest steps.

        Explicit bounds first; else a version-1 scale whose choices are whole
        numbers (« 1 » … « 5 ») spans them; else 1 to 5."""
        low, high = self.scale_min, self.scale_max
        numbers = [n for n in map(scale_step, self.choices) if n is not None]
        if numbers and len(numbers) == len(self.choices):
            low = min(numbers) if low is None else low
            high = max(numbers) if high is None else high
        low = DEFAULT_SCALE[0] if low is None else low
        high = DEFAULT_SCALE[1] if high is None else high
        return (low, high) if low < high else (high, low) if high < low else DEFAULT_SCALE

    def measure(self) -> Optional[FeedMeasure]:
        """How this question feeds its indicator (mean for a scale, else a share)."""
        if self.indicator_id is None:
            return None
        if self.indicator_measure is not None:
            return self.indicator_measure
        return FeedMeasure.MEAN if self.type is QuestionType.SCALE else FeedMeasure.SHARE


# One answer: a scale step, a yes/no, a choice or a text, or the choices ticked.
Answer = Union[StrictBool, Annotated[StrictInt, Field(ge=-MAX_ANSWER, le=MAX_ANSWER)], StrictStr, list[StrictStr]]


class Response(Entity):
    """One person's answers to a questionnaire, as imported."""

    submitted_on: Optional[IsoDate] = None
    answers: dict[str, Answer] = Field(default_factory=dict)
    # Identifies the row of the export it came from: importing it again adds nothing.
    fingerprint: str = ""


class Questionnaire(Entity):
    title: str = ""
    audience: QuestionnaireAudience = QuestionnaireAudience.PARTICIPANTS
    phase_id: Optional[Id] = None
    questions: list[Question] = Field(default_factory=list)
    responses: list[Response] = Field(default_factory=list)


class Topic(Part):
    # Optional, so that the check can point at a topic (older files have none).
    id: str = ""
    text: str = ""
    partner_ids: list[Id] = Field(default_factory=list)


def next_topic_id(topics: list[Topic]) -> str:
    """A free id « t1 », « t2 »… for a new topic."""
    used = {topic.id for topic in topics}
    number = len(topics) + 1
    while f"t{number}" in used:
        number += 1
    return f"t{number}"


class Review(Part):
    strengths: list[str] = Field(default_factory=list)
    improvements: list[str] = Field(default_factory=list)
    adjustments: list[str] = Field(default_factory=list)
    topics_to_report: list[Topic] = Field(default_factory=list)

    def has_content(self) -> bool:
        return bool(self.strengths or self.improvements or self.adjustments)


class ChecklistItem(Part):
    """An adjustment carried over from the previous edition's bilan, to tick once done."""

    text: str = ""
    done: bool = False


class EditionLink(Part):
    """The edition a pathway was made from (« Nouvelle édition »)."""

    uid: str = ""
    title: str = ""
    edition: str = ""
    file: str = ""


class Risk(Entity):
    description: str = ""
    likelihood: Level = Level.MEDIUM
    impact: Level = Level.MEDIUM
    mitigation: str = ""
    delay_days: Days = 0
    phase_ids: list[Id] = Field(default_factory=list)
    # What the scenario would cost on top of the budget.
    extra_cost: Money = Decimal("0.00")


class Closure(Part):
    """A period when nothing is planned (August, the Christmas week…); inclusive."""

    start: IsoDate
    end: IsoDate
    label: str = ""


class PeerExchange(Entity):
    """The officer comparing notes with peers (other officers of the territory)."""

    held_on: Optional[IsoDate] = None
    network: str = ""
    shared: str = ""
    # What the officer takes from it into the pathway.
    applied: str = ""


class Commitment(Entity):
    """A responsible-practice (RSE) commitment, for the whole pathway or some phases."""

    area: CommitmentArea = CommitmentArea.OTHER
    description: str = ""
    phase_ids: list[Id] = Field(default_factory=list)
    indicator_ids: list[Id] = Field(default_factory=list)
