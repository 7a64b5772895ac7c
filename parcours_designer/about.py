"""What « À propos » tells: the program's version, the libraries it runs on and their licences,
the bundled fonts. Read from the installed distributions' own metadata (works offline).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import metadata

from parcours_designer import __version__, paths

DISTRIBUTION = "parcours-designer"
NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
UNKNOWN = "voir la distribution"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


def licence_of(meta) -> str:
    """The licence of a distribution: its SPDX expression, its classifiers, or a short first ``License`` line."""
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License")]
    if classifiers:
        return ", ".join(classifiers)
    declared = (meta.get("License") or "").strip().splitlines()
    first = declared[0].strip() if declared else ""
    return first if first[:1].isalnum() and len(first) <= 60 else UNKNOWN


def _requirements(name: str) -> list[str]:
    """The distributions ``name`` needs at run time (extras left out)."""
    try:
        requires = metadata.requires(name) or []
    except metadata.PackageNotFoundError:
        return []
    found = []
    for line in requires:
        match = NAME.match(line)
        if match and "extra ==" not in line.replace('"', "").replace("'", ""):
            found.append(match.group(1))
    return found


def libraries(root: str = DISTRIBUTION) -> list[Component]:
    """Every distribution the program runs on, directly or not, sorted by name."""
    seen: dict[str, Component] = {}
    waiting = _requirements(root)
    while waiting:
        name = waiting.pop()
        key = name.lower().replace("_", "-")
        if key in seen:
            continue
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = Component(meta["Name"], meta["Version"], licence_of(meta))
        waiting.extend(_requirements(name))
    return sorted(seen.values(), key=lambda c: c.name.lower())


def fonts() -> list[Component]:
    """The fonts bundled for exports, each with the licence of its family (``LICENSE-<family>.txt``)."""
    folder = paths.resources_dir() / "fonts"
    found = []
    for font in sorted(folder.glob("*.ttf")):
        licence = _licence_file(folder, font.stem)
        found.append(Component(font.stem, "", _licence_name(licence) if licence else UNKNOWN))
    return found


def _licence_file(folder, stem: str):
    return next((path for path in sorted(folder.glob("LICENSE-*.txt"))
                 if stem.startswith(path.stem[len("LICENSE-"):])), None)


def _licence_name(path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    if "Apache License" in text:
        return "Apache-2.0"
    if "Bitstream" in text:
        return "Bitstream Vera (modifications DejaVu dans le domaine public)"
    return text.strip().splitlines()[0] if text.strip() else UNKNOWN


def font_licence_text() -> str:
    """Every licence text of the bundled fonts, one after the other."""
    folder = paths.resources_dir() / "fonts"
    texts = []
    for path in sorted(folder.glob("LICENSE-*.txt")):
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except OSError:
            continue
    return "\n\n".join(texts)
