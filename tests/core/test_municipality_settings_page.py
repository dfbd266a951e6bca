"""The functional administrator's settings page (issue 7): every setting with its
explanation and legal source, Dutch messages at the fields, a stale edit refused."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import MunicipalitySettingsFactory, OrganisationFactory
from werkpad.accounts.models import Membership
from werkpad.core.forms import MunicipalitySettingsForm
from werkpad.core.models import AuditEvent, MunicipalitySettings, Organisation
from werkpad.core.permissions import Role

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture
def admin(role_user):
    return role_user(Role.FUNCTIONAL_ADMIN, first_name="Bea", last_name="Beheer")


def url(municipality) -> str:
    return f"/instellingen/{municipality.pk}/"


def posted(settings=None, **changes) -> dict:
    """What the form posts when submitted unchanged, plus ``changes``."""
    form = MunicipalitySettingsForm(instance=settings or MunicipalitySettings())
    data = {name: form[name].value() for name in form.fields}
    data.update(changes)
    return {name: "" if value is None else value for name, value in data.items()}


def test_every_setting_is_on_the_page_in_its_group():
    grouped = [name for _, names in MunicipalitySettingsForm.GROUPS for name in names]
    assert sorted(grouped) == sorted(MunicipalitySettings.EDITABLE)
    assert len(grouped) == len(set(grouped))


def test_the_menu_leads_the_administrator_to_their_municipalitys_page(client, admin, amsterdam):
    client.force_login(admin)
    home = client.get("/").content.decode()
    assert 'href="/instellingen/"' in home
    response = client.get("/instellingen/")
    assert response.status_code == 302 and response.url == url(amsterdam)


def test_an_administrator_of_several_municipalities_chooses(client, admin, amsterdam, zaandam):
    organisation = OrganisationFactory(municipality=zaandam, kind=Organisation.Kind.MUNICIPALITY)
    Membership.objects.create(user=admin, organisation=organisation, role=Role.FUNCTIONAL_ADMIN)
    client.force_login(admin)
    page = client.get("/instellingen/").content.decode()
    assert f'href="{url(amsterdam)}"' in page and f'href="{url(zaandam)}"' in page


def test_the_page_shows_each_setting_with_its_source_and_the_defaults(client, admin, amsterdam):
    client.force_login(admin)
    response = client.get(url(amsterdam))
    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "Instellingen van Amsterdam",
        "Uw gemeente gebruikt de standaardwaarden",
        "Algemene termijnenwet",
        "Klachten (Algemene wet bestuursrecht, hoofdstuk 9)",
        "Algemene wet bestuursrecht, artikel 9:11, eerste lid: ten hoogste 6 weken",
        "afdeling 9.3 (artikel 9:14 en verder): ten hoogste 10 weken",
        "Artikel 44a Participatiewet",
        "Artikel 47 Participatiewet",
        "aandachtspunt 9",
        "Beleid van de gemeente, geen wet.",
        "Er is nog geen instelling gewijzigd.",
    ):
        assert text in page, text
    assert 'name="complaint_term_weeks" value="6"' in page
    assert 'aria-describedby="id_complaint_term_weeks_helptext"' in page
    assert 'aria-current="page"' in page


def test_a_change_is_saved_audited_and_listed(client, admin, amsterdam):
    client.force_login(admin)
    response = client.post(url(amsterdam), posted(plan_review_months=3, council_advice_days=21))
    assert response.status_code == 302 and response.url == url(amsterdam)
    settings = MunicipalitySettings.objects.get(pk=amsterdam.pk)
    assert (settings.plan_review_months, settings.council_advice_days, settings.version) == (
        3,
        21,
        2,
    )
    event = AuditEvent.objects.get(object_type="municipality-settings")
    assert event.fields == ["council_advice_days", "plan_review_months"] and event.origin == "ui"
    page = client.get(url(amsterdam)).content.decode()
    assert "De instellingen zijn opgeslagen." in page
    assert "Bea Beheer" in page
    assert "Adviestermijn cliëntenraad (dagen), Evaluatietermijn plan (maanden)" in page
    assert 'name="version" value="2"' in page


def test_a_value_over_the_statutory_maximum_is_refused_at_its_field_in_dutch(
    client, admin, amsterdam
):
    client.force_login(admin)
    response = client.post(
        url(amsterdam), posted(complaint_term_weeks="8", employer_answer_hours="")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Er is niets opgeslagen." in page
    assert (
        '<p class="wp-error" id="id_complaint_term_weeks_error">De Awb (art. 9:11, eerste lid) '
        "staat ten hoogste 6 weken toe.</p>" in page
    )
    assert '<a href="#id_employer_answer_hours">Antwoordtermijn werkgever (uren)</a>' in page
    assert 'aria-invalid="true"' in page
    assert not MunicipalitySettings.objects.exists()
    assert not AuditEvent.objects.filter(object_type="municipality-settings").exists()


def test_a_stale_edit_is_refused_with_a_link_to_the_current_settings(client, admin, amsterdam):
    settings = MunicipalitySettingsFactory(municipality=amsterdam, version=3, plan_review_months=4)
    form = posted(settings, plan_review_months=2)
    form["version"] = 2
    client.force_login(admin)
    response = client.post(url(amsterdam), form)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Iemand anders heeft deze instellingen intussen gewijzigd." in page
    assert f'href="{url(amsterdam)}"' in page
    settings.refresh_from_db()
    assert (settings.version, settings.plan_review_months) == (3, 4)


def test_another_role_is_refused_and_another_municipality_is_not_found(
    client, role_user, amsterdam, zaandam
):
    client.force_login(role_user(Role.CASEWORKER))
    assert client.get("/instellingen/").status_code == 403
    assert client.get(url(amsterdam)).status_code == 403
    client.force_login(role_user(Role.FUNCTIONAL_ADMIN, municipality=zaandam))
    assert client.get(url(amsterdam)).status_code == 404
    assert client.post(url(amsterdam), posted(plan_review_months=3)).status_code == 404
    assert not MunicipalitySettings.objects.exists()
