"""The entities of a pathway, exactly as the file format names them."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Optional, Union

from pydantic import BaseModel, Field, StrictBool, StrictInt, StrictStr

from parcours_designer.model.enums import (
    FeedMeasure,
    FunderCategory,
    FundingStatus,
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


class Audience(Entity):
    name: str = ""
    description: str = ""
    size: Optional[Count] = None


class Need(Entity):
    title: str = ""
    description: str = ""
    category: str = ""
    priority: Priority = Priority.MEDIUM
    sources: list[NeedSource] = Field(default_factory=list)
    audience_ids: list[Id] = Field(default_factory=list)


class Objective(Entity):
    title: str = ""
    description: str = ""
    need_ids: list[Id] = Field(default_factory=list)
    priority: Rank = 1


class PartnerLink(Part):
    partner_id: Id
    label: str = ""


class Partner(Entity):
    name: str = ""
    kind: PartnerKind = PartnerKind.OTHER
    role: str = ""
    status: PartnerStatus = PartnerStatus.IDENTIFIED
    contact: Contact = Field(default_factory=Contact)
    links: list[PartnerLink] = Field(default_factory=list)
    # Planning: at most this many days of work a month (consultants, staff).
    capacity_days_per_month: Optional[Quantity] = None


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
    deliverables: list[str] = Field(default_factory=list)
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
    text: str = ""
    partner_ids: list[Id] = Field(default_factory=list)


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
