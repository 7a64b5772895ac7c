"""The editor writes counts out in French: « 1 erreur », « 2 avertissements », never « (s) »."""

from __future__ import annotations

import pytest

from tests.cli.test_counts_in_words import result_with


@pytest.mark.parametrize("counts, words", [
    ((1, 2, 0), "1 erreur, 2 avertissements, 0 information"),
    ((2, 1, 1), "2 erreurs, 1 avertissement, 1 information"),
])
def test_check_panel_score_line_agrees_counts(example_window, counts, words):
    result = result_with(*counts)
    example_window.check_panel.show_result(result)
    text = example_window.check_panel.summary.text()
    assert "(s)" not in text
    assert text.splitlines()[0] == f"Score : {result.score} % — {words}"


def test_by_count_is_singular_for_0_and_1():
    from parcours_designer.ui.plurals import by_count

    assert [by_count(n, "{0} étape", "{0} étapes").format(n) for n in (0, 1, 2, 12)] == \
        ["0 étape", "1 étape", "2 étapes", "12 étapes"]


def test_link_summary_agrees_its_count(example_window):
    from parcours_designer.ui.choices import LinkList

    page = example_window.show_page("objectives")
    links = page.findChildren(LinkList)
    assert links
    link_list = links[0]
    ids = [item.id for item in example_window.document.pathway.needs]
    link_list.set_checked(ids[:1])
    assert link_list.summary.text() == "1 sélectionné"
    link_list.set_checked(ids[:2])
    assert link_list.summary.text() == "2 sélectionnés"
