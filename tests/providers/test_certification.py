"""PR1: a Blik op Werk certification that expires within 60 days, or expired less than
60 days ago, is a warning in the policy officer's worklist, the expired ones first."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.factories import ProviderFactory
from werkpad.core.permissions import Role
from werkpad.core.worklist import worklist_for
from werkpad.providers.models import CertificationStatus
from werkpad.providers.selectors import provider_certification_due

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
TODAY = NOW.date()
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.mark.parametrize(
    ("expires", "status"),
    [
        (TODAY + dt.timedelta(days=61), CertificationStatus.VALID),
        (TODAY + dt.timedelta(days=60), CertificationStatus.EXPIRING),
        (TODAY, CertificationStatus.EXPIRING),
        (TODAY - dt.timedelta(days=1), CertificationStatus.EXPIRED),
        (None, CertificationStatus.NONE),
    ],
)
def test_certification_status_at_the_boundaries(amsterdam, expires, status):
    provider = ProviderFactory.build(municipality=amsterdam, certification_expires_on=expires)
    assert provider.certification_status(TODAY) == status


def test_the_warning_window_is_60_days_either_side(amsterdam):
    inside = [
        ProviderFactory(
            municipality=amsterdam, certification_expires_on=TODAY + dt.timedelta(days=d)
        )
        for d in (-60, -1, 0, 60)
    ]
    for days in (-61, 61):
        ProviderFactory(
            municipality=amsterdam, certification_expires_on=TODAY + dt.timedelta(days=days)
        )
    ProviderFactory(municipality=amsterdam, uncertified=True)
    due = provider_certification_due(municipality_ids=[amsterdam.pk], today=TODAY)
    assert list(due) == inside


def test_the_policy_officer_sees_expired_first_then_expiring(amsterdam, zaandam, role_user):
    ProviderFactory(
        municipality=amsterdam, name="Geldig", certification_expires_on=dt.date(2027, 6, 1)
    )
    ProviderFactory(municipality=amsterdam, name="Bijna", certification_expiring=True)
    ProviderFactory(municipality=amsterdam, name="Verlopen", certification_expired=True)
    ProviderFactory(municipality=amsterdam, name="Lang verlopen", certification_long_expired=True)
    ProviderFactory(municipality=zaandam, name="Zaans", certification_expiring=True)
    officer = role_user(Role.POLICY_OFFICER)
    (section,) = [s for s in worklist_for(officer) if s.key == "certification"]
    assert section.count == 2
    assert [(i.title, i.overdue) for i in section.items] == [("Verlopen", True), ("Bijna", False)]
    assert section.items[0].detail.endswith("30-10-2026")
    assert section.items[1].url.endswith(f"/aanbieders/{section.items[1].url.split('/')[-2]}/")


def test_the_warning_is_on_the_home_page_of_the_policy_officer_only(client, amsterdam, role_user):
    provider = ProviderFactory(
        municipality=amsterdam, name="Amstelwerk", certification_expiring=True
    )
    officer = role_user(Role.POLICY_OFFICER)
    client.force_login(officer)
    content = client.get(reverse("core:home")).content.decode()
    assert "Amstelwerk" in content
    assert reverse("providers:provider-detail", args=[provider.pk]) in content
    client.force_login(role_user(Role.COUNCIL_MEMBER))
    assert "Amstelwerk" not in client.get(reverse("core:home")).content.decode()
    assert not [s for s in worklist_for(role_user(Role.CASEWORKER)) if s.key == "certification"]


def test_the_provider_page_warns_too(client, amsterdam, role_user):
    provider = ProviderFactory(municipality=amsterdam, certification_expired=True)
    client.force_login(role_user(Role.POLICY_OFFICER))
    response = client.get(reverse("providers:provider-detail", args=[provider.pk]))
    assert response.status_code == 200 and response.context["status"] == "expired"
    assert "wp-alert--error" in response.content.decode()
