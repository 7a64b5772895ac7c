"""French messages for invalid pathway data (pydantic errors, paths, ids)."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

MAX_REPORTED = 5
_UNION_TAGS = {"int", "float", "str", "bool", "none", "decimal", "date"}

_SIMPLE: dict[str, str] = {
    "missing": "champ obligatoire manquant",
    "extra_forbidden": "clé inconnue (le format ne la connaît pas)",
    "string_type": "doit être un texte",
    "string_too_short": "ne doit pas être vide",
    "int_type": "doit être un nombre entier",
    "int_parsing": "doit être un nombre entier",
    "int_from_float": "doit être un nombre entier",
    "bool_type": "doit valoir true ou false",
    "bool_parsing": "doit valoir true ou false",
    "list_type": "doit être une liste [ … ]",
    "model_type": "doit être un objet { … }",
    "model_attributes_type": "doit être un objet { … }",
    "dict_type": "doit être un objet { … }",
    "none_required": "doit être vide (null)",
}


class PathwayError(Exception):
    """A pathway that cannot be used; ``str(error)`` is a French sentence."""


def format_location(loc: tuple[Any, ...], data: Any, root: str = "pathway") -> str:
    """``pathway.phases[2] (id « p3 »).start`` from a pydantic location."""
    text = root
    node = data
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                text += f" (id « {node['id']} »)"
        elif part in _UNION_TAGS or "[" in str(part):
            continue
        else:
            text += f".{part}"
            node = node.get(part) if isinstance(node, dict) else None
    return text


def describe_error(error: dict[str, Any]) -> str:
    """The French reason of one pydantic error."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in _SIMPLE:
        return _SIMPLE[kind]
    if kind == "enum":
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"valeur « {error.get('input')} » non reconnue ; valeurs possibles : {expected}"
    if kind == "greater_than_equal":
        return f"doit être supérieur ou égal à {ctx.get('ge')}"
    if kind == "value_error":
        return str(ctx.get("error", error.get("msg", "")))
    if kind in ("float_type", "float_parsing", "decimal_type", "decimal_parsing"):
        return "doit être un nombre"
    if kind.startswith("date"):
        return "date invalide (format attendu : AAAA-MM-JJ)"
    return f"valeur invalide ({error.get('msg', kind)})"


def _relevant_errors(error: ValidationError) -> list[dict[str, Any]]:
    """One error per location; a union's several complaints become one."""
    by_location: dict[tuple, dict[str, Any]] = {}
    for item in error.errors(include_url=False):
        loc = tuple(p for p in item["loc"] if not (isinstance(p, str) and (p in _UNION_TAGS or "[" in p)))
        by_location.setdefault(loc, item)
    return list(by_location.values())


def validation_messages(error: ValidationError, data: Any, root: str = "pathway") -> list[str]:
    """French lines naming each invalid field by its path and its entity's id."""
    lines = []
    for item in _relevant_errors(error):
        where = format_location(tuple(item["loc"]), data, root)
        reason = describe_error(item)
        if len({"int", "float", "str"} & {str(p) for p in item["loc"]}) > 0:
            reason = "doit être un nombre ou un texte"
        lines.append(f"{where} : {reason}")
    return lines


def summarise(lines: list[str]) -> str:
    """At most ``MAX_REPORTED`` lines, then how many more there are."""
    shown = lines[:MAX_REPORTED]
    rest = len(lines) - len(shown)
    if rest > 0:
        shown.append(f"… et {rest} autre(s) problème(s)")
    return "\n".join(f"  - {line}" for line in shown)
