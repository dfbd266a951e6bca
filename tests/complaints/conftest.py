"""Complaints in Amsterdam: a job seeker in a trajectory with a provider, the
municipality's and the provider's complaint handlers, an employer."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import (
    JobSeekerFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from werkpad.complaints import services
from werkpad.complaints.models import Subject
from werkpad.core.models import Organisation
from werkpad.core.permissions import Role

#: Monday 23 November 2026, 10:00.
NOW = dt.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
TODAY = NOW.date()


@pytest.fixture
def handler(amsterdam):
    """The municipality's complaint handler (the organisation job seekers belong to)."""
    return UserFactory.with_role(Role.COMPLAINT_HANDLER, municipality=amsterdam)


@pytest.fixture
def municipal_org(handler):
    return Organisation.objects.get(memberships__user=handler, kind=Organisation.Kind.MUNICIPALITY)


@pytest.fixture
def provider(amsterdam):
    return ProviderFactory(municipality=amsterdam, name="Werkbrug Timmerhuis")


@pytest.fixture
def provider_handler(provider):
    return UserFactory.with_role(Role.COMPLAINT_HANDLER, organisation=provider.organisation)


@pytest.fixture
def seeker(amsterdam, provider, municipal_org):
    own = JobSeekerFactory(
        municipality=amsterdam, first_name="Ilse", last_name="Timmerhuis-Oost", postcode="1011AB"
    )
    TrajectoryFactory(job_seeker=own, programme=ProgrammeFactory(provider=provider), started=True)
    return own


@pytest.fixture
def seeker_user(seeker):
    return job_seeker_login(seeker)


@pytest.fixture
def employer_org(amsterdam):
    return OrganisationFactory(
        municipality=amsterdam, kind=Organisation.Kind.EMPLOYER, name="Bakkerij Zuidas"
    )


@pytest.fixture
def employer_user(employer_org):
    return UserFactory.with_role(Role.EMPLOYER, organisation=employer_org)


def file(user, about, subject=Subject.MUNICIPALITY_CONDUCT, **kwargs):
    return services.complaint_file(
        user=user,
        filing=services.Filing(
            subject=subject,
            about_id=about.pk,
            description=kwargs.pop("description", "Mijn afspraak werd drie keer afgezegd."),
            **kwargs,
        ),
    )


def advance(complaint, handler, to: str):
    """Take ``complaint`` through the handler's steps up to status ``to``."""
    steps = ["acknowledged", "heard", "decided"]
    for step in steps[: steps.index(to) + 1]:
        complaint.refresh_from_db()
        if step == "acknowledged":
            services.complaint_acknowledge(user=handler, complaint_id=complaint.pk)
        elif step == "heard":
            services.complaint_hear(user=handler, complaint_id=complaint.pk, held_on=TODAY)
        else:
            services.complaint_decide(
                user=handler,
                complaint_id=complaint.pk,
                outcome="partly_founded",
                conclusions="De afspraken zijn te vaak verzet.",
                measures="De coach belt voortaan zelf.",
            )
    complaint.refresh_from_db()
    return complaint
