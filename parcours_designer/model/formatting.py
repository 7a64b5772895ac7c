"""French formatting of money, numbers and dates, whatever the system locale."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Optional

from parcours_designer.model.types import round_cents

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def group_digits(digits: str) -> str:
    """``1234567`` → ``1 234 567`` with narrow no-break spaces."""
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return NARROW_NBSP.join(groups)


def format_decimal(value: Decimal, places: int = 2) -> str:
    """``Decimal('-1234.5')`` → ``-1 234,50``."""
    quantized = round_cents(value) if places == 2 else value
    sign = "-" if quantized < 0 else ""
    text = format(abs(quantized), f".{places}f")
    whole, _, fraction = text.partition(".")
    return sign + group_digits(whole) + ("," + fraction if fraction else "")


def format_money(value: Decimal) -> str:
    """``Decimal('1234.5')`` → ``1 234,50 €``."""
    return format_decimal(value) + NBSP + "€"


def format_signed_money(value: Decimal) -> str:
    """A difference: ``+150,10 €``, ``-9 197,39 €``, ``0,00 €``."""
    return ("+" if value > 0 else "") + format_money(value)


def format_euros(value: Decimal, whole_euros: bool = False) -> str:
    """Money to the cent, or to the euro (``1 234 €``) when the document asks for whole euros."""
    if not whole_euros:
        return format_money(value)
    return format_decimal(value.quantize(Decimal("1")), 0) + NBSP + "€"


def folded(text: str) -> str:
    """Text in lower case without accents, to compare or sort French words."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plural(word: str, count: int | float | Decimal) -> str:
    """``word`` agreed with ``count`` in French (plural from 2, or -2): ``jour`` → ``jours``, ``repas`` stays.

    Only a single word is changed; a unit of several words (« 1/2 journée ») is left as written.
    """
    if -2 < count < 2 or not word or not word.isalpha():
        return word
    if word[-1] in "sxzSXZ":
        return word
    return word + ("x" if word.endswith(("au", "eu")) else "s")


def count_of(count: int | float | Decimal, word: str, many: str = "") -> str:
    """``2 jours``, ``1 jour``, ``1,5 jour`` (the French way); ``many``: an irregular plural or a phrase.

    ``count_of(3, "cycle de dépendances", "cycles de dépendances")`` → ``3 cycles de dépendances``.
    """
    number = format_quantity(Decimal(str(count)))
    if many:
        return f"{number} {word if -2 < count < 2 else many}"
    return f"{number} {plural(word, count)}"


def working_days_text(count: int) -> str:
    """``1 jour ouvré``, ``3 jours ouvrés``."""
    return count_of(count, "jour ouvré", "jours ouvrés")


def format_quantity(value: Decimal) -> str:
    """``Decimal('2.5')`` → ``2,5``; ``Decimal('3')`` → ``3``."""
    text = format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return sign + group_digits(whole.lstrip("-")) + ("," + fraction if fraction else "")


def format_number(value: float, places: int = 2) -> str:
    """``4.25`` → ``4,25``; ``75.0`` → ``75`` (a statistic, at most ``places`` decimals)."""
    number = Decimal(str(round(value, places)))
    return format_quantity(number.normalize() if number == number.to_integral_value() else number)


def format_measure(value: object) -> str:
    """An indicator's target or result: ``2.5`` → ``2,5``, ``1200`` → ``1 200``; a text as written."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    return format_quantity(Decimal(str(value)))


def format_date(value: Optional[date]) -> str:
    """``15/03/2027``, or an empty string."""
    return value.strftime("%d/%m/%Y") if value else ""


def format_date_long(value: Optional[date]) -> str:
    """``lundi 15 mars 2027``."""
    if value is None:
        return ""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{WEEKDAYS[value.weekday()]} {day} {MONTHS[value.month - 1]} {value.year}"


def format_date_medium(value: Optional[date]) -> str:
    """``15 mars 2027``."""
    if value is None:
        return ""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def format_period(start: Optional[date], end: Optional[date]) -> str:
    """``du 15/03/2027 au 20/03/2027``, a single day, or what is known."""
    if start and end:
        return f"le {format_date(start)}" if start == end else f"du {format_date(start)} au {format_date(end)}"
    if start:
        return f"à partir du {format_date(start)}"
    if end:
        return f"jusqu'au {format_date(end)}"
    return "dates non fixées"


def format_percent(value: Optional[Decimal], signed: bool = True) -> str:
    """``Decimal('12.5')`` → ``+12,5 %`` (``signed=False``: ``12,5 %``); ``None`` → ``—``."""
    if value is None:
        return "—"
    sign = "+" if signed and value > 0 else ""
    return sign + format_decimal(value, 1) + NBSP + "%"


def format_score(value: Optional[Decimal], out_of: int = 5) -> str:
    """``Decimal('4.4')`` → ``4,40 / 5``; ``None`` → ``non notée``."""
    if value is None:
        return "non notée"
    return f"{format_decimal(value)}{NBSP}/{NBSP}{out_of}"
