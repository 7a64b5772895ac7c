"""Rule on the workload: no partner (or the staff) booked beyond what a period allows."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Iterator

from parcours_designer.model.check.context import Context
from parcours_designer.model.check.registry import Hit, Severity, hit, rule
from parcours_designer.model.formatting import count_of, format_quantity
from parcours_designer.model.references import display_name
from parcours_designer.model.types import round_cents
from parcours_designer.model.workload import STAFF, STAFF_NAME, Granularity, Load


@rule("workload-overload", Severity.WARNING, "Charge de travail des intervenant·e·s tenable")
def workload_overload(ctx: Context) -> Iterator[Hit]:
    schedule = ctx.schedule
    if not schedule.timings:
        return
    found: dict[str, list[Load]] = {}
    for granularity in (Granularity.WEEK, Granularity.MONTH):
        for load in ctx.workloads[granularity].overloads():
            found.setdefault(load.worker, []).append(load)
    for worker, loads in found.items():
        first = min(loads, key=lambda load: (load.period.start, load.period.granularity.value))
        message = _message(_name(ctx, worker), first, len(loads))
        if worker == STAFF:
            yield Hit(message)
        else:
            yield hit("partners", ctx.partners_by_id[worker], message)


def _name(ctx: Context, worker: str) -> str:
    if worker == STAFF:
        return STAFF_NAME
    return display_name(ctx.partners_by_id[worker])


def _decimal(value: Fraction) -> Decimal:
    return round_cents(Decimal(value.numerator) / Decimal(value.denominator)).normalize()


def _days(value: Fraction) -> str:
    return format_quantity(_decimal(value))


def _message(name: str, load: Load, count: int) -> str:
    if load.capacity is not None and load.capacity < load.period.working_days:
        limit = f"de sa capacité ({count_of(_decimal(load.limit), 'jour')} par mois)"
    else:
        limit = f"des jours ouvrés de la période ({_days(load.limit)})"
    text = (f"« {name} » a {count_of(_decimal(load.days), 'jour')} de travail prévus ({load.period.label}), "
            f"au-delà {limit}")
    if count > 1:
        text += f" ; {count_of(count - 1, 'autre période', 'autres périodes')} en surcharge"
    return text + "."
