"""``parcours-designer portfolio DIR [--json]`` and ``portfolio DIR --partner NAME -o OUT``.

Reads every ``*.parcours`` below DIR (through the index in the user's cache
folder); an unreadable file is listed with its French message and never
stops the rest. Nothing of DIR is ever written.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from parcours_designer.cli.common import CommandError
from parcours_designer.model.errors import PathwayError
from parcours_designer.model.formatting import count_of, format_date, format_money
from parcours_designer.model.portfolio import Portfolio

NAME = "portfolio"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="voir ensemble tous les parcours d'un dossier (besoins, sujets, financeurs)",
        description="Lit tous les fichiers .parcours d'un dossier et de ses sous-dossiers, sans jamais les "
        "modifier : parcours, catégories de besoins, sujets à faire remonter par partenaire, financeurs. "
        "Avec --partner et -o, écrit la note de remontée de ce partenaire (.pdf ou .xlsx).",
    )
    parser.add_argument("folder", metavar="DOSSIER", help="le dossier des parcours")
    parser.add_argument("--json", action="store_true", help="résultat en JSON sur la sortie standard")
    parser.add_argument("--partner", metavar="NOM", help="partenaire dont écrire la note de remontée")
    parser.add_argument("-o", "--output", metavar="SORTIE", help="fichier de la note (.pdf ou .xlsx)")


def run(args) -> int:
    if bool(args.partner) != bool(args.output):
        raise CommandError("la note de remontée demande à la fois --partner NOM et -o SORTIE")
    if args.partner and args.json:
        raise CommandError("--json ne se combine pas avec --partner : la note est écrite dans SORTIE")
    folder = Path(args.folder)
    portfolio = read(folder)
    if args.partner:
        return write_note(portfolio, args.partner, Path(args.output), folder)
    if args.json:
        print(json.dumps(portfolio.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_text(portfolio))
    return 0


def read(folder: Path) -> Portfolio:
    from parcours_designer.portfolio_index import read_indexed

    try:
        return read_indexed(folder, on_progress=_progress if sys.stderr.isatty() else None)
    except PathwayError as error:
        raise CommandError(str(error)) from None


def _progress(done: int, total: int, _name: str) -> None:
    end = "\n" if done == total else ""
    print(f"\rLecture des parcours : {done}/{total}", end=end, file=sys.stderr, flush=True)


def write_note(portfolio: Portfolio, partner: str, output: Path, folder: Path) -> int:
    from parcours_designer.export.partner_note import write_partner_note
    from parcours_designer.model.portfolio_note import partner_note

    try:
        write_partner_note(partner_note(portfolio, partner), output, folder.resolve().name or str(folder))
    except PathwayError as error:
        raise CommandError(str(error)) from None
    return 0


def render_text(portfolio: Portfolio) -> str:
    """The portfolio for a person, in French."""
    lines = [f"{count_of(len(portfolio.pathways), 'parcours lisible', 'parcours lisibles')}, "
             f"{count_of(len(portfolio.unreadable), 'fichier illisible', 'fichiers illisibles')}"]
    for summary in portfolio.pathways:
        score = "—" if summary.score is None else f"{summary.score}/100"
        lines.append(f"  {summary.path} — {summary.title} — édition {summary.edition or '—'} — "
                     f"{format_date(summary.start) or '?'} → {format_date(summary.end) or '?'} — "
                     f"charges {format_money(summary.charges)} — score {score}")
    if portfolio.unreadable:
        lines += ["", "FICHIERS ILLISIBLES"] + [f"  {u.line()}" for u in portfolio.unreadable]
    lines += ["", "BESOINS PAR CATÉGORIE"]
    lines += [f"  {g.category} : {len(g.pathways)} parcours" for g in portfolio.need_categories()]
    lines += ["", "SUJETS À FAIRE REMONTER"]
    for partner in portfolio.topics():
        lines.append(f"  {partner.partner}")
        lines += [f"    – {t.text} ({len(t.pathways)} parcours)" for t in partner.topics]
    lines += ["", "FINANCEURS"]
    lines += [f"  {f.partner} : {format_money(f.amount)} dont {format_money(f.granted)} accordés "
              f"({len(f.pathways)} parcours)" for f in portfolio.funders()]
    return "\n".join(lines)

