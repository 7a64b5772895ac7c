"""Counts are written out in French, never hedged: « 1 erreur », « 2 erreurs », not « erreur(s) »."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from parcours_designer.model.check import CheckResult, Finding, Severity, run_check
from parcours_designer.model.frameworks import load_catalog
from parcours_designer.paths import framework_folders
from tests.model.factories import example_pathway


def result_with(errors: int, warnings: int, infos: int) -> CheckResult:
    """The example's check, its findings replaced by these counts of each severity."""
    pathway = example_pathway()
    framework = load_catalog(framework_folders()).require(pathway.framework)
    result = run_check(pathway, framework, today=date(2027, 3, 1))
    findings = [Finding("test", severity, f"constat {severity.value} {n}", "pathway", None)
                for severity, count in ((Severity.ERROR, errors), (Severity.WARNING, warnings), (Severity.INFO, infos))
                for n in range(count)]
    return replace(result, findings=tuple(findings))


@pytest.mark.parametrize("counts, words", [
    ((1, 2, 0), "1 erreur, 2 avertissements, 0 information"),
    ((2, 1, 1), "2 erreurs, 1 avertissement, 1 information"),
    ((0, 0, 2), "0 erreur, 0 avertissement, 2 informations"),
])
def test_check_text_output_agrees_counts(counts, words):
    from parcours_designer.cli.check_command import render_text

    text = render_text("Parcours", result_with(*counts))
    assert "(s)" not in text
    score_line = next(line for line in text.splitlines() if line.startswith("Score : "))
    assert score_line.endswith(" — " + words)


def test_schedule_scenario_line_agrees_counts():
    from parcours_designer.cli.schedule_command import render_text
    from parcours_designer.model.planning import plan_for

    pathway = example_pathway()
    plan = plan_for(pathway, "r3")
    text = render_text(pathway, plan.schedule, plan.scenario)
    assert "(s)" not in text
    line = next(line for line in text.splitlines() if line.startswith("Scénario « "))
    assert line.endswith(" : 5 jours ouvrés de retard sur 1 étape, 1 étape déplacée, fin décalée de 0 jour ouvré")


def test_working_days_and_negative_counts_agree():
    from parcours_designer.model.formatting import count_of, working_days_text

    assert [working_days_text(n) for n in (0, 1, 2)] == ["0 jour ouvré", "1 jour ouvré", "2 jours ouvrés"]
    assert count_of(-3, "jour") == "-3 jours" and count_of(-1, "jour") == "-1 jour"


def test_validation_bounds_name_what_they_count():
    from parcours_designer.model.errors import describe_error

    one = describe_error({"type": "too_short", "ctx": {"min_length": 1}})  # type: ignore[typeddict-item]
    many = describe_error({"type": "too_long", "ctx": {"max_length": 3}})  # type: ignore[typeddict-item]
    assert (one, many) == ("doit contenir au moins 1 élément", "doit contenir au plus 3 éléments")
