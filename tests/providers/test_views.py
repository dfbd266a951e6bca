"""The catalogue pages as a caseworker and a policy officer use them (PR1, PR2)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import MunicipalitySettingsFactory, ProgrammeFactory, ProviderFactory
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture
def provider(amsterdam):
    return ProviderFactory(municipality=amsterdam, name="Amstelwerk")


def programme_form(programme, **changes) -> dict:
    data = {
        "version": programme.version,
        "name": programme.name,
        "lot": programme.lot,
        "format": programme.format,
        "rung_from": programme.rung_from,
        "rung_to": programme.rung_to,
        "duration_weeks": programme.duration_weeks,
        "price": str(programme.price),
        "schooling_level": programme.schooling_level,
        "report_interval_weeks": programme.report_interval_weeks,
        "plain_summary": programme.plain_summary,
        "goal": programme.goal,
        "content": programme.content,
        "target_groups": programme.target_groups,
        "staff_expertise": programme.staff_expertise,
        "job_guarantee_terms": programme.job_guarantee_terms,
        "active": "on" if programme.active else "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v not in (None, "")}


def test_the_catalogue_filters_like_the_job_seeker_list(client, caseworker, provider):
    ProgrammeFactory(provider=provider, name="Dagritme", lot=2, rung_from=1, rung_to=2)
    ProgrammeFactory(provider=provider, name="Werkfit", lot=1, rung_from=4, rung_to=6)
    client.force_login(caseworker)
    response = client.get(reverse("providers:programme-list"), {"lot": "2", "rung": ""})
    assert response.status_code == 200
    assert [p.name for p in response.context["page"].object_list] == ["Dagritme"]
    lot = next(s for s in response.context["selects"] if s["name"] == "lot")
    assert [value for value, _label, chosen in lot["options"] if chosen] == ["2"]


def test_htmx_answers_only_the_results(client, caseworker, provider):
    ProgrammeFactory(provider=provider, name="Dagritme", plain_summary="Ritme")
    ProgrammeFactory(provider=provider, name="Werkfit")
    client.force_login(caseworker)
    response = client.get(
        reverse("providers:programme-list"), {"search": "ritme"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "<html" not in html and "Dagritme" in html and "Werkfit" not in html


def test_an_invalid_filter_is_left_out_with_a_message(client, caseworker, provider):
    ProgrammeFactory(provider=provider)
    client.force_login(caseworker)
    response = client.get(reverse("providers:programme-list"), {"rung": "9"})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 1
    assert list(response.context["messages"])


def test_the_catalogue_page_costs_the_same_for_few_and_many(client, caseworker, provider):
    client.force_login(caseworker)
    ProgrammeFactory.create_batch(2, provider=provider)
    client.get(reverse("providers:programme-list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("providers:programme-list"))
    ProgrammeFactory.create_batch(30, provider=provider)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("providers:programme-list"))
    assert len(many) == len(few)


def test_the_detail_page_shows_every_pr2_field(client, caseworker, provider):
    programme = ProgrammeFactory(
        provider=provider,
        name="Werkfit",
        target_groups=["older"],
        staff_expertise=["psychological"],
        job_guarantee=True,
        job_guarantee_terms="Een contract van een jaar.",
        schooling_level="mbo 2",
    )
    client.force_login(caseworker)
    client.cookies.load({"django_language": "en"})
    response = client.get(reverse("providers:programme-detail", args=[programme.pk]))
    html = response.content.decode()
    for text in (
        "Amstelwerk",
        "Lot 1: work",
        "Older job seekers",
        "Psychological problems",
        "Een contract van een jaar.",
        "mbo 2",
        "26 weeks",
        reverse("providers:public-programme", args=[programme.slug]),
    ):
        assert text in html, text
    assert reverse("providers:programme-edit", args=[programme.pk]) not in html


def test_the_policy_officer_edits_a_programme(client, role_user, provider):
    programme = ProgrammeFactory(provider=provider, name="Werkfit")
    client.force_login(role_user(Role.POLICY_OFFICER))
    url = reverse("providers:programme-edit", args=[programme.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, programme_form(programme, name="Werkfit Plus", target_groups=["young", "older"])
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.name == "Werkfit Plus" and programme.target_groups == ["older", "young"]
    assert programme.version == 2
    event = AuditEvent.objects.get(object_type="programme", action="update")
    assert event.fields == ["name", "target_groups"] and event.origin == "ui"


def test_a_stale_programme_form_is_refused_with_409(client, role_user, provider):
    programme = ProgrammeFactory(provider=provider, name="Werkfit", version=2)
    client.force_login(role_user(Role.POLICY_OFFICER))
    response = client.post(
        reverse("providers:programme-edit", args=[programme.pk]),
        programme_form(programme, version=1, name="Oud"),
    )
    assert response.status_code == 409
    programme.refresh_from_db()
    assert programme.name == "Werkfit"


def test_the_policy_officer_adds_a_programme(client, role_user, provider):
    client.force_login(role_user(Role.POLICY_OFFICER))
    url = reverse("providers:programme-create", args=[provider.pk])
    template = ProgrammeFactory.build(provider=provider, name="Nieuw traject")
    data = programme_form(template)
    data.pop("version")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert provider.programmes.get().slug == "nieuw-traject"


def test_the_policy_officer_edits_a_provider(client, role_user, provider):
    client.force_login(role_user(Role.POLICY_OFFICER))
    url = reverse("providers:provider-edit", args=[provider.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "version": 1,
            "name": provider.name,
            "kvk_number": provider.kvk_number,
            "certified": "on",
            "certification_expires_on": "2027-03-01",
            "phone": "020-5550999",
        },
    )
    assert response.status_code == 302
    provider.refresh_from_db()
    assert provider.phone == "020-5550999" and provider.version == 2


def test_the_provider_list_shows_certification(client, caseworker, amsterdam):
    ProviderFactory(municipality=amsterdam, name="Verlopen", certification_expired=True)
    client.force_login(caseworker)
    client.cookies.load({"django_language": "en"})
    html = client.get(reverse("providers:provider-list")).content.decode()
    assert "Verlopen" in html and "expired on 30-10-2026" in html


def test_a_programme_without_its_own_interval_shows_the_municipalitys(client, caseworker, provider):
    """TR3: the interval is the programme's own, or else the municipality's setting."""
    MunicipalitySettingsFactory(municipality=provider.municipality, report_interval_weeks=6)
    programme = ProgrammeFactory(provider=provider, report_interval_weeks=None, slug="eigen-tempo")
    client.force_login(caseworker)
    page = client.get(reverse("providers:programme-detail", args=[programme.pk])).content.decode()
    assert "om de 6 weken (de termijn van de gemeente)" in page
    public = client.get(reverse("providers:public-programme", args=["eigen-tempo"]))
    assert "Om de 6 weken schrijft de aanbieder op hoe het gaat." in public.content.decode()
    programme.report_interval_weeks = 2
    programme.save()
    page = client.get(reverse("providers:programme-detail", args=[programme.pk])).content.decode()
    assert "om de 2 weken" in page and "de termijn van de gemeente" not in page
