"""Sections of the plan added for the field's practice: the programme of each
phase by module, the costs per module, how to approach each actor and the
responsible-practice commitments. Each is a function from the pathway to
flowables, kept apart from the plan's layout (``plan_sections``)."""

from __future__ import annotations

from typing import Optional

from parcours_designer.export.pdf_doc import Cell, missing_note, table
from parcours_designer.export.pdf_text import para
from parcours_designer.export.plan_sections import lines, names
from parcours_designer.model.entities import Phase
from parcours_designer.model.formatting import format_money
from parcours_designer.model.indicators import indicator_status
from parcours_designer.model.modules import IN_KIND, NO_MODULE, costs_by_module, has_modules, phases_by_module
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name


def programmes(pathway: Pathway, sheet: dict, phases: Optional[list[Phase]] = None) -> list:
    """What happens in each phase (methods, tools, facilitation), grouped by module."""
    chosen = pathway.phases if phases is None else phases
    story = [para("Programme des étapes", sheet["h1"])]
    described = [p for p in chosen if p.description.strip()]
    if not described:
        return story + [missing_note("Le programme des étapes n'est pas encore décrit.", sheet)]
    grouped = has_modules(pathway)
    for module, members in phases_by_module(described):
        if grouped:
            story.append(para(module or NO_MODULE, sheet["h2"]))
        for phase in members:
            story.append(para(f"{display_name(phase)} ({phase.kind.label.lower()})", sheet["body"],
                              bold_prefix="Étape : "))
            story += [para(chunk, sheet["body"]) for chunk in phase.description.split("\n\n") if chunk.strip()]
    return story


def module_costs(pathway: Pathway, sheet: dict) -> list:
    """The money spent by module, the contributions in kind apart; nothing when the phases have no module."""
    if not has_modules(pathway):
        return []
    costs = costs_by_module(pathway)
    rows = [[name, Cell(format_money(amount), right=True)] for name, amount in costs]
    story = [para("Coûts par module", sheet["h2"]), table(("Module", "Charges"), rows, (0.7, 0.3), sheet=sheet)]
    if any(name == IN_KIND for name, _ in costs):
        story.append(para("Les modules comptent les dépenses prévues. Les contributions volontaires en nature "
                          "(comptes 86 : mises à disposition gracieuses, bénévolat…) sont valorisées sans être "
                          "payées : elles figurent à part, sur la dernière ligne.", sheet["note"]))
    return story


def approaches(pathway: Pathway, sheet: dict) -> list:
    """How the officer gets in touch with each stakeholder and each public."""
    story = [para("Entrer en relation avec les acteurs", sheet["h1"])]
    rows = [[display_name(p), p.kind.label, p.approach.strip() or "À préciser"] for p in pathway.partners]
    rows += [[display_name(a), "Public", a.approach.strip() or "À préciser"] for a in pathway.audiences]
    if not rows:
        return story + [missing_note("Ni partenaire ni public n'est encore défini.", sheet)]
    return story + [table(("Acteur", "Type", "Manière d'entrer en relation"), rows, (0.3, 0.2, 0.5), sheet=sheet)]


def commitment_rows(pathway: Pathway, with_status: bool = False) -> list[list]:
    phases = pathway.index("phases")
    indicators = pathway.index("indicators")
    rows = []
    for commitment in pathway.commitments:
        measured = [indicators[i] for i in commitment.indicator_ids if i in indicators]
        shown = [f"{display_name(i)} : {indicator_status(i).label.lower()}" if with_status else display_name(i)
                 for i in measured]
        rows.append([commitment.description or "—", commitment.area.label,
                     lines(names(phases, commitment.phase_ids)) or "Tout le parcours",
                     lines(shown) or "Aucun indicateur"])
    return rows


def commitments(pathway: Pathway, sheet: dict) -> list:
    story = [para("Engagements de responsabilité sociétale (RSE)", sheet["h1"])]
    if not pathway.commitments:
        return story + [missing_note("Aucun engagement RSE n'est encore pris.", sheet)]
    header = ("Engagement", "Domaine", "Étapes", "Indicateurs")
    return story + [table(header, commitment_rows(pathway), (0.4, 0.16, 0.22, 0.22), sheet=sheet)]
