"""``parcours-designer responses import FILE CSV --questionnaire ID`` and
``parcours-designer responses stats FILE [--questionnaire ID] [--json]``.

The import reads an export of answers, stores the new responses and saves
FILE like any save (atomic, ``.bak`` kept); when no column matches a
question it fails with exit status 2 and FILE is untouched.
"""

from __future__ import annotations

import json

from parcours_designer.cli.common import CommandError, open_pathway
from parcours_designer.model.answers.importing import add_responses, build_import, plan_import, summary_lines
from parcours_designer.model.answers.stats import QuestionnaireStats, pathway_stats, stats_json
from parcours_designer.model.answers.table import read_table
from parcours_designer.workbook_rows import workbook_rows
from parcours_designer.model.entities import Questionnaire
from parcours_designer.model.enums import QuestionType
from parcours_designer.model.errors import PathwayError
from parcours_designer.model.fileformat import save_pathway
from parcours_designer.model.formatting import count_of, format_number
from parcours_designer.model.pathway import Pathway

NAME = "responses"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        NAME, help="importer les réponses à un questionnaire, en calculer les statistiques",
        description="Réponses aux questionnaires : import d'un export (LimeSurvey, Framaforms, Google Forms, "
        "Microsoft Forms, CSV d'Excel ou de LibreOffice) et statistiques.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    importing = actions.add_parser("import", help="ajouter au parcours les réponses d'un export CSV",
                                   description="Ajoute au questionnaire les réponses d'un export CSV ; "
                                   "les réponses déjà importées ne sont pas ajoutées une seconde fois.")
    importing.add_argument("file", metavar="FICHIER", help="le fichier .parcours (enregistré, copie .bak gardée)")
    importing.add_argument("csv", metavar="CSV", help="l'export des réponses (.csv, .tsv, .txt)")
    importing.add_argument("--questionnaire", metavar="ID", required=True, help="identifiant du questionnaire")
    stats = actions.add_parser("stats", help="statistiques des réponses",
                               description="Taux de réponse et, par question, répartition, moyenne et médiane.")
    stats.add_argument("file", metavar="FICHIER", help="le fichier .parcours")
    stats.add_argument("--questionnaire", metavar="ID", help="un seul questionnaire")
    stats.add_argument("--json", action="store_true", help="résultat en JSON sur la sortie standard")


def run(args) -> int:
    pathway = open_pathway(args.file)
    if args.action == "import":
        return run_import(pathway, args)
    if args.questionnaire is not None:
        find_questionnaire(pathway, args.questionnaire, args.file)
    stats = pathway_stats(pathway, args.questionnaire)
    if args.json:
        print(json.dumps(stats_json(stats), ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(render_text(s) for s in stats) or "Aucun questionnaire dans ce parcours.")
    return 0


def find_questionnaire(pathway: Pathway, questionnaire_id: str, file: str) -> Questionnaire:
    for questionnaire in pathway.questionnaires:
        if questionnaire.id == questionnaire_id:
            return questionnaire
    known = ", ".join(q.id for q in pathway.questionnaires) or "aucun"
    raise CommandError(f"{file} : aucun questionnaire d'identifiant « {questionnaire_id} » "
                       f"(questionnaires du parcours : {known})")


def run_import(pathway: Pathway, args) -> int:
    questionnaire = find_questionnaire(pathway, args.questionnaire, args.file)
    try:
        table = read_table(args.csv, workbook_rows)
    except PathwayError as error:
        raise CommandError(str(error)) from None
    plan = plan_import(table, questionnaire)
    if not plan.used():
        headers = ", ".join(f"« {c.header} »" for c in plan.columns if c.header) or "aucun en-tête"
        raise CommandError(f"{table.name} : aucune colonne ne correspond à une question du questionnaire "
                           f"« {questionnaire.id} » (colonnes lues : {headers[:400]}) ; rien n'est importé")
    result = build_import(plan, questionnaire)
    if result.responses:
        add_responses(questionnaire, result.responses)
        try:
            save_pathway(pathway, args.file)
        except OSError as error:
            raise CommandError(f"{args.file} : enregistrement impossible ({error.strerror or error})") from None
    print("\n".join(summary_lines(plan, result, questionnaire)))
    return 0


def render_text(stats: QuestionnaireStats) -> str:
    """The statistics of one questionnaire for a person, in French."""
    questionnaire = stats.questionnaire
    rate = f" sur {stats.invited} invité·e·s ({format_number(stats.response_rate, 1)} %)" \
        if stats.invited else ""
    lines = [f"Questionnaire « {questionnaire.title or questionnaire.id} » ({questionnaire.id}) : "
             f"{count_of(stats.respondents, 'répondant·e', 'répondant·e·s')}{rate}"]
    for question in stats.questions:
        lines.append(f"- {question.question.text or question.question.id} ({question.question.type.label}) : "
                     f"{count_of(question.answered, 'réponse')}")
        if question.mean is not None:
            lines.append(f"    moyenne {format_number(question.mean)}, médiane {format_number(question.median)}")
        if question.question.type is QuestionType.TEXT:
            lines += [f"    « {text} »" for text in question.texts]
        else:
            lines += [f"    {label} : {count}" for label, count in question.distribution.items()]
    return "\n".join(lines)
