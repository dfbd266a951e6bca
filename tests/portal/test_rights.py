"""RI1: the job seeker's rights pages in plain Dutch, with their own municipality's terms
and contacts; /mijn/ links to each of them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory
from werkpad.core.models import MunicipalitySettings, Organisation

pytestmark = pytest.mark.django_db

PAGES = ["portal:rights", "portal:complaints", "portal:second-opinion", "portal:mediation"]


@pytest.fixture
def dutch(client, job_seeker_user):
    client.force_login(job_seeker_user)
    client.cookies["django_language"] = "nl"

    def get(name: str) -> str:
        response = client.get(reverse(name))
        assert response.status_code == 200
        return response.content.decode()

    return get


def set_terms(municipality, **terms):
    settings = MunicipalitySettings.of(municipality)
    for name, value in terms.items():
        setattr(settings, name, value)
    settings.save()


def test_home_links_to_every_rights_page_and_the_privacy_statement(dutch):
    page = dutch("portal:home")
    assert "Uw rechten" in page
    for name in [*PAGES, "core:privacy"]:
        assert f'href="{reverse(name)}"' in page, name


def test_the_menu_holds_my_rights_and_privacy(dutch):
    nav = dutch("portal:home").split('class="wp-nav"', 1)[1].split("</nav>", 1)[0]
    assert ">Mijn rechten</a>" in nav and ">Privacy</a>" in nav


def test_rights_and_obligations(dutch):
    page = dutch("portal:rights")
    assert "<h1>Uw rechten en plichten</h1>" in page
    for text in [
        "algemeen geaccepteerde arbeid",
        "inlichtingenplicht",
        "maatregel",
        "plan van aanpak",
        "Eén vaste contactpersoon",
        "Bezwaar maken tegen een besluit",
        "binnen 6 weken",
    ]:
        assert text in page, text


def test_complaints_show_the_municipalitys_terms_and_change_with_them(dutch, job_seeker):
    page = dutch("portal:complaints")
    assert "binnen 6 weken een antwoord" in page
    assert "antwoord binnen 10 weken" in page
    assert "Nationale ombudsman" in page

    set_terms(job_seeker.municipality, complaint_term_weeks=4, complaint_committee_term_weeks=8)
    page = dutch("portal:complaints")
    assert "binnen 4 weken een antwoord" in page and "binnen 6 weken een antwoord" not in page
    assert "antwoord binnen 8 weken" in page

    set_terms(job_seeker.municipality, complaint_term_weeks=1)
    assert "binnen 1 week een antwoord" in dutch("portal:complaints")


def test_complaints_say_who_handles_what_and_how_to_file_today(dutch, job_seeker):
    office = Organisation.objects.filter(
        municipality=job_seeker.municipality, kind=Organisation.Kind.MUNICIPALITY
    ).first() or OrganisationFactory(municipality=job_seeker.municipality)
    office.phone, office.email = "14 020", "klachten@gemeente.example"
    office.save()
    page = dutch("portal:complaints")
    assert "Over de gemeente" in page and "Over een re-integratiebedrijf" in page
    assert "Klaag eerst bij dat bedrijf" in page
    assert "hier op uw eigen pagina's indienen" in page and 'href="/mijn/klachten/nieuw/"' in page
    contact = job_seeker.contact_person
    assert contact.get_full_name() in page and f"mailto:{contact.email}" in page
    assert 'href="tel:14 020"' in page and "mailto:klachten@gemeente.example" in page


def test_second_opinion_shows_the_municipalitys_term(dutch, job_seeker):
    page = dutch("portal:second-opinion")
    assert "U heeft dan 2 weken om het advies te halen" in page
    assert "vakbond" in page and "met echte argumenten" in page
    set_terms(job_seeker.municipality, second_opinion_term_weeks=3)
    assert "U heeft dan 3 weken om het advies te halen" in dutch("portal:second-opinion")


def test_second_opinion_names_the_advisor_office(dutch, job_seeker):
    OrganisationFactory(
        municipality=job_seeker.municipality,
        kind=Organisation.Kind.ADVISOR_OFFICE,
        name="Arbeidsadvies Onafhankelijk",
        phone="020 123 4567",
    )
    page = dutch("portal:second-opinion")
    assert "Arbeidsadvies Onafhankelijk" in page and 'href="tel:020 123 4567"' in page


def test_mediation_also_while_the_trajectory_runs(dutch, job_seeker):
    page = dutch("portal:mediation")
    assert "<h1>Bemiddeling</h1>" in page
    assert "ook als het al loopt" in page
    assert job_seeker.contact_person.get_full_name() in page


def test_the_pages_claim_no_form_yet(dutch):
    for name in PAGES:
        assert "<form" not in dutch(name).split("<main", 1)[1], name
