"""``parcours-designer schedule FILE [--scenario RISK_ID] [--json]``."""

from __future__ import annotations

import json

from parcours_designer.cli.common import CommandError, open_pathway
from parcours_designer.model.formatting import count_of, format_date, format_date_long, working_days_text
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name
from parcours_designer.model.planning import plan_for
from parcours_designer.model.scenarios import ScenarioResult, UnknownRisk
from parcours_designer.model.schedule import Schedule

NAME = "schedule"
TITLE_WIDTH = 42


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="calculer le planning en jours ouvrés (dates au plus tôt, au plus tard, marges)",
        description="Calcule le planning d'un parcours en jours ouvrés (week-ends, jours fériés et "
        "fermetures exclus) : pour chaque étape, début et fin prévus, début et fin au plus tard, "
        "marge et chemin critique. Statut de sortie : 0, ou 2 si le fichier est inutilisable.",
    )
    parser.add_argument("file", metavar="FICHIER", help="le fichier .parcours")
    parser.add_argument("--scenario", metavar="RISQUE", help="appliquer d'abord le retard de ce risque (son identifiant)")
    parser.add_argument("--json", action="store_true", help="résultat en JSON sur la sortie standard")


def run(args) -> int:
    pathway = open_pathway(args.file)
    try:
        plan = plan_for(pathway, args.scenario)
    except UnknownRisk:
        known = ", ".join(r.id for r in pathway.risks) or "aucun"
        raise CommandError(f"{args.file} : aucun risque d'identifiant « {args.scenario} » "
                           f"(risques du parcours : {known})") from None
    if args.json:
        print(json.dumps(plan.schedule.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_text(pathway, plan.schedule, plan.scenario))
    return 0


def render_text(pathway: Pathway, schedule: Schedule, scenario: ScenarioResult | None = None) -> str:
    """The schedule for a person: one line per phase, then the end and what to watch."""
    lines = [f"Parcours « {pathway.title} »"]
    if scenario is not None:
        lines.append(_scenario_line(scenario))
    header = f"{'Étape':<{TITLE_WIDTH}}  {'Début':<10}  {'Fin':<10}  {'Début au + tard':<15}  " \
             f"{'Fin au + tard':<13}  {'Marge':>5}  Critique"
    lines += ["", header, "-" * len(header)]
    for phase in pathway.phases:
        lines.append(_phase_line(phase, schedule))
    lines.append("")
    end = schedule.end
    lines.append(f"Fin de la dernière étape : {format_date_long(end) if end else 'non calculable'}")
    if pathway.end:
        lines.append(f"Fin du parcours : {format_date_long(pathway.end)}")
    summary = schedule.critical_summary()
    lines.append(summary[0].upper() + summary[1:])
    lines += _warnings(pathway, schedule, scenario)
    return "\n".join(lines)


def _phase_line(phase, schedule: Schedule) -> str:
    title = display_name(phase)
    title = title if len(title) <= TITLE_WIDTH else title[: TITLE_WIDTH - 1] + "…"
    timing = schedule.get(phase.id)
    if timing is None:
        reason = schedule.unscheduled.get(phase.id, "non planifiée")
        return f"{title:<{TITLE_WIDTH}}  {reason}"
    return (f"{title:<{TITLE_WIDTH}}  {format_date(timing.start):<10}  {format_date(timing.end):<10}  "
            f"{format_date(timing.latest_start):<15}  {format_date(timing.latest_end):<13}  "
            f"{timing.slack:>5}  {'oui' if timing.critical else 'non'}")


def _scenario_line(scenario: ScenarioResult) -> str:
    risk = scenario.risk
    moved = len(scenario.shifts)
    return (f"Scénario « {display_name(risk)} » : {working_days_text(risk.delay_days)} "
            f"de retard sur {count_of(len(risk.phase_ids), 'étape')}, "
            f"{count_of(moved, 'étape déplacée', 'étapes déplacées')}, fin décalée de "
            f"{working_days_text(scenario.end_shift)}")


def _warnings(pathway: Pathway, schedule: Schedule, scenario: ScenarioResult | None) -> list[str]:
    names = {phase.id: display_name(phase) for phase in pathway.phases}
    lines = []
    for loop in schedule.cycles:
        lines.append("Attention : cycle de dépendances ignoré entre "
                     + ", ".join(f"« {names[i]} »" for i in loop))
    for phase_id, timing in schedule.timings.items():
        for dep in timing.conflicts:
            lines.append(f"Attention : « {names[phase_id]} » est fixée mais commence avant la fin "
                         f"de « {names[dep]} »")
    if scenario is not None:
        for phase_id in scenario.past_end:
            lines.append(f"Attention : « {names[phase_id]} » finirait après la fin du parcours")
    return lines
