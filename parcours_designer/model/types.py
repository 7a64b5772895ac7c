"""Field types shared by every entity: ids, money, quantities, ISO dates."""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema

CENT = Decimal("0.01")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

STRICT = ConfigDict(extra="forbid", validate_default=False, str_strip_whitespace=False)


def to_decimal(value: Any, what: str) -> Decimal:
    """A JSON number or numeric string as an exact Decimal."""
    if isinstance(value, bool):
        raise ValueError(f"{what} doit être un nombre, pas un booléen")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip().replace(",", "."))
        except InvalidOperation:
            raise ValueError(f"« {value} » n'est pas un nombre") from None
    else:
        raise ValueError(f"{what} doit être un nombre ou un texte numérique")
    if not number.is_finite():
        raise ValueError(f"{what} doit être un nombre fini")
    return number


def _money(value: Any) -> Decimal:
    amount = to_decimal(value, "un montant")
    if amount < 0:
        raise ValueError(f"un montant ne peut pas être négatif ({amount} €)")
    if amount != amount.quantize(CENT, rounding=ROUND_HALF_UP):
        raise ValueError(f"un montant a au plus deux décimales ({amount} €)")
    return amount.quantize(CENT)


def _quantity(value: Any) -> Decimal:
    number = to_decimal(value, "une quantité")
    if number < 0:
        raise ValueError(f"une quantité ne peut pas être négative ({number})")
    return number


def _iso_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError(f"une date s'écrit AAAA-MM-JJ (reçu : {value!r})")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"la date {value} n'existe pas") from None


def _quantity_text(number: Decimal) -> str:
    return format(number, "f")


def _account(value: Any, prefixes: tuple[str, ...], what: str) -> str:
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str):
        raise ValueError("un compte s'écrit comme un texte de chiffres, par exemple \"6226\"")
    if text == "":
        return text
    if not (text.isdigit() and text.isascii() and 2 <= len(text) <= 6 and text[:2] in prefixes):
        raise ValueError(
            f"le compte « {text} » n'est pas un compte de {what} "
            f"(2 à 6 chiffres commençant par {', '.join(prefixes[:-1])} ou {prefixes[-1]})"
        )
    return text


CHARGE_GROUPS = ("60", "61", "62", "63", "64", "65", "66", "67", "68", "86")
PRODUCT_GROUPS = ("70", "71", "72", "73", "74", "75", "76", "77", "78", "87")

ChargeAccount = Annotated[
    str,
    BeforeValidator(lambda v: _account(v, CHARGE_GROUPS, "charges")),
    WithJsonSchema({"type": "string", "pattern": "^(|(6[0-8]|86)[0-9]{0,4})$",
                    "description": "Compte de charges : 2 à 6 chiffres, 60 à 68 ou 86"}),
]
ProductAccount = Annotated[
    str,
    BeforeValidator(lambda v: _account(v, PRODUCT_GROUPS, "produits")),
    WithJsonSchema({"type": "string", "pattern": "^(|(7[0-8]|87)[0-9]{0,4})$",
                    "description": "Compte de produits : 2 à 6 chiffres, 70 à 78 ou 87"}),
]

Money = Annotated[
    Decimal,
    BeforeValidator(_money),
    WithJsonSchema({
        "anyOf": [{"type": "number", "minimum": 0},
                  {"type": "string", "pattern": "^[0-9]+([.][0-9]{1,2})?$"}],
        "description": "Montant en euros, positif, au plus deux décimales",
    }),
    PlainSerializer(lambda d: format(d.quantize(CENT), "f"), return_type=str, when_used="json"),
]
Quantity = Annotated[
    Decimal,
    BeforeValidator(_quantity),
    WithJsonSchema({
        "anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": "^[0-9]+([.][0-9]+)?$"}],
        "description": "Quantité décimale positive (jours, trajets, repas…)",
    }),
    PlainSerializer(_quantity_text, return_type=str, when_used="json"),
]
IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}),
]
Id = Annotated[str, Field(min_length=1)]
Count = Annotated[int, Field(ge=0, strict=True)]


def round_cents(amount: Decimal) -> Decimal:
    """Round half-up to the cent, the rule of every budget amount."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)
