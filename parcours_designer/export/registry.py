"""Every document the program exports, described once.

The editor's Export menu and ``parcours-designer export`` both go through
:data:`EXPORT_KINDS`: the same checks (suffix, partner id), the same
renderers, the same atomic write. Each kind holds its renderer function;
the renderer modules import their heavy libraries (reportlab, matplotlib,
openpyxl, icalendar) inside functions, so loading the registry stays cheap.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

from parcours_designer.atomic import atomic_write
from parcours_designer.export import (
    budget_export,
    evaluation_pdf,
    financial_report_export,
    gantt_export,
    ics_export,
    map_export,
    mspdi_export,
    offers_export,
    plan_pdf,
    questionnaire_export,
    specifications_pdf,
)
from parcours_designer.export.errors import ExportError
from parcours_designer.model.errors import summarise, unencodable_texts
from parcours_designer.model.pathway import Pathway
from parcours_designer.oserrors import os_error_message

# Makes a document in memory from the pathway, the output's suffix, a partner id
# and the kind's own keyword options (``group_by``, ``scenario_id``).
Renderer = Callable[..., bytes]


@dataclass(frozen=True)
class ExportKind:
    """One kind of document: what it is called, its suffixes, its renderer."""

    kind: str
    label: str
    suffixes: tuple[str, ...]
    accepts_partner: bool
    renderer: Renderer
    accepts_scenario: bool = False
    needs_questionnaire: bool = False
    # A document about one consultation of providers (``--consultation ID``); without
    # an id it covers every consultation, and a pathway without any is refused.
    accepts_consultation: bool = False

    @property
    def default_suffix(self) -> str:
        return self.suffixes[0]

    def file_filter(self) -> str:
        """A save-dialog filter such as ``Diagramme de Gantt (*.png *.svg *.pdf)``."""
        patterns = " ".join(f"*{suffix}" for suffix in self.suffixes)
        return f"{self.label} ({patterns})"

    def render(self, pathway: Pathway, suffix: str, partner_id: Optional[str] = None, **options: Any) -> bytes:
        """The document's bytes, made in memory (nothing is written).

        ``options`` are the kind's own settings (``group_by`` for the Gantt).
        """
        suffix = self.check_suffix(suffix)
        check_text(pathway)
        self.check_partner(pathway, partner_id)
        self.check_scenario(pathway, options.get("scenario_id"))
        self.check_questionnaire(pathway, options.get("questionnaire_id"))
        self.check_consultation(pathway, options.get("consultation_id"))
        try:
            return self.renderer(pathway, suffix, partner_id, **options)
        except ExportError:
            raise
        except Exception as error:  # a defect of ours must not cost the user a traceback
            raise ExportError(
                f"{self.label} : le document n'a pas pu être produit "
                f"({type(error).__name__} : {str(error)[:200]}) ; merci de signaler ce problème"
            ) from error

    def write(self, pathway: Pathway, path: str | os.PathLike[str], partner_id: Optional[str] = None,
              *, source: Optional[Path] = None, **options: Any) -> None:
        """Render, then write ``path`` atomically; raise :class:`ExportError`.

        ``source`` is the pathway's own file: an export never replaces it."""
        target = Path(path)
        check_target(target)
        check_not_source(target, source)
        data = self.render(pathway, target.suffix, partner_id, **options)
        write_bytes(target, data)

    def check_suffix(self, suffix: str) -> str:
        lowered = suffix.lower()
        if lowered not in self.suffixes:
            allowed = ", ".join(self.suffixes)
            shown = f"« {suffix} »" if suffix else "aucune extension"
            raise ExportError(
                f"{self.label} : le fichier de sortie doit se terminer par {allowed} (reçu : {shown})"
            )
        return lowered

    def check_partner(self, pathway: Pathway, partner_id: Optional[str]) -> None:
        self._check_option(partner_id, "--partner", self.accepts_partner, pathway.partners, "le partenaire")

    def check_scenario(self, pathway: Pathway, scenario_id: Optional[str]) -> None:
        self._check_option(scenario_id, "--scenario", self.accepts_scenario, pathway.risks, "le risque")

    def check_questionnaire(self, pathway: Pathway, questionnaire_id: Optional[str]) -> None:
        if self.needs_questionnaire and questionnaire_id is None:
            known = ", ".join(q.id for q in pathway.questionnaires) or "aucun"
            raise ExportError(f"{self.label} : précisez le questionnaire avec --questionnaire ID "
                              f"(questionnaires du parcours : {known})")
        self._check_option(questionnaire_id, "--questionnaire", self.needs_questionnaire,
                           pathway.questionnaires, "le questionnaire")

    def check_consultation(self, pathway: Pathway, consultation_id: Optional[str]) -> None:
        self._check_option(consultation_id, "--consultation", self.accepts_consultation, pathway.consultations,
                           "la consultation")
        if self.accepts_consultation and not pathway.consultations:
            raise ExportError(f"{self.label} : ce parcours ne contient aucune consultation de prestataires "
                              "(page « Consultations » de l'éditeur)")

    def _check_option(self, item_id: Optional[str], option: str, accepted: bool, items: list, noun: str) -> None:
        """An option naming an item: it must suit this kind and name an existing item."""
        if item_id is None:
            return
        if not accepted:
            raise ExportError(f"{self.label} : l'option {option} n'a pas de sens pour ce document")
        if item_id not in {item.id for item in items}:
            known = ", ".join(item.id for item in items) or "aucun"
            raise ExportError(
                f"{noun} d'identifiant « {item_id} » n'existe pas dans ce parcours "
                f"(identifiants connus : {known})"
            )


def check_text(pathway: Pathway) -> None:
    """Refuse a pathway holding text no document can hold (a lone surrogate), naming the field."""
    data = pathway.model_dump(mode="json")
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ExportError(f"export impossible :\n{summarise(unencodable_texts(data))}") from None


def check_not_source(target: Path, source: Optional[Path]) -> None:
    """Refuse to write an export over the pathway's own file."""
    if source is not None and target.exists() and source.exists() and target.samefile(source):
        raise ExportError(f"{target} : c'est le fichier du parcours lui-même ; choisissez un autre nom")


def check_target(target: Path) -> None:
    """Refuse early (before rendering) an output that cannot be written."""
    if target.is_dir():
        raise ExportError(f"{target} : c'est un dossier, pas un fichier")
    if target.exists() and not target.is_file():  # a device, a pipe, /dev/stdout…: never replaced
        raise ExportError(f"{target} : ce n'est pas un fichier ordinaire ; choisissez un fichier")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{target} : le dossier « {folder} » n'existe pas")
    if not os.access(folder, os.W_OK):
        raise ExportError(f"{target} : écriture non autorisée dans le dossier « {folder} »")


def write_bytes(target: Path, data: bytes) -> None:
    """Write an export with :func:`atomic_write`; a failure is an :class:`ExportError`."""
    check_target(target)
    try:
        atomic_write(target, data, keep_backup=False)
    except OSError as error:
        raise ExportError(os_error_message(error, target)) from None


EXPORT_KINDS: dict[str, ExportKind] = {
    k.kind: k
    for k in (
        ExportKind("gantt", "Diagramme de Gantt", (".png", ".svg", ".pdf"), False, gantt_export.render,
                   accepts_scenario=True),
        ExportKind("budget", "Budget prévisionnel", (".xlsx", ".csv", ".pdf"), False, budget_export.render),
        ExportKind("plan", "Plan du parcours", (".pdf",), True, plan_pdf.render, accepts_scenario=True),
        ExportKind("evaluation", "Synthèse d'évaluation", (".pdf",), False, evaluation_pdf.render),
        ExportKind("ics", "Calendrier (iCalendar)", (".ics",), True, ics_export.render),
        ExportKind("mspdi", "Microsoft Project XML", (".xml",), False, mspdi_export.render),
        ExportKind("questionnaire", "Questionnaire", (".pdf", ".txt"), False, questionnaire_export.render,
                   needs_questionnaire=True),
        ExportKind("specifications", "Cahier des charges", (".pdf",), False, specifications_pdf.render,
                   accepts_consultation=True),
        ExportKind("offers", "Comparaison des offres", (".pdf", ".xlsx"), False, offers_export.render,
                   accepts_consultation=True),
        ExportKind("financial-report", "Compte rendu financier", (".pdf", ".xlsx"), True, financial_report_export.render),
        ExportKind("map", "Carte des acteurs", (".pdf", ".svg", ".png"), False, map_export.render),
    )
}


def export_kind(kind: str) -> ExportKind:
    """The kind called ``kind``, or an :class:`ExportError` naming the known ones."""
    try:
        return EXPORT_KINDS[kind]
    except KeyError:
        known = ", ".join(EXPORT_KINDS)
        raise ExportError(f"type d'export inconnu « {kind} » (types possibles : {known})") from None
