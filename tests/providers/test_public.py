"""PR2: a public page per programme, without login, telling a job seeker in plain language
what it is, what it is for, how long it takes, who gives it, where to complain, the privacy
statement and the independent advisor; and a public index of active programmes."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import OrganisationFactory, ProgrammeFactory, ProviderFactory
from werkpad.core.models import Organisation

pytestmark = pytest.mark.django_db

ENGLISH = {"django_language": "en"}


@pytest.fixture
def world(amsterdam):
    OrganisationFactory(
        municipality=amsterdam,
        kind=Organisation.Kind.MUNICIPALITY,
        name="Gemeente Amsterdam",
        phone="020-5550100",
        email="werkeninkomen@amsterdam.example",
    )
    OrganisationFactory(
        municipality=amsterdam,
        kind=Organisation.Kind.ADVISOR_OFFICE,
        name="Bureau Onafhankelijk Arbeidsadvies",
        phone="020-5550332",
        email="advies@boaa.example",
    )
    provider = ProviderFactory(
        municipality=amsterdam,
        name="Stapsteen",
        phone="020-5550177",
        email="contact@stapsteen.example",
        complaint_regulation="Bel de klachtenfunctionaris van Stapsteen.",
        privacy_statement="Stapsteen deelt uw gegevens alleen met de gemeente.",
    )
    return {
        "open": ProgrammeFactory(
            provider=provider,
            slug="ervaring-telt",
            name="Ervaring telt",
            plain_summary="Een coach helpt u laten zien wat u waard bent.",
            goal="Werk dat past bij uw ervaring.",
            content="Gesprekken en bijeenkomsten.",
            duration_weeks=12,
            format="group",
        ),
        "closed": ProgrammeFactory(
            provider=provider, slug="gesloten", name="Gesloten", active=False
        ),
    }


def test_the_public_page_needs_no_login_and_tells_it_all(client, world):
    client.cookies.load(ENGLISH)
    response = client.get(reverse("providers:public-programme", args=["ervaring-telt"]))
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Ervaring telt",
        "Een coach helpt u laten zien wat u waard bent.",  # what it is
        "Werk dat past bij uw ervaring.",  # what it is for
        "About 12 weeks.",  # how long
        "You take part in a group",  # group or individual
        "Do you not want to work in a group?",  # the alternative (TR8)
        "Stapsteen",  # who gives it
        "020-5550177",
        "contact@stapsteen.example",
        "Bel de klachtenfunctionaris van Stapsteen.",  # the provider's complaint regulation
        "General Administrative Law Act, chapter 9",  # the municipality's complaint route
        "within 6 weeks",
        "werkeninkomen@amsterdam.example",
        "ombudsman",
        "Stapsteen deelt uw gegevens alleen met de gemeente.",  # privacy statement
        reverse("core:privacy"),
        "independent labour advisor",  # second opinion
        "Bureau Onafhankelijk Arbeidsadvies",
        "advies@boaa.example",
    ):
        assert text in html, text


def test_the_public_page_is_dutch_by_default(client, world):
    with translation.override("nl"):
        response = client.get(reverse("providers:public-programme", args=["ervaring-telt"]))
    assert response.status_code == 200
    assert response["Content-Language"] == "nl"


def test_a_closed_or_unknown_programme_has_no_public_page(client, world):
    assert client.get(reverse("providers:public-programme", args=["gesloten"])).status_code == 404
    assert (
        client.get(reverse("providers:public-programme", args=["bestaat-niet"])).status_code == 404
    )


def test_the_public_index_lists_active_programmes(client, world):
    response = client.get(reverse("providers:public-index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("providers:public-programme", args=["ervaring-telt"]) in html
    assert "Gesloten" not in html


def test_the_staff_catalogue_needs_a_login(client, world):
    response = client.get(reverse("providers:programme-list"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
