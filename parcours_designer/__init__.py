"""Parcours Designer : concevoir et vérifier des parcours d'accompagnement."""

__version__ = "0.1.0"
