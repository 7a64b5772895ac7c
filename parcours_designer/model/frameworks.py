"""The catalogue of competence frameworks: bundled, then the user's own."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from parcours_designer.model.check import RULES
from parcours_designer.model.framework import (
    Framework,
    FrameworkError,
    framework_files,
    parse_framework,
)
from parcours_designer.model.pathway import DEFAULT_FRAMEWORK
from parcours_designer.oserrors import os_error_message


@dataclass
class FrameworkCatalog:
    """Frameworks by id, and the French reasons some files were left out."""

    frameworks: dict[str, Framework] = field(default_factory=dict)
    origins: dict[str, Path] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def get(self, framework_id: str) -> Optional[Framework]:
        return self.frameworks.get(framework_id)

    def require(self, framework_id: str) -> Framework:
        framework = self.get(framework_id)
        if framework is None:
            known = ", ".join(sorted(self.frameworks)) or "aucun"
            raise FrameworkError(f"référentiel inconnu : « {framework_id} » (référentiels connus : {known})")
        return framework

    def default(self) -> Framework:
        return self.require(DEFAULT_FRAMEWORK)


def load_catalog(folders: list[Path]) -> FrameworkCatalog:
    """Read every framework file of ``folders`` (see :func:`parcours_designer.paths.framework_folders`);
    a file of a later folder replaces an earlier one by id."""
    catalog = FrameworkCatalog()
    known_rules = set(RULES)
    for path in framework_files(folders):
        try:
            framework = parse_framework(path.read_bytes(), path.name, known_rules)
        except FrameworkError as error:
            catalog.problems.append(str(error))
            continue
        except OSError as error:
            catalog.problems.append(os_error_message(error, path.name, writing=False))
            continue
        catalog.frameworks[framework.id] = framework
        catalog.origins[framework.id] = path
    return catalog
