"""The competence check: rules over a pathway, judged against a framework."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Optional

from parcours_designer.model.check import (  # noqa: F401  (registers the rules)
    rules_accounts,
    rules_context,
    rules_cooperation,
    rules_design,
    rules_evaluation,
    rules_partners,
    rules_procurement,
    rules_practice,
    rules_schedule,
    rules_workload,
)
from parcours_designer.model.check.context import Context
from parcours_designer.model.check.registry import RULES, Finding, Hit, Rule, Severity
from parcours_designer.model.enums import LABELS, Labelled
from parcours_designer.model.framework import Competence, Framework
from parcours_designer.model.pathway import Pathway


class Coverage(Labelled):
    COVERED = "covered"
    PARTIAL = "partial"
    MISSING = "missing"


LABELS[Coverage] = {"covered": "Couverte", "partial": "Partielle", "missing": "Manquante"}


@dataclass(frozen=True)
class CompetenceResult:
    competence: Competence
    status: Coverage
    rules_met: int
    findings: tuple[Finding, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.competence.id,
            "title": self.competence.title,
            "status": self.status.value,
            "finding_count": len(self.findings),
        }


@dataclass(frozen=True)
class CheckResult:
    framework: Framework
    findings: tuple[Finding, ...]
    competences: tuple[CompetenceResult, ...]

    @property
    def score(self) -> int:
        """Share of competences covered, partial counting half, 0 to 100."""
        if not self.competences:
            return 100
        points = sum({Coverage.COVERED: 2, Coverage.PARTIAL: 1}.get(c.status, 0) for c in self.competences)
        return round(50 * points / len(self.competences))

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0

    def to_json(self) -> dict[str, Any]:
        return {
            "framework": {"id": self.framework.id, "title": self.framework.title},
            "score": self.score,
            "competences": [c.to_json() for c in self.competences],
            "findings": [f.to_json() for f in self.findings],
        }


def run_rules(pathway: Pathway, rule_ids: Optional[list[str]] = None,
              context: Optional[Context] = None) -> dict[str, list[Hit]]:
    """Every rule's hits, by rule id (all registered rules by default).

    ``context`` (see :meth:`Context.knowing`) reuses figures already computed for ``pathway``.
    """
    context = context if context is not None else Context(pathway)
    selected = rule_ids if rule_ids is not None else list(RULES)
    return {rule_id: list(RULES[rule_id].check(context)) for rule_id in selected}


def run_check(pathway: Pathway, framework: Framework, context: Optional[Context] = None, *,
              today: Optional[date] = None) -> CheckResult:
    """Judge a pathway against a framework: findings, coverage, score (``today``: see :class:`Context`)."""
    hits = run_rules(pathway, context=context if context is not None else Context(pathway, today))
    owners = _competences_by_rule(framework)
    findings = tuple(
        _finding(RULES[rule_id], item, owners.get(rule_id, ()))
        for rule_id, rule_hits in hits.items()
        for item in rule_hits
    )
    results = tuple(_competence_result(c, hits, findings) for c in framework.competences())
    ordered = tuple(sorted(findings, key=lambda f: f.severity.rank))
    return CheckResult(framework, ordered, results)


def _competences_by_rule(framework: Framework) -> dict[str, tuple[str, ...]]:
    owners: dict[str, list[str]] = {}
    for competence in framework.competences():
        for rule_id in competence.rules:
            owners.setdefault(rule_id, []).append(competence.id)
    return {rule_id: tuple(ids) for rule_id, ids in owners.items()}


def _finding(rule: Rule, item: Hit, competence_ids: tuple[str, ...]) -> Finding:
    return Finding(rule.id, rule.severity, item.message, item.target_type, item.target_id, competence_ids)


def _competence_result(
    competence: Competence, hits: dict[str, list[Hit]], findings: tuple[Finding, ...]
) -> CompetenceResult:
    """Weighed as a person would: an information never lowers a competence.

    Covered: no error or warning rule finds anything. Missing: an error, or half
    or more of the error and warning rules find something. Partial: in between."""
    weighed = [rule_id for rule_id in competence.rules if RULES[rule_id].severity != Severity.INFO]
    failing = [rule_id for rule_id in weighed if hits.get(rule_id)]
    has_error = any(RULES[rule_id].severity == Severity.ERROR for rule_id in failing)
    if not failing:
        status = Coverage.COVERED
    elif has_error or 2 * len(failing) >= len(weighed):
        status = Coverage.MISSING
    else:
        status = Coverage.PARTIAL
    met = len(competence.rules) - sum(1 for rule_id in competence.rules if hits.get(rule_id))
    own = tuple(f for f in findings if competence.id in f.competence_ids)
    return CompetenceResult(competence, status, met, own)


__all__ = [
    "CheckResult",
    "CompetenceResult",
    "Coverage",
    "Finding",
    "RULES",
    "Severity",
    "run_check",
    "run_rules",
]
