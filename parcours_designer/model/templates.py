"""Pathway templates: ready-made pathways a new document can start from.

A template is an ordinary ``.parcours`` file (same format, read with
:func:`parse_pathway`). Its id is the file name without the extension
(``dla-individuel.parcours`` → ``dla-individuel``). Its title in the
list is the pathway's ``title``; its short description comes from an optional
sidecar text file next to it, ``<id>.description.txt`` (UTF-8, plain text);
without it, the first sentence of the pathway's ``summary`` is used.

The bundled templates live in ``resources/templates``; an organisation adds
its own in a user folder (the caller passes the folders:
:func:`parcours_designer.paths.template_folders`), where a file
with the same id replaces the bundled one. A user file that cannot be read is
left out of the list, its French reason kept in :attr:`TemplateCatalog.problems`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from parcours_designer.model.errors import PathwayError
from parcours_designer.model.fileformat import EXTENSION, parse_pathway
from parcours_designer.model.formatting import folded
from parcours_designer.model.pathway import Pathway, new_uid
from parcours_designer.oserrors import os_error_reason

DESCRIPTION_SUFFIX = ".description.txt"
MAX_DESCRIPTION = 300


class TemplateError(PathwayError):
    """An unknown template, or a template file that cannot be used."""


@dataclass(frozen=True)
class TemplateInfo:
    """What the « Nouveau depuis un modèle » list shows of a template."""

    id: str
    title: str
    description: str
    path: Path
    builtin: bool


@dataclass
class TemplateCatalog:
    """Templates by id (user ones replacing bundled ones), and what was left out."""

    templates: dict[str, TemplateInfo] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def require(self, template_id: str) -> TemplateInfo:
        info = self.templates.get(template_id)
        if info is None:
            known = ", ".join(sorted(self.templates)) or "aucun"
            raise TemplateError(f"modèle de parcours inconnu : « {template_id} » (modèles disponibles : {known})")
        return info


Folders = list[tuple[Path, bool]]  # each folder with its « bundled » flag, bundled first


def load_template_catalog(folders: Folders) -> TemplateCatalog:
    """Read every template file of the folders; a later folder overrides by id."""
    catalog = TemplateCatalog()
    for folder, builtin in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob(f"*{EXTENSION}")):
            try:
                info = read_template_info(path, builtin)
            except TemplateError as error:
                catalog.problems.append(str(error))
                continue
            catalog.templates[info.id] = info
    return catalog


def list_templates(folders: Folders) -> list[TemplateInfo]:
    """Every usable template, sorted by title (French order, accents ignored)."""
    templates = load_template_catalog(folders).templates.values()
    return sorted(templates, key=lambda info: _sort_key(info.title))


def load_template(template_id: str, folders: Folders) -> Pathway:
    """A fresh pathway from the template ``template_id``; :class:`TemplateError` if unknown."""
    info = load_template_catalog(folders).require(template_id)
    pathway = _read_pathway(info.path)
    pathway.uid = new_uid()
    return pathway


def read_template_info(path: Path, builtin: bool) -> TemplateInfo:
    pathway = _read_pathway(path)
    template_id = path.name[: -len(EXTENSION)]
    return TemplateInfo(template_id, pathway.title, _description(path, template_id, pathway), path, builtin)


def _read_pathway(path: Path) -> Pathway:
    try:
        return parse_pathway(path.read_bytes(), path.name)
    except PathwayError as error:
        raise TemplateError(f"modèle inutilisable : {error}") from None
    except OSError as error:
        raise TemplateError(f"modèle illisible : {path.name} ({os_error_reason(error)})") from None


def _description(path: Path, template_id: str, pathway: Pathway) -> str:
    sidecar = path.with_name(template_id + DESCRIPTION_SUFFIX)
    try:
        text = sidecar.read_text(encoding="utf-8-sig").strip()
    except (OSError, UnicodeDecodeError):
        text = ""
    if not text:
        text = first_sentence(pathway.summary)
    return " ".join(text.split())


def first_sentence(text: str) -> str:
    """The first sentence of a text, cut at ``MAX_DESCRIPTION`` characters."""
    text = " ".join(text.split())
    match = re.search(r"[.!?…](\s|$)", text)
    sentence = text[: match.end()].strip() if match else text
    if len(sentence) > MAX_DESCRIPTION:
        sentence = sentence[: MAX_DESCRIPTION - 1].rstrip() + "…"
    return sentence


def _sort_key(title: str) -> str:
    return folded(title)
