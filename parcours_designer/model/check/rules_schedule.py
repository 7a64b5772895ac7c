"""Rules on the calendar: dates, dependencies, cycles, the pathway's window, gaps."""

from __future__ import annotations

from datetime import timedelta
from typing import Iterator

from parcours_designer.model.check.context import Context
from parcours_designer.model.check.registry import Hit, Severity, hit, rule
from parcours_designer.model.enums import PhaseKind
from parcours_designer.model.graph import cycle_path, phase_edges
from parcours_designer.model.references import display_name

MAX_GAP = timedelta(weeks=6)


@rule("phase-undated", Severity.WARNING, "Étapes datées")
def phase_undated(ctx: Context) -> Iterator[Hit]:
    for phase in ctx.pathway.phases:
        known = phase.duration_days is not None or phase.milestone or (phase.start and phase.end)
        if known and (phase.id in ctx.phase_dates or (phase.start and phase.end)):
            continue  # scheduled, or both dates given (inverted ones have their own rule)
        if phase.duration_days is None:
            yield hit("phases", phase, f"L'étape « {display_name(phase)} » n'a ni dates de début "
                      "et de fin, ni durée en jours ouvrés.")
        else:
            yield hit("phases", phase, f"L'étape « {display_name(phase)} » a une durée mais ne peut "
                      "pas être placée : fixez le début du parcours ou une étape dont elle dépend.")


@rule("phase-dates-inverted", Severity.ERROR, "Dates des étapes cohérentes")
def phase_dates_inverted(ctx: Context) -> Iterator[Hit]:
    for phase in ctx.pathway.phases:
        if phase.start and phase.end and phase.end < phase.start:
            yield hit("phases", phase, f"L'étape « {display_name(phase)} » se termine le "
                      f"{phase.end:%d/%m/%Y}, avant de commencer le {phase.start:%d/%m/%Y}.")


@rule("phase-before-dependency", Severity.ERROR, "Enchaînement des étapes respecté")
def phase_before_dependency(ctx: Context) -> Iterator[Hit]:
    for phase in ctx.pathway.phases:
        for dep_id in phase.depends_on:
            dep = ctx.phases_by_id.get(dep_id)
            if dep is None or dep is phase or not (phase.start and dep.end):
                continue
            if phase.start <= dep.end:
                yield hit("phases", phase, f"L'étape « {display_name(phase)} » commence le "
                          f"{phase.start:%d/%m/%Y}, avant la fin de l'étape « {display_name(dep)} » "
                          f"dont elle dépend (le {dep.end:%d/%m/%Y}).")


@rule("dependency-cycle", Severity.ERROR, "Dépendances sans cycle")
def dependency_cycle(ctx: Context) -> Iterator[Hit]:
    phases = ctx.pathway.phases
    edges = phase_edges(phases)
    for loop in ctx.plan.cycles:
        # Edges point to what a phase depends on; show the loop in time order.
        path = cycle_path(loop, edges)[::-1]
        path = path[-1:] + path[:-1]
        names = " → ".join(f"« {display_name(ctx.phases_by_id[i])} »" for i in [*path, path[0]])
        for phase_id in loop:
            phase = ctx.phases_by_id[phase_id]
            yield hit("phases", phase, f"L'étape « {display_name(phase)} » fait partie d'un cycle "
                      f"de dépendances : {names}.")


@rule("phase-outside-window", Severity.ERROR, "Étapes dans la période du parcours")
def phase_outside_window(ctx: Context) -> Iterator[Hit]:
    start, end = ctx.pathway.start, ctx.pathway.end
    for phase in ctx.pathway.phases:
        first, last = ctx.phase_dates.get(phase.id, (phase.start, phase.end))
        if start and first and first < start:
            yield hit("phases", phase, f"L'étape « {display_name(phase)} » commence le "
                      f"{first:%d/%m/%Y}, avant le début du parcours ({start:%d/%m/%Y}).")
        elif end and last and last > end:
            yield hit("phases", phase, f"L'étape « {display_name(phase)} » se termine le "
                      f"{last:%d/%m/%Y}, après la fin du parcours ({end:%d/%m/%Y}).")


@rule("phase-gap", Severity.WARNING, "Continuité entre les étapes")
def phase_gap(ctx: Context) -> Iterator[Hit]:
    dated = [(first, last, p) for p in ctx.pathway.phases
             for first, last in [ctx.phase_dates.get(p.id, (None, None))] if first and last and last >= first]
    dated.sort(key=lambda item: (item[0], item[1]))
    if not dated:
        return
    latest_end, previous = dated[0][1], dated[0][2]
    for first, last, phase in dated[1:]:
        gap = first - latest_end
        if gap > MAX_GAP and phase.kind != PhaseKind.FOLLOW_UP:
            weeks = gap.days // 7
            yield hit("phases", phase, f"{weeks} semaines sans aucune étape entre « "
                      f"{display_name(previous)} » et « {display_name(phase)} » : le lien avec "
                      "les personnes accompagnées risque de se perdre.")
        if last >= latest_end:
            latest_end, previous = last, phase
