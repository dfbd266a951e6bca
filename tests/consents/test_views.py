"""RI5, TR4: the job seeker's consent page and the caseworker's section on the file page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import ProgrammeFactory, ProviderFactory, TrajectoryFactory, give_consent
from werkpad.consents.models import Consent
from werkpad.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = "nl"
    return client


@pytest.mark.parametrize("count", [1, 10])
def test_the_consent_page_costs_the_same_queries_at_any_length(
    count, seeker, amsterdam, django_assert_max_num_queries
):
    for _index in range(count):
        provider = ProviderFactory(municipality=amsterdam)
        TrajectoryFactory(
            job_seeker=seeker, programme=ProgrammeFactory(provider=provider), started=True
        )
        give_consent(seeker, part="health", organisation=provider.organisation, status="requested")
    client = client_for(seeker.user)
    with django_assert_max_num_queries(22):
        response = client.get(reverse("portal:consents"))
    assert response.status_code == 200
    assert len(response.context["requests"]) == count
    # one group per provider, and one for employers
    assert len(response.context["groups"]) == count + 1


def test_the_page_shows_the_basis_the_parts_and_health_apart(seeker, trajectory):
    page = client_for(seeker.user).get(reverse("portal:consents")).content.decode()
    assert "Wat de aanbieder altijd krijgt" in page
    assert "Uw gezondheid: een aparte vraag" in page
    assert "Werkgevers (later)" in page
    assert trajectory.programme.name in page
    assert AuditEvent.objects.filter(
        job_seeker_id=seeker.pk, object_type="consent", purpose="consents"
    ).exists()


def test_the_job_seeker_gives_and_withdraws_from_the_page(seeker, provider, trajectory):
    client = client_for(seeker.user)
    response = client.post(
        reverse("portal:consent-give"), {"recipient": "employers", "part": "work"}, follow=True
    )
    assert "Uw toestemming is opgeslagen" in response.content.decode()
    consent = Consent.objects.get(recipient="employers", part="work")
    assert consent.status == "given"
    response = client.post(reverse("portal:consent-withdraw", args=[consent.pk]), follow=True)
    assert "Uw toestemming is ingetrokken" in response.content.decode()
    consent.refresh_from_db()
    assert consent.status == "withdrawn"
    again = client.post(reverse("portal:consent-withdraw", args=[consent.pk]), follow=True)
    assert "al ingetrokken" in again.content.decode()


def test_the_caseworker_sees_the_consents_and_records_a_withdrawal_by_phone(
    seeker, trajectory, caseworker
):
    client = client_for(caseworker)
    file_page = client.get(reverse("jobseekers:detail", args=[seeker.pk])).content.decode()
    assert 'id="toestemming"' in file_page and "Gezondheid" in file_page
    url = reverse("consents:record", args=[seeker.pk])
    data = {
        "action": "withdraw",
        "recipient": f"provider:{trajectory.provider.organisation_id}",
        "part": "health",
    }
    refused = client.post(url, data, follow=True).content.decode()
    assert "op papier, aan de balie of telefonisch" in refused
    assert Consent.objects.get(part="health").status == "given"
    done = client.post(url, {**data, "channel": "phone"}, follow=True).content.decode()
    assert "De intrekking is vastgelegd" in done
    consent = Consent.objects.get(part="health")
    assert (consent.status, consent.channel) == ("withdrawn", "phone")
    assert consent.history.last().changed_by == caseworker


def test_the_caseworker_asks_and_the_job_seeker_sees_it_first_on_their_home_page(
    seeker, provider, caseworker
):
    client_for(caseworker).post(
        reverse("consents:record", args=[seeker.pk]),
        {"action": "request", "recipient": "employers", "part": "work", "reason": "Voor werk."},
    )
    home = client_for(seeker.user).get(reverse("portal:home")).content.decode()
    assert 'id="consent-requests"' in home and reverse("portal:consents") in home
