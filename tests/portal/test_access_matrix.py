"""The job seeker's rights pages and what they filed (RI1): every role x every page.

Only a logged-in job seeker opens them; every other role is refused (403) and an
anonymous visitor is sent to the login page. The privacy statement stays public and
the job seeker's menu links to it. Reading a page changes nothing in the file.
"""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import JobSeekerFactory, UserFactory, job_seeker_login
from werkpad.core.permissions import Role
from werkpad.jobseekers.models import JobSeeker

pytestmark = [pytest.mark.django_db, pytest.mark.access_matrix]

ANONYMOUS = "anonymous"
ROLES = [*Role, ANONYMOUS]
PAGES = {
    "rights": "/mijn/rechten/",
    "complaints": "/mijn/klagen/",
    "second opinion": "/mijn/onafhankelijk-advies/",
    "mediation": "/mijn/bemiddeling/",
    "what I filed": "/mijn/ingediend/",
}
EXPECTED = {
    **{role: dict.fromkeys(PAGES, 403) for role in Role},
    Role.JOB_SEEKER: dict.fromkeys(PAGES, 200),
    ANONYMOUS: dict.fromkeys(PAGES, 302),
}


def test_the_table_covers_every_role_and_page():
    assert set(EXPECTED) == set(ROLES)
    assert all(set(row) == set(PAGES) for row in EXPECTED.values())


@pytest.fixture
def own(amsterdam):
    contact = UserFactory.with_role(
        Role.CASEWORKER, municipality=amsterdam, first_name="Karin", last_name="Contactpersoon"
    )
    return JobSeekerFactory(
        municipality=amsterdam, contact_person=contact, first_name="Ilse", last_name="Rechtsma"
    )


def file_state():
    return list(JobSeeker.objects.order_by("pk").values())


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_rights_pages(role, page, own, role_user):
    client = Client()
    if role == Role.JOB_SEEKER:
        client.force_login(job_seeker_login(own))
    elif role != ANONYMOUS:
        client.force_login(role_user(role))
    before = file_state()
    response = client.get(PAGES[page])
    assert response.status_code == EXPECTED[role][page]
    assert file_state() == before
    if role == ANONYMOUS:
        assert response["Location"] == f"/accounts/login/?next={PAGES[page]}"
    elif response.status_code == 200:
        assert own.last_name not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_the_privacy_statement_is_public_and_in_the_job_seekers_menu(role, own, role_user):
    client = Client()
    if role == Role.JOB_SEEKER:
        client.force_login(job_seeker_login(own))
    elif role != ANONYMOUS:
        client.force_login(role_user(role))
    response = client.get("/privacy/")
    assert response.status_code == 200
    nav = response.content.decode().split('class="wp-nav"', 1)
    in_menu = len(nav) == 2 and 'href="/privacy/"' in nav[1].split("</nav>", 1)[0]
    assert in_menu is (role == Role.JOB_SEEKER)
