"""The pages of the editor, in navigation order, built the first time they are shown."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication

from parcours_designer.ui.document import Document


def tr(text: str) -> str:
    return QCoreApplication.translate("navigation", text)


@dataclass(frozen=True)
class PageInfo:
    key: str
    title: str
    lists: tuple[str, ...]
    build: Callable[[Document, object], object]


def _overview(document, parent):
    from parcours_designer.ui.overview import OverviewPage

    return OverviewPage(document, parent)


def _single(list_name: str) -> Callable:
    def build(document, parent):
        from parcours_designer.ui.pages import SingleListPage

        return SingleListPage(document, list_name, parent)

    return build


def _partners(document, parent):
    from parcours_designer.ui.pages import partners_page

    return partners_page(document, parent)


def _budget(document, parent):
    from parcours_designer.ui.pages import BudgetPage

    return BudgetPage(document, parent)


def _evaluation(document, parent):
    from parcours_designer.ui.pages import EvaluationPage

    return EvaluationPage(document, parent)


def _planning(document, parent):
    from parcours_designer.ui.planning_page import PlanningPage

    return PlanningPage(document, parent)


def planning_available() -> bool:
    return importlib.util.find_spec("parcours_designer.ui.planning") is not None


def pages() -> list[PageInfo]:
    found = [
        PageInfo("overview", tr("Vue d'ensemble"), (), _overview),
        PageInfo("audiences", tr("Publics"), ("audiences",), _single("audiences")),
        PageInfo("needs", tr("Besoins"), ("needs",), _single("needs")),
        PageInfo("objectives", tr("Objectifs"), ("objectives",), _single("objectives")),
        PageInfo("phases", tr("Étapes"), ("phases",), _single("phases")),
        PageInfo("partners", tr("Partenaires"), ("partners",), _partners),
        PageInfo("budget", tr("Budget"), ("costs", "funding"), _budget),
        PageInfo("evaluation", tr("Évaluation"), ("indicators", "questionnaires"), _evaluation),
        PageInfo("risks", tr("Risques"), ("risks",), _single("risks")),
    ]
    if planning_available():
        # Lists « phases » too, after the Étapes page: the selection is shared with the chart.
        found.insert(5, PageInfo("planning", tr("Planning"), ("phases",), _planning))
    return found
