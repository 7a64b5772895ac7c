"""The pathway: the root of a ``.parcours`` document."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Optional

from pydantic import Field, model_validator

from parcours_designer.model.consultations import Consultation
from parcours_designer.model.entities import (
    Audience,
    ChecklistItem,
    Closure,
    Commitment,
    Cost,
    EditionLink,
    Funding,
    Indicator,
    Need,
    Objective,
    Part,
    Partner,
    PeerExchange,
    Phase,
    Questionnaire,
    Referent,
    Review,
    Risk,
)
from parcours_designer.model.kinds import KINDS
from parcours_designer.model.types import AccountGroup, IsoDate, Title, grouped

DEFAULT_FRAMEWORK = "charge-ingenierie-parcours"
# Every duration, lag and scenario delay added up: the schedule never leaves the calendar's years.
MAX_TOTAL_DAYS = 36_500


def new_uid() -> str:
    """A fresh identity for a new pathway."""
    return uuid.uuid4().hex


class Pathway(Part):
    title: Title
    summary: str = ""
    territory: str = ""
    edition: str = ""
    referent: Optional[Referent] = None
    start: Optional[IsoDate] = None
    end: Optional[IsoDate] = None
    framework: str = DEFAULT_FRAMEWORK
    # The lists: each has one record in model/kinds.py (KINDS), in this order.
    audiences: list[Audience] = Field(default_factory=list)
    needs: list[Need] = Field(default_factory=list)
    objectives: list[Objective] = Field(default_factory=list)
    partners: list[Partner] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list)
    costs: list[Cost] = Field(default_factory=list)
    funding: list[Funding] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    questionnaires: list[Questionnaire] = Field(default_factory=list)
    review: Review = Field(default_factory=Review)
    risks: list[Risk] = Field(default_factory=list)
    consultations: list[Consultation] = Field(default_factory=list)
    # The réalisé: why a group of accounts differs from its forecast (group → text).
    variance_explanations: dict[AccountGroup, str] = Field(default_factory=dict)
    # The officer's exchanges with peers, and the responsible-practice commitments.
    peer_exchanges: list[PeerExchange] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    # Planning: periods without work, and the day the baseline was saved.
    closures: list[Closure] = Field(default_factory=list)
    baseline_saved_on: Optional[IsoDate] = None
    # A stable identity, kept when the title changes (calendar UIDs…).
    uid: str = ""
    # « Nouvelle édition »: the edition this one comes from, and its bilan's adjustments to make.
    previous_edition: Optional[EditionLink] = None
    checklist: list[ChecklistItem] = Field(default_factory=list)

    @model_validator(mode="after")
    def _schedule_stays_in_time(self) -> "Pathway":
        total = sum((phase.duration_days or 0) + phase.lag_days for phase in self.phases)
        total += sum(risk.delay_days for risk in self.risks)
        if total > MAX_TOTAL_DAYS:
            raise ValueError(
                f"les durées et décalages des étapes et les retards des risques totalisent {grouped(total)} "
                f"jours ouvrés ; au plus {grouped(MAX_TOTAL_DAYS)} (environ 140 ans) sont acceptés"
            )
        return self

    def items(self, list_name: str) -> list[Any]:
        """The entity list called ``list_name`` (``"phases"``, ``"costs"``…)."""
        if list_name not in KINDS:
            raise KeyError(list_name)
        found: list[Any] = getattr(self, list_name)
        return found

    def index(self, list_name: str) -> dict[str, Any]:
        """The entities of a list by id."""
        return {item.id: item for item in self.items(list_name)}
