"""The registry of check rules: small pure functions over a pathway."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional, Protocol

from parcours_designer.model.check.context import Context
from parcours_designer.model.enums import LABELS, Labelled
from parcours_designer.model.kinds import KINDS


class Severity(Labelled):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, then warnings, then information (the order findings are listed in)."""
        return list(Severity).index(self)


LABELS[Severity] = {"error": "Erreur", "warning": "Avertissement", "info": "Information"}

# The target types of ``check --json`` in the contract (../shared/spec/cli.md). A finding on
# anything else (a consultation, a topic to report…) is given there as the pathway's, the
# precise item in the added ``target.item`` — scripts written for the contract keep working.
CONTRACT_TARGET_TYPES = frozenset({"pathway", "audience", "need", "objective", "partner", "phase",
                                   "cost", "funding", "indicator", "questionnaire", "risk"})


@dataclass(frozen=True)
class Hit:
    """What a rule found: a French message on a target (``None`` id: the pathway)."""

    message: str
    target_type: str = "pathway"
    target_id: Optional[str] = None


@dataclass(frozen=True)
class Finding:
    """A rule's hit, with the rule's identity and the competences it evidences."""

    rule: str
    severity: Severity
    message: str
    target_type: str
    target_id: Optional[str]
    competence_ids: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        target: dict[str, Any] = {"type": self.target_type}
        if self.target_id is not None:
            target["id"] = self.target_id
        if self.target_type not in CONTRACT_TARGET_TYPES:
            target = {"type": "pathway", "item": target}
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "target": target,
            "competence_ids": list(self.competence_ids),
        }


Check = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str
    check: Check


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, title: str) -> Callable[[Check], Check]:
    """Register ``check(context) -> Iterable[Hit]`` under ``rule_id``."""

    def register(check: Check) -> Check:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, title, check)
        return check

    return register


class Identified(Protocol):
    @property
    def id(self) -> str: ...


def hit(list_name: str, item: Identified, message: str) -> Hit:
    """A hit on an entity of ``list_name`` (``"phases"``, ``"needs"``…)."""
    return Hit(message, KINDS[list_name].target_type, item.id)
