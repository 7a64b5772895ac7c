"""Review of issue 16, documents: defects found, each a failing test until fixed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.consultations import Offer

from .helpers import pdf_text


def lines_of(data: bytes) -> list[str]:
    text = pdf_text(data).replace("\u00a0", " ").replace("\u202f", " ")
    return [" ".join(line.split()) for line in text.splitlines()]


def test_a_difference_of_ten_thousand_euros_and_cents_is_printed_on_one_line(example):
    """Halfway through, the officer has entered some invoices: the TOTAL row's difference, -10 697,39 €,
    is cut after the cents in the PDF, its « € » alone on the next line (Écart (€) column too narrow)."""
    actual = {"c1": "3400.10", "c2": "1750", "c3": "1300.50", "c4": "6300.00", "c10": "1000.01", "c13": "3780.00"}
    for cost in example.costs:
        if cost.id in actual:
            cost.actual_amount = Decimal(actual[cost.id])
    lines = lines_of(EXPORT_KINDS["financial-report"].render(example, ".pdf", None))
    assert any("-10 697,39 €" in line for line in lines), [line for line in lines if "10 697" in line]


def test_an_unscored_offer_reads_non_notee_in_the_offers_pdf(example):
    consultation = example.index("consultations")["cs1"]
    consultation.offers.append(Offer(id="of9", partner_id="p8", amount=Decimal("7000")))
    lines = lines_of(EXPORT_KINDS["offers"].render(example, ".pdf", consultation_id="cs1"))
    assert any("non notée" in line for line in lines), [line for line in lines if "non" in line]
