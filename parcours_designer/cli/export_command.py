"""``parcours-designer export KIND FILE -o OUT [--partner ID] [--consultation ID] [--group-by …] [--whole-euros]``.

Calls the same registry as the editor's Export menu. Exit status 2 with one
French message (nothing written) when OUT's suffix does not suit KIND, the
partner does not exist, or OUT cannot be written.
"""

from __future__ import annotations

from pathlib import Path

from parcours_designer.cli.common import CommandError, open_pathway
from parcours_designer.export.registry import EXPORT_KINDS, ExportError, export_kind
from parcours_designer.model.gantt_layout import GroupBy

NAME = "export"


def add_parser(subparsers) -> None:
    kinds = ", ".join(f"{k.kind} ({' '.join(k.suffixes)})" for k in EXPORT_KINDS.values())
    parser = subparsers.add_parser(
        NAME,
        help="produire un document (Gantt, budget, plan, évaluation, calendrier, MS Project, questionnaire, "
             "cahier des charges, offres, compte rendu financier)",
        description=f"Produit un document à partir d'un parcours. Types : {kinds}.",
    )
    parser.add_argument("kind", metavar="TYPE", choices=list(EXPORT_KINDS), help="type de document")
    parser.add_argument("file", metavar="FICHIER", help="le fichier .parcours")
    parser.add_argument("-o", "--output", metavar="SORTIE", required=True,
                        help="fichier à écrire ; son extension choisit le format")
    parser.add_argument("--partner", metavar="ID",
                        help="document vu par ce partenaire (plan, ics, financial-report)")
    parser.add_argument("--consultation", metavar="ID",
                        help="cahier des charges ou offres de cette consultation (specifications, offers) ; "
                             "sans elle, toutes les consultations du parcours")
    parser.add_argument("--group-by", choices=[g.value for g in GroupBy if g is not GroupBy.NONE],
                        help="Gantt : regrouper les lignes par objectif, par partenaire ou par module")
    parser.add_argument("--paper", choices=["A4", "A3"], help="Gantt en PDF : format des pages (A4 par défaut)")
    parser.add_argument("--orientation", choices=["portrait", "landscape"],
                        help="Gantt en PDF : orientation des pages (landscape, paysage, par défaut)")
    parser.add_argument("--whole-euros", action="store_true",
                        help="budget : montants arrondis à l'euro, comme le demande le formulaire CERFA")
    parser.add_argument("--no-vigilance-points", action="store_true",
                        help="évaluation : sans les points de vigilance relevés par la vérification")
    parser.add_argument("--scenario", metavar="RISQUE",
                        help="Gantt et plan : montrer le scénario de ce risque face au calendrier de référence")
    parser.add_argument("--questionnaire", metavar="ID",
                        help="questionnaire : celui à exporter (.pdf à imprimer, .txt pour LimeSurvey)")


def run(args) -> int:
    pathway = open_pathway(args.file)
    kind = export_kind(args.kind)
    options = {}
    if args.group_by:
        if kind.kind != "gantt":
            raise CommandError("l'option --group-by ne s'applique qu'au diagramme de Gantt")
        options["group_by"] = GroupBy(args.group_by)
    for name in ("paper", "orientation"):
        if getattr(args, name):
            if kind.kind != "gantt":
                raise CommandError(f"l'option --{name} ne s'applique qu'au diagramme de Gantt")
            options[name] = getattr(args, name)
    if args.whole_euros:
        if kind.kind != "budget":
            raise CommandError("l'option --whole-euros ne s'applique qu'au budget")
        options["whole_euros"] = True
    if args.no_vigilance_points:
        if kind.kind != "evaluation":
            raise CommandError("l'option --no-vigilance-points ne s'applique qu'à la synthèse d'évaluation")
        options["vigilance_points"] = False
    if args.scenario:
        options["scenario_id"] = args.scenario
    if args.questionnaire is not None or kind.needs_questionnaire:
        options["questionnaire_id"] = args.questionnaire
    if args.consultation:
        options["consultation_id"] = args.consultation
    try:
        kind.write(pathway, args.output, args.partner, source=Path(args.file), **options)
    except ExportError as error:
        raise CommandError(str(error)) from None
    print(f"{kind.label} exporté : {args.output}")
    return 0
