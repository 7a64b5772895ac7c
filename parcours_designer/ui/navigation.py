"""The pages of the editor, in navigation order, built the first time they are shown.

Every list kind of the model (``model.kinds.KINDS``) is on a page: the pages
below place them, and a kind no page names gets a page of its own at the end.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from typing import Callable, Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from parcours_designer.model.kinds import KINDS
from parcours_designer.ui.document import Document


def tr(text: str) -> str:
    return QCoreApplication.translate("navigation", text)


@dataclass(frozen=True)
class PageInfo:
    """A page: its key, its title, the lists it shows (a :class:`~parcours_designer.ui.page.Page`
    when there are any) and how to build it."""

    key: str
    title: str
    lists: tuple[str, ...]
    build: Callable[[Document, QWidget], QWidget]


def _overview(document, parent):
    from parcours_designer.ui.overview import OverviewPage

    return OverviewPage(document, parent)


def _single(list_name: str) -> Callable[[Document, QWidget], QWidget]:
    def build(document, parent):
        from parcours_designer.ui.pages import SingleListPage

        return SingleListPage(document, list_name, parent)

    return build


def _partners(document, parent):
    from parcours_designer.ui.pages import partners_page

    return partners_page(document, parent)


def _phases(document, parent):
    from parcours_designer.ui.pages import PhasesPage

    return PhasesPage(document, parent)


def _consultations(document, parent):
    from parcours_designer.ui.consultations_page import ConsultationsPage

    return ConsultationsPage(document, parent)


def _budget(document, parent):
    from parcours_designer.ui.pages import BudgetPage

    return BudgetPage(document, parent)


def _evaluation(document, parent):
    from parcours_designer.ui.pages import EvaluationPage

    return EvaluationPage(document, parent)


def _planning(document, parent):
    from parcours_designer.ui.planning_page import PlanningPage

    return PlanningPage(document, parent)


def _map(document, parent):
    from parcours_designer.ui.map_page import MapPage

    return MapPage(document, parent)


def planning_available() -> bool:
    return importlib.util.find_spec("parcours_designer.ui.planning") is not None


def _list_page(list_name: str, build: Optional[Callable[[Document, QWidget], QWidget]] = None) -> PageInfo:
    """The page of one list, titled by its kind (« Étapes »…)."""
    title = QCoreApplication.translate("kinds", KINDS[list_name].title)
    return PageInfo(list_name, title, (list_name,), build or _single(list_name))


def pages() -> list[PageInfo]:
    found = [
        PageInfo("overview", tr("Vue d'ensemble"), (), _overview),
        _list_page("audiences"),
        _list_page("needs"),
        _list_page("objectives"),
        _list_page("phases", _phases),
        _list_page("partners", _partners),
        _list_page("consultations", _consultations),
        PageInfo("map", tr("Carte des acteurs"), ("partners", "audiences"), _map),
        PageInfo("budget", tr("Budget"), ("costs", "funding"), _budget),
        PageInfo("evaluation", tr("Évaluation"), ("indicators", "questionnaires"), _evaluation),
        _list_page("risks"),
    ]
    placed = {list_name for info in found for list_name in info.lists}
    found += [_list_page(list_name) for list_name in KINDS if list_name not in placed]
    if planning_available():
        # Lists « phases » too, after the Étapes page: the selection is shared with the chart.
        found.insert(5, PageInfo("planning", tr("Planning"), ("phases",), _planning))
    return found
