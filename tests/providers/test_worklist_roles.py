"""PR1/PR3: the functional administrator, who keeps the provider register with the policy
officer, sees the certification warnings; a client-council member sees the gaps in the
programme offer on their worklist."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.factories import JobSeekerFactory, ProgrammeFactory, ProviderFactory
from werkpad.core.permissions import Role
from werkpad.core.worklist import worklist_for

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


def test_the_functional_administrator_sees_expiring_certifications(client, amsterdam, role_user):
    """PR1"""
    provider = ProviderFactory(
        municipality=amsterdam, name="Amstelwerk", certification_expiring=True
    )
    admin = role_user(Role.FUNCTIONAL_ADMIN)
    (section,) = [s for s in worklist_for(admin) if s.key == "certification"]
    assert section.count == 1 and section.items[0].title == "Amstelwerk"
    client.force_login(admin)
    content = client.get(reverse("core:home")).content.decode()
    assert reverse("providers:provider-detail", args=[provider.pk]) in content


def test_a_council_member_sees_the_segments_no_programme_fits(client, amsterdam, role_user):
    """PR3: rung 2 has no programme; rung 5 has one."""
    provider = ProviderFactory(municipality=amsterdam)
    ProgrammeFactory(provider=provider, rung_from=5, rung_to=5, target_groups=["everyone"])
    for _ in range(3):
        JobSeekerFactory(municipality=amsterdam, ladder_rung=2)
    JobSeekerFactory(municipality=amsterdam, ladder_rung=5)
    member = role_user(Role.COUNCIL_MEMBER)
    (section,) = [s for s in worklist_for(member) if s.key == "programme-gaps"]
    assert section.count >= 1
    assert all(
        item.title.startswith("Rung 2") or item.title.startswith("Trede 2")
        for item in section.items
    )
    client.force_login(member)
    content = client.get(reverse("core:home")).content.decode()
    assert reverse("insights:gaps") in content
    assert not [s for s in worklist_for(role_user(Role.CASEWORKER)) if s.key == "programme-gaps"]


def test_no_gap_says_so(amsterdam, role_user):
    provider = ProviderFactory(municipality=amsterdam)
    ProgrammeFactory(
        provider=provider, rung_from=1, rung_to=6, target_groups=["everyone"], format="both"
    )
    JobSeekerFactory(municipality=amsterdam, ladder_rung=3)
    (section,) = [
        s for s in worklist_for(role_user(Role.COUNCIL_MEMBER)) if s.key == "programme-gaps"
    ]
    assert section.count == 0 and section.items == [] and section.empty_text
