"""Field types shared by every entity: ids, money, quantities, ISO dates, bounded numbers.

Every number of the format has bounds, so that no file can make the
program compute with absurd magnitudes (a 28-digit context overflowing, a
million-digit quantity, a date past year 9999): a value outside them is
refused at load with a French message naming the bound.
"""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Annotated, Any, Optional, Union

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema

CENT = Decimal("0.01")
MAX_MONEY = Decimal(1_000_000_000)
MAX_QUANTITY = Decimal(1_000_000)
QUANTITY_PLACES = 6
QUANTITY_STEP = Decimal(1).scaleb(-QUANTITY_PLACES)
MAX_COUNT = 1_000_000_000
MAX_DAYS = 3650
MAX_RANK = 1000
MAX_MEASURE = 10**15
MAX_SCALE = 100
MAX_ANSWER = 10**9
MAX_COORDINATE = 1_000_000
FIRST_YEAR, LAST_YEAR = 1900, 2199
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBER_TEXT = re.compile(r"[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)([eE][+-]?[0-9]+)?")
SHOWN_CHARACTERS = 40

STRICT = ConfigDict(extra="forbid", validate_default=False, str_strip_whitespace=False)


def grouped(number: int | Decimal) -> str:
    """``1000000`` → ``1 000 000`` (the bounds in messages)."""
    return f"{number:,}".replace(",", " ")


def shown(value: Any) -> str:
    """A value as a message may quote it: short, printable, whatever the input."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > SHOWN_CHARACTERS:
        text = text[:SHOWN_CHARACTERS] + "…"
    return text.encode("utf-8", "replace").decode("utf-8")


def to_decimal(value: Any, what: str) -> Decimal:
    """A JSON number or numeric string (ASCII digits) as an exact Decimal."""
    if isinstance(value, bool):
        raise ValueError(f"{what} doit être un nombre, pas un booléen")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value)) if math.isfinite(value) else Decimal("NaN")
    elif isinstance(value, str):
        text = value.strip()
        if not _NUMBER_TEXT.fullmatch(text):
            raise ValueError(f"« {shown(value)} » n'est pas un nombre")
        number = Decimal(text.replace(",", "."))
    else:
        raise ValueError(f"{what} doit être un nombre ou un texte numérique")
    if not number.is_finite():
        raise ValueError(f"{what} doit être un nombre fini")
    return number


def _money(value: Any) -> Decimal:
    amount = to_decimal(value, "un montant")
    if amount.is_signed():
        raise ValueError(f"un montant ne peut pas être négatif ({shown(value)} €)")
    if amount > MAX_MONEY:
        raise ValueError(f"un montant ne peut pas dépasser {grouped(MAX_MONEY)} € (reçu : {shown(value)})")
    if amount != amount.quantize(CENT, rounding=ROUND_HALF_UP):
        raise ValueError(f"un montant a au plus deux décimales ({shown(value)} €)")
    return amount.quantize(CENT)


def _quantity(value: Any) -> Decimal:
    number = to_decimal(value, "une quantité")
    if number.is_signed():
        raise ValueError(f"une quantité ne peut pas être négative ({shown(value)})")
    if number > MAX_QUANTITY:
        raise ValueError(f"une quantité ne peut pas dépasser {grouped(MAX_QUANTITY)} (reçu : {shown(value)})")
    if number != number.quantize(QUANTITY_STEP):
        raise ValueError(f"une quantité a au plus {QUANTITY_PLACES} décimales (reçu : {shown(value)})")
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -QUANTITY_PLACES:  # 2.5000000000: trailing zeros dropped
        number = number.quantize(QUANTITY_STEP)
    return number


def _integer(value: Any, low: int, high: int) -> int:
    """A JSON integer from ``low`` to ``high`` (giant ones arrive as Decimal: see fileformat)."""
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    raise ValueError(f"doit être un nombre entier de {grouped(low)} à {grouped(high)} (reçu : {shown(value)})")


def bounded_int(low: int, high: int) -> Any:
    """The type of an integer field from ``low`` to ``high``."""
    return Annotated[
        int,
        BeforeValidator(lambda value: _integer(value, low, high)),
        WithJsonSchema({"type": "integer", "minimum": low, "maximum": high}),
    ]


def _measure(value: Any) -> Any:
    """An indicator's target or result: a text, or a finite number of sensible size."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return value
    if (isinstance(value, float) and not math.isfinite(value)) or abs(Decimal(str(value))) > MAX_MEASURE:
        raise ValueError(f"un nombre ne peut pas dépasser {grouped(MAX_MEASURE)} en valeur absolue "
                         f"(reçu : {shown(value)})")
    return value


def _coordinate(value: float) -> float:
    """A place on the stakeholder map: finite, at most a million units from the centre."""
    if not math.isfinite(value) or abs(value) > MAX_COORDINATE:
        raise ValueError(f"une position sur la carte est comprise entre -{grouped(MAX_COORDINATE)} "
                         f"et {grouped(MAX_COORDINATE)} (reçu : {shown(value)})")
    return value


def _iso_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ValueError(f"une date s'écrit AAAA-MM-JJ (reçu : {shown(value)!r})")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"la date {value} n'existe pas") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"une date doit être comprise entre {FIRST_YEAR} et {LAST_YEAR} (reçu : {value})")
    return day


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


def _account_group(value: Any) -> str:
    if isinstance(value, str) and value in CHARGE_GROUPS + PRODUCT_GROUPS:
        return value
    raise ValueError(f"« {shown(value)} » n'est pas un groupe de comptes du formulaire ; "
                     f"groupes acceptés : {', '.join(CHARGE_GROUPS + PRODUCT_GROUPS)}")


# A group of accounts of the budget form: "62", "74", "86"…
AccountGroup = Annotated[
    str,
    BeforeValidator(_account_group),
    WithJsonSchema({"type": "string", "pattern": "^(6[0-8]|7[0-8]|86|87)$"}),
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
        "anyOf": [{"type": "number", "minimum": 0, "maximum": int(MAX_MONEY)},
                  {"type": "string", "pattern": "^[0-9]+([.][0-9]{1,2})?$"}],
        "description": f"Montant en euros, positif, au plus deux décimales, au plus {grouped(MAX_MONEY)} €",
    }),
    PlainSerializer(lambda d: format(d.quantize(CENT), "f"), return_type=str, when_used="json"),
]
Quantity = Annotated[
    Decimal,
    BeforeValidator(_quantity),
    WithJsonSchema({
        "anyOf": [{"type": "number", "minimum": 0, "maximum": int(MAX_QUANTITY)},
                  {"type": "string", "pattern": "^[0-9]+([.][0-9]{1,%d})?$" % QUANTITY_PLACES}],
        "description": f"Quantité décimale positive (jours, trajets, repas…), au plus {grouped(MAX_QUANTITY)}, "
                       f"au plus {QUANTITY_PLACES} décimales",
    }),
    PlainSerializer(_quantity_text, return_type=str, when_used="json"),
]
IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                    "description": f"Date AAAA-MM-JJ, de {FIRST_YEAR} à {LAST_YEAR}"}),
]
Id = Annotated[str, Field(min_length=1)]


def _has_text(text: str) -> str:
    if not text.strip():
        raise ValueError("ne doit pas être vide (un titre fait d'espaces n'en est pas un)")
    return text


# A required title: not empty, not only spaces.
Title = Annotated[str, Field(min_length=1), AfterValidator(_has_text)]
# People, structures, participants: a whole number ≥ 0.
Count = bounded_int(0, MAX_COUNT)
# Durations and delays in days.
Days = bounded_int(0, MAX_DAYS)
# A rank such as an objective's priority (1 is the highest).
Rank = bounded_int(1, MAX_RANK)
# A weight (a consultation's criterion): a whole number ≥ 1, bounded as counts are.
Weight = bounded_int(1, MAX_COUNT)
# A step of a questionnaire's scale (its bounds, a scale written as numbered choices).
ScaleStep = bounded_int(-MAX_SCALE, MAX_SCALE)
_SCALE_CHOICE = re.compile(r"-?[0-9]{1,3}")


def scale_step(text: str) -> Optional[int]:
    """The step a choice such as « 4 » names, if it is one a scale may have."""
    text = text.strip()
    if not _SCALE_CHOICE.fullmatch(text) or not -MAX_SCALE <= int(text) <= MAX_SCALE:
        return None
    return int(text)
# ``target`` and ``result`` of an indicator: a number or a text.
Measure = Annotated[
    Optional[Union[int, float, str]],
    BeforeValidator(_measure),
]
# ``x`` and ``y`` of a node on the stakeholder map (scene units).
Coordinate = Annotated[
    float,
    AfterValidator(_coordinate),
    WithJsonSchema({"type": "number", "minimum": -MAX_COORDINATE, "maximum": MAX_COORDINATE}),
]


def round_cents(amount: Decimal) -> Decimal:
    """Round half-up to the cent, the rule of every budget amount."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)
