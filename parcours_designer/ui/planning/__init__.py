"""The planning view: the scheduled pathway as a Gantt chart drawn with Qt."""

from parcours_designer.ui.planning.view import PlanningView

__all__ = ["PlanningView"]
