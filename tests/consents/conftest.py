from __future__ import annotations

import pytest
import time_machine

from tests.factories import (
    JobSeekerFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from werkpad.core.permissions import Role


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel("2026-10-05 10:00 +02:00", tick=False):
        yield


@pytest.fixture
def provider(amsterdam):
    return ProviderFactory(municipality=amsterdam, name="Werkkracht BV")


@pytest.fixture
def programme(provider):
    return ProgrammeFactory(provider=provider, name="Werkfit Zorg")


@pytest.fixture
def coach(provider):
    return UserFactory.with_role(Role.COACH, organisation=provider.organisation)


@pytest.fixture
def seeker(amsterdam, caseworker):
    """A job seeker with a login, a name Faker nl_NL never generates."""
    job_seeker = JobSeekerFactory(
        municipality=amsterdam,
        contact_person=caseworker,
        first_name="Ilse",
        last_name="Timmerhuis-Oost",
        limitations="Kan niet lang staan.",
        skills="Plannen en organiseren",
    )
    job_seeker_login(job_seeker)
    return job_seeker


@pytest.fixture
def trajectory(seeker, programme):
    """A running trajectory: the handover's parts and health consented."""
    handover = {
        "first_name": seeker.first_name,
        "last_name": seeker.last_name,
        "phone": "0612345678",
        "education_level": seeker.education_level,
        "ladder_rung": seeker.ladder_rung,
        "wishes": "Werken in de zorg",
        "possibilities": "Fulltime beschikbaar",
        "skills": "Plannen en organiseren",
        "limitations": "Kan niet lang staan.",
    }
    return TrajectoryFactory(
        job_seeker=seeker, programme=programme, started=True, handover=handover, health_consent=True
    )


@pytest.fixture
def english():
    """Messages in English, so that tests can read them."""
    from django.utils import translation

    with translation.override("en"):
        yield
