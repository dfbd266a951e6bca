"""RI1: the job seeker's page of everything they filed, with its status, who handles it
and its term; open items first, the nearest term first, then the closed ones."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from tests.complaints.conftest import NOW, advance, file
from tests.factories import (
    JobSeekerFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from tests.secondopinions.factories import MediationFactory, SecondOpinionFactory
from werkpad.complaints.models import Subject
from werkpad.core.models import Organisation
from werkpad.core.permissions import Role
from werkpad.portal.filed import filed_list

pytestmark = pytest.mark.django_db


@pytest.fixture
def handler(amsterdam):
    return UserFactory.with_role(Role.COMPLAINT_HANDLER, municipality=amsterdam)


@pytest.fixture
def municipal_org(handler):
    return Organisation.objects.get(memberships__user=handler, kind=Organisation.Kind.MUNICIPALITY)


@pytest.fixture
def provider(amsterdam):
    return ProviderFactory(municipality=amsterdam, name="Werkbrug Timmerhuis")


@pytest.fixture
def seeker(amsterdam, provider, municipal_org):
    own = JobSeekerFactory(municipality=amsterdam, first_name="Ilse", last_name="Timmerhuis-Oost")
    TrajectoryFactory(job_seeker=own, programme=ProgrammeFactory(provider=provider), started=True)
    return own


@pytest.fixture
def seeker_user(seeker):
    return job_seeker_login(seeker)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def everything(seeker, seeker_user, municipal_org, handler):
    """A complaint being handled, a decided one, an advice awaited, a decided second opinion
    and a mediation with a mediator."""
    decided = advance(
        file(seeker_user, municipal_org, description="Niemand belde terug."), handler, "decided"
    )
    with time_machine.travel(NOW + dt.timedelta(days=3), tick=False):
        open_complaint = file(seeker_user, municipal_org)
    awaited = SecondOpinionFactory(job_seeker=seeker, assigned=True)
    SecondOpinionFactory(job_seeker=seeker, decided=True)
    MediationFactory(trajectory=seeker.trajectories.get(), appointed=True)
    return open_complaint, decided, awaited


def test_the_list_holds_everything_the_job_seeker_filed_nearest_term_first(
    seeker, seeker_user, everything
):
    open_complaint, decided, awaited = everything
    assert awaited.term_ends_on == dt.date(2026, 11, 30)

    items = filed_list(user=seeker_user, job_seeker_id=seeker.pk)

    # the advice is due on 30 November; the complaint filed on 23 November was decided the
    # same day and can be answered "not satisfied" for six weeks (4 January 2027); the one
    # filed on 26 November is decided within six weeks (7 January 2027); the mediation has
    # no term; the decided second opinion is closed
    assert [(item.kind, item.current, item.term_ends_on) for item in items] == [
        ("Onafhankelijk advies", True, dt.date(2026, 11, 30)),
        ("Klacht", True, dt.date(2027, 1, 4)),
        ("Klacht", True, dt.date(2027, 1, 7)),
        ("Bemiddeling", True, None),
        ("Onafhankelijk advies", False, None),
    ]
    assert decided.dissatisfaction_ends_on == dt.date(2027, 1, 4)
    assert open_complaint.term_ends_on == dt.date(2027, 1, 7)
    assert [item.term_label for item in items[:3]] == [
        "uiterlijk advies op",
        "niet tevreden? Zeg het uiterlijk op",
        "uiterlijk een beslissing op",
    ]
    assert {item.handled_by for item in items if item.kind == "Klacht"} == {
        open_complaint.routed_to.name
    }
    assert items[3].handled_by == "Mr. J. de Boer"


def test_a_term_that_passed_is_shown_as_late(seeker, seeker_user, everything):
    with time_machine.travel(dt.datetime(2026, 12, 2, 10), tick=False):
        items = filed_list(user=seeker_user, job_seeker_id=seeker.pk)
    late = [item for item in items if item.late]
    assert [(item.kind, item.term_ends_on) for item in late] == [
        ("Onafhankelijk advies", dt.date(2026, 11, 30))
    ]


def test_nothing_of_another_job_seeker_is_listed(
    seeker, seeker_user, everything, amsterdam, municipal_org
):
    other = JobSeekerFactory(municipality=amsterdam, first_name="Bram", last_name="Elders-Noord")
    SecondOpinionFactory(job_seeker=other, assigned=True)
    MediationFactory(
        trajectory=TrajectoryFactory(
            job_seeker=other, programme=ProgrammeFactory(municipality=amsterdam), started=True
        )
    )
    file(job_seeker_login(other), municipal_org)

    items = filed_list(user=seeker_user, job_seeker_id=seeker.pk)

    assert len(items) == 5


def test_the_page_shows_status_handler_and_term_in_few_queries(
    seeker, seeker_user, everything, django_assert_max_num_queries
):
    client = Client()
    client.force_login(seeker_user)
    open_complaint = everything[0]

    with django_assert_max_num_queries(20):
        response = client.get("/mijn/ingediend/")

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('class="wp-card"') >= 5
    assert open_complaint.routed_to.name in page
    assert "30 november 2026" in page
    assert (
        "/mijn/klachten/" in page and "/mijn/adviezen/" in page and "/mijn/bemiddelingen/" in page
    )


def test_the_menu_of_a_job_seeker_links_to_what_they_filed(seeker_user):
    client = Client()
    client.force_login(seeker_user)
    response = client.get("/mijn/")
    assert 'href="/mijn/ingediend/"' in response.content.decode()


def test_a_complaint_about_the_provider_says_who_handles_it(
    seeker, seeker_user, provider, municipal_org
):
    file(
        seeker_user,
        provider.organisation,
        subject=Subject.PROVIDER_CONDUCT,
        trajectory_id=seeker.trajectories.get().pk,
    )
    items = filed_list(user=seeker_user, job_seeker_id=seeker.pk)
    assert [item.handled_by for item in items] == [provider.organisation.name]
