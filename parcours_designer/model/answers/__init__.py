"""Answers to questionnaires: reading exports, matching columns, statistics.

Pure Python (no Qt, no files written): the CLI and the editor call
:func:`~parcours_designer.model.answers.importing.read_export`, let the user
look at (and correct) the :class:`~parcours_designer.model.answers.matching.ColumnMatch`
list, then :func:`~parcours_designer.model.answers.importing.build_import`.
"""
