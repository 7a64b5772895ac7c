"""``parcours-designer check FILE [--framework ID] [--json]``."""

from __future__ import annotations

import json
from datetime import date

from parcours_designer.cli.common import CommandError, open_pathway
from parcours_designer.model.check import CheckResult, Coverage, Severity, run_check
from parcours_designer.model.errors import PathwayError
from parcours_designer.model.formatting import count_of
from parcours_designer.model.frameworks import load_catalog
from parcours_designer.paths import framework_folders

NAME = "check"
FOUND_ERRORS = 1
MARKS = {Coverage.COVERED: "[couverte] ", Coverage.PARTIAL: "[partielle]", Coverage.MISSING: "[manquante]"}


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="vérifier un parcours au regard d'un référentiel de compétences",
        description="Vérifie un parcours au regard d'un référentiel de compétences. "
        "Statut de sortie : 0 sans erreur, 1 si une erreur est trouvée, 2 si le fichier est inutilisable.",
    )
    parser.add_argument("file", metavar="FICHIER", help="le fichier .parcours à vérifier")
    parser.add_argument("--framework", metavar="ID", help="identifiant du référentiel (par défaut : celui du parcours)")
    parser.add_argument("--json", action="store_true", help="résultat en JSON sur la sortie standard")


def run(args) -> int:
    pathway = open_pathway(args.file)
    try:
        framework = load_catalog(framework_folders()).require(args.framework or pathway.framework)
    except PathwayError as error:
        raise CommandError(str(error)) from None
    result = run_check(pathway, framework, today=date.today())  # as the editor: what is awaited is judged
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_text(pathway.title, result))
    return FOUND_ERRORS if result.has_errors else 0


def render_text(title: str, result: CheckResult) -> str:
    """The check for a person: score, then each competence with its findings."""
    lines = [
        f"Parcours « {title} »",
        f"Référentiel : {result.framework.title}",
        f"Score : {result.score} / 100 — {count_of(result.count(Severity.ERROR), 'erreur')}, "
        f"{count_of(result.count(Severity.WARNING), 'avertissement')}, "
        f"{count_of(result.count(Severity.INFO), 'information')}",
    ]
    by_id = {c.competence.id: c for c in result.competences}
    for block in result.framework.blocks:
        lines += ["", block.title.upper()]
        for competence in block.competences:
            outcome = by_id[competence.id]
            lines.append(f"  {MARKS[outcome.status]} {competence.title}")
            lines += [f"      {_finding_line(f)}" for f in outcome.findings]
    orphans = [f for f in result.findings if not f.competence_ids]
    if orphans:
        lines += ["", "AUTRES CONSTATS"] + [f"  {_finding_line(f)}" for f in orphans]
    return "\n".join(lines)


def _finding_line(finding) -> str:
    return f"{finding.severity.label} : {finding.message}"
