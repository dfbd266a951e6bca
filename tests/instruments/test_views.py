"""The instruments catalogue page (IN1): the functional administrator lists and edits it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import InstrumentFactory
from werkpad.core.permissions import Role
from werkpad.instruments.models import Instrument, InstrumentType

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(role_user):
    return role_user(Role.FUNCTIONAL_ADMIN)


def test_the_administrator_seeds_lists_and_filters(client, admin, amsterdam):
    client.force_login(admin)
    response = client.get(reverse("providers:instrument-list"))
    assert response.status_code == 200 and response.context["missing_types"]
    client.post(reverse("providers:instrument-seed"))
    assert Instrument.objects.filter(municipality=amsterdam).count() == len(InstrumentType.values)
    response = client.get(reverse("providers:instrument-list"), {"type": "job_coaching"})
    assert [i.type for i in response.context["instruments"]] == ["job_coaching"]
    assert "Participatiewet art. 10da" in response.content.decode()


def test_the_administrator_edits_and_deactivates(client, admin, amsterdam):
    instrument = InstrumentFactory(municipality=amsterdam, name="Jobcoach")
    client.force_login(admin)
    url = reverse("providers:instrument-edit", args=[instrument.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"version": 1, "type": "job_coaching", "name": "Jobcoach intern", "active": "on"},
    )
    assert response.status_code == 302
    stale = client.post(url, {"version": 1, "type": "job_coaching", "name": "Oud", "active": "on"})
    assert stale.status_code == 409
    client.post(reverse("providers:instrument-deactivate", args=[instrument.pk]), {"version": 2})
    instrument.refresh_from_db()
    assert instrument.name == "Jobcoach intern" and not instrument.active


def test_the_administrator_adds_an_instrument(client, admin, amsterdam):
    client.force_login(admin)
    response = client.post(
        reverse("providers:instrument-create"),
        {"type": "training", "name": "VCA", "legal_basis": "", "active": "on"},
    )
    assert response.status_code == 302
    assert Instrument.objects.get().municipality == amsterdam


def test_a_caseworker_reads_the_catalogue_without_edit_controls(client, caseworker, amsterdam):
    instrument = InstrumentFactory(municipality=amsterdam)
    client.force_login(caseworker)
    response = client.get(reverse("providers:instrument-list"))
    assert response.status_code == 200 and not response.context["may_edit"]
    assert (
        reverse("providers:instrument-edit", args=[instrument.pk]) not in response.content.decode()
    )
    assert client.get(reverse("providers:instrument-edit", args=[instrument.pk])).status_code == 403
