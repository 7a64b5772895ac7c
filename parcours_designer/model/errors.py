"""French messages for invalid pathway data (pydantic errors, paths, ids)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any, Optional

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from parcours_designer.model.formatting import count_of, plural
from parcours_designer.model.types import shown

MAX_REPORTED = 5
_UNION_TAGS = {"int", "float", "str", "bool", "none", "decimal", "date"}

_SIMPLE: dict[str, str] = {
    "missing": "champ obligatoire manquant",
    "extra_forbidden": "clé inconnue (le format ne la connaît pas)",
    "string_type": "doit être un texte",
    "string_unicode": "texte illisible (il contient un caractère qui ne s'écrit pas en UTF-8)",
    "string_not_ascii": "ne doit contenir que des caractères ASCII",
    "string_too_short": "ne doit pas être vide",
    "string_pattern_mismatch": "n'a pas la forme attendue",
    "int_type": "doit être un nombre entier",
    "int_parsing": "doit être un nombre entier",
    "int_parsing_size": "nombre entier trop grand",
    "int_from_float": "doit être un nombre entier",
    "float_type": "doit être un nombre",
    "float_parsing": "doit être un nombre",
    "finite_number": "doit être un nombre fini",
    "decimal_type": "doit être un nombre",
    "decimal_parsing": "doit être un nombre",
    "complex_type": "doit être un nombre",
    "complex_str_parsing": "doit être un nombre",
    "fraction_type": "doit être un nombre",
    "fraction_parsing": "doit être un nombre",
    "bool_type": "doit valoir true ou false",
    "bool_parsing": "doit valoir true ou false",
    "list_type": "doit être une liste [ … ]",
    "tuple_type": "doit être une liste [ … ]",
    "set_type": "doit être une liste [ … ]",
    "frozen_set_type": "doit être une liste [ … ]",
    "deque_type": "doit être une liste [ … ]",
    "iterable_type": "doit être une liste [ … ]",
    "iteration_error": "liste illisible",
    "set_item_not_hashable": "valeur impossible dans une liste sans doublons",
    "model_type": "doit être un objet { … }",
    "model_attributes_type": "doit être un objet { … }",
    "dataclass_type": "doit être un objet { … }",
    "dataclass_exact_type": "doit être un objet { … }",
    "named_tuple_type": "doit être un objet { … }",
    "dict_type": "doit être un objet { … }",
    "frozen_dict_type": "doit être un objet { … }",
    "ordered_dict_type": "doit être un objet { … }",
    "counter_type": "doit être un objet { … }",
    "mapping_type": "doit être un objet { … }",
    "arguments_type": "doit être un objet { … }",
    "invalid_key": "clé invalide (une clé est un texte)",
    "none_required": "doit être vide (null)",
    "json_invalid": "JSON invalide",
    "json_type": "doit être un texte JSON",
    "recursion_loop": "structure qui se contient elle-même",
    "recursion_depth_exceeded": "structure trop profondément imbriquée",
    "bytes_type": "doit être un texte",
    "bytes_invalid_encoding": "texte mal encodé",
    "date_type": "date invalide (format attendu : AAAA-MM-JJ)",
    "date_parsing": "date invalide (format attendu : AAAA-MM-JJ)",
    "date_from_datetime_parsing": "date invalide (format attendu : AAAA-MM-JJ)",
    "date_from_datetime_inexact": "une date sans heure est attendue (format AAAA-MM-JJ)",
    "date_past": "la date doit être passée",
    "date_future": "la date doit être à venir",
    "time_type": "heure invalide (format attendu : HH:MM)",
    "time_parsing": "heure invalide (format attendu : HH:MM)",
    "datetime_type": "date et heure invalides",
    "datetime_parsing": "date et heure invalides",
    "datetime_object_invalid": "date et heure invalides",
    "datetime_from_date_parsing": "date et heure invalides",
    "datetime_past": "la date doit être passée",
    "datetime_future": "la date doit être à venir",
    "timezone_naive": "l'heure ne doit pas préciser de fuseau horaire",
    "timezone_aware": "l'heure doit préciser son fuseau horaire",
    "timezone_offset": "fuseau horaire inattendu",
    "time_delta_type": "durée invalide",
    "time_delta_parsing": "durée invalide",
    "url_type": "doit être une adresse web",
    "url_parsing": "adresse web invalide",
    "url_syntax_violation": "adresse web invalide",
    "url_too_long": "adresse web trop longue",
    "url_scheme": "adresse web de type non accepté",
    "uuid_type": "identifiant UUID invalide",
    "uuid_parsing": "identifiant UUID invalide",
    "uuid_version": "identifiant UUID d'une version non acceptée",
    "union_tag_invalid": "type d'objet non reconnu",
    "union_tag_not_found": "type d'objet non précisé",
    "literal_error": "valeur non reconnue",
    "enum": "valeur non reconnue",
    "frozen_field": "ce champ ne peut pas être modifié",
    "frozen_instance": "cet objet ne peut pas être modifié",
    "no_such_attribute": "champ inconnu",
    "get_attribute_error": "champ illisible",
    "is_instance_of": "valeur d'un type inattendu",
    "is_subclass_of": "valeur d'un type inattendu",
    "callable_type": "valeur d'un type inattendu",
    "needs_python_object": "valeur d'un type inattendu",
    "default_factory_not_called": "valeur par défaut indisponible",
    "missing_sentinel_error": "valeur inattendue",
    "ellipsis_error": "valeur inattendue",
    "assertion_error": "valeur refusée",
    "missing_argument": "champ obligatoire manquant",
    "missing_keyword_only_argument": "champ obligatoire manquant",
    "missing_positional_only_argument": "champ obligatoire manquant",
    "unexpected_keyword_argument": "clé inconnue (le format ne la connaît pas)",
    "unexpected_positional_argument": "valeur en trop",
    "multiple_argument_values": "valeur donnée deux fois",
}
# Errors whose bound is in their context: (French text, key of the bound).
_BOUNDED: dict[str, tuple[str, str]] = {
    "greater_than": ("doit être supérieur à {}", "gt"),
    "greater_than_equal": ("doit être supérieur ou égal à {}", "ge"),
    "less_than": ("doit être inférieur à {}", "lt"),
    "less_than_equal": ("doit être inférieur ou égal à {}", "le"),
    "multiple_of": ("doit être un multiple de {}", "multiple_of"),
}
# Errors whose bound is a count of something: (French text, key of the bound, the thing counted).
_COUNTED: dict[str, tuple[str, str, str]] = {
    "too_short": ("doit contenir au moins {}", "min_length", "élément"),
    "too_long": ("doit contenir au plus {}", "max_length", "élément"),
    "string_too_long": ("doit contenir au plus {}", "max_length", "caractère"),
    "bytes_too_short": ("doit contenir au moins {}", "min_length", "octet"),
    "bytes_too_long": ("doit contenir au plus {}", "max_length", "octet"),
    "decimal_max_digits": ("doit avoir au plus {}", "max_digits", "chiffre"),
    "decimal_max_places": ("doit avoir au plus {}", "decimal_places", "décimale"),
    "decimal_whole_digits": ("doit avoir au plus {} avant la virgule", "whole_digits", "chiffre"),
}


class PathwayError(Exception):
    """A pathway that cannot be used; ``str(error)`` is a French sentence."""


# Where pydantic puts an error on a dict's key rather than on its value.
KEY_MARK = "[key]"


def format_location(loc: tuple[Any, ...], data: Any, root: str = "pathway") -> str:
    """``pathway.phases[2] (id « p3 »).start`` from a pydantic location (union branches left out)."""
    text = root
    node = data
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
            node = _child(node, part)
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                text += f" (id « {shown(node['id'])} »)"
        elif part == KEY_MARK:
            text += " (clé)"
        elif not _is_union_tag(part, node):
            text += f".{shown(str(part))}"
            node = _child(node, part)
    return text


def _child(node: Any, part: Any) -> Any:
    """What the input holds at ``part`` (None when it holds nothing there)."""
    if isinstance(part, int):
        return node[part] if isinstance(node, list) and 0 <= part < len(node) else None
    return node.get(part) if isinstance(node, dict) else None


def _is_union_tag(part: Any, node: Any) -> bool:
    """Whether ``part`` of a location names a branch of a union (``str``, ``list[str]``,
    ``constrained-int``, a model's class name such as ``Deliverable``) rather than a key of ``node``."""
    if not isinstance(part, str) or (isinstance(node, dict) and part in node) or part == KEY_MARK:
        return False
    return part in _UNION_TAGS or "[" in part or part.startswith("constrained-") or part in _model_names()


def _model_names() -> set[str]:
    """The class names pydantic gives union branches that are models."""
    from pydantic import BaseModel

    names: set[str] = set()
    pending: list[type] = [BaseModel]
    while pending:
        subclasses: list[type] = pending.pop().__subclasses__()
        names.update(subclass.__name__ for subclass in subclasses)
        pending += subclasses
    return names


def unencodable_texts(data: Any, root: str = "pathway") -> list[str]:
    """French lines naming each text (or key) that cannot be written in UTF-8.

    Such text holds a lone surrogate (``"\\udfff"`` in JSON): valid for the
    JSON parser, but no file can hold it.
    """
    lines: dict[str, None] = {}
    pending: deque[tuple[tuple[Any, ...], Any]] = deque([((), data)])
    while pending:
        loc, node = pending.popleft()
        if isinstance(node, dict):
            for key, value in node.items():
                if not _encodable(key):
                    lines[f"{format_location(loc + (key,), data, root)} : {_UNREADABLE}"] = None
                pending.append((loc + (key,), value))
        elif isinstance(node, list):
            pending.extend((loc + (position,), value) for position, value in enumerate(node))
        elif not _encodable(node):
            lines[f"{format_location(loc, data, root)} : {_UNREADABLE}"] = None
    return list(lines)


_UNREADABLE = "texte illisible (il contient un caractère isolé qui ne s'écrit pas en UTF-8)"


def _encodable(text: Any) -> bool:
    if not isinstance(text, str):
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def describe_error(error: ErrorDetails) -> str:
    """The French reason of one pydantic error (never pydantic's English text)."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"valeur « {shown(error.get('input'))} » non reconnue ; valeurs possibles : {expected}"
    if kind in ("value_error", "assertion_error") and ctx.get("error") is not None:
        return str(ctx["error"])
    if kind in _BOUNDED:
        text, key = _BOUNDED[kind]
        return text.format(ctx.get(key, "?"))
    if kind in _COUNTED:
        text, key, thing = _COUNTED[kind]
        bound = ctx.get(key)
        return text.format(count_of(bound, thing) if isinstance(bound, int) else f"? {plural(thing, 2)}")
    return _SIMPLE.get(kind, "valeur refusée")


@dataclass(frozen=True)
class _Branch:
    """One error inside a union: the union's location, the input there, the branch and the error."""

    base: tuple[Any, ...]
    value: Any
    tag: str
    rest: tuple[Any, ...]
    item: ErrorDetails


def _branch_of(item: ErrorDetails, data: Any) -> Optional[_Branch]:
    """The union branch ``item`` comes from (None when it is not inside a union)."""
    loc, node = tuple(item["loc"]), data
    for position, part in enumerate(loc):
        if isinstance(part, str) and _is_union_tag(part, node):
            return _Branch(loc[:position], node, part, loc[position + 1:], item)
        node = _child(node, part)
    return None


def _kind_of_branch(tag: str) -> str:
    """What a union branch accepts, as the input's JSON kind: object, list, text, number, bool."""
    if tag == "bool":
        return "bool"
    if tag in ("int", "float", "decimal") or tag.startswith(("constrained-int", "constrained-float")):
        return "number"
    if tag in ("str", "date") or tag.startswith("constrained-str"):
        return "text"
    if tag.startswith(("list", "tuple", "set", "frozenset")):
        return "list"
    if tag.startswith("dict") or tag in _model_names():
        return "object"
    return "other"


def _kind_of_input(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    return "object" if isinstance(value, dict) else "other"


_ACCEPTED = {"bool": "true ou false", "number": "un nombre", "text": "un texte", "list": "une liste [ … ]",
             "object": "un objet { … }"}


def _union_lines(branches: list[_Branch], data: Any, root: str) -> list[str]:
    """The errors of the branch the input is written as (an object: the object's fields, without the
    class name), or, when no branch takes that kind of input, what the union accepts."""
    given = _kind_of_input(branches[0].value)
    fitting = [b for b in branches if _kind_of_branch(b.tag) == given]
    if fitting:
        return [f"{format_location(b.base + b.rest, data, root)} : {describe_error(b.item)}" for b in fitting]
    kinds = list(dict.fromkeys(_ACCEPTED[k] for k in map(_kind_of_branch, (b.tag for b in branches))
                               if k in _ACCEPTED))
    accepted = " ou ".join([", ".join(kinds[:-1]), kinds[-1]] if len(kinds) > 1 else kinds) or "une autre valeur"
    return [f"{format_location(branches[0].base, data, root)} : doit être {accepted}"]


def validation_messages(error: ValidationError, data: Any, root: str = "pathway") -> list[str]:
    """French lines naming each invalid field by its path and its entity's id; a union's errors
    become those of the branch the input is written as, or one line saying what it accepts."""
    unions: dict[tuple[Any, ...], list[_Branch]] = {}
    plain: dict[tuple[Any, ...], ErrorDetails] = {}
    order: list[tuple[bool, tuple[Any, ...]]] = []
    for item in error.errors(include_url=False):
        branch = _branch_of(item, data)
        key = branch.base if branch else tuple(item["loc"])
        if key not in unions and key not in plain:
            order.append((branch is not None, key))
        if branch is not None:
            unions.setdefault(key, []).append(branch)
        else:
            plain.setdefault(key, item)
    lines: list[str] = []
    for in_union, key in order:
        if in_union:
            lines += _union_lines(unions[key], data, root)
        else:
            lines.append(f"{format_location(key, data, root)} : {describe_error(plain[key])}")
    return list(dict.fromkeys(lines))


def summarise(lines: list[str]) -> str:
    """At most ``MAX_REPORTED`` lines, then how many more there are."""
    shown = lines[:MAX_REPORTED]
    rest = len(lines) - len(shown)
    if rest > 0:
        shown.append(f"… et {count_of(rest, 'autre problème', 'autres problèmes')}")
    return "\n".join(f"  - {line}" for line in shown)
