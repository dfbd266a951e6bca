"""Issue 7 in a real browser: the functional administrator opens the settings from the
menu, is refused a complaint term over the Awb's maximum at the field, and saves a
shorter plan review period, which is then listed among the changes. Every page is
checked with axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, login
from tests.factories import UserFactory
from werkpad.core.models import MunicipalitySettings
from werkpad.core.permissions import Role

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_administrator_changes_a_term_within_the_law(page, live_server, amsterdam):
    UserFactory.with_role(
        Role.FUNCTIONAL_ADMIN, municipality=amsterdam, username="beheer", first_name="Bea"
    )
    login(page, live_server, "beheer")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Instellingen"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Instellingen van Amsterdam")
    complaint = page.get_by_label("Afhandeltermijn klacht (weken)")
    expect(complaint).to_have_value("6")
    assert_accessible(page)

    complaint.fill("8")
    page.get_by_label("Evaluatietermijn plan (maanden)").fill("3")
    page.get_by_role("button", name="Instellingen opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Er is niets opgeslagen.")
    expect(page.locator("#id_complaint_term_weeks_error")).to_have_text(
        "De Awb (art. 9:11, eerste lid) staat ten hoogste 6 weken toe."
    )
    expect(complaint).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    assert not MunicipalitySettings.objects.exists()

    page.get_by_role("link", name="Afhandeltermijn klacht (weken)").click()
    expect(complaint).to_be_focused()
    complaint.fill("5")
    page.get_by_role("button", name="Instellingen opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("De instellingen zijn opgeslagen.")
    expect(page.get_by_role("table")).to_contain_text(
        "Afhandeltermijn klacht (weken), Evaluatietermijn plan (maanden)"
    )
    assert_accessible(page)
    settings = MunicipalitySettings.objects.get(pk=amsterdam.pk)
    assert (settings.complaint_term_weeks, settings.plan_review_months) == (5, 3)
