"""Competence frameworks (référentiels): their file format and where they live.

A framework is a JSON file (see ``docs/frameworks.md``): blocks of
competences, each with its savoir-faire, savoir-être, savoirs, an example and
the check rules that give evidence for it. The bundled ones sit in
``resources/frameworks``; an organisation adds its own in the user folder
(:func:`parcours_designer.paths.user_frameworks_dir`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from parcours_designer.model.errors import PathwayError, summarise, validation_messages

FRAMEWORK_FORMAT = "parcours-designer-framework"
FRAMEWORK_VERSION = 1


class FrameworkError(PathwayError):
    """A framework file that cannot be used."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Competence(_Strict):
    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    savoir_faire: list[str] = Field(default_factory=list)
    savoir_etre: list[str] = Field(default_factory=list)
    savoirs: list[str] = Field(default_factory=list)
    # What an assessor looks for (the certification's evaluation criteria).
    criteria: list[str] = Field(default_factory=list)
    example: str = ""
    rules: list[str] = Field(min_length=1)


class Block(_Strict):
    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    competences: list[Competence] = Field(min_length=1)


class Framework(_Strict):
    format: str
    format_version: int
    id: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(min_length=1)
    definition: str = ""
    jobs: list[str] = Field(default_factory=list)
    source: str = ""
    blocks: list[Block] = Field(min_length=1)

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: str) -> str:
        if value != FRAMEWORK_FORMAT:
            raise ValueError(f"« {FRAMEWORK_FORMAT} » attendu")
        return value

    @field_validator("format_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value > FRAMEWORK_VERSION:
            raise ValueError(f"version {value} plus récente que la version {FRAMEWORK_VERSION} connue")
        return value

    def competences(self) -> list[Competence]:
        return [competence for block in self.blocks for competence in block.competences]

    def competence(self, competence_id: str) -> Optional[Competence]:
        return next((c for c in self.competences() if c.id == competence_id), None)


def parse_framework(raw: bytes, name: str, known_rules: set[str]) -> Framework:
    """A framework from the bytes of its file, or :class:`FrameworkError`."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise FrameworkError(f"{name} : référentiel illisible ({type(error).__name__})") from None
    try:
        framework = Framework.model_validate(data)
    except ValidationError as error:
        lines = validation_messages(error, data, root="référentiel")
        raise FrameworkError(f"{name} : référentiel invalide\n{summarise(lines)}") from None
    problems = _framework_problems(framework, known_rules)
    if problems:
        raise FrameworkError(f"{name} : référentiel invalide\n{summarise(problems)}")
    return framework


def _framework_problems(framework: Framework, known_rules: set[str]) -> list[str]:
    problems = []
    seen: set[str] = set()
    for competence in framework.competences():
        if competence.id in seen:
            problems.append(f"la compétence « {competence.id} » apparaît deux fois")
        seen.add(competence.id)
        for rule_id in competence.rules:
            if rule_id not in known_rules:
                problems.append(f"la compétence « {competence.id} » cite une règle inconnue : « {rule_id} »")
    return problems


def framework_files(folders: list[Path]) -> list[Path]:
    files: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            files.extend(sorted(folder.glob("*.json")))
    return files
