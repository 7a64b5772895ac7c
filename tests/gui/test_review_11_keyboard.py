"""Review of issue 11: a keyboard user can make every link the map shows. Links between
partners are ticked in the partner's form; a link between a partner and a public can
only be drawn with the mouse on the map (its items take no focus, no key draws a link)."""

from __future__ import annotations

import pytest

from parcours_designer.ui.choices import LinkList

pytestmark = pytest.mark.gui


def test_a_keyboard_user_can_link_a_partner_to_a_public(example_window):
    partners = example_window.show_page("partners")
    audiences = example_window.show_page("audiences")
    partner_side = [w.model.list_name for w in partners.findChildren(LinkList)]
    audience_side = [w.model.list_name for w in audiences.findChildren(LinkList)]
    assert "audiences" in partner_side or "partners" in audience_side, (partner_side, audience_side)
